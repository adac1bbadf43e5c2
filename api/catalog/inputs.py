"""Input types of the catalog subgraph."""

from __future__ import annotations

import strawberry

from api.catalog import models
from api.catalog.types import DepartmentLevel, MatterKind
from api.core.errors import parse_id


@strawberry.input(description="新建部门")
class CreateDepartmentInput:
    name: str
    short_name: str
    level: DepartmentLevel = models.DepartmentLevel.CITY  # type: ignore[valid-type]
    credit_code: str | None = None
    parent_id: strawberry.ID | None = None

    def to_model(self) -> models.DepartmentCreate:
        return models.DepartmentCreate(
            name=self.name,
            short_name=self.short_name,
            level=self.level,
            credit_code=self.credit_code or None,
            parent_id=parse_id(self.parent_id, "parentId") if self.parent_id else None,
        )


@strawberry.input(description="新建事项")
class CreateMatterInput:
    code: str
    name: str
    kind: MatterKind  # type: ignore[valid-type]
    department_id: strawberry.ID
    legal_basis: str = ""

    def to_model(self) -> models.MatterCreate:
        return models.MatterCreate(
            code=self.code,
            name=self.name,
            kind=self.kind,
            department_id=parse_id(self.department_id, "departmentId"),
            legal_basis=self.legal_basis,
        )
