"""Approval tables. Matters, departments and subjects belong to other subgraphs: by key only.

The linkage list is catalog's; approval keeps a replica of each published version
(``LinkageEntry``), filled from the ``catalog.linkage_list.published`` event. The version
in force (the highest received) decides pushes and responsibility scope.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from api.core.models import str_enum, utcnow


class ApplicationStatus(StrEnum):
    SUBMITTED = "SUBMITTED"  # 已申报
    ACCEPTED = "ACCEPTED"  # 已受理
    APPROVED = "APPROVED"  # 办结：准予
    REFUSED = "REFUSED"  # 办结：不予


class ApplicantKind(StrEnum):
    LEGAL_PERSON = "LEGAL_PERSON"  # 法人及其他组织（统一社会信用代码）
    NATURAL_PERSON = "NATURAL_PERSON"  # 自然人（居民身份证号码）


class HandlingMode(StrEnum):
    NORMAL = "NORMAL"  # 一般程序
    GREEN_CHANNEL = "GREEN_CHANNEL"  # 绿色通道
    MISSING_DOCUMENTS = "MISSING_DOCUMENTS"  # 容缺受理
    NOTIFY_AND_COMMIT = "NOTIFY_AND_COMMIT"  # 告知承诺


class CreditMeasure(StrEnum):
    GREEN_CHANNEL = "GREEN_CHANNEL"  # 绿色通道（守信激励）
    MISSING_DOCUMENTS = "MISSING_DOCUMENTS"  # 容缺受理（守信激励）
    NOTIFY_AND_COMMIT = "NOTIFY_AND_COMMIT"  # 告知承诺（守信激励）
    STRICTER_REVIEW = "STRICTER_REVIEW"  # 从严审查（失信惩戒）


class MeasureKind(StrEnum):
    INCENTIVE = "INCENTIVE"  # 守信激励
    RESTRICTION = "RESTRICTION"  # 失信惩戒


class MeasureDecision(StrEnum):
    APPLIED = "APPLIED"  # 已适用
    SKIPPED = "SKIPPED"  # 未适用（须说明理由）


class SkipReason(StrEnum):
    APPLICANT_DECLINED = "APPLICANT_DECLINED"  # 申请人不愿适用
    DOCUMENTS_COMPLETE = "DOCUMENTS_COMPLETE"  # 材料齐全，无需容缺
    NOT_APPLICABLE_TO_MATTER = "NOT_APPLICABLE_TO_MATTER"  # 事项不适用该措施
    RISK_CONCERN = "RISK_CONCERN"  # 存在风险隐患
    CREDIT_REPAIRED = "CREDIT_REPAIRED"  # 信用已修复（惩戒）
    OTHER = "OTHER"  # 其他（须填写说明）


class Outcome(StrEnum):
    APPROVED = "APPROVED"
    REFUSED = "REFUSED"


class DocumentKind(StrEnum):
    LICENCE = "LICENCE"  # 许可证
    APPROVAL_DOCUMENT = "APPROVAL_DOCUMENT"  # 批准文书
    REFUSAL_DECISION = "REFUSAL_DECISION"  # 不予许可决定书
    OTHER = "OTHER"  # 其他法律文书


class Channel(StrEnum):
    ONLINE = "ONLINE"  # 本平台（推送即认领）
    OWN_SYSTEM = "OWN_SYSTEM"  # 部门自建系统
    LETTER = "LETTER"  # 书面函件
    JOINT_MEETING = "JOINT_MEETING"  # 联席会议


class PushStage(StrEnum):
    ACCEPTED = "ACCEPTED"  # 受理推送
    COMPLETED = "COMPLETED"  # 办结推送


class PushState(StrEnum):
    AWAITING_CLAIM = "AWAITING_CLAIM"  # 待认领（线下渠道）
    CLAIMED = "CLAIMED"  # 已认领


class FeedbackState(StrEnum):
    NOT_REQUIRED = "NOT_REQUIRED"  # 受理推送无需反馈
    OPEN = "OPEN"  # 待反馈
    NO_ABNORMALITY = "NO_ABNORMALITY"  # 无异常，一键办结
    ABNORMAL_REPORTED = "ABNORMAL_REPORTED"  # 已反馈异常


class ApplicationBase(SQLModel):
    matter_id: int = Field(index=True)  # catalog Matter.id (federation key, no cross-subgraph FK)
    applicant_kind: ApplicantKind = Field(
        default=ApplicantKind.LEGAL_PERSON, sa_type=str_enum(ApplicantKind)
    )
    # USCC for a legal person, resident identity number for a natural person.
    applicant_code: str = Field(max_length=18, index=True)
    applicant_name: str = Field(max_length=200)
    applicant_contact: str = Field(default="", max_length=50)
    applicant_address: str = Field(default="", max_length=300)


class ApplicationCreate(ApplicationBase):
    pass


class Application(ApplicationBase, table=True):
    __tablename__ = "approval_application"
    __table_args__ = (
        sa.UniqueConstraint("source_system", "external_id", name="uq_approval_external"),
    )

    id: int | None = Field(default=None, primary_key=True)
    status: ApplicationStatus = Field(
        default=ApplicationStatus.SUBMITTED, sa_type=str_enum(ApplicationStatus)
    )
    # The approving department (from the list in force at submission; None if unlisted).
    approving_department_id: int | None = Field(default=None, index=True)
    handling_mode: HandlingMode = Field(default=HandlingMode.NORMAL, sa_type=str_enum(HandlingMode))
    submitted_at: datetime = Field(default_factory=utcnow)
    submitted_by: str = Field(default="", max_length=64)
    accepted_at: datetime | None = None
    accepted_by: str | None = Field(default=None, max_length=64)
    completed_at: datetime | None = None
    completed_by: str | None = Field(default=None, max_length=64)
    refusal_reason: str | None = Field(default=None, max_length=1000)
    # Credit as of acceptance (from the verified credit-check ticket).
    credit_level: str | None = Field(default=None, max_length=32)
    credit_joint_punished: bool | None = None
    credit_lookup_id: int | None = None
    list_version: int | None = None  # linkage list version that decided the pushes
    # The applicant's subject key (api/core/subject_keys.py): the USCC, or NP+hash for a
    # natural person. Credit tickets and ``credit.level.changed`` name applicants by it.
    applicant_key: str | None = Field(default=None, max_length=18, index=True)
    # Connected systems: where the application came from, and its id there.
    source_system: str | None = Field(default=None, max_length=64)
    external_id: str | None = Field(default=None, max_length=100)


class MeasureRecord(SQLModel, table=True):
    """A credit measure proposed at acceptance, and whether the clerk applied it or why not."""

    __tablename__ = "approval_measure_record"
    __table_args__ = (sa.UniqueConstraint("application_id", "measure"),)

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="approval_application.id", index=True)
    matter_id: int = Field(index=True)
    department_id: int | None = Field(default=None, index=True)  # the approving department
    measure: CreditMeasure = Field(sa_type=str_enum(CreditMeasure))
    kind: MeasureKind = Field(sa_type=str_enum(MeasureKind))
    decision: MeasureDecision = Field(sa_type=str_enum(MeasureDecision))
    skip_reason: SkipReason | None = Field(default=None, sa_type=str_enum(SkipReason))
    skip_note: str = Field(default="", max_length=500)
    credit_level: str = Field(max_length=32)
    decided_by: str = Field(max_length=64)
    decided_at: datetime = Field(default_factory=utcnow)


class LegalDocumentBase(SQLModel):
    kind: DocumentKind = Field(sa_type=str_enum(DocumentKind))
    number: str = Field(max_length=100)
    valid_from: date | None = None
    valid_until: date | None = None
    file_name: str = Field(default="", max_length=200)
    file_url: str = Field(default="", max_length=500)
    # The document's file, stored once under its SHA-256 (api/core/files.py); None: no file.
    file_sha256: str | None = Field(default=None, max_length=64)
    file_type: str = Field(default="", max_length=100, sa_column_kwargs={"server_default": ""})
    file_size: int | None = None


class LegalDocumentCreate(LegalDocumentBase):
    pass


class LegalDocument(LegalDocumentBase, table=True):
    __tablename__ = "approval_legal_document"

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="approval_application.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)


class LinkageListVersion(SQLModel, table=True):
    """A published version of the linkage list, as received from catalog."""

    __tablename__ = "approval_linkage_list_version"

    version: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    published_at: datetime
    received_at: datetime = Field(default_factory=utcnow)


class LinkageEntry(SQLModel, table=True):
    """One linkage of a published version (replica of catalog's list, read-only here)."""

    __tablename__ = "approval_linkage_entry"
    __table_args__ = (sa.UniqueConstraint("version", "linkage_id"),)

    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(foreign_key="approval_linkage_list_version.version", index=True)
    linkage_id: int
    approval_matter_id: int = Field(index=True)
    approval_matter_code: str = Field(max_length=64)
    approval_matter_name: str = Field(max_length=200)
    approving_department_id: int = Field(index=True)
    supervision_matter_id: int
    supervision_matter_code: str = Field(max_length=64)
    supervision_matter_name: str = Field(max_length=200)
    supervising_department_id: int = Field(index=True)
    channel: Channel = Field(sa_type=str_enum(Channel))
    claim_days: int
    feedback_days: int
    confidentiality: str = Field(default="", max_length=32)
    # catalog's ReviewMode: EARLY_INVOLVEMENT / PARALLEL_REVIEW give the 受理 push a feedback limit.
    review_mode: str = Field(
        default="AFTER_APPROVAL",
        max_length=32,
        sa_column_kwargs={"server_default": "AFTER_APPROVAL"},
    )
    # The responsible sections and people of both sides in this version (案卷评查).
    approving_section_name: str = Field(default="", max_length=100)
    approving_person_name: str = Field(default="", max_length=50)
    approving_office_phone: str = Field(default="", max_length=30)
    supervising_section_name: str = Field(default="", max_length=100)
    supervising_person_name: str = Field(default="", max_length=50)
    supervising_office_phone: str = Field(default="", max_length=30)
    # The receive liaison current at publication: used only while no copy of catalog's
    # liaisons (``Liaison``) names one for the department (databases from before the topic).
    receive_liaison_name: str = Field(default="", max_length=64)
    receive_liaison_mobile: str = Field(default="", max_length=20)
    # Optional in the payload: the supervising department head's mobile (red cards).
    department_head_mobile: str = Field(default="", max_length=20)


class Liaison(SQLModel, table=True):
    """A department's push / receive liaison for a period, as catalog named them
    (``catalog.liaison.appointed``; read-only here). On a day, the current one of a kind is
    the assignment with the latest ``valid_from`` not after it (periods never overlap)."""

    __tablename__ = "approval_liaison"
    __table_args__ = (
        sa.Index("ix_approval_liaison_current", "department_id", "kind", "valid_from"),
    )

    assignment_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    department_id: int
    kind: str = Field(max_length=16)  # PUSH / RECEIVE
    person_id: int
    name: str = Field(max_length=64)
    mobile: str = Field(default="", max_length=20)
    valid_from: date
    valid_until: date | None = None
    # The outbox message last applied: an older redelivery never overwrites a newer one.
    message_id: int


class Push(SQLModel, table=True):
    """Approval information pushed to one supervising department at one stage."""

    __tablename__ = "approval_push"
    __table_args__ = (
        sa.UniqueConstraint("application_id", "stage", "department_id"),
        sa.UniqueConstraint("supervision_code", name="uq_approval_push_supervision_code"),
    )

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="approval_application.id", index=True)
    stage: PushStage = Field(sa_type=str_enum(PushStage))
    department_id: int = Field(index=True)  # receiving (supervising) department
    from_department_id: int = Field(index=True)  # approving department
    linkage_id: int
    list_version: int
    supervision_matter_id: int
    channel: Channel = Field(sa_type=str_enum(Channel))
    state: PushState = Field(sa_type=str_enum(PushState), index=True)
    # What was pushed (matter, legal documents, applicant name, contact, address).
    content: dict[str, Any] = Field(sa_type=sa.JSON)
    receive_liaison_name: str = Field(default="", max_length=64)
    receive_liaison_mobile: str = Field(default="", max_length=20)
    pushed_at: datetime = Field(default_factory=utcnow)
    claim_due: date
    claimed_at: datetime | None = None
    claimed_by: str | None = Field(default=None, max_length=64)
    claim_method: Channel | None = Field(default=None, sa_type=str_enum(Channel))
    claim_note: str = Field(default="", max_length=500)
    # The joint meeting at which the push was claimed (claim method JOINT_MEETING).
    claim_meeting_id: int | None = None
    # The signed receipt (签收回执) of an offline claim, stored by SHA-256.
    claim_receipt_name: str | None = Field(default=None, max_length=200)
    claim_receipt_sha256: str | None = Field(default=None, max_length=64)
    claim_receipt_type: str | None = Field(default=None, max_length=100)
    claim_receipt_size: int | None = None
    # How the approving side sent an offline push: the letter (函号) or own-system hand-over,
    # its number and date, and its file (stored by SHA-256).
    dispatch_channel: Channel | None = Field(default=None, sa_type=str_enum(Channel))
    dispatch_number: str | None = Field(default=None, max_length=100)
    dispatch_on: date | None = None
    dispatch_note: str = Field(default="", max_length=500, sa_column_kwargs={"server_default": ""})
    dispatch_file_name: str | None = Field(default=None, max_length=200)
    dispatch_sha256: str | None = Field(default=None, max_length=64)
    dispatch_type: str | None = Field(default=None, max_length=100)
    dispatch_size: int | None = None
    dispatched_by: str | None = Field(default=None, max_length=64)
    dispatched_at: datetime | None = None
    feedback_state: FeedbackState = Field(sa_type=str_enum(FeedbackState), index=True)
    feedback_due: date | None = None
    feedback_closed_at: datetime | None = None
    feedback_closed_by: str | None = Field(default=None, max_length=64)
    # 监管码: short, unique, typed by the liaison to open the case (``pushByCode``).
    supervision_code: str | None = Field(default=None, max_length=12)
    # The list version in force when the push was claimed and when its feedback was closed.
    claim_list_version: int | None = None
    feedback_list_version: int | None = None
    department_head_mobile: str = Field(default="", max_length=20)


