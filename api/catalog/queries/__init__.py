"""Catalog Query fields: check (declared on the field), call a service, map."""

from __future__ import annotations

import strawberry

from api.catalog import services
from api.catalog.types import Department, Matter, MatterKind
from api.core.authz import requires
from api.core.kit import Info, optional_id


@strawberry.type
class CatalogQuery:
    @strawberry.field(description="部门列表", extensions=requires("department", "read"))
    async def departments(self, info: Info) -> list[Department]:
        rows = await services.list_departments(session=info.context.session)
        return [Department.from_row(r) for r in rows]

    @strawberry.field(
        description="事项列表（每页至多100条）", extensions=requires("matter", "read")
    )
    async def matters(
        self,
        info: Info,
        kind: MatterKind | None = None,
        department_id: strawberry.ID | None = None,
        keyword: str | None = None,
        first: int = 100,
        offset: int = 0,
    ) -> list[Matter]:
        rows = await services.list_matters(
            session=info.context.session,
            kind=kind,
            department_id=optional_id(department_id, "departmentId"),
            keyword=keyword,
            limit=first,
            offset=offset,
        )
        return [Matter.from_row(r) for r in rows]
