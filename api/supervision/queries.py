"""Supervision Query fields."""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable
from typing import Any

import strawberry

from api.core.authz import requires
from api.core.kit import Info, lookup_id, optional_id
from api.core.pagination import keyset_list
from api.supervision import services
from api.supervision.types import Finding, NoticeFile, PolicyNotice, PolicyNoticeConnection


async def _notice_page(
    info: Info,
    load: Callable[..., Awaitable[Any]],
    first: int,
    after: str | None,
) -> PolicyNoticeConnection:
    """One page of the caller's department's notices (issued or received), by keyset cursor."""
    ctx = info.context
    return await keyset_list(
        "notice",
        after,
        lambda after_id: load(
            session=ctx.session,
            department_id=int(ctx.require_principal().department_id),
            first=first,
            after=after_id,
        ),
        PolicyNotice.from_row,
    )


@strawberry.type
class SupervisionQuery:
    @strawberry.field(
        description="监管结果列表（本部门登记或涉及本部门审批的，每页至多100条）",
        extensions=requires("finding", "read"),
    )
    async def findings(
        self,
        info: Info,
        application_id: strawberry.ID | None = None,
        first: int = 100,
        offset: int = 0,
    ) -> list[Finding]:
        rows = await services.list_findings(
            session=info.context.session,
            scope=info.context.scope,
            application_id=optional_id(application_id, "applicationId"),
            limit=first,
            offset=offset,
        )
        return [Finding.from_row(r) for r in rows]

    @strawberry.field(
        description="本部门发布的法律法规政策变化通知（含各接收部门的阅读情况）",
        extensions=requires("notice", "read"),
    )
    async def issued_notices(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> PolicyNoticeConnection:
        return await _notice_page(info, services.issued_notices, first, after)

    @strawberry.field(
        description="下载通知附件（发布部门与接收部门；其他部门为 null）",
        extensions=requires("notice", "read"),
    )
    async def notice_attachment_file(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
    ) -> NoticeFile | None:
        attachment_id = lookup_id(id)
        if attachment_id is None:
            return None
        found = await services.attachment_content(
            session=info.context.session, attachment_id=attachment_id, scope=info.context.scope
        )
        if found is None:
            return None
        return NoticeFile(
            file_name=found.attachment.file_name,
            content_type=found.attachment.content_type,
            sha256=found.attachment.sha256,
            content_base64=base64.b64encode(found.data).decode(),
        )

    @strawberry.field(
        description="本部门收到的法律法规政策变化通知", extensions=requires("notice", "read")
    )
    async def notice_inbox(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> PolicyNoticeConnection:
        return await _notice_page(info, services.received_notices, first, after)
