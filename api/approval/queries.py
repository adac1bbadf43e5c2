"""Approval Query fields."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from api.approval import services
from api.approval.types import Application
from api.core.authz import requires
from api.core.errors import parse_id


@strawberry.type
class ApprovalQuery:
    @strawberry.field(
        description="办件列表（每页至多100条）", extensions=requires("application", "read")
    )
    async def applications(
        self,
        info: Info[Any, Any],
        matter_id: strawberry.ID | None = None,
        first: int = 100,
        offset: int = 0,
    ) -> list[Application]:
        rows = await services.list_applications(
            session=info.context.session,
            matter_id=parse_id(matter_id, "matterId") if matter_id else None,
            limit=first,
            offset=offset,
        )
        return [Application.from_row(r) for r in rows]

    @strawberry.field(description="按编号查询办件", extensions=requires("application", "read"))
    async def application(self, info: Info[Any, Any], id: strawberry.ID) -> Application | None:  # noqa: A002
        row = await info.context.loaders.application.load(parse_id(id, "id"))
        return Application.from_row(row) if row else None
