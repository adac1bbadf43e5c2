"""Catalog tables, each with its Base → Create → table → Public ladder."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from api.core.models import str_enum, utcnow


class DepartmentLevel(StrEnum):
    CITY = "CITY"  # 市级
    COUNTY = "COUNTY"  # 县区级
    TOWNSHIP = "TOWNSHIP"  # 乡镇


class MatterKind(StrEnum):
    APPROVAL = "APPROVAL"  # 审批事项
    SUPERVISION = "SUPERVISION"  # 监管事项


class ApprovalCategory(StrEnum):
    LICENSING = "LICENSING"  # 行政许可
    OTHER_POWER = "OTHER_POWER"  # 其他行政权力
    PUBLIC_SERVICE = "PUBLIC_SERVICE"  # 公共服务


class MatterStatus(StrEnum):
    IN_FORCE = "IN_FORCE"  # 有效
    REPEALED = "REPEALED"  # 已废止


class LiaisonKind(StrEnum):
    PUSH = "PUSH"  # 推送联络员
    RECEIVE = "RECEIVE"  # 接收联络员
    HEAD = "HEAD"  # 部门负责人（红牌短信）


class ReviewMode(StrEnum):
    """When the supervising side feeds back on a push (a sharing rule of the linkage)."""

    AFTER_APPROVAL = "AFTER_APPROVAL"  # 审批后反馈（默认：办结推送才有反馈时限）
    EARLY_INVOLVEMENT = "EARLY_INVOLVEMENT"  # 提前介入：受理推送也有反馈时限
    PARALLEL_REVIEW = "PARALLEL_REVIEW"  # 并联审查：受理推送也有反馈时限


class Principle(StrEnum):
    WHO_APPROVES = "WHO_APPROVES"  # 谁审批谁负责
    WHO_GOVERNS = "WHO_GOVERNS"  # 谁主管谁监管


class BasisKind(StrEnum):
    ENTRUSTMENT = "ENTRUSTMENT"  # 委托书
    HANDOVER = "HANDOVER"  # 工作交付书
    MEMORANDUM = "MEMORANDUM"  # 工作备忘录


class SharingChannel(StrEnum):
    ONLINE = "ONLINE"  # 线上推送
    OWN_SYSTEM = "OWN_SYSTEM"  # 部门自有系统
    LETTER = "LETTER"  # 书面函件
    JOINT_MEETING = "JOINT_MEETING"  # 联席会议


class LinkageStatus(StrEnum):
    DRAFT = "DRAFT"  # 草稿（审批部门尚未提交）
    AWAITING_SUPERVISION = "AWAITING_SUPERVISION"  # 待监管部门确认
    CONFIRMED = "CONFIRMED"  # 双方已确认


class ChangeAction(StrEnum):
    CREATED = "CREATED"  # 新建
    UPDATED = "UPDATED"  # 修改
    SUBMITTED = "SUBMITTED"  # 审批部门提交（草稿 → 待确认）
    CONFIRMED = "CONFIRMED"  # 监管部门确认
    DELETED = "DELETED"  # 删除
    REMOVAL_REQUESTED = "REMOVAL_REQUESTED"  # 标记下一版本移除


class ChangedEntity(StrEnum):
    LINKAGE = "LINKAGE"
    PERSON = "PERSON"
    SECTION = "SECTION"
    MATTER = "MATTER"


class Confidentiality(StrEnum):
    PUBLIC = "PUBLIC"  # 公开
    INTERNAL = "INTERNAL"  # 内部
    RESTRICTED = "RESTRICTED"  # 受限


# --- departments, sections, people, liaisons -------------------------------------------


class DepartmentBase(SQLModel):
    name: str = Field(max_length=100, unique=True)
    short_name: str = Field(max_length=50)
    level: DepartmentLevel = Field(default=DepartmentLevel.CITY, sa_type=str_enum(DepartmentLevel))
    credit_code: str | None = Field(default=None, max_length=18)
    parent_id: int | None = Field(default=None, foreign_key="catalog_department.id")


class DepartmentCreate(DepartmentBase):
    pass


class Department(DepartmentBase, table=True):
    __tablename__ = "catalog_department"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow)


class SectionBase(SQLModel):
    department_id: int = Field(foreign_key="catalog_department.id", index=True)
    name: str = Field(max_length=100)


class SectionCreate(SectionBase):
    pass


class Section(SectionBase, table=True):
    """科/股室 of a department."""

    __tablename__ = "catalog_section"
    __table_args__ = (sa.UniqueConstraint("department_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)


class PersonBase(SQLModel):
    section_id: int = Field(foreign_key="catalog_section.id", index=True)
    name: str = Field(max_length=50)
    office_phone: str = Field(default="", max_length=30)
    mobile: str = Field(default="", max_length=20)
    role: str = Field(default="", max_length=100)  # role on the linkage work, e.g. 责任人


class PersonCreate(PersonBase):
    pass


class Person(PersonBase, table=True):
    __tablename__ = "catalog_person"
    __table_args__ = (sa.UniqueConstraint("section_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    # Denormalised from the section so scope filters need no join.
    department_id: int = Field(foreign_key="catalog_department.id", index=True)


class Position(SQLModel, table=True):
    """A further position of a person in a section (of any department) besides the home
    section on the person row, e.g. a department head responsible in 排污许可科 and 执法监督科."""

    __tablename__ = "catalog_position"
    __table_args__ = (sa.UniqueConstraint("person_id", "section_id"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="catalog_person.id", index=True)
    section_id: int = Field(foreign_key="catalog_section.id", index=True)
    # Denormalised from the section, like Person.department_id.
    department_id: int = Field(foreign_key="catalog_department.id", index=True)
    title: str = Field(default="", max_length=100)  # e.g. 分管负责人
    created_at: datetime = Field(default_factory=utcnow)


class LiaisonAssignment(SQLModel, table=True):
    """Who is (and was) a department's push / receive liaison; ``until`` is null while current."""

    __tablename__ = "catalog_liaison"

    id: int | None = Field(default=None, primary_key=True)
    department_id: int = Field(foreign_key="catalog_department.id", index=True)
    kind: LiaisonKind = Field(sa_type=str_enum(LiaisonKind))
    person_id: int = Field(foreign_key="catalog_person.id")
    since: date
    until: date | None = None
    recorded_by: str = Field(default="", max_length=64)
    recorded_at: datetime = Field(default_factory=utcnow)