class CardStage(StrEnum):
    CLAIM = "CLAIM"  # 认领时限
    FEEDBACK = "FEEDBACK"  # 反馈时限


class CardColor(StrEnum):
    YELLOW = "YELLOW"  # 黄牌：时限过半
    RED = "RED"  # 红牌：时限将至


class EscalationCard(SQLModel, table=True):
    """A yellow or red card raised on a push's claim or feedback time limit (kept forever)."""

    __tablename__ = "approval_escalation_card"
    __table_args__ = (sa.UniqueConstraint("push_id", "stage", "color"),)

    id: int | None = Field(default=None, primary_key=True)
    push_id: int = Field(foreign_key="approval_push.id", index=True)
    stage: CardStage = Field(sa_type=str_enum(CardStage))
    color: CardColor = Field(sa_type=str_enum(CardColor), index=True)
    department_id: int = Field(index=True)  # the department whose time limit it is
    from_department_id: int = Field(index=True)
    liaison_name: str = Field(default="", max_length=64)
    list_version: int
    limit_hours: float  # working hours from the push to the end of the due day
    elapsed_hours: float  # working hours elapsed when the card was raised
    due_on: date
    raised_at: datetime = Field(default_factory=utcnow, index=True)


class MonthlySummary(SQLModel, table=True):
    """A supervising department's summary of one month (pushes, claims, overdue, feedback)."""

    __tablename__ = "approval_monthly_summary"
    __table_args__ = (sa.UniqueConstraint("department_id", "month"),)

    id: int | None = Field(default=None, primary_key=True)
    department_id: int = Field(index=True)
    month: date  # the month's first day
    pushes: int
    claims: int  # every claim of the month, whatever the method
    overdue: int  # open and past due at the month's end
    feedback: int  # feedback closed in the month
    # Claims by method (Channel value → count), claims made after their due day, and the
    # month's feedback closes split by outcome (summaries written before these read 0).
    claims_by_method: dict[str, int] = Field(
        default_factory=dict, sa_type=sa.JSON, sa_column_kwargs={"server_default": "{}"}
    )
    late_claims: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    closed_without_abnormality: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    abnormal_feedback: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    workbook: bytes = Field(sa_type=sa.LargeBinary)  # .xlsx
    created_at: datetime = Field(default_factory=utcnow)


