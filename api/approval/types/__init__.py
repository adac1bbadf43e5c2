"""GraphQL types of the approval subgraph, and its extensions of others' entities."""

from __future__ import annotations

import base64
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from api.approval import models, services
from api.approval.models.sms import SmsMessage as SmsMessageRow
from api.approval.models.sms import SmsStatus as SmsStatusModel
from api.approval.services import credit_notice_text, documents, level_name
from api.approval.services.delivery import Delivery
from api.approval.types.facilitation import Commitment, MissingItem, VerificationTask
from api.core import sms_templates
from api.core.authz import requires
from api.core.clock import local_today
from api.core.errors import ValidationErrors, reference_id
from api.core.identifiers import mask_id_number, mask_mobile, masked_subject_code
from api.core.kit import Info, from_row, person_name
from api.core.pagination import Connection
from api.core.scope import Scope
from api.core.sms_templates import SmsPurpose
from api.core.stubs import Finding, KeyedById
from api.core.subject_keys import subject_key
from api.core.tracking_ticket import TrackingTicket, sign_tracking_ticket

if TYPE_CHECKING:
    from api.approval.types.delivery import SmsDelivery

ApplicationStatus = models.ApplicationStatus
# Access registers the same enum for template administration; the SMS log needs it here too.
strawberry.enum(SmsPurpose, description="短信用途：推送提醒 / 超期提醒 / 黄牌红牌预警")
strawberry.enum(ApplicationStatus, description="办件状态：已申报 / 已受理 / 办结准予 / 办结不予")
ApplicantKind = models.ApplicantKind
strawberry.enum(ApplicantKind, description="申请人类别：法人及其他组织 / 自然人")
HandlingMode = models.HandlingMode
strawberry.enum(HandlingMode, description="办理方式：一般程序 / 绿色通道 / 容缺受理 / 告知承诺")
CreditMeasure = models.CreditMeasure
strawberry.enum(CreditMeasure, description="信用措施：绿色通道 / 容缺受理 / 告知承诺 / 从严审查")
MeasureKind = models.MeasureKind
strawberry.enum(MeasureKind, description="措施类别：守信激励 / 失信惩戒")
MeasureDecision = models.MeasureDecision
strawberry.enum(MeasureDecision, description="适用情况：已适用 / 未适用")
SkipReason = models.SkipReason
strawberry.enum(
    SkipReason,
    description="未适用理由：申请人不愿适用 / 材料齐全 / 事项不适用 / 存在风险 / 信用已修复 / 其他",
)
Outcome = models.Outcome
strawberry.enum(Outcome, description="办结结果：准予 / 不予")
DocumentKind = models.DocumentKind
strawberry.enum(DocumentKind, description="法律文书类型：许可证 / 批准文书 / 不予许可决定书 / 其他")
Channel = models.Channel
strawberry.enum(Channel, description="共享渠道：本平台 / 部门自建系统 / 书面函件 / 联席会议")
PushStage = models.PushStage
strawberry.enum(PushStage, description="推送环节：受理 / 办结")
PushState = models.PushState
strawberry.enum(PushState, description="认领状态：待认领 / 已认领")
CardStage = models.CardStage
strawberry.enum(CardStage, description="亮牌时限：认领 / 反馈")
CardColor = models.CardColor
strawberry.enum(CardColor, description="亮牌颜色：黄牌（过半）/ 红牌（将至）")
FeedbackState = models.FeedbackState
strawberry.enum(FeedbackState, description="反馈状态：无需反馈 / 待反馈 / 无异常办结 / 已反馈异常")


@strawberry.federation.type(
    keys=["id"],
    description=(
        '部门（目录子图所有）。外部子图可按 @key(fields: "id") 扩展（docs/joining-the-graph.md）'
    ),
)
class Department(KeyedById):
    pass


def _department(department_id: int | None) -> Department | None:
    return Department(id=strawberry.ID(str(department_id))) if department_id else None


