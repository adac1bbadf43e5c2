"""Supervision Query fields."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from api.core.authz import requires
from api.core.errors import parse_id
from api.supervision import services
from api.supervision.types import Finding


@strawberry.type
class SupervisionQuery:
    @strawberry.field(
        description="监管结果列表（每页至多100条）", extensions=requires("finding", "read")
    )
    async def findings(
        self,
        info: Info[Any, Any],
        application_id: strawberry.ID | None = None,
        first: int = 100,
        offset: int = 0,
    ) -> list[Finding]:
        rows = await services.list_findings(
            session=info.context.session,
            application_id=parse_id(application_id, "applicationId") if application_id else None,
            limit=first,
            offset=offset,
        )
        return [Finding.from_row(r) for r in rows]
