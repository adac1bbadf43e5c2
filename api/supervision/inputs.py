"""Input types of the supervision subgraph."""

from __future__ import annotations

from datetime import date

import strawberry

from api.core import files
from api.core.errors import build_model, parse_id
from api.core.kit import optional_id
from api.supervision import models
from api.supervision.types import ChangeKind, FindingKind, ResultType


@strawberry.input(description="登记监管结果（针对已推送的办件，或针对行政相对人）")
class RecordFindingInput:
    kind: FindingKind
    summary: str
    found_on: date
    application_id: strawberry.ID | None = None
    subject_code: str = strawberry.field(
        default="", description="统一社会信用代码或身份证号码（不针对办件时必填）"
    )
    abnormal: bool = False
    result_type: ResultType = models.ResultType.NO_ABNORMALITY
    measures: str = ""
    document_number: str = strawberry.field(
        default="",
        description="文书编号（行政处罚决定书、责令整改通知书等；处罚、吊销许可时必填，≤100字）",
    )

    def to_model(self, *, department_id: int) -> models.FindingCreate:
        return build_model(
            models.FindingCreate,
            application_id=optional_id(self.application_id, "applicationId"),
            subject_code=self.subject_code,
            department_id=department_id,
            kind=self.kind,
            summary=self.summary,
            found_on=self.found_on,
            abnormal=self.abnormal,
            result_type=self.result_type,
            measures=self.measures,
            document_number=self.document_number,
        )


@strawberry.input(description="通知附件：文件名与 Base64 内容（PDF/PNG/JPEG，≤10 MB）")
class NoticeAttachmentInput:
    file_name: str
    content_base64: str

    def to_upload(self) -> files.Upload:
        return files.Upload(file_name=self.file_name, content_base64=self.content_base64)


@strawberry.input(description="发布法律法规政策变化通知")
class AnnouncePolicyNoticeInput:
    title: str
    body: str
    change_kind: ChangeKind
    matter_ids: list[strawberry.ID]
    effective_on: date | None = None
    attachments: list[NoticeAttachmentInput] = strawberry.field(
        default_factory=list, description="附件（所通知的文件，至多10个）"
    )

    def to_model(self) -> models.PolicyNoticeCreate:
        return build_model(
            models.PolicyNoticeCreate,
            title=self.title,
            body=self.body,
            change_kind=self.change_kind,
            effective_on=self.effective_on,
            matter_ids=[parse_id(m, f"matterIds.{i}") for i, m in enumerate(self.matter_ids)],
        )