@strawberry.federation.type(
    keys=["creditCode"],
    description=(
        '行政相对人（信用子图所有）。外部子图可按 @key(fields: "creditCode") 扩展'
        "（docs/joining-the-graph.md）"
    ),
)
class Subject:
    credit_code: strawberry.ID

    @strawberry.field(description="该相对人的办件", extensions=requires("application", "read"))
    async def applications(self, info: Info) -> list[Application]:
        loader = info.context.loaders.applications_by_applicant(info.context.scope)
        rows = await loader.load(str(self.credit_code))
        return [Application.from_row(r) for r in rows]

    @classmethod
    def resolve_reference(cls, **key: Any) -> Subject:
        return cls(credit_code=strawberry.ID(str(key["creditCode"])))


@strawberry.federation.type(
    keys=["id"],
    description=(
        '政务服务事项（目录子图所有）。外部子图可按 @key(fields: "id") 扩展'
        "（docs/joining-the-graph.md）"
    ),
)
class Matter(KeyedById):
    @strawberry.field(
        description="该事项的办件（限本部门职责范围）", extensions=requires("application", "read")
    )
    async def applications(self, info: Info) -> list[Application]:
        loader = info.context.loaders.applications_by_matter(info.context.scope)
        rows = await loader.load(int(self.id))
        return [Application.from_row(r) for r in rows]


PushFileKind = documents.PushFileKind
strawberry.enum(PushFileKind, description="推送所附文件：签收回执 / 发送的函件或交接单")


@strawberry.type(description="所附文件（按 SHA-256 存储一次；下载见 legalDocumentFile / pushFile）")
class AttachedFile:
    file_name: str
    content_type: str
    size: int
    sha256: str = strawberry.field(description="文件 SHA-256（十六进制），可核对下载内容")


def _attached(
    name: str | None, sha256: str | None, content_type: str | None, size: int | None
) -> AttachedFile | None:
    if not sha256:
        return None
    return AttachedFile(
        file_name=name or "", content_type=content_type or "", size=size or 0, sha256=sha256
    )


@strawberry.type(description="下载的文件（Base64）及其 SHA-256")
class DocumentFile:
    file_name: str
    content_type: str
    sha256: str
    content_base64: str

    @classmethod
    def from_content(cls, found: documents.FileContent) -> DocumentFile:
        return cls(
            file_name=found.file_name,
            content_type=found.content_type,
            sha256=found.sha256,
            content_base64=base64.b64encode(found.data).decode(),
        )


@strawberry.type(description="法律文书")
class LegalDocument:
    id: strawberry.ID
    kind: DocumentKind
    number: str
    valid_from: date | None
    valid_until: date | None
    file_name: str
    file_url: str
    file: AttachedFile | None = strawberry.field(
        description="文书文件（审批部门及收到办结推送的部门可下载：legalDocumentFile）"
    )

    @classmethod
    def from_row(cls, row: models.LegalDocument) -> LegalDocument:
        return from_row(
            cls,
            row,
            file=_attached(row.file_name, row.file_sha256, row.file_type, row.file_size),
        )


@strawberry.type(description="受理时的信用状况（来自信用核查凭证，按受理时记录保留）")
class CreditAtAcceptance:
    level: str
    level_label: str = strawberry.field(description="守信 / 一般 / 失信")
    joint_punished: bool
    lookup_id: strawberry.ID


@strawberry.type(description="受理时依信用建议的措施")
class ProposedMeasure:
    measure: CreditMeasure
    kind: MeasureKind


@strawberry.type(description="信用措施的适用记录（已适用，或未适用及理由）")
class MeasureRecord:
    measure: CreditMeasure
    kind: MeasureKind
    decision: MeasureDecision
    skip_reason: SkipReason | None
    skip_note: str
    credit_level: str
    decided_by: str
    decided_at: datetime

    @classmethod
    def from_row(cls, row: models.MeasureRecord) -> MeasureRecord:
        return from_row(
            cls,
            row,
        )


def _figures_matter(root: MeasureStatistic | ApprovalQuality) -> Matter:
    return Matter(id=strawberry.ID(str(root.matter_id)))


def _figures_department(root: MeasureStatistic | ApprovalQuality) -> Department | None:
    return _department(root.department_id)


@strawberry.type(description="信用措施统计（按事项、审批部门、措施）")
class MeasureStatistic:
    measure: CreditMeasure
    kind: MeasureKind
    applied: int
    skipped: int
    matter_id: strawberry.Private[int]
    department_id: strawberry.Private[int | None]

    matter: Matter = strawberry.field(resolver=_figures_matter, description="事项")
    department: Department | None = strawberry.field(
        resolver=_figures_department, description="审批部门"
    )


