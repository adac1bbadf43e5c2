"""Catalog Query fields: check (declared on the field), call a service, map."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from api.catalog import services
from api.catalog.types import Department, Matter, MatterKind
from api.core.accounts import departments_of, user_by_id
from api.core.authz import requires, signed_in
from api.core.errors import parse_id


@strawberry.type(description="当前登录用户")
class Me:
    username: str
    display_name: str
    department_id: strawberry.ID
    department_ids: list[strawberry.ID]
    roles: list[str]


@strawberry.type
class CatalogQuery:
    @strawberry.field(description="部门列表", extensions=requires("department", "read"))
    async def departments(self, info: Info[Any, Any]) -> list[Department]:
        rows = await services.list_departments(session=info.context.session)
        return [Department.from_row(r) for r in rows]

    @strawberry.field(
        description="事项列表（每页至多100条）", extensions=requires("matter", "read")
    )
    async def matters(
        self,
        info: Info[Any, Any],
        kind: MatterKind | None = None,  # type: ignore[valid-type]
        department_id: strawberry.ID | None = None,
        keyword: str | None = None,
        first: int = 100,
        offset: int = 0,
    ) -> list[Matter]:
        rows = await services.list_matters(
            session=info.context.session,
            kind=kind,
            department_id=parse_id(department_id, "departmentId") if department_id else None,
            keyword=keyword,
            limit=first,
            offset=offset,
        )
        return [Matter.from_row(r) for r in rows]

    @strawberry.field(description="当前登录用户及其部门、角色", extensions=signed_in())
    async def me(self, info: Info[Any, Any]) -> Me | None:
        ctx = info.context
        user = await user_by_id(session=ctx.session, user_id=ctx.principal.user_id)
        if user is None:
            return None
        departments = await departments_of(session=ctx.session, username=user.username)
        return Me(
            username=user.username,
            display_name=user.display_name,
            department_id=strawberry.ID(ctx.principal.department_id),
            department_ids=[strawberry.ID(d) for d in departments],
            roles=await ctx.authorizer.roles_of(ctx.principal),
        )
