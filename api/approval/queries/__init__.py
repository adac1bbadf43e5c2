"""Approval Query fields (thin: check, call a service, map)."""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable
from datetime import date
from typing import TypeVar

import strawberry

from api.approval import services
from api.approval.models import ApplicationStatus as StatusModel
from api.approval.models.sms import SmsMessage as SmsMessageRow
from api.approval.services import documents, inbox_search, sms
from api.approval.types import (
    Application,
    ApplicationStatus,
    ApprovalQuality,
    CardColor,
    CreditNotice,
    CreditNoticeConnection,
    DocumentFile,
    EscalationCard,
    EscalationCardConnection,
    Feedback,
    FeedbackConnection,
    FeedbackState,
    MeasureStatistic,
    MonthlySummary,
    MonthlySummaryWorkbook,
    ProposedMeasure,
    Push,
    PushConnection,
    PushFileKind,
    PushStage,
    PushState,
    SmsMessage,
    SmsMessageConnection,
)
from api.core import audit
from api.core.authz import requires
from api.core.errors import BadArgumentError, NotFoundError, ValidationFailed, parse_id
from api.core.kit import Info, lookup_id, optional_id
from api.core.pagination import (
    Connection,
    KeysetPage,
    RowsPage,
    keyset_list,
    page_size,
)

RowT = TypeVar("RowT")
NodeT = TypeVar("NodeT")