@strawberry.type(description="审批质量（来自监管结果）：按事项与审批部门")
class ApprovalQuality:
    licences: int = strawberry.field(description="办结准予的许可数")
    abnormal_within_3_months: int
    abnormal_within_6_months: int
    abnormal_within_12_months: int
    abnormal_share_3_months: float | None = strawberry.field(description="3个月内发现异常的占比")
    abnormal_share_6_months: float | None
    abnormal_share_12_months: float | None
    commitments: int = strawberry.field(description="告知承诺受理数")
    false_commitments: int = strawberry.field(description="其中承诺不实的")
    false_commitment_share: float | None
    matter_id: strawberry.Private[int]
    department_id: strawberry.Private[int | None]

    matter: Matter = strawberry.field(resolver=_figures_matter, description="事项")
    department: Department | None = strawberry.field(
        resolver=_figures_department, description="审批部门"
    )


@strawberry.type(description="按认领方式计数")
class SummaryClaimCount:
    method: Channel
    count: int


@strawberry.type(description="月度汇总（监管部门每月首个工作日收到）")
class MonthlySummary:
    id: strawberry.ID
    month: str = strawberry.field(description="月份，如 2026-04")
    pushes: int = strawberry.field(description="当月收到的推送")
    claims: int = strawberry.field(description="当月认领（全部方式，含推送即认领）")
    overdue: int = strawberry.field(description="月末仍未办结且已过期限的事项（认领或反馈）")
    feedback: int = strawberry.field(description="当月反馈办结")
    claims_by_method: list[SummaryClaimCount] = strawberry.field(
        description="当月认领按方式：推送即认领 / 部门自建系统 / 书面函件 / 联席会议"
    )
    late_claims: int = strawberry.field(description="当月认领中超过认领期限的")
    closed_without_abnormality: int = strawberry.field(description="当月无异常办结")
    abnormal_feedback: int = strawberry.field(description="当月反馈异常")
    created_at: datetime
    department_id: strawberry.Private[int]

    @strawberry.field(description="接收部门")
    def department(self) -> Department:
        return Department(id=strawberry.ID(str(self.department_id)))

    @classmethod
    def from_row(cls, row: models.MonthlySummary) -> MonthlySummary:
        return from_row(
            cls,
            row,
            month=row.month.strftime("%Y-%m"),
            claims_by_method=[
                SummaryClaimCount(method=method, count=int(row.claims_by_method.get(method, 0)))
                for method in models.Channel
            ],
        )


@strawberry.type(description="月度汇总表格（.xlsx，Base64）")
class MonthlySummaryWorkbook:
    file_name: str
    content_base64: str


