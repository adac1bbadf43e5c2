"""GraphQL types of the supervision subgraph, and its extension of ``Application``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry

from api.core.authz import requires
from api.core.errors import ValidationErrors, reference_id
from api.core.identifiers import masked_subject_code
from api.core.kit import Info, from_row
from api.core.pagination import Connection
from api.core.stubs import Department, KeyedById
from api.supervision import models

ResultType = models.ResultType
strawberry.enum(
    ResultType,
    description="处理结果：未发现问题 / 责令整改 / 行政处罚 / 撤销吊销许可 / 立案查处 / 其他",
)
ChangeKind = models.ChangeKind
strawberry.enum(ChangeKind, description="变化类别：法律 / 法规 / 规章 / 政策")
FindingKind = models.FindingKind
strawberry.enum(
    FindingKind,
    description="监管结果类别：监督检查 / 抽查 / 行政措施 / 执法查处结果 / 异常信用信息",
)


@strawberry.federation.type(keys=["id"], description="办件（审批子图所有）")
class Application(KeyedById):
    @strawberry.field(description="针对该办件的监管结果", extensions=requires("finding", "read"))
    async def findings(self, info: Info) -> list[Finding]:
        loader = info.context.loaders.findings_by_application(info.context.scope)
        rows = await loader.load(int(self.id))
        return [Finding.from_row(r) for r in rows]


@strawberry.federation.type(keys=["id"], description="监管结果（检查、抽查、措施、执法结果）")
class Finding:
    id: strawberry.ID
    kind: FindingKind
    abnormal: bool
    result_type: ResultType
    measures: str
    document_number: str = strawberry.field(description="文书编号（决定书、通知书；未填为空）")
    summary: str
    found_on: date
    subject_code: str
    recorded_by: str
    created_at: datetime
    application_id: strawberry.Private[int | None]
    department_id: strawberry.Private[int]

    @strawberry.field(description="所涉办件（针对行政相对人登记时为空）")
    def application(self) -> Application | None:
        if self.application_id is None:
            return None
        return Application(id=strawberry.ID(str(self.application_id)))

    @strawberry.field(description="监管部门")
    def department(self) -> Department:
        return Department(id=strawberry.ID(str(self.department_id)))

    @strawberry.field(description="登记人姓名")
    async def recorded_by_name(self, info: Info) -> str:
        if not self.recorded_by:
            return ""
        name: str = await info.context.loaders.display_name.load(self.recorded_by)
        return name

    @classmethod
    def from_row(cls, row: models.Finding) -> Finding:
        return from_row(
            cls,
            row,
            subject_code=masked_subject_code(row.subject_code) or "",
        )

    @classmethod
    async def resolve_reference(cls, info: Info, id: strawberry.ID) -> Finding | None:  # noqa: A002
        # The root field's rule: `finding, read` and the caller's scope.
        scope = info.context.reference_scope("finding")
        if scope is None:
            return None
        row = await info.context.loaders.finding_in(scope).load(reference_id(id))
        return cls.from_row(row) if row else None


@strawberry.type(
    description="通知附件（按 SHA-256 存储；发布与接收部门可下载：noticeAttachmentFile）"
)
class NoticeAttachment:
    id: strawberry.ID
    file_name: str
    content_type: str
    size: int
    sha256: str = strawberry.field(description="文件 SHA-256（十六进制）")

    @classmethod
    def from_row(cls, row: models.NoticeAttachment) -> NoticeAttachment:
        return from_row(
            cls,
            row,
        )


@strawberry.type(description="下载的通知附件（Base64）")
class NoticeFile:
    file_name: str
    content_type: str
    sha256: str
    content_base64: str


@strawberry.type(description="通知的阅读情况：接收部门、阅读人、阅读时间（未读时为空）")
class NoticeReadReceipt:
    read_at: datetime | None
    reader_name: str | None = strawberry.field(description="阅读人姓名")
    read_by: str | None = strawberry.field(description="阅读人账号")
    department_id: strawberry.Private[int]

    @strawberry.field(description="接收部门")
    def department(self) -> Department:
        return Department(id=strawberry.ID(str(self.department_id)))

    @classmethod
    def from_row(cls, row: models.NoticeDelivery) -> NoticeReadReceipt:
        return from_row(
            cls,
            row,
        )


@strawberry.type(description="法律法规政策变化通知")
class PolicyNotice:
    id: strawberry.ID
    title: str
    body: str
    change_kind: ChangeKind
    effective_on: date | None
    matter_ids: list[strawberry.ID]
    announced_by: str
    announced_at: datetime
    caused_list_version: int | None = strawberry.field(description="该变化引起的清单版本")
    list_version: int | None = strawberry.field(description="发布时施行的审管联动清单版本")
    from_department_id: strawberry.Private[int]

    @strawberry.field(description="附件（所通知的文件）")
    async def attachments(self, info: Info) -> list[NoticeAttachment]:
        rows = await info.context.loaders.notice_attachments.load(int(self.id))
        return [NoticeAttachment.from_row(r) for r in rows]

    @strawberry.field(description="本部门阅读该通知的时间（未读为空；发布部门为空）")
    async def read_at(self, info: Info) -> datetime | None:
        rows = await info.context.loaders.notice_recipients.load(int(self.id))
        mine = info.context.scope.department_id
        return next((r.read_at for r in rows if r.department_id == mine), None)

    @strawberry.field(
        description="各接收部门的阅读情况（仅发布部门与协调办可见，其他部门为空列表）"
    )
    async def read_receipts(self, info: Info) -> list[NoticeReadReceipt]:
        scope = info.context.scope
        if not scope.city_wide and scope.department_id != self.from_department_id:
            return []
        rows = await info.context.loaders.notice_recipients.load(int(self.id))
        return [NoticeReadReceipt.from_row(r) for r in rows]

    @strawberry.field(description="发布部门")
    def from_department(self) -> Department:
        return Department(id=strawberry.ID(str(self.from_department_id)))

    @strawberry.field(description="接收部门（与所涉事项联动的全部部门）")
    async def recipients(self, info: Info) -> list[Department]:
        rows = await info.context.loaders.notice_recipients.load(int(self.id))
        return [Department(id=strawberry.ID(str(r.department_id))) for r in rows]

    @classmethod
    def from_row(cls, row: models.PolicyNotice) -> PolicyNotice:
        return from_row(
            cls,
            row,
            matter_ids=[strawberry.ID(str(m)) for m in row.matter_ids],
        )


PolicyNoticeConnection = Connection[PolicyNotice]
PolicyNoticeResult = Annotated[
    PolicyNotice | ValidationErrors, strawberry.union("PolicyNoticeResult")
]
MarkNoticeReadResult = Annotated[
    PolicyNotice | ValidationErrors, strawberry.union("MarkNoticeReadResult")
]
RecordFindingResult = Annotated[Finding | ValidationErrors, strawberry.union("RecordFindingResult")]