@strawberry.type
class ApprovalQuery:
    @strawberry.field(
        description=("下载法律文书的文件（审批部门及收到该办件办结推送的部门；其他部门为 null）"),
        extensions=requires("push", "read"),
    )
    async def legal_document_file(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
    ) -> DocumentFile | None:
        document_id = lookup_id(id)
        if document_id is None:
            return None
        found = await documents.legal_document_file(
            info.context.session, document_id, info.context.scope
        )
        return DocumentFile.from_content(found) if found else None

    @strawberry.field(
        description="下载推送所附文件：签收回执或发送的函件（推送双方；其他部门为 null）",
        extensions=requires("push", "read"),
    )
    async def push_file(
        self,
        info: Info,
        push_id: strawberry.ID,
        kind: PushFileKind,
    ) -> DocumentFile | None:
        try:
            pid = parse_id(push_id, "pushId")
        except ValidationFailed:
            return None
        found = await documents.push_file(
            info.context.session, pid, documents.PushFileKind(kind), info.context.scope
        )
        return DocumentFile.from_content(found) if found else None

    @strawberry.field(
        description=(
            "办件列表（限职责范围，每页至多100条）；applicant 申请人名称（包含），applicantCode"
            " 统一社会信用代码或身份证号（精确），submittedSince/Until 申报日期（北京时间，含），"
            "newestFirst 新的在前，missingItemsOutstanding 仅列出尚有容缺材料待补正的办件"
        ),
        extensions=requires("application", "read"),
    )
    async def applications(
        self,
        info: Info,
        matter_id: strawberry.ID | None = None,
        status: ApplicationStatus | None = None,
        first: int = 100,
        offset: int = 0,
        applicant: str | None = None,
        applicant_code: str | None = None,
        submitted_since: date | None = None,
        submitted_until: date | None = None,
        newest_first: bool = False,
        missing_items_outstanding: bool = False,
    ) -> list[Application]:
        rows = await services.list_applications(
            session=info.context.session,
            scope=info.context.scope,
            matter_id=optional_id(matter_id, "matterId"),
            status=StatusModel(status) if status else None,
            applicant=applicant,
            applicant_code=applicant_code,
            submitted_since=submitted_since,
            submitted_until=submitted_until,
            missing_items_outstanding=missing_items_outstanding,
            newest_first=newest_first,
            limit=first,
            offset=offset,
        )
        return [Application.from_row(r) for r in rows]

    @strawberry.field(
        description="按编号查询办件（职责范围外视为不存在）",
        extensions=requires("application", "read"),
    )
    async def application(self, info: Info, id: strawberry.ID) -> Application | None:  # noqa: A002
        try:
            row = await services.get_application(
                info.context.session, parse_id(id, "id"), info.context.scope
            )
        except NotFoundError:
            return None
        return Application.from_row(row)

    @strawberry.field(
        description=(
            "本部门收到的推送（可按认领状态、反馈状态、是否逾期筛选）；supervisionCode 监管码"
            "（短信末尾所附，精确），applicant 申请人名称（包含）或代码（精确），stage 推送环节，"
            "pushedSince/Until 推送日期（北京时间，含），newestFirst 新的在前；withinScope 为真时"
            "列出职责范围内的推送（本部门发出或收到，协调办为全市，与 overduePushes 同范围）"
        ),
        extensions=requires("push", "read"),
    )
    async def push_inbox(
        self,
        info: Info,
        state: PushState | None = None,
        overdue: bool | None = None,
        first: int = 20,
        after: str | None = None,
        feedback_state: FeedbackState | None = None,
        supervision_code: str | None = None,
        applicant: str | None = None,
        stage: PushStage | None = None,
        pushed_since: date | None = None,
        pushed_until: date | None = None,
        newest_first: bool = False,
        within_scope: bool = False,
    ) -> PushConnection:
        ctx = info.context
        filters = inbox_search.PushFilter(
            supervision_code=supervision_code,
            applicant=applicant,
            stage=stage,
            state=state,
            feedback_state=feedback_state,
            overdue=overdue,
            pushed_since=pushed_since,
            pushed_until=pushed_until,
        )
        if within_scope:
            # The workbench's 本部门/全市逾期推送 counts overduePushes (the caller's scope):
            # its tile opens this list with overdue and withinScope, the same pushes.
            return await keyset_list(
                "push",
                after,
                lambda after_id: inbox_search.search_pushes_in_scope(
                    session=ctx.session,
                    scope=ctx.scope,
                    filters=filters,
                    newest_first=newest_first,
                    first=first,
                    after=after_id,
                ),
                Push.from_row,
            )
        return await keyset_list(
            "push",
            after,
            lambda after_id: inbox_search.search_received_pushes(
                session=ctx.session,
                department_id=int(ctx.require_principal().department_id),
                filters=filters,
                newest_first=newest_first,
                first=first,
                after=after_id,
            ),
            Push.from_row,
        )

    @strawberry.field(
        description="逾期未认领或未反馈的推送（限职责范围）", extensions=requires("push", "read")
    )
    async def overdue_pushes(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> PushConnection:
        ctx = info.context
        return await keyset_list(
            "push",
            after,
            lambda after_id: services.overdue_pushes(
                session=ctx.session, scope=ctx.scope, first=first, after=after_id
            ),
            Push.from_row,
        )

    @strawberry.field(
        description="本部门收到的监管反馈（异常结果）", extensions=requires("feedback", "read")
    )
    async def feedback_inbox(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> FeedbackConnection:
        return await _received(
            info, "feedback", first, after, services.received_feedback, Feedback.from_row
        )

    @strawberry.field(
        description="本部门在办办件申请人的信用变动通知（信用子图认定变化后自动推送）",
        extensions=requires("feedback", "read"),
    )
    async def credit_notices(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> CreditNoticeConnection:
        return await _received(
            info,
            "credit_notice",
            first,
            after,
            services.received_credit_notices,
            CreditNotice.from_row,
        )

    @strawberry.field(
        description="已发送的短信提醒（本部门；协调办与管理员可见全部）",
        extensions=requires("push", "read"),
    )
    async def sms_messages(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> SmsMessageConnection:
        ctx = info.context
        scope = ctx.scope
        department = None if scope.city_wide else scope.department_id

        async def fetch(after_id: int | None) -> KeysetPage[SmsMessageRow]:
            limit = page_size(first)
            rows = await sms.messages(
                ctx.session, department_id=department, after_id=after_id, limit=limit + 1
            )
            total = await sms.count_messages(ctx.session, department_id=department)
            return KeysetPage(rows=rows[:limit], total=total, has_next=len(rows) > limit)

        return await keyset_list("sms", after, fetch, lambda r: SmsMessage.from_row(r, scope))

    @strawberry.field(
        description="受理前：依信用核查凭证建议的信用措施",
        extensions=requires("application", "read"),
    )
    async def proposed_measures(
        self, info: Info, application_id: strawberry.ID, credit_ticket: str
    ) -> list[ProposedMeasure]:
        try:
            rows = await services.proposed_measures(
                info.context.session,
                parse_id(application_id, "applicationId"),
                credit_ticket,
                info.context.scope,
            )
        except NotFoundError:
            return []
        except ValidationFailed as exc:
            raise BadArgumentError.from_validation(exc) from None
        return [ProposedMeasure(measure=m, kind=k) for m, k in rows]

    @strawberry.field(
        description="信用措施适用 / 未适用统计（按事项、审批部门；限职责范围）",
        extensions=requires("application", "read"),
    )
    async def credit_measure_statistics(
        self,
        info: Info,
        matter_id: strawberry.ID | None = None,
        department_id: strawberry.ID | None = None,
    ) -> list[MeasureStatistic]:
        rows = await services.measure_statistics(
            session=info.context.session,
            scope=info.context.scope,
            matter_id=optional_id(matter_id, "matterId"),
            department_id=optional_id(department_id, "departmentId"),
        )
        return [
            MeasureStatistic(
                measure=r.measure,
                kind=r.kind,
                applied=r.applied,
                skipped=r.skipped,
                matter_id=r.matter_id,
                department_id=r.department_id,
            )
            for r in rows
        ]

    @strawberry.field(
        description="审批质量：许可办结后3/6/12个月内监管发现异常的占比，告知承诺不实占比",
        extensions=requires("application", "read"),
    )
    async def approval_quality(
        self,
        info: Info,
        matter_id: strawberry.ID | None = None,
        department_id: strawberry.ID | None = None,
    ) -> list[ApprovalQuality]:
        rows = await services.approval_quality(
            session=info.context.session,
            scope=info.context.scope,
            matter_id=optional_id(matter_id, "matterId"),
            department_id=optional_id(department_id, "departmentId"),
        )
        return [_quality(r) for r in rows]

    @strawberry.field(
        description="本部门收到的月度汇总（协调办可见全部）", extensions=requires("push", "read")
    )
    async def monthly_summaries(self, info: Info) -> list[MonthlySummary]:
        rows = await services.monthly_summaries(info.context.session, info.context.scope)
        return [MonthlySummary.from_row(r) for r in rows]

    @strawberry.field(
        description="下载月度汇总表格（职责范围外视为不存在）", extensions=requires("push", "read")
    )
    async def monthly_summary_workbook(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
    ) -> MonthlySummaryWorkbook | None:
        row = await services.monthly_summary(
            info.context.session, parse_id(id, "id"), info.context.scope
        )
        if row is None:
            return None
        name = f"监管月度汇总-{row.month.strftime('%Y-%m')}-{row.department_id}.xlsx"
        ctx = info.context
        principal = ctx.require_principal()
        await audit.record_committed(
            ctx.session,
            actor=audit.Actor(principal.username, principal.department_id, ctx.client_address),
            action=audit.AuditAction.EXPORT,
            target=name,
            detail={"monthly_summary_id": row.id},
        )
        return MonthlySummaryWorkbook(
            file_name=name, content_base64=base64.b64encode(row.workbook).decode("ascii")
        )

    @strawberry.field(
        description="按监管码打开推送（职责范围外视为不存在）", extensions=requires("push", "read")
    )
    async def push_by_code(self, info: Info, code: str) -> Push | None:
        row = await services.push_by_code(info.context.session, code, info.context.scope)
        return Push.from_row(row) if row else None

    @strawberry.field(
        description="黄牌 / 红牌记录（本部门被亮牌或本部门推送的；协调办可见全部）",
        extensions=requires("push", "read"),
    )
    async def escalation_cards(
        self,
        info: Info,
        color: CardColor | None = None,
        department_id: strawberry.ID | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> EscalationCardConnection:
        ctx = info.context
        return await keyset_list(
            "card",
            after,
            lambda after_id: services.escalation_cards(
                session=ctx.session,
                scope=ctx.scope,
                color=color,
                department_id=optional_id(department_id, "departmentId"),
                first=first,
                after=after_id,
            ),
            EscalationCard.from_row,
        )

    @strawberry.field(
        description="协调办督办看板：全市红牌（默认只列仍未认领或未反馈的）",
        extensions=requires("escalation_board", "read"),
    )
    async def red_card_board(
        self,
        info: Info,
        open_only: bool = True,
        first: int = 20,
        after: str | None = None,
    ) -> EscalationCardConnection:
        return await keyset_list(
            "card",
            after,
            lambda after_id: services.red_card_board(
                session=info.context.session, open_only=open_only, first=first, after=after_id
            ),
            EscalationCard.from_row,
        )


async def _received(
    info: Info,
    kind: str,
    first: int,
    after: str | None,
    fetch: Callable[..., Awaitable[RowsPage[RowT]]],
    to_node: Callable[[RowT], NodeT],
) -> Connection[NodeT]:
    """A keyset inbox of what the caller's own department received (``fetch`` is the
    service, called with the session, the department, ``first`` and ``after``)."""
    ctx = info.context
    department_id = int(ctx.require_principal().department_id)
    return await keyset_list(
        kind,
        after,
        lambda after_id: fetch(
            session=ctx.session, department_id=department_id, first=first, after=after_id
        ),
        to_node,
    )


def _quality(row: services.QualityFigures) -> ApprovalQuality:
    within = row.abnormal_within or {}
    return ApprovalQuality(
        licences=row.licences,
        abnormal_within_3_months=within.get(3, 0),
        abnormal_within_6_months=within.get(6, 0),
        abnormal_within_12_months=within.get(12, 0),
        abnormal_share_3_months=row.share(within.get(3, 0), row.licences),
        abnormal_share_6_months=row.share(within.get(6, 0), row.licences),
        abnormal_share_12_months=row.share(within.get(12, 0), row.licences),
        commitments=row.commitments,
        false_commitments=row.false_commitments,
        false_commitment_share=row.share(row.false_commitments, row.commitments),
        matter_id=row.matter_id,
        department_id=row.department_id,
    )