@strawberry.federation.type(
    keys=["id"],
    description=('办件。外部子图可按 @key(fields: "id") 扩展（docs/joining-the-graph.md）'),
)
class Application:
    id: strawberry.ID
    status: ApplicationStatus
    applicant_kind: ApplicantKind
    applicant_name: str
    applicant_contact: str
    applicant_address: str
    handling_mode: HandlingMode
    submitted_at: datetime
    submitted_by: str
    accepted_at: datetime | None
    accepted_by: str | None
    completed_at: datetime | None
    completed_by: str | None
    refusal_reason: str | None
    list_version: int | None = strawberry.field(description="决定推送的审管联动清单版本")
    source_system: str | None
    external_id: str | None
    credit_at_acceptance: CreditAtAcceptance | None
    matter_id: strawberry.Private[int]
    applicant_code: strawberry.Private[str]
    applicant_key: strawberry.Private[str | None]
    approving_department_id: strawberry.Private[int | None]

    @strawberry.field(description="办件编号（SP + 申报日期 + 序号，如 SP20260315000123）")
    def number(self) -> str:
        return services.application_number_of(int(self.id), self.submitted_at)

    @strawberry.field(description="申报人姓名")
    async def submitted_by_name(self, info: Info) -> str:
        name: str = await info.context.loaders.display_name.load(self.submitted_by)
        return name

    @strawberry.field(description="受理人姓名")
    async def accepted_by_name(self, info: Info) -> str | None:
        if self.accepted_by is None:
            return None
        name: str = await info.context.loaders.display_name.load(self.accepted_by)
        return name

    @strawberry.field(description="办结人姓名")
    async def completed_by_name(self, info: Info) -> str | None:
        if self.completed_by is None:
            return None
        name: str = await info.context.loaders.display_name.load(self.completed_by)
        return name

    @strawberry.field(description="办理事项")
    def matter(self) -> Matter:
        return Matter(id=strawberry.ID(str(self.matter_id)))

    @strawberry.field(
        description="申请人（信用主体：法人为统一社会信用代码，自然人为 NP+密钥哈希）"
    )
    def applicant(self) -> Subject | None:
        if not self.applicant_key:
            return None
        return Subject(credit_code=strawberry.ID(self.applicant_key))

    @strawberry.field(
        description=(
            "申请人证件号码：自然人的身份证号码仅对承办（审批）部门有个人信息查看权限的人员"
            "显示全文，其他部门只见脱敏号码"
        )
    )
    def applicant_identifier(self, info: Info) -> str:
        if self.applicant_kind != models.ApplicantKind.NATURAL_PERSON:
            return self.applicant_code
        scope: Scope = info.context.scope
        handling = (
            self.approving_department_id is not None
            and scope.department_id == self.approving_department_id
        )
        return (
            self.applicant_code
            if handling and scope.personal_data
            else mask_id_number(self.applicant_code)
        )

    @strawberry.field(description="审批部门")
    def approving_department(self) -> Department | None:
        return _department(self.approving_department_id)

    @strawberry.field(description="法律文书")
    async def legal_documents(self, info: Info) -> list[LegalDocument]:
        rows = await info.context.loaders.documents_by_application.load(int(self.id))
        return [LegalDocument.from_row(r) for r in rows]

    @strawberry.field(description="受理时信用措施的适用记录")
    async def credit_measures(self, info: Info) -> list[MeasureRecord]:
        rows = await info.context.loaders.measures_by_application.load(int(self.id))
        return [MeasureRecord.from_row(r) for r in rows]

    @strawberry.federation.field(
        inaccessible=True,
        description=(
            "办件跟踪凭证（内部字段，不在公开接口中）：调用者的职责范围覆盖本办件且可作留痕"
            "信用查询时，审批子图签发，信用子图据此返回申请人当前信用"
        ),
    )
    async def credit_tracking_ticket(self, info: Info) -> str | None:
        ctx = info.context
        principal = ctx.principal
        if principal is None or not self.applicant_key:
            return None
        if not ctx.can(principal, "credit_lookup", "read"):
            return None
        if not await ctx.loaders.application_in_scope(ctx.scope).load(int(self.id)):
            return None
        return sign_tracking_ticket(
            TrackingTicket(
                application_id=int(self.id),
                subject_code=self.applicant_key,
                username=principal.username,
                department_id=int(principal.department_id),
            )
        )

    @strawberry.field(
        description="容缺受理所缺材料及补正情况（待补正的须补正或免于补正后方可办结）"
    )
    async def missing_items(self, info: Info) -> list[MissingItem]:
        rows = await info.context.loaders.missing_items_by_application.load(int(self.id))
        return [MissingItem.from_row(r) for r in rows]

    @strawberry.field(description="告知承诺：受理时登记的承诺内容与承诺书")
    async def commitment(self, info: Info) -> Commitment | None:
        row = await info.context.loaders.commitment_by_application.load(int(self.id))
        return Commitment.from_row(row) if row else None

    @strawberry.field(
        description="告知承诺核查任务（审批部门看全部，监管部门看本部门的）",
        extensions=requires("push", "read"),
    )
    async def verification_tasks(self, info: Info) -> list[VerificationTask]:
        rows = await info.context.loaders.verifications_by_application.load(int(self.id))
        scope = info.context.scope
        return [
            VerificationTask.from_row(r)
            for r in rows
            if scope.city_wide or scope.department_id in (r.department_id, r.from_department_id)
        ]

    @strawberry.field(description="推送记录", extensions=requires("push", "read"))
    async def pushes(self, info: Info) -> list[Push]:
        rows = await info.context.loaders.pushes_by_application.load(int(self.id))
        scope = info.context.scope
        return [
            Push.from_row(r)
            for r in rows
            if scope.city_wide or scope.department_id in (r.department_id, r.from_department_id)
        ]

    @classmethod
    def from_row(cls, row: models.Application) -> Application:
        credit = (
            CreditAtAcceptance(
                level=row.credit_level,
                level_label=level_name(row.credit_level),
                joint_punished=bool(row.credit_joint_punished),
                lookup_id=strawberry.ID(str(row.credit_lookup_id)),
            )
            if row.credit_level is not None and row.credit_lookup_id is not None
            else None
        )
        return from_row(
            cls,
            row,
            credit_at_acceptance=credit,
            applicant_key=row.applicant_key or subject_key(row.applicant_code),
        )

    @classmethod
    async def resolve_reference(
        cls,
        info: Info,
        id: strawberry.ID,  # noqa: A002
    ) -> Application | None:
        # The root field's rule: `application, read` and the caller's scope.
        scope = info.context.reference_scope("application")
        if scope is None:
            return None
        row = await info.context.loaders.application_in(scope).load(reference_id(id))
        return cls.from_row(row) if row else None


