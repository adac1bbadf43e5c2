"""Supervision Mutation fields."""

from __future__ import annotations

import strawberry

from api.core.authz import requires
from api.core.errors import parse_id
from api.core.kit import Info, validation_result
from api.supervision import services
from api.supervision.inputs import AnnouncePolicyNoticeInput, RecordFindingInput
from api.supervision.types import (
    Finding,
    MarkNoticeReadResult,
    PolicyNotice,
    PolicyNoticeResult,
    RecordFindingResult,
)


@strawberry.type
class SupervisionMutation:
    @strawberry.mutation(
        description="登记监管结果（记在当前用户所在部门名下；异常结果反馈审批部门）",
        extensions=requires("finding", "write"),
    )
    @validation_result
    async def record_finding(
        self,
        info: Info,
        input: RecordFindingInput,  # noqa: A002
    ) -> RecordFindingResult:
        ctx = info.context
        principal = ctx.require_principal()
        data = input.to_model(department_id=int(principal.department_id))
        row = await services.record_finding(
            session=ctx.session, data=data, recorded_by=principal.username
        )
        return Finding.from_row(row)

    @strawberry.mutation(
        description="将政策变化通知关联到它引起的清单版本（发布部门）",
        extensions=requires("notice", "write"),
    )
    @validation_result
    async def link_policy_notice_to_list_version(
        self, info: Info, notice_id: strawberry.ID, list_version: int
    ) -> PolicyNoticeResult:
        ctx = info.context
        row = await services.link_notice_to_list_version(
            session=ctx.session,
            notice_id=parse_id(notice_id, "noticeId"),
            list_version=list_version,
            department_id=int(ctx.require_principal().department_id),
        )
        return PolicyNotice.from_row(row)

    @strawberry.mutation(
        description="发布法律法规政策变化通知（送达与所涉事项联动的全部部门）",
        extensions=requires("notice", "write"),
    )
    @validation_result
    async def announce_policy_notice(
        self,
        info: Info,
        input: AnnouncePolicyNoticeInput,  # noqa: A002
    ) -> PolicyNoticeResult:
        ctx = info.context
        principal = ctx.require_principal()
        row = await services.announce_notice(
            session=ctx.session,
            data=input.to_model(),
            from_department_id=int(principal.department_id),
            announced_by=principal.username,
            attachments=[a.to_upload() for a in input.attachments],
        )
        return PolicyNotice.from_row(row)

    @strawberry.mutation(
        description="标记本部门已阅读收到的通知（记录首次阅读的人员与时间）",
        extensions=requires("notice", "read"),
    )
    @validation_result
    async def mark_notice_read(self, info: Info, notice_id: strawberry.ID) -> MarkNoticeReadResult:
        ctx = info.context
        principal = ctx.require_principal()
        nid = parse_id(notice_id, "noticeId")
        await services.mark_notice_read(
            session=ctx.session,
            notice_id=nid,
            department_id=int(principal.department_id),
            username=principal.username,
            user_id=principal.user_id,
        )
        notice = await services.get_notice(session=ctx.session, notice_id=nid)
        return PolicyNotice.from_row(notice)