class Feedback(SQLModel, table=True):
    """A supervision finding pushed back to the approving department's inbox."""

    __tablename__ = "approval_feedback"
    __table_args__ = (sa.UniqueConstraint("finding_id", "to_department_id"),)

    id: int | None = Field(default=None, primary_key=True)
    finding_id: int = Field(index=True)
    application_id: int | None = Field(default=None, index=True)
    subject_code: str = Field(default="", max_length=18, index=True)
    from_department_id: int = Field(index=True)  # supervising department
    to_department_id: int = Field(index=True)  # approving department
    kind: str = Field(max_length=32)
    abnormal: bool
    result_type: str = Field(default="", max_length=32)
    found_on: date
    summary: str = Field(max_length=2000)
    received_at: datetime = Field(default_factory=utcnow)
    list_version: int | None = None  # the list version in force when the feedback arrived


class ExternalReport(SQLModel, table=True):
    """An idempotency key of a connected system's report: the same key acts once.

    The key belongs to the account (``source_system`` is its username) and is bound to the
    fingerprint of the normalised request: the same key with another request is a conflict.
    The row is inserted before the work (its unique constraint makes concurrent duplicates
    wait for the first and then read its answer); ``application_id`` is set when the work is
    done, in the same transaction, so no committed row lacks it.
    """

    __tablename__ = "approval_external_report"
    __table_args__ = (sa.UniqueConstraint("source_system", "idempotency_key"),)

    id: int | None = Field(default=None, primary_key=True)
    source_system: str = Field(max_length=64)
    idempotency_key: str = Field(max_length=100)
    operation: str = Field(max_length=32)
    # SHA-256 (hex) of the normalised request; "" on rows written before fingerprints.
    fingerprint: str = Field(default="", max_length=64)
    application_id: int | None = Field(default=None, foreign_key="approval_application.id")
    created_at: datetime = Field(default_factory=utcnow)


class CreditNotice(SQLModel, table=True):
    """信用变动通知: an open application's applicant changed credit level (from credit's event).

    One row per application and determination, in the approving department's inbox. Levels are
    credit's codes (TRUSTWORTHY / NORMAL / DISHONEST); the text shown is Chinese.
    """

    __tablename__ = "approval_credit_notice"
    __table_args__ = (sa.UniqueConstraint("application_id", "determined_at"),)

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="approval_application.id", index=True)
    department_id: int = Field(index=True)  # the approving department
    subject_code: str = Field(max_length=18, index=True)  # credit's subject key
    applicant_name: str = Field(max_length=200)
    previous_level: str | None = Field(default=None, max_length=32)
    previous_joint_punished: bool | None = None
    level: str = Field(max_length=32)
    joint_punished: bool
    score: int
    rule_version: int | None = None
    deciding_rule: str = Field(default="", max_length=1000)  # credit's explanation
    determined_at: datetime
    received_at: datetime = Field(default_factory=utcnow)