@strawberry.type(description="推送的法律文书：摘要与文件（接收部门可下载：legalDocumentFile）")
class PushedDocument:
    id: strawberry.ID | None = strawberry.field(description="法律文书 id（旧推送为空）")
    kind: DocumentKind
    number: str
    valid_from: date | None
    valid_until: date | None
    file: AttachedFile | None

    @classmethod
    def from_content(cls, d: dict[str, Any]) -> PushedDocument:
        document_id = d.get("document_id")
        return cls(
            id=None if document_id is None else strawberry.ID(str(document_id)),
            kind=models.DocumentKind(d["kind"]),
            number=str(d["number"]),
            valid_from=date.fromisoformat(d["valid_from"]) if d["valid_from"] else None,
            valid_until=date.fromisoformat(d["valid_until"]) if d["valid_until"] else None,
            file=_attached(
                d.get("file_name"), d.get("file_sha256"), d.get("file_type"), d.get("file_size")
            ),
        )


@strawberry.type(description="线下推送的发送记录（审批部门登记：函号或交接编号、日期、文件）")
class PushDispatch:
    channel: Channel
    number: str = strawberry.field(description="函号或交接编号")
    sent_on: date
    note: str
    file: AttachedFile | None = strawberry.field(description="函件或交接单（pushFile 下载）")
    recorded_by: str
    recorded_at: datetime

    @strawberry.field(description="登记人姓名")
    async def recorded_by_name(self, info: Info) -> str:
        return await person_name(info, self.recorded_by)


@strawberry.type(description="某一清单版本中的联动职责（审批与监管两侧）")
class Responsibility:
    list_version: int
    linkage_id: strawberry.ID
    approval_matter_code: str
    approval_matter_name: str
    supervision_matter_code: str
    supervision_matter_name: str
    channel: Channel
    claim_days: int
    feedback_days: int
    confidentiality: str
    receive_liaison_name: str = strawberry.field(
        description="发布时的接收联络员（推送实际通知的联络员见 Push.receiveLiaisonName）"
    )
    approving_section_name: str = strawberry.field(description="审批科室（该版本）")
    approving_person_name: str = strawberry.field(description="审批责任人（该版本）")
    approving_office_phone: str = strawberry.field(description="审批责任人办公电话")
    supervising_section_name: str = strawberry.field(description="监管科室（该版本）")
    supervising_person_name: str = strawberry.field(description="监管责任人（该版本）")
    supervising_office_phone: str = strawberry.field(description="监管责任人办公电话")
    approving_department_id: strawberry.Private[int]
    supervising_department_id: strawberry.Private[int]

    @strawberry.field(description="审批部门（谁审批谁负责）")
    def approving_department(self) -> Department:
        return Department(id=strawberry.ID(str(self.approving_department_id)))

    @strawberry.field(description="监管部门（谁主管谁监管）")
    def supervising_department(self) -> Department:
        return Department(id=strawberry.ID(str(self.supervising_department_id)))

    @classmethod
    def from_row(cls, row: models.LinkageEntry) -> Responsibility:
        return from_row(
            cls,
            row,
            list_version=row.version,
            linkage_id=strawberry.ID(str(row.linkage_id)),
        )


# SMS state types live in delivery_types.py (resolved lazily).
SmsDeliveryRef = Annotated["SmsDelivery", strawberry.lazy("api.approval.types.delivery")]


