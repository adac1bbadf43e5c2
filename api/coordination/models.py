"""Coordination tables: joint meetings, escalations, assessment schemes, and the fact store.

The fact store (``coordination_fact_*``) is this subgraph's own copy of what happened
elsewhere, built only from outbox events (docs/EVENTS.md); statistics, assessment and
case-file exports read nothing else. Each fact row is keyed by the producer's id, so a
redelivered or reordered event updates the same row.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from api.core.models import str_enum, utcnow

# --- joint meetings (联席会议) -------------------------------------------------------------


class MeetingStatus(StrEnum):
    PLANNED = "PLANNED"  # 已召集
    HELD = "HELD"  # 已召开（纪要已录入）
    CLOSED = "CLOSED"  # 已办结（议定事项全部完成）


class AgendaKind(StrEnum):
    LINKAGE = "LINKAGE"  # 联动事项
    APPLICATION = "APPLICATION"  # 办件
    FINDING = "FINDING"  # 监管结果
    POLICY_NOTICE = "POLICY_NOTICE"  # 政策文件变更
    ESCALATION = "ESCALATION"  # 提请事项
    OTHER = "OTHER"


class DecisionStatus(StrEnum):
    OPEN = "OPEN"  # 落实中
    DONE = "DONE"  # 已落实
    DROPPED = "DROPPED"  # 不再落实（说明理由）


class Meeting(SQLModel, table=True):
    __tablename__ = "coordination_meeting"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    convening_department_id: int = Field(index=True)
    convened_by: str = Field(max_length=64)
    scheduled_at: datetime
    location: str = Field(default="", max_length=200)
    status: MeetingStatus = Field(default=MeetingStatus.PLANNED, sa_type=str_enum(MeetingStatus))
    minutes: str = Field(default="", sa_type=sa.Text)
    held_at: datetime | None = None
    # The signed minutes (会议纪要) as a file, stored once by SHA-256.
    minutes_file_name: str | None = Field(default=None, max_length=200)
    minutes_sha256: str | None = Field(default=None, max_length=64)
    minutes_type: str | None = Field(default=None, max_length=100)
    minutes_size: int | None = None
    created_at: datetime = Field(default_factory=utcnow)


class MeetingParticipant(SQLModel, table=True):
    __tablename__ = "coordination_meeting_participant"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "department_id", "person_name"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="coordination_meeting.id", index=True)
    department_id: int = Field(index=True)
    person_name: str = Field(default="", max_length=64)


class AgendaItem(SQLModel, table=True):
    __tablename__ = "coordination_agenda_item"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="coordination_meeting.id", index=True)
    position: int
    title: str = Field(max_length=200)
    kind: AgendaKind = Field(sa_type=str_enum(AgendaKind))
    ref_id: int | None = None


class Decision(SQLModel, table=True):
    __tablename__ = "coordination_decision"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="coordination_meeting.id", index=True)
    agenda_item_id: int | None = Field(default=None, foreign_key="coordination_agenda_item.id")
    text: str = Field(max_length=2000)
    owner_department_id: int = Field(index=True)
    due_on: date
    status: DecisionStatus = Field(default=DecisionStatus.OPEN, sa_type=str_enum(DecisionStatus))
    follow_up: str = Field(default="", max_length=2000)
    closed_at: datetime | None = None


class MeetingExchange(SQLModel, table=True):
    """An offline exchange of a push on the joint-meeting channel, recorded (= claimed)."""

    __tablename__ = "coordination_meeting_exchange"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="coordination_meeting.id", index=True)
    push_id: int = Field(unique=True)
    department_id: int
    summary: str = Field(default="", max_length=2000)
    recorded_by: str = Field(max_length=64)
    recorded_at: datetime = Field(default_factory=utcnow)


# --- escalations (提请市协调小组研究) ----------------------------------------------------


class EscalationKind(StrEnum):
    RESPONSIBILITY_DISPUTE = "RESPONSIBILITY_DISPUTE"  # 联动事项责任争议
    MAJOR_APPROVAL = "MAJOR_APPROVAL"  # 重大审批事项
    POLICY_CONFLICT = "POLICY_CONFLICT"  # 政策冲突
    OTHER = "OTHER"


class EscalationStatus(StrEnum):
    SUBMITTED = "SUBMITTED"  # 已提交
    ASSIGNED = "ASSIGNED"  # 已受理（协调办指定承办人）
    IN_DISCUSSION = "IN_DISCUSSION"  # 会商中（已列入会议研究）
    DECIDED = "DECIDED"  # 已决定（落实事项进行中）
    CLOSED = "CLOSED"  # 已办结（决定的落实事项全部完成）


class ActionKind(StrEnum):
    REVISE_LIST = "REVISE_LIST"  # 修订清单：所列联动事项经发布的清单版本修订后自动完成
    RECTIFICATION = "RECTIFICATION"  # 整改落实
    NOTICE = "NOTICE"  # 制发文件或通知
    OTHER = "OTHER"  # 其他


class ListChange(StrEnum):
    """How a published list version changed a linkage (against the previous version)."""

    ADDED = "ADDED"  # 新增
    CHANGED = "CHANGED"  # 变更
    REMOVED = "REMOVED"  # 移出


class ActionState(StrEnum):
    OPEN = "OPEN"  # 落实中
    DONE = "DONE"  # 已完成


class Escalation(SQLModel, table=True):
    __tablename__ = "coordination_escalation"

    id: int | None = Field(default=None, primary_key=True)
    kind: EscalationKind = Field(sa_type=str_enum(EscalationKind))
    title: str = Field(max_length=200)
    statement: str = Field(sa_type=sa.Text)
    raising_department_id: int = Field(index=True)
    raised_by: str = Field(max_length=64)
    # Other departments party to the issue (they see it and its decision).
    party_department_ids: list[int] = Field(default_factory=list, sa_type=sa.JSON)
    ref_kind: AgendaKind | None = Field(default=None, sa_type=str_enum(AgendaKind))
    ref_id: int | None = None
    status: EscalationStatus = Field(
        default=EscalationStatus.SUBMITTED, sa_type=str_enum(EscalationStatus)
    )
    assignee: str | None = Field(default=None, max_length=64)
    meeting_id: int | None = Field(default=None, foreign_key="coordination_meeting.id")
    decision: str | None = Field(default=None, sa_type=sa.Text)
    submitted_at: datetime = Field(default_factory=utcnow)
    decided_at: datetime | None = None
    closed_at: datetime | None = None


class EscalationParty(SQLModel, table=True):
    """One row per department that may see an escalation (raiser and parties): SQL scope."""

    __tablename__ = "coordination_escalation_party"
    __table_args__ = (sa.UniqueConstraint("escalation_id", "department_id"),)

    id: int | None = Field(default=None, primary_key=True)
    escalation_id: int = Field(foreign_key="coordination_escalation.id", index=True)
    department_id: int = Field(index=True)


class EscalationTransition(SQLModel, table=True):
    """Every state an escalation entered, when and by whom (durations per state)."""

    __tablename__ = "coordination_escalation_transition"

    id: int | None = Field(default=None, primary_key=True)
    escalation_id: int = Field(foreign_key="coordination_escalation.id", index=True)
    status: EscalationStatus = Field(sa_type=str_enum(EscalationStatus))
    at: datetime = Field(default_factory=utcnow)
    actor: str = Field(max_length=64)
    note: str = Field(default="", max_length=2000)


class EscalationAction(SQLModel, table=True):
    """One action of an escalation's decision: who carries it out by when, and whether done.

    A REVISE_LIST action names linkages (``EscalationActionLinkage``) and is done by the
    first published list versions that change all of them; other kinds are marked done by
    their owner department (or the coordination office)."""

    __tablename__ = "coordination_escalation_action"

    id: int | None = Field(default=None, primary_key=True)
    escalation_id: int = Field(foreign_key="coordination_escalation.id", index=True)
    kind: ActionKind = Field(sa_type=str_enum(ActionKind))
    description: str = Field(max_length=2000)
    owner_department_id: int = Field(index=True)
    due_on: date = Field(index=True)
    state: ActionState = Field(default=ActionState.OPEN, sa_type=str_enum(ActionState))
    created_by: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    done_at: datetime | None = None
    done_by: str | None = Field(default=None, max_length=64)
    note: str = Field(default="", max_length=2000)
    # The list version that completed a REVISE_LIST action (the last linkage it changed).
    list_version: int | None = None


class EscalationActionLinkage(SQLModel, table=True):
    """A linkage a REVISE_LIST action names, and the published version that changed it."""

    __tablename__ = "coordination_escalation_action_linkage"
    __table_args__ = (sa.UniqueConstraint("action_id", "linkage_id"),)

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="coordination_escalation_action.id", index=True)
    linkage_id: int = Field(index=True)
    # ADDED / CHANGED / REMOVED in ``list_version``; both null while still awaiting revision.
    list_version: int | None = None
    change: str | None = Field(default=None, max_length=16)


class EscalationAttachment(SQLModel, table=True):
    __tablename__ = "coordination_escalation_attachment"

    id: int | None = Field(default=None, primary_key=True)
    escalation_id: int = Field(foreign_key="coordination_escalation.id", index=True)
    filename: str = Field(max_length=200)
    content_type: str = Field(max_length=100)
    size: int
    sha256: str = Field(max_length=64)


# --- assessment (考核) -------------------------------------------------------------------


class SchemeVersion(SQLModel, table=True):
    """A version of the scoring scheme: weights per indicator. Never edited, only superseded."""

    __tablename__ = "coordination_scheme_version"

    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(unique=True)
    weights: dict[str, float] = Field(sa_type=sa.JSON)
    note: str = Field(default="", max_length=500)
    created_by: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)


# --- fact store (fed by events) ----------------------------------------------------------


class LinkageFact(SQLModel, table=True):
    """One linkage of one published list version (catalog.linkage_list.published)."""

    __tablename__ = "coordination_fact_linkage"
    __table_args__ = (sa.UniqueConstraint("list_version", "linkage_id"),)

    id: int | None = Field(default=None, primary_key=True)
    list_version: int = Field(index=True)
    published_at: datetime
    linkage_id: int
    approving_department_id: int = Field(index=True)
    supervising_department_id: int = Field(index=True)
    channel: str = Field(max_length=32)


class DepartmentFact(SQLModel, table=True):
    """Department names as the published list last named them (for reports)."""

    __tablename__ = "coordination_fact_department"

    department_id: int = Field(primary_key=True)
    name: str = Field(max_length=200)


class ApplicationFact(SQLModel, table=True):
    __tablename__ = "coordination_fact_application"

    application_id: int = Field(primary_key=True)
    matter_id: int | None = None
    matter_name: str | None = Field(default=None, max_length=200)
    approving_department_id: int | None = Field(default=None, index=True)
    applicant_code: str | None = Field(default=None, max_length=32)
    applicant_name: str | None = Field(default=None, max_length=200)
    handling_mode: str | None = Field(default=None, max_length=32)
    accepted_at: datetime | None = Field(default=None, index=True)
    completed_at: datetime | None = None
    outcome: str | None = Field(default=None, max_length=32)
    # Credit incentives (容缺受理, 告知承诺, 绿色通道) proposed at acceptance: how many the clerk
    # applied and how many were skipped (``measures`` of approval.application.accepted).
    facilitation_applied: int = 0
    facilitation_skipped: int = 0
    legal_documents: list[dict[str, Any]] = Field(default_factory=list, sa_type=sa.JSON)


class PushFact(SQLModel, table=True):
    """A push and what became of it; durations are whole seconds, set when both ends are known."""

    __tablename__ = "coordination_fact_push"

    push_id: int = Field(primary_key=True)
    application_id: int | None = Field(default=None, index=True)
    department_id: int | None = Field(default=None, index=True)  # receiving department
    stage: str | None = Field(default=None, max_length=32)
    channel: str | None = Field(default=None, max_length=32)
    created_at: datetime | None = Field(default=None, index=True)
    claim_due_at: datetime | None = None  # end of the claim due day (offline channels)
    claimed_at: datetime | None = None
    claim_seconds: int | None = None
    # How it was claimed (ONLINE = 推送即认领, LETTER, OWN_SYSTEM, JOINT_MEETING) and, at a
    # joint meeting, which one.
    claim_method: str | None = Field(default=None, max_length=32)
    claim_meeting_id: int | None = None
    # What the push recorded when it was routed: the list version and linkage, whom it
    # notified, and both sides' responsible sections and people in that version.
    list_version: int | None = None
    linkage_id: int | None = None
    liaison_name: str | None = Field(default=None, max_length=64)
    liaison_mobile: str | None = Field(default=None, max_length=20)
    responsibilities: list[dict[str, Any]] = Field(default_factory=list, sa_type=sa.JSON)
    feedback_due_at: datetime | None = None
    fed_back_at: datetime | None = None
    feedback_seconds: int | None = None
    feedback_on_time: bool | None = None
    # The result of approval.feedback.recorded: no abnormality, or an abnormal finding.
    feedback_result: str | None = Field(default=None, max_length=32)


class FindingFact(SQLModel, table=True):
    __tablename__ = "coordination_fact_finding"

    finding_id: int = Field(primary_key=True)
    application_id: int | None = Field(default=None, index=True)
    department_id: int = Field(index=True)
    subject_code: str | None = Field(default=None, max_length=32)
    kind: str = Field(max_length=32)
    abnormal: bool
    result_type: str | None = Field(default=None, max_length=64)
    found_on: date = Field(index=True)
    recorded_at: datetime | None = None  # when the supervising department recorded it
    summary: str = Field(default="", max_length=2000)


class LookupFact(SQLModel, table=True):
    __tablename__ = "coordination_fact_lookup"

    lookup_id: int = Field(primary_key=True)
    application_id: int | None = Field(default=None, index=True)
    department_id: int = Field(index=True)
    subject_code: str = Field(max_length=32)
    channel: str = Field(max_length=32)
    looked_up_at: datetime
    purpose: str = Field(default="", max_length=300)
