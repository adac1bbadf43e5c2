"""Credit tables: subjects, records with history, rules, joint punishment, policy, lookup log.

Subjects are keyed by ``credit_code``: the unified social credit code for legal persons; for
natural persons an opaque key (``NP`` + 16 hex characters of a keyed hash of the ID number),
so the federation key never reveals an ID number. The ID number itself is kept as a keyed
hash (look-up), a masked copy (display) and an encrypted copy (readable only with the
``subject_identity`` permission).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from api.core.models import str_enum, utcnow


class SubjectKind(StrEnum):
    LEGAL_PERSON = "LEGAL_PERSON"  # 法人及其他组织
    NATURAL_PERSON = "NATURAL_PERSON"  # 自然人


class RecordCategory(StrEnum):
    LICENSING = "LICENSING"  # 行政许可
    PENALTY = "PENALTY"  # 行政处罚
    COMMENDATION = "COMMENDATION"  # 表彰奖励
    COMMITMENT_BREACH = "COMMITMENT_BREACH"  # 信用承诺失信（告知承诺经核查不实）
    OTHER = "OTHER"  # 其他


class RecordOrigin(StrEnum):
    MANUAL = "MANUAL"  # 信用部门手工录入
    APPROVAL = "APPROVAL"  # 审批办结（事件）
    ENFORCEMENT = "ENFORCEMENT"  # 执法查处结果（事件，按归集规则）
    IMPORT = "IMPORT"  # 表格导入


class RecordStatus(StrEnum):
    ACTIVE = "ACTIVE"
    WITHDRAWN = "WITHDRAWN"  # 撤销：保留，不参与认定


class RevisionAction(StrEnum):
    REPAIRED = "REPAIRED"  # 信用修复 / 更正
    WITHDRAWN = "WITHDRAWN"  # 撤销


class CreditLevel(StrEnum):
    TRUSTWORTHY = "TRUSTWORTHY"  # 守信
    NORMAL = "NORMAL"  # 一般
    DISHONEST = "DISHONEST"  # 失信


class HandlingMode(StrEnum):
    NORMAL = "NORMAL"  # 一般受理
    GREEN_CHANNEL = "GREEN_CHANNEL"  # 绿色通道
    MISSING_DOCUMENTS = "MISSING_DOCUMENTS"  # 容缺受理
    NOTIFY_AND_COMMIT = "NOTIFY_AND_COMMIT"  # 告知承诺


class RuleCondition(StrEnum):
    RECORD_COUNT = "RECORD_COUNT"  # 有效记录数 ≥ min_count
    NO_RECORDS = "NO_RECORDS"  # 期间内无该类记录
    JOINT_PUNISHMENT = "JOINT_PUNISHMENT"  # 在联合惩戒名单中


class LookupChannel(StrEnum):
    QUERY = "QUERY"  # 信用主体查询
    CHECK = "CHECK"  # 受理时信用核查
    EXPORT = "EXPORT"  # 信用信息导出
    BROWSE = "BROWSE"  # 信用、协调部门经联邦图浏览（无须说明目的，仍留痕）
    TRACKING = "TRACKING"  # 办件跟踪：承办办件的部门读取申请人当前信用


# --- subjects ---------------------------------------------------------------------------


class SubjectBase(SQLModel):
    credit_code: str = Field(primary_key=True, max_length=18)
    name: str = Field(max_length=200, index=True)
    kind: SubjectKind = Field(default=SubjectKind.LEGAL_PERSON, sa_type=str_enum(SubjectKind))


class SubjectCreate(SQLModel):
    """Either ``credit_code`` (legal person) or ``id_number`` (natural person)."""

    name: str
    kind: SubjectKind = SubjectKind.LEGAL_PERSON
    credit_code: str | None = None
    id_number: str | None = Field(default=None, repr=False)


class Subject(SubjectBase, table=True):
    __tablename__ = "credit_subject"

    __table_args__ = (
        sa.UniqueConstraint("id_number_hash", name="uq_credit_subject_id_number_hash"),
    )

    id_number_hash: str | None = Field(default=None, max_length=64, repr=False)
    id_number_masked: str | None = Field(default=None, max_length=18)
    id_number_encrypted: str | None = Field(default=None, max_length=400, repr=False)
    created_at: datetime = Field(default_factory=utcnow)


# --- records ----------------------------------------------------------------------------


class CreditRecordBase(SQLModel):
    subject_code: str = Field(foreign_key="credit_subject.credit_code", index=True, max_length=18)
    category: RecordCategory = Field(sa_type=str_enum(RecordCategory))
    title: str = Field(max_length=300)
    source: str = Field(max_length=100)  # 来源部门或系统
    decided_on: date
    valid_until: date | None = None
    # What a reviewer relies on: the issuing authority (a department's name), the matter and
    # the document (licence number, decision or verification document number).
    authority: str = Field(default="", max_length=200)
    matter_name: str = Field(default="", max_length=200)
    document_number: str = Field(default="", max_length=200)


class CreditRecordCreate(CreditRecordBase):
    origin: RecordOrigin = RecordOrigin.MANUAL
    source_ref: str | None = None
    source_department_id: int | None = None


class CreditRecordRepair(SQLModel):
    title: str | None = None
    category: RecordCategory | None = None
    valid_until: date | None = None
    clear_valid_until: bool = False


class CreditRecord(CreditRecordBase, table=True):
    __tablename__ = "credit_record"
    __table_args__ = (sa.UniqueConstraint("source_ref", name="uq_credit_record_source_ref"),)

    id: int | None = Field(default=None, primary_key=True)
    origin: RecordOrigin = Field(default=RecordOrigin.MANUAL, sa_type=str_enum(RecordOrigin))
    # The event that produced the record ("approval.application:42"): one record per cause.
    source_ref: str | None = Field(default=None, max_length=100)
    source_department_id: int | None = None
    status: RecordStatus = Field(default=RecordStatus.ACTIVE, sa_type=str_enum(RecordStatus))
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class CreditRecordRevision(SQLModel, table=True):
    """One repair or withdrawal: what the record said before, who changed it and why."""

    __tablename__ = "credit_record_revision"

    id: int | None = Field(default=None, primary_key=True)
    record_id: int = Field(foreign_key="credit_record.id", index=True)
    action: RevisionAction = Field(sa_type=str_enum(RevisionAction))
    reason: str = Field(max_length=500)
    before: dict[str, Any] = Field(sa_type=sa.JSON)
    changed_by: str = Field(max_length=64)
    changed_at: datetime = Field(default_factory=utcnow)


class DepartmentName(SQLModel, table=True):
    """Department names as the published linkage list names them (records name their
    issuing authority and source by name, never by an internal id)."""

    __tablename__ = "credit_department_name"

    department_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    name: str = Field(max_length=200)
    list_version: int
    updated_at: datetime = Field(default_factory=utcnow)


# --- aggregation rules (supervision results → records) -----------------------------------


class AggregationRuleBase(SQLModel):
    finding_kind: str = Field(max_length=40)  # supervision FindingKind, e.g. ENFORCEMENT_RESULT
    result_type: str = Field(max_length=60)  # e.g. 罚款, 吊销许可证; "*" matches any
    category: RecordCategory = Field(sa_type=str_enum(RecordCategory))
    validity_months: int | None = None  # None: no expiry
    enabled: bool = True


class AggregationRuleCreate(AggregationRuleBase):
    pass


class AggregationRule(AggregationRuleBase, table=True):
    __tablename__ = "credit_aggregation_rule"
    __table_args__ = (sa.UniqueConstraint("finding_kind", "result_type"),)

    id: int | None = Field(default=None, primary_key=True)
    updated_by: str = Field(max_length=64)
    updated_at: datetime = Field(default_factory=utcnow)


# --- determination rules (versioned) -----------------------------------------------------


class RuleSetVersion(SQLModel, table=True):
    """A published set of determination rules; the newest version is in force."""

    __tablename__ = "credit_rule_version"

    version: int = Field(primary_key=True)
    base_score: int
    trustworthy_min_score: int
    dishonest_below_score: int
    # One JSON object per rule; see determination.Rule.to_json for the keys.
    rules: list[dict[str, Any]] = Field(sa_type=sa.JSON)
    note: str = Field(default="", max_length=500)
    published_by: str = Field(max_length=64)
    published_at: datetime = Field(default_factory=utcnow)


class Determination(SQLModel, table=True):
    """The last determined level of a subject (a change emits ``credit.level.changed``)."""

    __tablename__ = "credit_determination"

    subject_code: str = Field(
        primary_key=True, foreign_key="credit_subject.credit_code", max_length=18
    )
    level: CreditLevel = Field(sa_type=str_enum(CreditLevel))
    score: int
    joint_punished: bool
    rule_version: int
    determined_at: datetime = Field(default_factory=utcnow)


class DeterminationEntry(SQLModel, table=True):
    """One determination kept for good: what was decided on which day, by which rule version,
    from which records (``causes``: the rules that fired with a copy of the records and list
    entries as they read then). Appended whenever the outcome or its grounds change; never
    updated. The entry in force on a day is the newest one determined on or before it."""

    __tablename__ = "credit_determination_history"
    __table_args__ = (
        sa.Index("ix_credit_determination_history_subject_on", "subject_code", "determined_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    subject_code: str = Field(foreign_key="credit_subject.credit_code", max_length=18)
    determined_at: datetime = Field(default_factory=utcnow)
    determined_on: date  # the day the rules were applied to (local date)
    rule_version: int
    level: CreditLevel = Field(sa_type=str_enum(CreditLevel))
    score: int
    joint_punished: bool
    summary: str = Field(max_length=1000)  # the explanation, naming the rule version
    # [{code, name, condition, score_delta, forces_level, records: [...], punishments: [...]}]
    causes: list[dict[str, Any]] = Field(sa_type=sa.JSON)
    previous_level: CreditLevel | None = Field(default=None, sa_type=str_enum(CreditLevel))


# --- joint punishment list ---------------------------------------------------------------


class JointPunishmentBase(SQLModel):
    source_document: str = Field(max_length=200)  # 惩戒依据文号
    measures: str = Field(max_length=1000)  # 惩戒措施
    starts_on: date
    ends_on: date | None = None


class JointPunishmentCreate(JointPunishmentBase):
    """The subject is named apart: a USCC or an ID number, resolved to its key by the service."""

    origin: RecordOrigin = RecordOrigin.MANUAL


class JointPunishment(JointPunishmentBase, table=True):
    __tablename__ = "credit_joint_punishment"

    id: int | None = Field(default=None, primary_key=True)
    subject_code: str = Field(foreign_key="credit_subject.credit_code", index=True, max_length=18)
    origin: RecordOrigin = Field(default=RecordOrigin.MANUAL, sa_type=str_enum(RecordOrigin))
    added_by: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None
    revoke_reason: str | None = Field(default=None, max_length=500)


# --- handling policy (which levels unlock which acceptance modes) -------------------------


class HandlingPolicy(SQLModel, table=True):
    __tablename__ = "credit_handling_policy"

    mode: HandlingMode = Field(primary_key=True, sa_type=str_enum(HandlingMode))
    allowed_levels: list[str] = Field(sa_type=sa.JSON)
    updated_by: str = Field(max_length=64)
    updated_at: datetime = Field(default_factory=utcnow)


# --- lookup log --------------------------------------------------------------------------


class LookupLog(SQLModel, table=True):
    """Who looked up which subject, when, for what purpose and for which application."""

    __tablename__ = "credit_lookup_log"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int
    username: str = Field(max_length=64)
    department_id: int = Field(index=True)
    subject_code: str = Field(max_length=18, index=True)
    purpose: str = Field(max_length=300)
    application_id: int | None = Field(default=None, index=True)
    # The application's 办件编号, copied from approval's acceptance event (and onto later
    # lookups of the same application); empty while the application is not accepted.
    application_number: str | None = Field(default=None, max_length=32)
    channel: LookupChannel = Field(sa_type=str_enum(LookupChannel))
    looked_up_at: datetime = Field(default_factory=utcnow)