def _sms(found: Delivery) -> SmsDelivery:
    from api.approval.types.delivery import (  # noqa: PLC0415 - resolved lazily
        SmsDelivery as Type,
    )

    return Type.from_delivery(found)


@strawberry.type(description="黄牌 / 红牌（认领或反馈时限的预警记录，计入考核）")
class EscalationCard:
    id: strawberry.ID
    stage: CardStage
    color: CardColor
    liaison_name: str
    list_version: int
    limit_hours: float = strawberry.field(description="时限（工作小时，至期限日下班）")
    elapsed_hours: float = strawberry.field(description="亮牌时已用工作小时")
    due_on: date
    raised_at: datetime
    push_id: strawberry.Private[int]
    department_id: strawberry.Private[int]
    from_department_id: strawberry.Private[int]

    @strawberry.field(description="被亮牌的（监管）部门")
    def department(self) -> Department:
        return Department(id=strawberry.ID(str(self.department_id)))

    @strawberry.field(description="推送（审批）部门")
    def from_department(self) -> Department:
        return Department(id=strawberry.ID(str(self.from_department_id)))

    @strawberry.field(description="所涉推送")
    async def push(self, info: Info) -> Push | None:
        row = await info.context.loaders.push.load(self.push_id)
        return Push.from_row(row) if row else None

    @strawberry.field(description="亮牌短信：接收联络员，红牌另发部门负责人（含未送达原因）")
    async def sms_deliveries(self, info: Info) -> list[SmsDeliveryRef]:
        found = await info.context.loaders.card_sms.load(int(self.id))
        return [_sms(d) for d in found]

    @classmethod
    def from_row(cls, row: models.EscalationCard) -> EscalationCard:
        return from_row(
            cls,
            row,
        )


