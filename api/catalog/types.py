"""GraphQL types of the catalog subgraph; rows are mapped explicitly, never exposed raw."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from api.catalog import models
from api.core.authz import requires
from api.core.errors import ValidationErrors, reference_id
from api.core.identifiers import mask_mobile
from api.core.pagination import Connection

DepartmentLevel = strawberry.enum(models.DepartmentLevel, description="部门层级：市 / 县区 / 乡镇")
MatterKind = strawberry.enum(models.MatterKind, description="事项类别：审批事项 / 监管事项")
ApprovalCategory = strawberry.enum(
    models.ApprovalCategory, description="审批事项类别：行政许可 / 其他行政权力 / 公共服务"
)
MatterStatus = strawberry.enum(models.MatterStatus, description="事项状态：有效 / 已废止")
LiaisonKind = strawberry.enum(models.LiaisonKind, description="联络员：推送 / 接收")
Principle = strawberry.enum(models.Principle, description="谁审批谁负责 / 谁主管谁监管")
BasisKind = strawberry.enum(models.BasisKind, description="委托书 / 工作交付书 / 工作备忘录")
SharingChannel = strawberry.enum(
    models.SharingChannel, description="共享方式：线上推送 / 部门自有系统 / 书面函件 / 联席会议"
)
Confidentiality = strawberry.enum(models.Confidentiality, description="密级：公开 / 内部 / 受限")


@strawberry.type(description="人员（责任人、联络员）")
class Person:
    id: strawberry.ID
    name: str
    office_phone: str
    role: str
    section_id: strawberry.ID
    department_id: strawberry.ID
    full_mobile: strawberry.Private[str]

    @strawberry.field(description="手机号码（无个人信息查看权限的角色只见 138****1102）")
    def mobile(self, info: Info[Any, Any]) -> str:
        # Personal contact data: whole only for roles that work with people (personal_data).
        return (
            self.full_mobile if info.context.scope.personal_data else mask_mobile(self.full_mobile)
        )

    @classmethod
    def from_row(cls, row: models.Person) -> Person:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            office_phone=row.office_phone,
            full_mobile=row.mobile,
            role=row.role,
            section_id=strawberry.ID(str(row.section_id)),
            department_id=strawberry.ID(str(row.department_id)),
        )


@strawberry.type(description="科（股）室")
class Section:
    id: strawberry.ID
    name: str
    department_id: strawberry.ID

    @strawberry.field(description="本科室人员")
    async def people(self, info: Info[Any, Any]) -> list[Person]:
        rows = await info.context.loaders.people_of_section.load(int(self.id))
        return [Person.from_row(r) for r in rows]

    @classmethod
    def from_row(cls, row: models.Section) -> Section:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            department_id=strawberry.ID(str(row.department_id)),
        )


@strawberry.type(description="联络员任职记录（until 为空表示现任）")
class Liaison:
    kind: LiaisonKind  # type: ignore[valid-type]
    since: date
    until: date | None
    recorded_by: str
    person_id: strawberry.Private[int]

    @strawberry.field(description="联络员")
    async def person(self, info: Info[Any, Any]) -> Person | None:
        row = await info.context.loaders.person.load(self.person_id)
        return Person.from_row(row) if row else None

    @classmethod
    def from_row(cls, row: models.LiaisonAssignment) -> Liaison:
        return cls(
            kind=row.kind,
            since=row.since,
            until=row.until,
            recorded_by=row.recorded_by,
            person_id=row.person_id,
        )


@strawberry.federation.type(keys=["id"], description="责任单位（部门）")
class Department:
    id: strawberry.ID
    name: str
    short_name: str
    level: DepartmentLevel  # type: ignore[valid-type]
    credit_code: str | None
    parent_id: strawberry.ID | None
    created_at: datetime

    @strawberry.field(description="科（股）室")
    async def sections(self, info: Info[Any, Any]) -> list[Section]:
        rows = await info.context.loaders.sections_of_department.load(int(self.id))
        return [Section.from_row(r) for r in rows]

    @strawberry.field(description="联络员任职记录（现任与历任，新的在前）")
    async def liaisons(self, info: Info[Any, Any]) -> list[Liaison]:
        rows = await info.context.loaders.liaisons_of_department.load(int(self.id))
        return [Liaison.from_row(r) for r in rows]

    async def _current(self, info: Info[Any, Any], kind: models.LiaisonKind) -> Liaison | None:
        rows = await info.context.loaders.liaisons_of_department.load(int(self.id))
        current = [r for r in rows if r.kind == kind and r.until is None]
        return Liaison.from_row(current[0]) if current else None

    @strawberry.field(description="现任推送联络员")
    async def push_liaison(self, info: Info[Any, Any]) -> Liaison | None:
        return await self._current(info, models.LiaisonKind.PUSH)

    @strawberry.field(description="现任接收联络员")
    async def receive_liaison(self, info: Info[Any, Any]) -> Liaison | None:
        return await self._current(info, models.LiaisonKind.RECEIVE)

    @classmethod
    def from_row(cls, row: models.Department) -> Department:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            short_name=row.short_name,
            level=row.level,
            credit_code=row.credit_code,
            parent_id=strawberry.ID(str(row.parent_id)) if row.parent_id else None,
            created_at=row.created_at,
        )

    @classmethod
    async def resolve_reference(cls, info: Info[Any, Any], id: strawberry.ID) -> Department | None:  # noqa: A002
        # The root fields' rule: `department, read` (departments are read city-wide).
        if info.context.reference_scope("department") is None:
            return None
        row = await info.context.loaders.department.load(reference_id(id))
        return cls.from_row(row) if row else None


@strawberry.type(description="事项修改前的取值（历史）")
class MatterRevision:
    name: str
    legal_basis: str
    approval_category: ApprovalCategory | None  # type: ignore[valid-type]
    status: MatterStatus  # type: ignore[valid-type]
    changed_by: str
    changed_at: datetime


@strawberry.federation.type(keys=["id"], description="政务服务事项（审批事项或监管事项）")
class Matter:
    id: strawberry.ID
    code: str
    name: str
    kind: MatterKind  # type: ignore[valid-type]
    approval_category: ApprovalCategory | None  # type: ignore[valid-type]
    status: MatterStatus  # type: ignore[valid-type]
    legal_basis: str
    updated_at: datetime | None
    department_id: strawberry.Private[int]

    @strawberry.field(description="责任单位", extensions=requires("department", "read"))
    async def department(self, info: Info[Any, Any]) -> Department | None:
        row = await info.context.loaders.department.load(self.department_id)
        return Department.from_row(row) if row else None

    @strawberry.field(description="修改历史（新的在前）")
    async def history(self, info: Info[Any, Any]) -> list[MatterRevision]:
        rows = await info.context.loaders.revisions_of_matter.load(int(self.id))
        return [
            MatterRevision(
                name=r.name,
                legal_basis=r.legal_basis,
                approval_category=r.approval_category,
                status=r.status,
                changed_by=r.changed_by,
                changed_at=r.changed_at,
            )
            for r in rows
        ]

    @classmethod
    def from_row(cls, row: models.Matter) -> Matter:
        return cls(
            id=strawberry.ID(str(row.id)),
            code=row.code,
            name=row.name,
            kind=row.kind,
            approval_category=row.approval_category,
            status=row.status,
            legal_basis=row.legal_basis,
            updated_at=row.updated_at,
            department_id=row.department_id,
        )

    @classmethod
    async def resolve_reference(cls, info: Info[Any, Any], id: strawberry.ID) -> Matter | None:  # noqa: A002
        # The root fields' rule: `matter, read` (the matter catalogue is read city-wide).
        if info.context.reference_scope("matter") is None:
            return None
        row = await info.context.loaders.matter.load(reference_id(id))
        return cls.from_row(row) if row else None


@strawberry.type(description="依据文件：委托书 / 工作交付书 / 工作备忘录")
class BasisDocument:
    id: strawberry.ID
    kind: BasisKind  # type: ignore[valid-type]
    number: str
    signed_on: date
    parties: str
    file_name: str
    content_type: str
    size: int
    sha256: str

    @classmethod
    def from_row(cls, row: models.BasisDocument) -> BasisDocument:
        return cls(
            id=strawberry.ID(str(row.id)),
            kind=row.kind,
            number=row.number,
            signed_on=row.signed_on,
            parties=row.parties,
            file_name=row.file_name,
            content_type=row.content_type,
            size=row.size,
            sha256=row.file_sha256,
        )


@strawberry.type(
    description="审管联动事项：审批事项 → 监管事项，双方责任单位、科室、责任人与共享规则"
)
class Linkage:
    id: strawberry.ID
    principle: Principle  # type: ignore[valid-type]
    data_scope: str
    channel: SharingChannel  # type: ignore[valid-type]
    procedure: str
    claim_days: int = strawberry.field(description="认领时限（工作日）")
    feedback_days: int = strawberry.field(description="反馈时限（工作日）")
    frequency: str
    confidentiality: Confidentiality  # type: ignore[valid-type]
    approval_confirmed_at: datetime | None
    supervision_confirmed_at: datetime | None
    confirmed: bool = strawberry.field(description="审批、监管双方均已确认")
    created_at: datetime
    updated_at: datetime | None
    row: strawberry.Private[models.Linkage]

    @strawberry.field(description="审批事项")
    async def approval_matter(self, info: Info[Any, Any]) -> Matter | None:
        row = await info.context.loaders.matter.load(self.row.approval_matter_id)
        return Matter.from_row(row) if row else None

    @strawberry.field(description="监管事项")
    async def supervision_matter(self, info: Info[Any, Any]) -> Matter | None:
        row = await info.context.loaders.matter.load(self.row.supervision_matter_id)
        return Matter.from_row(row) if row else None

    @strawberry.field(description="审批部门")
    async def approving_department(self, info: Info[Any, Any]) -> Department | None:
        row = await info.context.loaders.department.load(self.row.approving_department_id)
        return Department.from_row(row) if row else None

    @strawberry.field(description="审批科（股）室")
    async def approving_section(self, info: Info[Any, Any]) -> Section | None:
        row = await info.context.loaders.section.load(self.row.approving_section_id)
        return Section.from_row(row) if row else None

    @strawberry.field(description="审批责任人")
    async def approving_person(self, info: Info[Any, Any]) -> Person | None:
        row = await info.context.loaders.person.load(self.row.approving_person_id)
        return Person.from_row(row) if row else None

    @strawberry.field(description="监管部门")
    async def supervising_department(self, info: Info[Any, Any]) -> Department | None:
        row = await info.context.loaders.department.load(self.row.supervising_department_id)
        return Department.from_row(row) if row else None

    @strawberry.field(description="监管科（股）室")
    async def supervising_section(self, info: Info[Any, Any]) -> Section | None:
        row = await info.context.loaders.section.load(self.row.supervising_section_id)
        return Section.from_row(row) if row else None

    @strawberry.field(description="监管责任人")
    async def supervising_person(self, info: Info[Any, Any]) -> Person | None:
        row = await info.context.loaders.person.load(self.row.supervising_person_id)
        return Person.from_row(row) if row else None

    @strawberry.field(description="依据文件（跨部门或跨层级时必有）")
    async def basis_document(self, info: Info[Any, Any]) -> BasisDocument | None:
        if self.row.basis_document_id is None:
            return None
        row = await info.context.loaders.basis_document.load(self.row.basis_document_id)
        return BasisDocument.from_row(row) if row else None

    @classmethod
    def from_row(cls, row: models.Linkage) -> Linkage:
        return cls(
            id=strawberry.ID(str(row.id)),
            principle=row.principle,
            data_scope=row.data_scope,
            channel=row.channel,
            procedure=row.procedure,
            claim_days=row.claim_days,
            feedback_days=row.feedback_days,
            frequency=row.frequency,
            confidentiality=row.confidentiality,
            approval_confirmed_at=row.approval_confirmed_at,
            supervision_confirmed_at=row.supervision_confirmed_at,
            confirmed=row.confirmed,
            created_at=row.created_at,
            updated_at=row.updated_at,
            row=row,
        )


@strawberry.type(description="公开清单中的一条联动事项（仅公开字段：无手机号码）")
class PublishedLinkage:
    linkage_id: strawberry.ID
    approval_matter_code: str
    approval_matter_name: str
    approval_category: ApprovalCategory | None  # type: ignore[valid-type]
    approving_department_name: str
    approving_section_name: str
    approving_person_name: str
    approving_office_phone: str
    supervision_matter_code: str
    supervision_matter_name: str
    supervising_department_name: str
    supervising_section_name: str
    supervising_person_name: str
    supervising_office_phone: str
    principle: Principle  # type: ignore[valid-type]
    basis_document_kind: BasisKind | None  # type: ignore[valid-type]
    basis_document_number: str | None
    basis_document_signed_on: date | None
    data_scope: str
    channel: SharingChannel  # type: ignore[valid-type]
    procedure: str
    claim_days: int
    feedback_days: int
    frequency: str
    confidentiality: Confidentiality  # type: ignore[valid-type]

    @classmethod
    def from_entry(cls, e: dict[str, Any]) -> PublishedLinkage:
        signed = e["basis_document_signed_on"]
        category = e["approval_category"]
        kind = e["basis_document_kind"]
        return cls(
            linkage_id=strawberry.ID(str(e["linkage_id"])),
            approval_matter_code=e["approval_matter_code"],
            approval_matter_name=e["approval_matter_name"],
            approval_category=models.ApprovalCategory(category) if category else None,
            approving_department_name=e["approving_department_name"],
            approving_section_name=e["approving_section_name"],
            approving_person_name=e["approving_person_name"],
            approving_office_phone=e["approving_office_phone"],
            supervision_matter_code=e["supervision_matter_code"],
            supervision_matter_name=e["supervision_matter_name"],
            supervising_department_name=e["supervising_department_name"],
            supervising_section_name=e["supervising_section_name"],
            supervising_person_name=e["supervising_person_name"],
            supervising_office_phone=e["supervising_office_phone"],
            principle=models.Principle(e["principle"]),
            basis_document_kind=models.BasisKind(kind) if kind else None,
            basis_document_number=e["basis_document_number"],
            basis_document_signed_on=date.fromisoformat(signed) if signed else None,
            data_scope=e["data_scope"],
            channel=models.SharingChannel(e["channel"]),
            procedure=e["procedure"],
            claim_days=e["claim_days"],
            feedback_days=e["feedback_days"],
            frequency=e["frequency"],
            confidentiality=models.Confidentiality(e["confidentiality"]),
        )


@strawberry.type(description="已发布的清单版本：编号、日期、发布人、与上一版本的差异")
class LinkageListVersion:
    number: int
    published_at: datetime
    published_by: str
    added_linkage_ids: list[strawberry.ID]
    changed_linkage_ids: list[strawberry.ID]
    removed_linkage_ids: list[strawberry.ID]
    entry_rows: strawberry.Private[list[dict[str, Any]]]

    @strawberry.field(description="本版本的联动事项（公开字段）")
    def entries(self) -> list[PublishedLinkage]:
        return [PublishedLinkage.from_entry(e) for e in self.entry_rows]

    @classmethod
    def from_row(cls, row: models.ListVersion) -> LinkageListVersion:
        def ids(values: list[int]) -> list[strawberry.ID]:
            return [strawberry.ID(str(v)) for v in values]

        return cls(
            number=row.number,
            published_at=row.published_at,
            published_by=row.published_by,
            added_linkage_ids=ids(row.added),
            changed_linkage_ids=ids(row.changed),
            removed_linkage_ids=ids(row.removed),
            entry_rows=row.entries,
        )


@strawberry.type(description="文件（base64 编码内容）")
class FileDownload:
    file_name: str
    content_type: str
    content_base64: str


@strawberry.type(description="Excel 导入成功：新增、更新、未变化的行数")
class LinkageImportSummary:
    created: int
    updated: int
    unchanged: int


@strawberry.type(description="Excel 导入中的一处错误：行号、列名、代码、原因")
class ImportRowError:
    row: int
    column: str
    code: str
    message: str


@strawberry.type(description="Excel 导入被拒绝（未写入任何数据）：逐行列出全部错误")
class LinkageImportErrors:
    errors: list[ImportRowError]


MatterConnection = Connection[Matter]
LinkageConnection = Connection[Linkage]

CreateDepartmentResult = Annotated[
    Department | ValidationErrors, strawberry.union("CreateDepartmentResult")
]
CreateMatterResult = Annotated[Matter | ValidationErrors, strawberry.union("CreateMatterResult")]
UpdateMatterResult = Annotated[Matter | ValidationErrors, strawberry.union("UpdateMatterResult")]
SectionResult = Annotated[Section | ValidationErrors, strawberry.union("SectionResult")]
PersonResult = Annotated[Person | ValidationErrors, strawberry.union("PersonResult")]
LiaisonResult = Annotated[Liaison | ValidationErrors, strawberry.union("LiaisonResult")]
BasisDocumentResult = Annotated[
    BasisDocument | ValidationErrors, strawberry.union("BasisDocumentResult")
]
LinkageResult = Annotated[Linkage | ValidationErrors, strawberry.union("LinkageResult")]


@strawberry.type(description="已删除的联动事项")
class DeletedLinkage:
    id: strawberry.ID


DeleteLinkageResult = Annotated[
    DeletedLinkage | ValidationErrors, strawberry.union("DeleteLinkageResult")
]
LinkageImportResult = Annotated[
    LinkageImportSummary | LinkageImportErrors, strawberry.union("LinkageImportResult")
]
PublishResult = Annotated[LinkageListVersion | ValidationErrors, strawberry.union("PublishResult")]