# --- matters ----------------------------------------


class MatterBase(SQLModel):
    code: str = Field(max_length=64, unique=True, index=True)
    name: str = Field(max_length=200, index=True)
    kind: MatterKind = Field(sa_type=str_enum(MatterKind))
    department_id: int = Field(foreign_key="catalog_department.id", index=True)
    legal_basis: str = Field(default="", max_length=4000)
    approval_category: ApprovalCategory | None = Field(
        default=None, sa_type=str_enum(ApprovalCategory)
    )
    status: MatterStatus = Field(default=MatterStatus.IN_FORCE, sa_type=str_enum(MatterStatus))


class MatterCreate(MatterBase):
    pass


class MatterUpdate(SQLModel):
    name: str | None = None
    legal_basis: str | None = None
    approval_category: ApprovalCategory | None = None
    status: MatterStatus | None = None
    repealed_on: date | None = None  # with status REPEALED; default: today (Asia/Shanghai)


class Matter(MatterBase, table=True):
    __tablename__ = "catalog_matter"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime | None = None
    repealed_on: date | None = None  # set while the status is REPEALED


# --- basis documents and linkages ----------------------------------------


class BasisDocumentBase(SQLModel):
    kind: BasisKind = Field(sa_type=str_enum(BasisKind))
    number: str = Field(max_length=100, unique=True, index=True)
    signed_on: date
    parties: str = Field(max_length=500)


class BasisDocumentCreate(BasisDocumentBase):
    pass


class BasisDocument(BasisDocumentBase, table=True):
    """委托书 / 工作交付书 / 工作备忘录; the file itself lives in the content-hash store."""

    __tablename__ = "catalog_basis_document"

    id: int | None = Field(default=None, primary_key=True)
    file_sha256: str = Field(max_length=64)
    file_name: str = Field(max_length=200)
    content_type: str = Field(max_length=50)
    size: int
    uploaded_by_department_id: int = Field(foreign_key="catalog_department.id")
    created_at: datetime = Field(default_factory=utcnow)


class SharingRules(SQLModel):
    """Per linkage: what is shared, how, and how fast (the time limits drive due dates)."""

    data_scope: str = Field(
        default="审批结果信息：事项名称、法律文书、行政相对人及联系方式", max_length=500
    )
    channel: SharingChannel = Field(default=SharingChannel.ONLINE, sa_type=str_enum(SharingChannel))
    procedure: str = Field(default="推送即认领，认领后按时限反馈", max_length=500)
    claim_days: int = Field(default=1)  # working days
    feedback_days: int = Field(default=5)  # working days
    frequency: str = Field(default="实时", max_length=50)
    confidentiality: Confidentiality = Field(
        default=Confidentiality.INTERNAL, sa_type=str_enum(Confidentiality)
    )
    # 提前介入 / 并联审查: the 受理 push carries a feedback limit (feedback_days) too.
    review_mode: ReviewMode = Field(
        default=ReviewMode.AFTER_APPROVAL,
        sa_type=str_enum(ReviewMode),
        sa_column_kwargs={"server_default": ReviewMode.AFTER_APPROVAL.value},
    )


