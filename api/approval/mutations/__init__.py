"""Approval Mutation fields (thin: check, call a service, map)."""

from __future__ import annotations

import strawberry

from api.approval import services
from api.approval.inputs import (
    AcceptApplicationInput,
    ClaimPushInput,
    CompleteApplicationInput,
    RecordPushDispatchInput,
    ReportAcceptanceInput,
    ReportCompletionInput,
    SubmitApplicationInput,
)
from api.approval.models import Channel, HandlingMode, Outcome
from api.approval.models import SkipReason as SkipReasonModel
from api.approval.services import documents
from api.approval.types import (
    Application,
    ApplicationResult,
    Push,
    PushResult,
    SubmitApplicationResult,
)
from api.core.authz import requires
from api.core.errors import parse_id
from api.core.kit import Info, actor_of, validation_result


@strawberry.type
class ApprovalMutation:
    @strawberry.mutation(description="申报办件", extensions=requires("application", "write"))
    @validation_result
    async def submit_application(
        self,
        info: Info,
        input: SubmitApplicationInput,  # noqa: A002
    ) -> SubmitApplicationResult:
        row = await services.submit_application(
            session=info.context.session, data=input.to_model(), actor=actor_of(info)
        )
        return Application.from_row(row)

    @strawberry.mutation(
        description="受理办件：核验信用核查凭证，按现行清单推送监管部门",
        extensions=requires("application", "write"),
    )
    @validation_result
    async def accept_application(
        self,
        info: Info,
        input: AcceptApplicationInput,  # noqa: A002
    ) -> ApplicationResult:
        row = await services.accept_application(
            session=info.context.session,
            application_id=parse_id(input.application_id, "applicationId"),
            handling_mode=HandlingMode(input.handling_mode),
            credit_ticket=input.credit_ticket,
            actor=actor_of(info),
            scope=info.context.scope,
            skip=services.MeasureSkip(
                reason=SkipReasonModel(input.skip_reason) if input.skip_reason else None,
                note=input.skip_note,
                stricter_review=input.stricter_review,
            ),
            missing_items=[i.to_draft() for i in input.missing_items],
            commitment=input.commitment.to_draft() if input.commitment else None,
        )
        return Application.from_row(row)

    @strawberry.mutation(
        description="办结办件（准予或不予），附法律文书，再次推送监管部门",
        extensions=requires("application", "write"),
    )
    @validation_result
    async def complete_application(
        self,
        info: Info,
        input: CompleteApplicationInput,  # noqa: A002
    ) -> ApplicationResult:
        row = await services.complete_application(
            session=info.context.session,
            application_id=parse_id(input.application_id, "applicationId"),
            outcome=Outcome(input.outcome),
            documents=[d.to_model() for d in input.documents],
            files=[d.to_file() for d in input.documents],
            refusal_reason=input.refusal_reason,
            actor=actor_of(info),
            scope=info.context.scope,
        )
        return Application.from_row(row)

    @strawberry.mutation(
        description="认领线下渠道的推送（记录认领人、时间、方式）",
        extensions=requires("push", "claim"),
    )
    @validation_result
    async def claim_push(
        self,
        info: Info,
        input: ClaimPushInput,  # noqa: A002
    ) -> PushResult:
        row = await services.claim_push(
            session=info.context.session,
            push_id=parse_id(input.push_id, "pushId"),
            method=Channel(input.method),
            note=input.note,
            actor=actor_of(info),
            receipt=input.receipt.to_draft() if input.receipt else None,
        )
        return Push.from_row(row)

    @strawberry.mutation(
        description="登记线下推送的发送记录（审批部门：函号或交接编号、日期、文件；只登记一次）",
        extensions=requires("application", "write"),
    )
    @validation_result
    async def record_push_dispatch(
        self,
        info: Info,
        input: RecordPushDispatchInput,  # noqa: A002
    ) -> PushResult:
        actor = actor_of(info)
        row = await documents.record_dispatch(
            session=info.context.session,
            push_id=parse_id(input.push_id, "pushId"),
            draft=input.to_draft(),
            username=actor.username,
            department_id=actor.department_id,
        )
        return Push.from_row(row)

    @strawberry.mutation(
        description="监管无异常，一键办结反馈", extensions=requires("push", "claim")
    )
    @validation_result
    async def close_push_without_abnormality(
        self, info: Info, push_id: strawberry.ID
    ) -> PushResult:
        row = await services.close_without_abnormality(
            session=info.context.session,
            push_id=parse_id(push_id, "pushId"),
            actor=actor_of(info),
        )
        return Push.from_row(row)

    @strawberry.mutation(
        description=(
            "对接系统上报受理（幂等：同一账号的同一幂等键只执行一次；"
            "键相同而内容不同答 IDEMPOTENCY_CONFLICT，不写入任何数据）"
        ),
        extensions=requires("application", "report"),
    )
    @validation_result
    async def report_acceptance(
        self,
        info: Info,
        input: ReportAcceptanceInput,  # noqa: A002
    ) -> ApplicationResult:
        actor = actor_of(info)
        row = await services.report_acceptance(
            session=info.context.session,
            source_system=actor.username,
            idempotency_key=input.idempotency_key,
            external_id=input.external_id,
            data=input.to_model(),
            actor=actor,
            times=services.ReportedTimes(
                submitted_at=input.submitted_at, accepted_at=input.accepted_at
            ),
        )
        return Application.from_row(row)

    @strawberry.mutation(
        description=(
            "对接系统上报办结（幂等：同一账号的同一幂等键只执行一次；"
            "键相同而内容不同答 IDEMPOTENCY_CONFLICT）"
        ),
        extensions=requires("application", "report"),
    )
    @validation_result
    async def report_completion(
        self,
        info: Info,
        input: ReportCompletionInput,  # noqa: A002
    ) -> ApplicationResult:
        actor = actor_of(info)
        row = await services.report_completion(
            session=info.context.session,
            source_system=actor.username,
            idempotency_key=input.idempotency_key,
            external_id=input.external_id,
            outcome=Outcome(input.outcome),
            documents=[d.to_model() for d in input.documents],
            files=[d.to_file() for d in input.documents],
            refusal_reason=input.refusal_reason,
            actor=actor,
            times=services.ReportedTimes(completed_at=input.completed_at),
        )
        return Application.from_row(row)
