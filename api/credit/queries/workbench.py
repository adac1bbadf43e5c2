"""Workbench count fields of the credit subgraph (thin: check, call a service)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import strawberry

from api.core.authz import requires
from api.core.kit import Info
from api.core.workbench import window_days
from api.credit.services import workbench


async def _within(info: Info, count: Callable[..., Awaitable[int]], within_days: int) -> int:
    """A workbench count (``count``, a service) over the next or last ``withinDays`` days."""
    return await count(
        session=info.context.session, within_days=window_days(within_days, "withinDays")
    )


@strawberry.type
class WorkbenchQuery:
    @strawberry.field(
        description="withinDays 天内到期的联合惩戒数（现行、未撤销）",
        extensions=requires("joint_punishment", "read"),
    )
    async def punishments_ending_count(self, info: Info, within_days: int = 30) -> int:
        return await _within(info, workbench.count_punishments_ending, within_days)

    @strawberry.field(
        description="withinDays 天内有效期届满的信用记录数（有效记录）",
        extensions=requires("credit_record", "read"),
    )
    async def credit_records_expiring_count(self, info: Info, within_days: int = 30) -> int:
        return await _within(info, workbench.count_records_expiring, within_days)

    @strawberry.field(
        description="近 withinDays 天发布的认定规则版本数",
        extensions=requires("credit_rule", "read"),
    )
    async def credit_rule_change_count(self, info: Info, within_days: int = 30) -> int:
        return await _within(info, workbench.count_rule_changes, within_days)