class LinkageBase(SharingRules):
    approval_matter_id: int = Field(foreign_key="catalog_matter.id", index=True)
    supervision_matter_id: int = Field(foreign_key="catalog_matter.id", index=True)
    approving_department_id: int = Field(foreign_key="catalog_department.id", index=True)
    approving_section_id: int = Field(foreign_key="catalog_section.id")
    approving_person_id: int = Field(foreign_key="catalog_person.id")
    supervising_department_id: int = Field(foreign_key="catalog_department.id", index=True)
    supervising_section_id: int = Field(foreign_key="catalog_section.id")
    supervising_person_id: int = Field(foreign_key="catalog_person.id")
    # A set of principles (谁审批谁负责、谁主管谁监管 …), stored in ``Principle`` order.
    principles: list[Principle] = Field(default_factory=list, sa_type=sa.JSON)
    basis_document_id: int | None = Field(default=None, foreign_key="catalog_basis_document.id")


class LinkageCreate(LinkageBase):
    pass


class Linkage(LinkageBase, table=True):
    __tablename__ = "catalog_linkage"
    # AUTOINCREMENT on SQLite: a deleted linkage's id is never reused (its history stays its own).
    __table_args__ = (
        sa.UniqueConstraint("approval_matter_id", "supervision_matter_id"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    approval_confirmed_at: datetime | None = None
    supervision_confirmed_at: datetime | None = None
    # Marked for removal from the next published version (it stays in the earlier ones).
    removal_requested_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime | None = None

    @property
    def confirmed(self) -> bool:
        return self.approval_confirmed_at is not None and self.supervision_confirmed_at is not None

    @property
    def status(self) -> LinkageStatus:
        if self.approval_confirmed_at is None:
            return LinkageStatus.DRAFT
        if self.supervision_confirmed_at is None:
            return LinkageStatus.AWAITING_SUPERVISION
        return LinkageStatus.CONFIRMED


class ListVersion(SQLModel, table=True):
    """A frozen, numbered publication of the linkage list (public fields only)."""

    __tablename__ = "catalog_list_version"

    id: int | None = Field(default=None, primary_key=True)
    number: int = Field(unique=True, index=True)
    published_at: datetime = Field(default_factory=utcnow)
    published_by: str = Field(max_length=64)  # account name: internal, never public
    publisher_name: str = Field(default="", max_length=64, sa_column_kwargs={"server_default": ""})
    publishing_department_name: str = Field(
        default="", max_length=100, sa_column_kwargs={"server_default": ""}
    )
    summary: str = Field(default="", max_length=200, sa_column_kwargs={"server_default": ""})
    entries: list[dict[str, Any]] = Field(sa_type=sa.JSON)
    added: list[int] = Field(sa_type=sa.JSON)  # linkage ids
    changed: list[int] = Field(sa_type=sa.JSON)
    removed: list[int] = Field(sa_type=sa.JSON)
    # The removed linkages as the previous version published them (shown as removed).
    removed_entries: list[dict[str, Any]] = Field(
        default_factory=list, sa_type=sa.JSON, sa_column_kwargs={"server_default": "[]"}
    )


class ChangeRecord(SQLModel, table=True):
    """One change of a linkage, person, section or matter: who, when, from which department,
    and per field the value before and after (``changes``: ``[{field, before, after}]``).

    Rows are never updated or deleted; a deleted object keeps its history (no foreign key).
    """

    __tablename__ = "catalog_change"
    __table_args__ = (sa.Index("ix_catalog_change_entity", "entity", "entity_id"),)

    id: int | None = Field(default=None, primary_key=True)
    entity: ChangedEntity = Field(sa_type=str_enum(ChangedEntity))
    entity_id: int
    action: ChangeAction = Field(sa_type=str_enum(ChangeAction))
    changes: list[dict[str, Any]] = Field(sa_type=sa.JSON)
    actor: str = Field(default="", max_length=64)
    department_id: int | None = None
    at: datetime = Field(default_factory=utcnow)