@strawberry.type(description="审批信息推送（一个监管部门、一个环节）")
class Push:
    id: strawberry.ID
    stage: PushStage
    channel: Channel
    state: PushState
    list_version: int
    matter_name: str
    applicant_name: str
    applicant_contact: str
    applicant_address: str
    legal_documents: list[PushedDocument]
    receive_liaison_name: str = strawberry.field(
        description="推送时通知的接收联络员（推送当日在任者）"
    )
    pushed_at: datetime
    claim_due: date
    claimed_at: datetime | None
    claimed_by: str | None
    claim_method: Channel | None
    claim_note: str
    claim_meeting_id: strawberry.ID | None = strawberry.field(
        description="认领所在的联席会议（认领方式为联席会议时）"
    )
    claim_receipt: AttachedFile | None = strawberry.field(
        description="认领时上传的签收回执（推送双方可下载：pushFile(kind: RECEIPT)）"
    )
    dispatch: PushDispatch | None = strawberry.field(
        description="审批部门登记的线下发送记录（推送双方可见）"
    )
    feedback_state: FeedbackState
    feedback_due: date | None
    feedback_closed_at: datetime | None
    feedback_closed_by: str | None
    supervision_code: str | None = strawberry.field(description="监管码（短信中附带，可直接查询）")
    claim_list_version: int | None = strawberry.field(description="认领时施行的清单版本")
    feedback_list_version: int | None = strawberry.field(description="反馈办结时施行的清单版本")
    application_id: strawberry.Private[int]
    department_id: strawberry.Private[int]
    from_department_id: strawberry.Private[int]
    full_liaison_mobile: strawberry.Private[str]

    @strawberry.field(
        description="通知的接收联络员手机号（无个人信息查看权限的角色只见掩码，如 138****1102）"
    )
    def receive_liaison_mobile(self, info: Info) -> str:
        mobile = self.full_liaison_mobile
        return mobile if info.context.scope.personal_data else mask_mobile(mobile)

    @strawberry.field(description="推送时施行的清单版本中该事项的联动职责（案卷评查）")
    async def responsibilities(self, info: Info) -> list[Responsibility]:
        rows = await info.context.loaders.responsibilities_by_push.load(int(self.id))
        return [Responsibility.from_row(r) for r in rows]

    @strawberry.field(description="推送提醒短信的状态（已发送 / 重试中 / 未送达及原因）")
    async def sms_delivery(self, info: Info) -> SmsDeliveryRef:
        return _sms(await info.context.loaders.push_sms.load(int(self.id)))

    @strawberry.field(description="该推送的黄牌 / 红牌记录")
    async def escalation_cards(self, info: Info) -> list[EscalationCard]:
        rows = await info.context.loaders.cards_by_push.load(int(self.id))
        return [EscalationCard.from_row(r) for r in rows]

    @strawberry.field(description="是否逾期（认领或反馈超过工作日时限）")
    def overdue(self) -> bool:
        today = local_today()
        claim_late = self.state == models.PushState.AWAITING_CLAIM and self.claim_due < today
        feedback_late = (
            self.feedback_state == models.FeedbackState.OPEN
            and self.feedback_due is not None
            and self.feedback_due < today
        )
        return claim_late or feedback_late

    @strawberry.field(description="接收（监管）部门")
    def department(self) -> Department:
        return Department(id=strawberry.ID(str(self.department_id)))

    @strawberry.field(description="推送（审批）部门")
    def from_department(self) -> Department:
        return Department(id=strawberry.ID(str(self.from_department_id)))

    @strawberry.field(description="所推送的办件")
    async def application(self, info: Info) -> Application | None:
        row = await info.context.loaders.application.load(self.application_id)
        return Application.from_row(row) if row else None

    @strawberry.field(description="认领人姓名")
    async def claimed_by_name(self, info: Info) -> str | None:
        if self.claimed_by is None:
            return None
        name: str = await info.context.loaders.display_name.load(self.claimed_by)
        return name

    @strawberry.field(description="无异常办结人姓名")
    async def feedback_closed_by_name(self, info: Info) -> str | None:
        if self.feedback_closed_by is None:
            return None
        name: str = await info.context.loaders.display_name.load(self.feedback_closed_by)
        return name

    @classmethod
    def from_row(cls, row: models.Push) -> Push:
        content = row.content
        return from_row(
            cls,
            row,
            matter_name=str(content.get("matter_name", "")),
            applicant_name=str(content.get("applicant_name", "")),
            applicant_contact=str(content.get("applicant_contact", "")),
            applicant_address=str(content.get("applicant_address", "")),
            legal_documents=[
                PushedDocument.from_content(d) for d in content.get("legal_documents", [])
            ],
            claim_meeting_id=(
                None if row.claim_meeting_id is None else strawberry.ID(str(row.claim_meeting_id))
            ),
            claim_receipt=_attached(
                row.claim_receipt_name,
                row.claim_receipt_sha256,
                row.claim_receipt_type,
                row.claim_receipt_size,
            ),
            dispatch=(
                None
                if row.dispatch_channel is None
                or row.dispatch_on is None
                or row.dispatched_at is None
                else PushDispatch(
                    channel=row.dispatch_channel,
                    number=row.dispatch_number or "",
                    sent_on=row.dispatch_on,
                    note=row.dispatch_note,
                    file=_attached(
                        row.dispatch_file_name,
                        row.dispatch_sha256,
                        row.dispatch_type,
                        row.dispatch_size,
                    ),
                    recorded_by=row.dispatched_by or "",
                    recorded_at=row.dispatched_at,
                )
            ),
            full_liaison_mobile=row.receive_liaison_mobile,
        )


@strawberry.type(description="监管部门反馈的异常结果（审批部门收件箱）")
class Feedback:
    id: strawberry.ID
    finding_id: strawberry.ID
    kind: str
    abnormal: bool
    result_type: str
    found_on: date
    summary: str
    received_at: datetime
    subject_code: str
    list_version: int | None = strawberry.field(description="反馈到达时施行的清单版本")
    application_id: strawberry.Private[int | None]
    from_department_id: strawberry.Private[int]

    @strawberry.field(description="反馈部门")
    def from_department(self) -> Department:
        return Department(id=strawberry.ID(str(self.from_department_id)))

    @strawberry.field(description="所反馈的监管结果（结果类型、采取的措施、登记人，监管子图解析）")
    def finding(self) -> Finding:
        return Finding(id=self.finding_id)

    @strawberry.field(description="所涉办件")
    async def application(self, info: Info) -> Application | None:
        if self.application_id is None:
            return None
        row = await info.context.loaders.application.load(self.application_id)
        return Application.from_row(row) if row else None

    @classmethod
    def from_row(cls, row: models.Feedback) -> Feedback:
        return from_row(
            cls,
            row,
            finding_id=strawberry.ID(str(row.finding_id)),
            subject_code=masked_subject_code(row.subject_code) or "",
        )


