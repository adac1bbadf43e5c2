"""Workbench count fields of the access subgraph (thin: check, call a service)."""

from __future__ import annotations

import strawberry

from api.access.services import workbench
from api.core.authz import requires
from api.core.kit import Info
from api.core.workbench import window_days


@strawberry.type
class WorkbenchQuery:
    @strawberry.field(
        description="当前被锁定的账号数（连续登录失败）", extensions=requires("account", "admin")
    )
    async def locked_account_count(self, info: Info) -> int:
        return await workbench.count_locked_accounts(info.context.session)

    @strawberry.field(
        description="近 withinDays 天的权限策略变更次数", extensions=requires("policy", "admin")
    )
    async def policy_change_count(self, info: Info, within_days: int = 7) -> int:
        return await workbench.count_policy_changes(
            info.context.session, within_days=window_days(within_days, "withinDays")
        )
