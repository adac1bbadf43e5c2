"""Approval Subscription fields: an open inbox updates live."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from api.approval.types import InboxEvent
from api.core import live
from api.core.authz import requires
from api.core.kit import Info


@strawberry.type
class ApprovalSubscription:
    @strawberry.subscription(
        description="本部门收件箱实时更新：新推送（PUSH）、新反馈（FEEDBACK），收到后按编号刷新",
        extensions=requires("push", "read"),
    )
    async def inbox_updates(self, info: Info) -> AsyncGenerator[InboxEvent, None]:
        ctx = info.context
        department_id = int(ctx.require_principal().department_id)
        async for message in live.listen(ctx.session, live.inbox_channel(department_id)):
            kind, _, ident = message.partition(":")
            yield InboxEvent(kind=kind, id=strawberry.ID(ident))