SmsStatus = SmsStatusModel
strawberry.enum(SmsStatus, description="短信状态：已发送（服务商已受理）")


@strawberry.type(description="已发送的短信提醒（开发发送器只记录不外发）")
class SmsMessage:
    id: strawberry.ID
    key: str
    mobile: str = strawberry.field(
        description="接收手机号（无个人信息查看权限的角色只见掩码，如 138****1102）"
    )
    recipient_name: str
    template: str = strawberry.field(description="服务商模板编码（发送时所用）")
    purpose: SmsPurpose | None = strawberry.field(
        description="所用短信模板的用途（由短信键得出；未知类别为空）"
    )
    status: SmsStatus
    push_id: strawberry.ID | None = strawberry.field(description="所涉推送（卡片短信亦然）")
    supervision_code: str | None = strawberry.field(
        description="短信内容中的监管码（推送与亮牌提醒；其他为空）"
    )
    text: str = strawberry.field(description="发出的短信内容（原文）")
    sender: str = strawberry.field(description="发送通道：dev 开发模拟不外发 / http 短信服务商")
    sent_at: datetime

    @classmethod
    def from_row(cls, row: SmsMessageRow, scope: Scope) -> SmsMessage:
        params = row.params if isinstance(row.params, dict) else {}
        push_id = params.get("push_id")
        code = params.get("code")
        return from_row(
            cls,
            row,
            mobile=row.mobile if scope.personal_data else mask_mobile(row.mobile),
            purpose=sms_templates.purpose_of_key(row.key),
            push_id=None if push_id is None else strawberry.ID(str(push_id)),
            supervision_code=str(code) if code else None,
        )


@strawberry.type(
    description="信用变动通知：在办办件的申请人信用等级变化（信用子图认定后自动推送至审批部门）"
)
class CreditNotice:
    id: strawberry.ID
    applicant_name: str
    previous_level: str | None = strawberry.field(
        description="变化前的信用等级代码（TRUSTWORTHY / NORMAL / DISHONEST）"
    )
    previous_level_label: str = strawberry.field(description="变化前：守信 / 一般 / 失信")
    level: str = strawberry.field(description="变化后的信用等级代码")
    level_label: str = strawberry.field(description="变化后：守信 / 一般 / 失信")
    previous_joint_punished: bool | None
    joint_punished: bool
    score: int
    rule_version: int | None = strawberry.field(description="作出认定的规则版本")
    deciding_rule: str = strawberry.field(description="认定依据（信用子图的认定说明与触发规则）")
    message: str = strawberry.field(description="通知全文")
    determined_at: datetime
    received_at: datetime
    application_id: strawberry.Private[int]

    @strawberry.field(description="所涉办件")
    async def application(self, info: Info) -> Application | None:
        row = await info.context.loaders.application.load(self.application_id)
        return Application.from_row(row) if row else None

    @classmethod
    def from_row(cls, row: models.CreditNotice) -> CreditNotice:
        return from_row(
            cls,
            row,
            previous_level_label=level_name(row.previous_level),
            level_label=level_name(row.level),
            message=credit_notice_text(row),
        )


@strawberry.type(description="收件箱变化（推送、反馈、信用变动通知、月度汇总到达）")
class InboxEvent:
    kind: str = strawberry.field(
        description=(
            "PUSH、FEEDBACK、CREDIT、SUMMARY、CARD（本部门被亮红牌），"
            "或 RESYNC（服务端监听重连后：可能漏收，全部刷新）"
        )
    )
    id: strawberry.ID


PushConnection = Connection[Push]
FeedbackConnection = Connection[Feedback]
CreditNoticeConnection = Connection[CreditNotice]
EscalationCardConnection = Connection[EscalationCard]
SmsMessageConnection = Connection[SmsMessage]

SubmitApplicationResult = Annotated[
    Application | ValidationErrors, strawberry.union("SubmitApplicationResult")
]
ApplicationResult = Annotated[Application | ValidationErrors, strawberry.union("ApplicationResult")]
PushResult = Annotated[Push | ValidationErrors, strawberry.union("PushResult")]
