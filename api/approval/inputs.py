"""Input types of the approval subgraph."""

from __future__ import annotations

from datetime import date

import strawberry

from api.approval import models
from api.approval.services import documents
from api.approval.types import (
    ApplicantKind,
    Channel,
    DocumentKind,
    HandlingMode,
    Outcome,
    SkipReason,
)
from api.approval.types.facilitation import CommitmentInput, MissingItemInput
from api.core.errors import build_model, parse_id


def _application_create(
    given: SubmitApplicationInput | ReportAcceptanceInput,
) -> models.ApplicationCreate:
    """The application an interactive submission or a reported acceptance describes."""
    return build_model(
        models.ApplicationCreate,
        matter_id=parse_id(given.matter_id, "matterId"),
        applicant_kind=given.applicant_kind,
        applicant_code=given.applicant_code,
        applicant_name=given.applicant_name,
        applicant_contact=given.applicant_contact,
        applicant_address=given.applicant_address,
    )


@strawberry.input(description="申报办件")
class SubmitApplicationInput:
    matter_id: strawberry.ID
    applicant_code: str = strawberry.field(
        description="统一社会信用代码（法人）或居民身份证号码（自然人）"
    )
    applicant_name: str
    applicant_kind: ApplicantKind = models.ApplicantKind.LEGAL_PERSON
    applicant_contact: str = ""
    applicant_address: str = ""

    def to_model(self) -> models.ApplicationCreate:
        return _application_create(self)


@strawberry.input(description="受理办件：须附信用子图 creditCheck 签发的核查凭证")
class AcceptApplicationInput:
    application_id: strawberry.ID
    handling_mode: HandlingMode
    credit_ticket: str
    skip_reason: SkipReason | None = strawberry.field(
        default=None, description="未适用信用措施的理由（有建议措施而未适用时必填）"
    )
    skip_note: str = strawberry.field(default="", description="理由说明（理由为“其他”时必填）")
    stricter_review: bool = strawberry.field(
        default=True, description="失信主体是否从严审查（不适用须说明理由）"
    )
    missing_items: list[MissingItemInput] = strawberry.field(
        default_factory=list, description="容缺受理：逐项登记所缺材料（及补正期限）"
    )
    commitment: CommitmentInput | None = strawberry.field(
        default=None, description="告知承诺：承诺内容与签署的承诺书"
    )


@strawberry.input(description="法律文书")
class LegalDocumentInput:
    kind: DocumentKind
    number: str
    valid_from: date | None = None
    valid_until: date | None = None
    file_name: str = strawberry.field(default="", description="文件名（上传文件时必填）")
    file_url: str = ""
    content_base64: str | None = strawberry.field(
        default=None,
        description="文书文件（许可证、不予许可决定书等；PDF/PNG/JPEG，≤10 MB，Base64）",
    )

    def to_file(self) -> documents.FileDraft | None:
        if not self.content_base64:
            return None
        return documents.FileDraft(file_name=self.file_name, content_base64=self.content_base64)

    def to_model(self) -> models.LegalDocumentCreate:
        return build_model(
            models.LegalDocumentCreate,
            kind=self.kind,
            number=self.number,
            valid_from=self.valid_from,
            valid_until=self.valid_until,
            file_name=self.file_name,
            file_url=self.file_url,
        )


@strawberry.input(description="办结办件（准予或不予），附法律文书")
class CompleteApplicationInput:
    application_id: strawberry.ID
    outcome: Outcome
    documents: list[LegalDocumentInput]
    refusal_reason: str = ""


@strawberry.input(description="线下渠道推送的手工认领：记录认领人、时间与方式")
class ClaimPushInput:
    push_id: strawberry.ID
    method: Channel
    note: str = ""
    receipt: FileUploadInput | None = strawberry.field(
        default=None, description="签收回执（可选；PDF/PNG/JPEG，≤10 MB）"
    )


@strawberry.input(description="上传的文件：文件名与 Base64 内容（PDF/PNG/JPEG，≤10 MB）")
class FileUploadInput:
    file_name: str
    content_base64: str

    def to_draft(self) -> documents.FileDraft:
        return documents.FileDraft(file_name=self.file_name, content_base64=self.content_base64)


@strawberry.input(description="登记线下推送的发送记录：书面函件（函号）或部门自建系统交接")
class RecordPushDispatchInput:
    push_id: strawberry.ID
    channel: Channel
    number: str = strawberry.field(description="函号或交接编号")
    sent_on: date = strawberry.field(description="发送日期")
    note: str = ""
    file: FileUploadInput | None = strawberry.field(
        default=None, description="函件或交接单扫描件（可选；PDF/PNG/JPEG，≤10 MB）"
    )

    def to_draft(self) -> documents.DispatchDraft:
        return documents.DispatchDraft(
            channel=models.Channel(self.channel),
            number=self.number,
            sent_on=self.sent_on,
            note=self.note,
            file=self.file.to_draft() if self.file else None,
        )


@strawberry.input(description="对接审批系统上报受理（幂等键相同只受理一次）")
class ReportAcceptanceInput:
    idempotency_key: str
    external_id: str
    matter_id: strawberry.ID
    applicant_code: str
    applicant_name: str
    applicant_kind: ApplicantKind = models.ApplicantKind.LEGAL_PERSON
    applicant_contact: str = ""
    applicant_address: str = ""
    accepted_at: str | None = strawberry.field(
        default=None,
        description=(
            "对接系统受理的时间（RFC 3339；不带时区偏移按北京时间 Asia/Shanghai 理解；"
            "不得晚于当前时间 5 分钟以上，不得早于申报时间）；缺省为平台收到的时间。"
            "推送的认领、反馈期限自此起算"
        ),
    )
    submitted_at: str | None = strawberry.field(
        default=None,
        description="申请人申报的时间（RFC 3339，规则同 acceptedAt）；缺省为受理时间",
    )

    def to_model(self) -> models.ApplicationCreate:
        return _application_create(self)


@strawberry.input(description="对接审批系统上报办结（幂等键相同只办结一次）")
class ReportCompletionInput:
    idempotency_key: str
    external_id: str
    outcome: Outcome
    documents: list[LegalDocumentInput]
    refusal_reason: str = ""
    completed_at: str | None = strawberry.field(
        default=None,
        description=(
            "对接系统办结的时间（RFC 3339；不带时区偏移按北京时间理解；不得晚于当前时间"
            " 5 分钟以上，不得早于申报、受理时间）；缺省为平台收到的时间。反馈期限自此起算"
        ),
    )
