"""GraphQL types of the catalog subgraph; rows are mapped explicitly, never exposed raw."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

import strawberry

from api.catalog import models
from api.catalog.services.liaison_events import is_current
from api.catalog.services.linkages import ordered_principles
from api.core.authz import requires
from api.core.clock import local_today
from api.core.errors import ValidationErrors, reference_id
from api.core.identifiers import mask_mobile
from api.core.kit import Info, from_row, person_name
from api.core.pagination import Connection

DepartmentLevel = models.DepartmentLevel
strawberry.enum(DepartmentLevel, description="部门层级：市 / 县区 / 乡镇")
MatterKind = models.MatterKind
strawberry.enum(MatterKind, description="事项类别：审批事项 / 监管事项")
ApprovalCategory = models.ApprovalCategory
strawberry.enum(ApprovalCategory, description="审批事项类别：行政许可 / 其他行政权力 / 公共服务")
MatterStatus = models.MatterStatus
strawberry.enum(MatterStatus, description="事项状态：有效 / 已废止")
LiaisonKind = models.LiaisonKind
strawberry.enum(LiaisonKind, description="联络员：推送 / 接收；部门负责人（红牌时收短信）")
Principle = models.Principle
strawberry.enum(Principle, description="谁审批谁负责 / 谁主管谁监管")
BasisKind = models.BasisKind
strawberry.enum(BasisKind, description="委托书 / 工作交付书 / 工作备忘录")
SharingChannel = models.SharingChannel
strawberry.enum(
    SharingChannel, description="共享方式：线上推送 / 部门自有系统 / 书面函件 / 联席会议"
)
Confidentiality = models.Confidentiality
strawberry.enum(Confidentiality, description="密级：公开 / 内部 / 受限")
ReviewMode = models.ReviewMode
strawberry.enum(ReviewMode, description="反馈方式：审批后反馈 / 提前介入 / 并联审查")


ChangeAction = models.ChangeAction
strawberry.enum(ChangeAction, description="变更类型：新建 / 修改 / 提交 / 确认 / 删除 / 标记移除")
LinkageStatus = models.LinkageStatus
strawberry.enum(LinkageStatus, description="联动事项状态：草稿 / 待监管部门确认 / 双方已确认")


# Fields whose values are personal contact data: masked in history like on the person.
_PERSONAL_FIELDS = frozenset({"mobile"})


@strawberry.type(description="一个字段的变更：字段名（输入字段名）、修改前、修改后")
class FieldChange:
    field: str
    before: str | None
    after: str | None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@strawberry.type(description="一次变更：谁、何时、哪个部门、做了什么、各字段修改前后")
class Change:
    action: ChangeAction
    actor: str = strawberry.field(description="操作账号")
    department_id: strawberry.ID | None = strawberry.field(description="操作人所在部门")
    at: datetime
    changes: list[FieldChange]

    @strawberry.field(description="操作人姓名（系统操作为空）")
    async def actor_name(self, info: Info) -> str:
        return await person_name(info, self.actor)

    @classmethod
    def from_row(cls, row: models.ChangeRecord, *, personal_data: bool) -> Change:
        def shown(field: str, value: Any) -> str | None:
            text = _text(value)
            if text and field in _PERSONAL_FIELDS and not personal_data:
                return mask_mobile(text)
            return text

        return from_row(
            cls,
            row,
            department_id=strawberry.ID(str(row.department_id)) if row.department_id else None,
            changes=[
                FieldChange(
                    field=c["field"],
                    before=shown(c["field"], c.get("before")),
                    after=shown(c["field"], c.get("after")),
                )
                for c in row.changes
            ],
        )


async def _history(info: Info, loader_name: str, entity_id: strawberry.ID) -> list[Change]:
    rows = await getattr(info.context.loaders, loader_name).load(int(entity_id))
    personal_data = info.context.scope.personal_data
    return [Change.from_row(r, personal_data=personal_data) for r in rows]


@strawberry.type(description="任职：人员在某部门某科（股）室任职（本科室或兼任）")
class Position:
    section_id: strawberry.ID
    department_id: strawberry.ID
    title: str = strawberry.field(description="职务（可空，如 分管负责人）")
    home: bool = strawberry.field(description="是否为人员的本科室（其余为兼任）")

    @strawberry.field(description="科（股）室")
    async def section(self, info: Info) -> Section | None:
        row = await info.context.loaders.section.load(int(self.section_id))
        return Section.from_row(row) if row else None

    @strawberry.field(description="部门")
    async def department(self, info: Info) -> Department | None:
        row = await info.context.loaders.department.load(int(self.department_id))
        return Department.from_row(row) if row else None


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
    def mobile(self, info: Info) -> str:
        # Personal contact data: whole only for roles that work with people (personal_data).
        return (
            self.full_mobile if info.context.scope.personal_data else mask_mobile(self.full_mobile)
        )

    @strawberry.field(description="变更历史（新的在前）")
    async def history(self, info: Info) -> list[Change]:
        return await _history(info, "history_of_person", self.id)

    @strawberry.field(
        description="任职：本科室（sectionId）在前，其后为在其他科（股）室或部门的兼任"
    )
    async def positions(self, info: Info) -> list[Position]:
        rows = await info.context.loaders.positions_of_person.load(int(self.id))
        home = Position(
            section_id=self.section_id, department_id=self.department_id, title=self.role, home=True
        )
        return [
            home,
            *(
                Position(
                    section_id=strawberry.ID(str(r.section_id)),
                    department_id=strawberry.ID(str(r.department_id)),
                    title=r.title,
                    home=False,
                )
                for r in rows
            ),
        ]

    @classmethod
    def from_row(cls, row: models.Person) -> Person:
        return from_row(
            cls,
            row,
            full_mobile=row.mobile,
            section_id=strawberry.ID(str(row.section_id)),
            department_id=strawberry.ID(str(row.department_id)),
        )


@strawberry.type(description="科（股）室")
class Section:
    id: strawberry.ID
    name: str
    department_id: strawberry.ID

    @strawberry.field(description="本科室人员")
    async def people(self, info: Info) -> list[Person]:
        rows = await info.context.loaders.people_of_section.load(int(self.id))
        return [Person.from_row(r) for r in rows]

    @strawberry.field(description="变更历史（新的在前）")
    async def history(self, info: Info) -> list[Change]:
        return await _history(info, "history_of_section", self.id)

    @classmethod
    def from_row(cls, row: models.Section) -> Section:
        return from_row(
            cls,
            row,
            department_id=strawberry.ID(str(row.department_id)),
        )


@strawberry.type(description="联络员任职记录（任期含首尾日；until 为空表示尚无继任者）")
class Liaison:
    kind: LiaisonKind
    since: date
    until: date | None
    recorded_by: str
    person_id: strawberry.Private[int]

    @strawberry.field(description="登记人姓名")
    async def recorded_by_name(self, info: Info) -> str:
        return await person_name(info, self.recorded_by)

    @strawberry.field(description="联络员")
    async def person(self, info: Info) -> Person | None:
        row = await info.context.loaders.person.load(self.person_id)
        return Person.from_row(row) if row else None

    @strawberry.field(description="今日是否现任（起始日期已到且任期未结束）")
    def current(self) -> bool:
        today = local_today()
        return self.since <= today and (self.until is None or self.until >= today)

    @classmethod
    def from_row(cls, row: models.LiaisonAssignment) -> Liaison:
        return from_row(
            cls,
            row,
        )


@strawberry.federation.type(
    keys=["id"],
    description=(
        '责任单位（部门）。外部子图可按 @key(fields: "id") 扩展（docs/joining-the-graph.md）'
    ),
)
class Department:
    id: strawberry.ID
    name: str
    short_name: str
    level: DepartmentLevel
    credit_code: str | None
    parent_id: strawberry.ID | None
    created_at: datetime

    @strawberry.field(description="科（股）室")
    async def sections(self, info: Info) -> list[Section]:
        rows = await info.context.loaders.sections_of_department.load(int(self.id))
        return [Section.from_row(r) for r in rows]

    @strawberry.field(description="联络员任职记录（现任与历任，新的在前）")
    async def liaisons(self, info: Info) -> list[Liaison]:
        rows = await info.context.loaders.liaisons_of_department.load(int(self.id))
        return [Liaison.from_row(r) for r in rows]

    async def _current(self, info: Info, kind: models.LiaisonKind) -> Liaison | None:
        rows = await info.context.loaders.liaisons_of_department.load(int(self.id))
        today = local_today()
        current = [r for r in rows if r.kind == kind and is_current(r, today)]
        return Liaison.from_row(current[0]) if current else None

    @strawberry.field(description="今日现任推送联络员（未到起始日期的继任者不算）")
    async def push_liaison(self, info: Info) -> Liaison | None:
        return await self._current(info, models.LiaisonKind.PUSH)

    @strawberry.field(description="今日现任接收联络员（未到起始日期的继任者不算）")
    async def receive_liaison(self, info: Info) -> Liaison | None:
        return await self._current(info, models.LiaisonKind.RECEIVE)

    @strawberry.field(description="今日现任部门负责人（红牌短信发送对象）")
    async def head(self, info: Info) -> Liaison | None:
        return await self._current(info, models.LiaisonKind.HEAD)

    @classmethod
    def from_row(cls, row: models.Department) -> Department:
        return from_row(
            cls,
            row,
            parent_id=strawberry.ID(str(row.parent_id)) if row.parent_id else None,
        )

    @classmethod
    async def resolve_reference(cls, info: Info, id: strawberry.ID) -> Department | None:  # noqa: A002
        # The root fields' rule: `department, read` (departments are read city-wide).
        if info.context.reference_scope("department") is None:
            return None
        row = await info.context.loaders.department.load(reference_id(id))
        return cls.from_row(row) if row else None


@strawberry.federation.type(
    keys=["id"],
    description=(
        '政务服务事项（审批事项或监管事项）。外部子图可按 @key(fields: "id") 扩展'
        "（docs/joining-the-graph.md）"
    ),
)
class Matter:
    id: strawberry.ID
    code: str
    name: str
    kind: MatterKind
    approval_category: ApprovalCategory | None
    status: MatterStatus
    legal_basis: str
    updated_at: datetime | None
    repealed_on: date | None = strawberry.field(description="废止日期（已废止的事项）")
    department_id: strawberry.Private[int]

    @strawberry.field(description="责任单位", extensions=requires("department", "read"))
    async def department(self, info: Info) -> Department | None:
        row = await info.context.loaders.department.load(self.department_id)
        return Department.from_row(row) if row else None

    @strawberry.field(description="变更历史（新的在前）：谁、何时、各字段修改前后")
    async def history(self, info: Info) -> list[Change]:
        return await _history(info, "history_of_matter", self.id)

    @classmethod
    def from_row(cls, row: models.Matter) -> Matter:
        return from_row(
            cls,
            row,
        )

    @classmethod
    async def resolve_reference(cls, info: Info, id: strawberry.ID) -> Matter | None:  # noqa: A002
        # The root fields' rule: `matter, read` (the matter catalogue is read city-wide).
        if info.context.reference_scope("matter") is None:
            return None
        row = await info.context.loaders.matter.load(reference_id(id))
        return cls.from_row(row) if row else None


@strawberry.type(description="依据文件：委托书 / 工作交付书 / 工作备忘录")
class BasisDocument:
    id: strawberry.ID
    kind: BasisKind
    number: str
    signed_on: date
    parties: str
    file_name: str
    content_type: str
    size: int
    sha256: str

    @classmethod
    def from_row(cls, row: models.BasisDocument) -> BasisDocument:
        return from_row(
            cls,
            row,
            sha256=row.file_sha256,
        )


@strawberry.type(
    description="审管联动事项：审批事项 → 监管事项，双方责任单位、科室、责任人与共享规则"
)
class Linkage:
    id: strawberry.ID
    principles: list[Principle] = strawberry.field(
        description="联动原则（可多项：谁审批谁负责、谁主管谁监管）"
    )
    principle: Principle = strawberry.field(
        description="第一项联动原则", deprecation_reason="请使用 principles（可多项）"
    )
    data_scope: str
    channel: SharingChannel
    procedure: str
    claim_days: int = strawberry.field(description="认领时限（工作日）")
    feedback_days: int = strawberry.field(description="反馈时限（工作日）")
    frequency: str
    confidentiality: Confidentiality
    review_mode: ReviewMode = strawberry.field(
        description="反馈方式：审批后反馈 / 提前介入 / 并联审查（后两者受理推送即有反馈时限）"
    )
    approval_confirmed_at: datetime | None
    supervision_confirmed_at: datetime | None
    confirmed: bool = strawberry.field(description="审批、监管双方均已确认")
    status: LinkageStatus = strawberry.field(description="草稿 → 待监管部门确认 → 双方已确认")
    removal_requested_at: datetime | None = strawberry.field(
        description="已标记在下一版本中移除的时间（已发布的联动事项不能删除）"
    )
    created_at: datetime
    updated_at: datetime | None
    row: strawberry.Private[models.Linkage]

    @strawberry.field(description="审批事项")
    async def approval_matter(self, info: Info) -> Matter | None:
        row = await info.context.loaders.matter.load(self.row.approval_matter_id)
        return Matter.from_row(row) if row else None

    @strawberry.field(description="监管事项")
    async def supervision_matter(self, info: Info) -> Matter | None:
        row = await info.context.loaders.matter.load(self.row.supervision_matter_id)
        return Matter.from_row(row) if row else None

    @strawberry.field(description="审批部门")
    async def approving_department(self, info: Info) -> Department | None:
        row = await info.context.loaders.department.load(self.row.approving_department_id)
        return Department.from_row(row) if row else None

    @strawberry.field(description="审批科（股）室")
    async def approving_section(self, info: Info) -> Section | None:
        row = await info.context.loaders.section.load(self.row.approving_section_id)
        return Section.from_row(row) if row else None

    @strawberry.field(description="审批责任人")
    async def approving_person(self, info: Info) -> Person | None:
        row = await info.context.loaders.person.load(self.row.approving_person_id)
        return Person.from_row(row) if row else None

    @strawberry.field(description="监管部门")
    async def supervising_department(self, info: Info) -> Department | None:
        row = await info.context.loaders.department.load(self.row.supervising_department_id)
        return Department.from_row(row) if row else None

    @strawberry.field(description="监管科（股）室")
    async def supervising_section(self, info: Info) -> Section | None:
        row = await info.context.loaders.section.load(self.row.supervising_section_id)
        return Section.from_row(row) if row else None

    @strawberry.field(description="监管责任人")
    async def supervising_person(self, info: Info) -> Person | None:
        row = await info.context.loaders.person.load(self.row.supervising_person_id)
        return Person.from_row(row) if row else None

    @strawberry.field(description="跨部门：审批与监管分属不同部门")
    def cross_department(self) -> bool:
        return self.row.approving_department_id != self.row.supervising_department_id

    @strawberry.field(description="跨层级：审批与监管部门层级不同（如市 ↔ 县区）")
    async def cross_level(self, info: Info) -> bool:
        approving = await info.context.loaders.department.load(self.row.approving_department_id)
        supervising = await info.context.loaders.department.load(self.row.supervising_department_id)
        if approving is None or supervising is None:
            return False
        return bool(approving.level != supervising.level)

    @strawberry.field(description="依据文件（跨部门或跨层级时必有）")
    async def basis_document(self, info: Info) -> BasisDocument | None:
        if self.row.basis_document_id is None:
            return None
        row = await info.context.loaders.basis_document.load(self.row.basis_document_id)
        return BasisDocument.from_row(row) if row else None

    @strawberry.field(
        description="变更历史（新的在前）：新建、修改、提交、确认、标记移除，谁、何时、各字段修改前后"
    )
    async def history(self, info: Info) -> list[Change]:
        return await _history(info, "history_of_linkage", self.id)

    @classmethod
    def from_row(cls, row: models.Linkage) -> Linkage:
        principles = ordered_principles(row.principles)
        return from_row(
            cls,
            row,
            principles=principles,
            principle=principles[0] if principles else models.Principle.WHO_APPROVES,
            row=row,
        )


@strawberry.type(
    description="公开清单中的一条联动事项（仅公开字段：无手机号码、无账号、无内部共享规则）"
)
class PublishedLinkage:
    linkage_id: strawberry.ID
    approval_matter_code: str
    approval_matter_name: str
    approval_category: ApprovalCategory | None
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
    principles: list[Principle] = strawberry.field(description="联动原则（可多项）")
    principle: Principle = strawberry.field(
        description="第一项联动原则", deprecation_reason="请使用 principles（可多项）"
    )
    cross_department: bool = strawberry.field(description="跨部门")
    cross_level: bool = strawberry.field(description="跨层级（如市 ↔ 县区）")
    basis_document_kind: BasisKind | None
    basis_document_number: str | None
    basis_document_signed_on: date | None
    channel: SharingChannel
    claim_days: int
    feedback_days: int
    frequency: str

    @classmethod
    def from_entry(cls, e: dict[str, Any]) -> PublishedLinkage:
        signed = e["basis_document_signed_on"]
        category = e["approval_category"]
        kind = e["basis_document_kind"]
        principles = ordered_principles(e["principles"])
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
            principles=principles,
            principle=principles[0] if principles else models.Principle.WHO_APPROVES,
            cross_department=bool(e["cross_department"]),
            cross_level=bool(e["cross_level"]),
            basis_document_kind=models.BasisKind(kind) if kind else None,
            basis_document_number=e["basis_document_number"],
            basis_document_signed_on=date.fromisoformat(signed) if signed else None,
            channel=models.SharingChannel(e["channel"]),
            claim_days=e["claim_days"],
            feedback_days=e["feedback_days"],
            frequency=e["frequency"],
        )


@strawberry.type(
    description="已发布的清单版本：编号、日期、发布说明、发布部门与发布人姓名、与上一版本的差异"
)
class LinkageListVersion:
    number: int
    published_at: datetime
    summary: str = strawberry.field(description="发布说明，如「2026年第1次调整」")
    publisher_name: str = strawberry.field(description="发布人姓名")
    publishing_department_name: str = strawberry.field(description="发布部门")
    added_linkage_ids: list[strawberry.ID]
    changed_linkage_ids: list[strawberry.ID]
    removed_linkage_ids: list[strawberry.ID]
    entry_rows: strawberry.Private[list[dict[str, Any]]]
    removed_rows: strawberry.Private[list[dict[str, Any]]]

    @strawberry.field(description="本版本的联动事项（公开字段）")
    def entries(self) -> list[PublishedLinkage]:
        return [PublishedLinkage.from_entry(e) for e in self.entry_rows]

    @strawberry.field(description="本版本移除的联动事项（上一版本中的公开字段）")
    def removed_entries(self) -> list[PublishedLinkage]:
        return [PublishedLinkage.from_entry(e) for e in self.removed_rows]

    @classmethod
    def from_row(cls, row: models.ListVersion) -> LinkageListVersion:
        def ids(values: list[int]) -> list[strawberry.ID]:
            return [strawberry.ID(str(v)) for v in values]

        return from_row(
            cls,
            row,
            added_linkage_ids=ids(row.added),
            changed_linkage_ids=ids(row.changed),
            removed_linkage_ids=ids(row.removed),
            entry_rows=row.entries,
            removed_rows=row.removed_entries,
        )


@strawberry.type(description="两个版本之间一条联动事项的字段变更（公开字段）")
class ChangedPublishedLinkage:
    linkage_id: strawberry.ID
    before: PublishedLinkage
    after: PublishedLinkage
    changes: list[FieldChange]


@strawberry.type(description="任意两个清单版本之间的差异：新增、移除、字段变更")
class LinkageListDiff:
    base: int
    target: int
    added: list[PublishedLinkage]
    removed: list[PublishedLinkage]
    changed: list[ChangedPublishedLinkage]


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
    awaiting_confirmation_linkage_ids: list[strawberry.ID] = strawberry.field(
        description="导入改动了责任人信息（如办公电话）：这些联动事项须监管部门重新确认"
    )


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
PositionResult = Annotated[Person | ValidationErrors, strawberry.union("PositionResult")]
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
