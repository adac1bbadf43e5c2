"""Workbench count fields of the coordination subgraph (thin: check, call a service)."""

from __future__ import annotations

import strawberry

from api.coordination.models import EscalationStatus as EscalationStatusModel
from api.coordination.services import workbench
from api.coordination.types import EscalationStatus
from api.core.authz import requires
from api.core.kit import Info
from api.core.workbench import window_days


@strawberry.type
class WorkbenchQuery:
    @strawberry.field(
        description="提请事项数（与 escalations 同一范围：协调办为全市；status 为某一状态）",
        extensions=requires("escalation", "read"),
    )
    async def escalation_count(
        self,
        info: Info,
        status: EscalationStatus | None = None,
    ) -> int:
        return await workbench.count_escalations(
            session=info.context.session,
            scope=info.context.scope,
            status=None if status is None else EscalationStatusModel(status),
        )

    @strawberry.field(
        description="待召开的联席会议数：已召集未召开、会期在 withinDays 天内（含已过期未录纪要）",
        extensions=requires("meeting", "read"),
    )
    async def meetings_due_count(self, info: Info, within_days: int = 7) -> int:
        return await workbench.count_meetings_due(
            session=info.context.session,
            scope=info.context.scope,
            within_days=window_days(within_days, "withinDays"),
        )
