"""Input types of the catalog subgraph."""

from __future__ import annotations

from datetime import date

import strawberry

from api.catalog import models
from api.catalog.types import (
    ApprovalCategory,
    BasisKind,
    Confidentiality,
    DepartmentLevel,
    LiaisonKind,
    MatterKind,
    MatterStatus,
    Principle,
    ReviewMode,
    SharingChannel,
)
from api.core.errors import build_model, parse_id
from api.core.kit import optional_id


@strawberry.input(description="新建部门")
class CreateDepartmentInput:
    name: str
    short_name: str
    level: DepartmentLevel = models.DepartmentLevel.CITY
    credit_code: str | None = None
    parent_id: strawberry.ID | None = None

    def to_model(self) -> models.DepartmentCreate:
        return build_model(
            models.DepartmentCreate,
            name=self.name,
            short_name=self.short_name,
            level=self.level,
            credit_code=self.credit_code or None,
            parent_id=optional_id(self.parent_id, "parentId"),
        )


@strawberry.input(description="新建事项")
class CreateMatterInput:
    code: str
    name: str
    kind: MatterKind
    department_id: strawberry.ID
    legal_basis: str = ""
    approval_category: ApprovalCategory | None = None

    def to_model(self) -> models.MatterCreate:
        return build_model(
            models.MatterCreate,
            code=self.code,
            name=self.name,
            kind=self.kind,
            department_id=parse_id(self.department_id, "departmentId"),
            legal_basis=self.legal_basis,
            approval_category=self.approval_category,
        )


@strawberry.input(description="修改事项（只填要改的字段；废止即 status: REPEALED）")
class UpdateMatterInput:
    name: str | None = None
    legal_basis: str | None = None
    approval_category: ApprovalCategory | None = None
    status: MatterStatus | None = None
    repealed_on: date | None = strawberry.field(
        default=None, description="废止日期（状态为已废止时；默认当天）"
    )

    def to_model(self) -> models.MatterUpdate:
        return build_model(
            models.MatterUpdate,
            name=self.name,
            legal_basis=self.legal_basis,
            approval_category=self.approval_category,
            status=self.status,
            repealed_on=self.repealed_on,
        )


@strawberry.input(description="新建科（股）室")
class CreateSectionInput:
    department_id: strawberry.ID
    name: str

    def to_model(self) -> models.SectionCreate:
        return build_model(
            models.SectionCreate,
            department_id=parse_id(self.department_id, "departmentId"),
            name=self.name,
        )


@strawberry.input(description="新建人员")
class CreatePersonInput:
    section_id: strawberry.ID
    name: str
    office_phone: str = ""
    mobile: str = ""
    role: str = ""

    def to_model(self) -> models.PersonCreate:
        return build_model(
            models.PersonCreate,
            section_id=parse_id(self.section_id, "sectionId"),
            name=self.name,
            office_phone=self.office_phone.strip(),
            mobile=self.mobile.strip(),
            role=self.role.strip(),
        )


@strawberry.input(description="人员在某科（股）室兼任（可为其他部门的人员）")
class AddPositionInput:
    person_id: strawberry.ID
    section_id: strawberry.ID
    title: str = ""


@strawberry.input(description="指定（变更）联络员")
class SetLiaisonInput:
    department_id: strawberry.ID
    kind: LiaisonKind
    person_id: strawberry.ID
    since: date


@strawberry.input(
    description="上传依据文件：文件内容以 base64 字符串传入（可经联邦网关原样转发），PDF 或图片"
)
class UploadBasisDocumentInput:
    kind: BasisKind
    number: str
    signed_on: date
    parties: str
    file_name: str
    content_base64: str

    def to_model(self) -> models.BasisDocumentCreate:
        return build_model(
            models.BasisDocumentCreate,
            kind=self.kind,
            number=self.number,
            signed_on=self.signed_on,
            parties=self.parties,
        )


@strawberry.input(description="联动事项（新建或修改）及其共享规则")
class LinkageInput:
    approval_matter_id: strawberry.ID
    supervision_matter_id: strawberry.ID
    approving_department_id: strawberry.ID
    approving_section_id: strawberry.ID
    approving_person_id: strawberry.ID
    supervising_department_id: strawberry.ID
    supervising_section_id: strawberry.ID
    supervising_person_id: strawberry.ID
    principles: list[Principle] | None = strawberry.field(
        default=None, description="联动原则（可多项，至少一项）"
    )
    principle: Principle | None = strawberry.field(
        default=None,
        description="单项联动原则（旧写法；与 principles 同时给出时以 principles 为准）",
        deprecation_reason="请使用 principles（可多项）",
    )
    basis_document_id: strawberry.ID | None = None
    data_scope: str = "审批结果信息：事项名称、法律文书、行政相对人及联系方式"
    channel: SharingChannel = models.SharingChannel.ONLINE
    procedure: str = "推送即认领，认领后按时限反馈"
    claim_days: int = 1
    feedback_days: int = 5
    frequency: str = "实时"
    confidentiality: Confidentiality = models.Confidentiality.INTERNAL
    review_mode: ReviewMode = strawberry.field(
        default=models.ReviewMode.AFTER_APPROVAL,
        description="反馈方式：审批后反馈（默认）/ 提前介入 / 并联审查（受理推送即有反馈时限）",
    )

    def to_model(self) -> models.LinkageCreate:
        return build_model(
            models.LinkageCreate,
            approval_matter_id=parse_id(self.approval_matter_id, "approvalMatterId"),
            supervision_matter_id=parse_id(self.supervision_matter_id, "supervisionMatterId"),
            approving_department_id=parse_id(self.approving_department_id, "approvingDepartmentId"),
            approving_section_id=parse_id(self.approving_section_id, "approvingSectionId"),
            approving_person_id=parse_id(self.approving_person_id, "approvingPersonId"),
            supervising_department_id=parse_id(
                self.supervising_department_id, "supervisingDepartmentId"
            ),
            supervising_section_id=parse_id(self.supervising_section_id, "supervisingSectionId"),
            supervising_person_id=parse_id(self.supervising_person_id, "supervisingPersonId"),
            principles=list(self.principles)
            if self.principles is not None
            else ([self.principle] if self.principle else []),
            basis_document_id=(
                parse_id(self.basis_document_id, "basisDocumentId")
                if self.basis_document_id
                else None
            ),
            data_scope=self.data_scope.strip(),
            channel=self.channel,
            procedure=self.procedure.strip(),
            claim_days=self.claim_days,
            feedback_days=self.feedback_days,
            frequency=self.frequency.strip(),
            confidentiality=self.confidentiality,
            review_mode=self.review_mode,
        )
