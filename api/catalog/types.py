"""GraphQL types of the catalog subgraph; rows are mapped explicitly, never exposed raw."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from api.catalog import models
from api.core.authz import requires
from api.core.errors import ValidationErrors

DepartmentLevel = strawberry.enum(models.DepartmentLevel, description="部门层级：市 / 县区 / 乡镇")
MatterKind = strawberry.enum(models.MatterKind, description="事项类别：审批事项 / 监管事项")


@strawberry.federation.type(keys=["id"], description="责任单位（部门）")
class Department:
    id: strawberry.ID
    name: str
    short_name: str
    level: DepartmentLevel  # type: ignore[valid-type]
    credit_code: str | None
    parent_id: strawberry.ID | None
    created_at: datetime

    @classmethod
    def from_row(cls, row: models.Department) -> Department:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            short_name=row.short_name,
            level=row.level,
            credit_code=row.credit_code,
            parent_id=strawberry.ID(str(row.parent_id)) if row.parent_id else None,
            created_at=row.created_at,
        )

    @classmethod
    async def resolve_reference(cls, info: Info[Any, Any], id: strawberry.ID) -> Department | None:  # noqa: A002
        row = await info.context.loaders.department.load(int(id))
        return cls.from_row(row) if row else None


@strawberry.federation.type(keys=["id"], description="政务服务事项（审批事项或监管事项）")
class Matter:
    id: strawberry.ID
    code: str
    name: str
    kind: MatterKind  # type: ignore[valid-type]
    legal_basis: str
    department_id: strawberry.Private[int]

    @strawberry.field(description="责任单位", extensions=requires("department", "read"))
    async def department(self, info: Info[Any, Any]) -> Department | None:
        row = await info.context.loaders.department.load(self.department_id)
        return Department.from_row(row) if row else None

    @classmethod
    def from_row(cls, row: models.Matter) -> Matter:
        return cls(
            id=strawberry.ID(str(row.id)),
            code=row.code,
            name=row.name,
            kind=row.kind,
            legal_basis=row.legal_basis,
            department_id=row.department_id,
        )

    @classmethod
    async def resolve_reference(cls, info: Info[Any, Any], id: strawberry.ID) -> Matter | None:  # noqa: A002
        row = await info.context.loaders.matter.load(int(id))
        return cls.from_row(row) if row else None


CreateDepartmentResult = Annotated[
    Department | ValidationErrors, strawberry.union("CreateDepartmentResult")
]
CreateMatterResult = Annotated[Matter | ValidationErrors, strawberry.union("CreateMatterResult")]
