"""Joint meetings and escalations: the rules (no Strawberry here).

Visibility is decided in SQL: a department sees the meetings it convened or takes part in,
and the escalations it raised or is party to; the coordination office (city-wide scope)
sees all. Only the convening department edits a meeting; only the coordination office
(``escalation, decide``) assigns and decides escalations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.coordination.models import (
    AgendaItem,
    AgendaKind,
    Decision,
    DecisionStatus,
    Escalation,
    EscalationAttachment,
    EscalationKind,
    EscalationParty,
    EscalationStatus,
    EscalationTransition,
    Meeting,
    MeetingExchange,
    MeetingParticipant,
    MeetingStatus,
    PushFact,
)
from api.coordination.services import actions as escalation_actions
from api.core import events, files
from api.core.audit import note_out_of_scope
from api.core.auth import Actor as Actor
from api.core.clock import utcnow
from api.core.errors import FieldIssue, NotFoundError, ValidationFailed
from api.core.files import FileStore, decode_upload, default_store, require_type
from api.core.scope import Scope

MAX_PAGE = 100
EXCHANGE_TOPIC = "coordination.meeting.exchange_recorded"
ESCALATION_DECIDED_TOPIC = "coordination.escalation.decided"
ONLINE = "ONLINE"
MIN_YEAR, MAX_YEAR = 2000, 2100
CST = timezone(timedelta(hours=8), "CST")


@dataclass
class ParticipantData:
    department_id: int
    person_name: str = ""


@dataclass
class AgendaData:
    title: str
    kind: AgendaKind
    ref_id: int | None = None


@dataclass
class MeetingData:
    title: str
    scheduled_at: datetime
    location: str = ""
    participants: list[ParticipantData] = field(default_factory=list)
    agenda: list[AgendaData] = field(default_factory=list)


@dataclass
class AttachmentData:
    filename: str
    content_base64: str


@dataclass
class EscalationData:
    kind: EscalationKind
    title: str
    statement: str
    party_department_ids: list[int] = field(default_factory=list)
    ref_kind: AgendaKind | None = None
    ref_id: int | None = None
    attachments: list[AttachmentData] = field(default_factory=list)


def _moment(issues: list[FieldIssue], name: str, value: datetime) -> datetime:
    """A time from a form: a value without offset is China Standard Time; years 2000–2100."""
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        issues.append(FieldIssue(name, "OUT_OF_RANGE", f"时间须在{MIN_YEAR}年至{MAX_YEAR}年之间"))
        return utcnow()
    if value.utcoffset() is None:
        value = value.replace(tzinfo=CST)
    return value.astimezone(UTC)


def _text(issues: list[FieldIssue], name: str, value: str, limit: int) -> str:
    value = value.strip()
    if not value:
        issues.append(FieldIssue(name, "REQUIRED", "不能为空"))
    elif len(value) > limit:
        issues.append(FieldIssue(name, "TOO_LONG", f"不能超过{limit}字"))
    return value


# --- meetings ------------------------------------------------------------------------------


def _visible_meetings(scope: Scope) -> list[sa.ColumnElement[bool]]:
    if scope.city_wide:
        return []
    takes_part = (
        select(MeetingParticipant.id)
        .where(
            MeetingParticipant.meeting_id == Meeting.id,
            MeetingParticipant.department_id == scope.department_id,
        )
        .exists()
    )
    return [sa.or_(col(Meeting.convening_department_id) == scope.department_id, takes_part)]


async def list_meetings(
    *, session: AsyncSession, scope: Scope, status: MeetingStatus | None, limit: int, offset: int
) -> Sequence[Meeting]:
    stmt = select(Meeting).where(*_visible_meetings(scope))
    if status is not None:
        stmt = stmt.where(Meeting.status == status)
    stmt = stmt.order_by(col(Meeting.scheduled_at).desc(), col(Meeting.id).desc())
    return (await session.exec(stmt.limit(min(limit, MAX_PAGE)).offset(offset))).all()


async def get_meeting(*, session: AsyncSession, scope: Scope, meeting_id: int) -> Meeting | None:
    stmt = select(Meeting).where(Meeting.id == meeting_id, *_visible_meetings(scope))
    return (await session.exec(stmt)).first()


async def _own_meeting(session: AsyncSession, actor: Actor, meeting_id: int) -> Meeting:
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None or meeting.convening_department_id != actor.department_id:
        raise ValidationFailed.single("meetingId", "NOT_FOUND", "会议不存在或不由本部门召集")
    return meeting


async def convene_meeting(*, session: AsyncSession, actor: Actor, data: MeetingData) -> Meeting:
    issues: list[FieldIssue] = []
    title = _text(issues, "title", data.title, 200)
    scheduled_at = _moment(issues, "scheduledAt", data.scheduled_at)
    if len(data.location) > 200:  # noqa: PLR2004
        issues.append(FieldIssue("location", "TOO_LONG", "不能超过200字"))
    if not data.participants:
        issues.append(FieldIssue("participants", "REQUIRED", "至少一个参会部门"))
    for i, item in enumerate(data.agenda):
        _text(issues, f"agenda.{i}.title", item.title, 200)
        if item.kind != AgendaKind.OTHER and item.ref_id is None:
            issues.append(FieldIssue(f"agenda.{i}.refId", "REQUIRED", "请填写所涉对象的编号"))
    if issues:
        raise ValidationFailed(issues)
    meeting = Meeting(
        title=title,
        convening_department_id=actor.department_id,
        convened_by=actor.username,
        scheduled_at=scheduled_at,
        location=data.location.strip(),
    )
    session.add(meeting)
    await session.flush()
    assert meeting.id is not None  # noqa: S101 - flushed
    seen: set[tuple[int, str]] = set()
    for p in data.participants:
        key = (p.department_id, p.person_name.strip())
        if key in seen:
            continue
        seen.add(key)
        session.add(
            MeetingParticipant(meeting_id=meeting.id, department_id=key[0], person_name=key[1])
        )
    for position, item in enumerate(data.agenda, start=1):
        session.add(
            AgendaItem(
                meeting_id=meeting.id,
                position=position,
                title=item.title.strip(),
                kind=item.kind,
                ref_id=item.ref_id,
            )
        )
    await session.flush()
    return meeting


async def record_minutes(
    *,
    session: AsyncSession,
    actor: Actor,
    meeting_id: int,
    minutes: str,
    held_at: datetime,
    minutes_file: files.Upload | None = None,
) -> Meeting:
    """The convener records the minutes (text, and the signed minutes as a file if given;
    a later call without a file keeps the earlier file)."""
    meeting = await _own_meeting(session, actor, meeting_id)
    issues: list[FieldIssue] = []
    text = _text(issues, "minutes", minutes, 50_000)
    held = _moment(issues, "heldAt", held_at)
    upload = await files.store_upload(minutes_file, "minutesFile", issues) if minutes_file else None
    if issues:
        raise ValidationFailed(issues)
    if upload is not None:
        meeting.minutes_file_name = upload.name
        meeting.minutes_sha256 = upload.stored.sha256
        meeting.minutes_type = upload.stored.content_type
        meeting.minutes_size = upload.stored.size
    meeting.minutes = text
    meeting.held_at = held
    if meeting.status == MeetingStatus.PLANNED:
        meeting.status = MeetingStatus.HELD
    session.add(meeting)
    await session.flush()
    return meeting


async def add_decision(
    *,
    session: AsyncSession,
    actor: Actor,
    meeting_id: int,
    text: str,
    owner_department_id: int,
    due_on: date,
    agenda_item_id: int | None = None,
) -> Decision:
    meeting = await _own_meeting(session, actor, meeting_id)
    issues: list[FieldIssue] = []
    body = _text(issues, "text", text, 2000)
    if agenda_item_id is not None:
        item = await session.get(AgendaItem, agenda_item_id)
        if item is None or item.meeting_id != meeting.id:
            issues.append(FieldIssue("agendaItemId", "NOT_FOUND", "议题不属于该会议"))
    if issues:
        raise ValidationFailed(issues)
    decision = Decision(
        meeting_id=meeting_id,
        agenda_item_id=agenda_item_id,
        text=body,
        owner_department_id=owner_department_id,
        due_on=due_on,
    )
    session.add(decision)
    await session.flush()
    return decision


async def follow_up_decision(
    *,
    session: AsyncSession,
    actor: Actor,
    decision_id: int,
    status: DecisionStatus,
    note: str,
) -> Decision:
    decision = await session.get(Decision, decision_id)
    meeting = await session.get(Meeting, decision.meeting_id) if decision else None
    if (
        decision is None
        or meeting is None
        or actor.department_id
        not in {decision.owner_department_id, meeting.convening_department_id}
    ):
        raise ValidationFailed.single("decisionId", "NOT_FOUND", "议定事项不存在或不由本部门落实")
    issues: list[FieldIssue] = []
    if status == DecisionStatus.DROPPED and not note.strip():
        issues.append(FieldIssue("note", "REQUIRED", "不再落实须说明理由"))
    if len(note) > 2000:  # noqa: PLR2004
        issues.append(FieldIssue("note", "TOO_LONG", "不能超过2000字"))
    if issues:
        raise ValidationFailed(issues)
    decision.status = status
    decision.follow_up = note.strip()
    decision.closed_at = None if status == DecisionStatus.OPEN else utcnow()
    session.add(decision)
    await session.flush()
    open_left = await session.exec(
        select(sa.func.count())
        .select_from(Decision)
        .where(Decision.meeting_id == meeting.id, Decision.status == DecisionStatus.OPEN)
    )
    if meeting.status != MeetingStatus.PLANNED:
        meeting.status = MeetingStatus.HELD if open_left.one() else MeetingStatus.CLOSED
        session.add(meeting)
        await session.flush()
    return decision


def _utc(moment: datetime) -> datetime:
    """Timestamps come back naive from SQLite (stored as UTC) and aware from PostgreSQL."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


async def record_exchange(
    *, session: AsyncSession, actor: Actor, meeting_id: int, push_id: int, summary: str
) -> MeetingExchange:
    """An offline push (any channel but ONLINE, which is claimed when pushed) to a department
    taking part in a held meeting is claimed by recording it there: method 联席会议, at the
    time the meeting was held, the meeting referenced (``coordination.meeting.exchange_recorded``
    → approval claims it → ``approval.push.claimed``)."""
    meeting = await _own_meeting(session, actor, meeting_id)
    if meeting.status == MeetingStatus.PLANNED or meeting.held_at is None:
        raise ValidationFailed.single(
            "meetingId", "NOT_HELD", "会议尚未召开（录入纪要后方可登记会上认领的推送）"
        )
    held_at = _utc(meeting.held_at)
    push = await session.get(PushFact, push_id)
    if push is None or push.department_id is None:
        raise ValidationFailed.single("pushId", "NOT_FOUND", "推送不存在")
    if push.channel == ONLINE:
        raise ValidationFailed.single("pushId", "ONLINE_PUSH", "线上推送即认领，无需会上登记")
    participants = await session.exec(
        select(MeetingParticipant.department_id).where(MeetingParticipant.meeting_id == meeting_id)
    )
    if push.department_id not in set(participants.all()):
        raise ValidationFailed.single("pushId", "NOT_A_PARTICIPANT", "接收部门未参加该会议")
    existing = await session.exec(select(MeetingExchange).where(MeetingExchange.push_id == push_id))
    if existing.first() is not None:
        raise ValidationFailed.single("pushId", "ALREADY_RECORDED", "该推送已在会议中登记")
    if push.claimed_at is not None:
        raise ValidationFailed.single("pushId", "ALREADY_CLAIMED", "该推送已认领")
    if push.created_at is not None and _utc(push.created_at) > held_at:
        raise ValidationFailed.single(
            "pushId", "PUSHED_AFTER_MEETING", "该推送晚于会议召开时间，不能在本次会议上认领"
        )
    exchange = MeetingExchange(
        meeting_id=meeting_id,
        push_id=push_id,
        department_id=push.department_id,
        summary=summary.strip()[:2000],
        recorded_by=actor.username,
    )
    session.add(exchange)
    await session.flush()
    await events.emit(
        session,
        topic=EXCHANGE_TOPIC,
        key=str(push_id),
        payload={
            "push_id": push_id,
            "meeting_id": meeting.id,
            "department_id": push.department_id,
            "application_id": push.application_id,
            "claimed_at": held_at.isoformat(),
            "recorded_at": exchange.recorded_at.isoformat(),
            "recorded_by": actor.username,
        },
    )
    return exchange


# --- escalations -----------------------------------------------------------------------------


def _visible_escalations(scope: Scope) -> list[sa.ColumnElement[bool]]:
    if scope.city_wide:
        return []
    party = (
        select(EscalationParty.id)
        .where(
            EscalationParty.escalation_id == Escalation.id,
            EscalationParty.department_id == scope.department_id,
        )
        .exists()
    )
    return [party]


async def list_escalations(
    *,
    session: AsyncSession,
    scope: Scope,
    status: EscalationStatus | None,
    limit: int,
    offset: int,
) -> Sequence[Escalation]:
    stmt = select(Escalation).where(*_visible_escalations(scope))
    if status is not None:
        stmt = stmt.where(Escalation.status == status)
    stmt = stmt.order_by(col(Escalation.submitted_at).desc(), col(Escalation.id).desc())
    return (await session.exec(stmt.limit(min(limit, MAX_PAGE)).offset(offset))).all()


async def get_escalation(
    *, session: AsyncSession, scope: Scope, escalation_id: int
) -> Escalation | None:
    stmt = select(Escalation).where(Escalation.id == escalation_id, *_visible_escalations(scope))
    return (await session.exec(stmt)).first()


async def raise_escalation(
    *, session: AsyncSession, actor: Actor, data: EscalationData, store: FileStore | None = None
) -> Escalation:
    issues: list[FieldIssue] = []
    title = _text(issues, "title", data.title, 200)
    statement = _text(issues, "statement", data.statement, 20_000)
    if data.ref_kind is not None and data.ref_id is None:
        issues.append(FieldIssue("refId", "REQUIRED", "请填写所涉对象的编号"))
    decoded: list[tuple[AttachmentData, bytes, str]] = []
    for i, attachment in enumerate(data.attachments):
        name = f"attachments.{i}.contentBase64"
        try:
            content = decode_upload(attachment.content_base64, name)
            decoded.append((attachment, content, require_type(content, name)))
        except ValidationFailed as exc:
            issues.extend(exc.issues)
        if not attachment.filename.strip() or len(attachment.filename) > 200:  # noqa: PLR2004
            issues.append(FieldIssue(f"attachments.{i}.filename", "REQUIRED", "请填写文件名"))
    if issues:
        raise ValidationFailed(issues)
    escalation = Escalation(
        kind=data.kind,
        title=title,
        statement=statement,
        raising_department_id=actor.department_id,
        raised_by=actor.username,
        party_department_ids=sorted(set(data.party_department_ids) - {actor.department_id}),
        ref_kind=data.ref_kind,
        ref_id=data.ref_id,
    )
    session.add(escalation)
    await session.flush()
    assert escalation.id is not None  # noqa: S101 - flushed
    for dept in {actor.department_id, *data.party_department_ids}:
        session.add(EscalationParty(escalation_id=escalation.id, department_id=dept))
    store = store or default_store()
    for attachment, content, content_type in decoded:
        stored = await store.put(content, content_type)
        session.add(
            EscalationAttachment(
                escalation_id=escalation.id,
                filename=attachment.filename.strip(),
                content_type=stored.content_type,
                size=stored.size,
                sha256=stored.sha256,
            )
        )
    session.add(
        EscalationTransition(
            escalation_id=escalation.id,
            status=EscalationStatus.SUBMITTED,
            at=escalation.submitted_at,
            actor=actor.username,
        )
    )
    await session.flush()
    return escalation


async def _transition(
    session: AsyncSession, escalation: Escalation, status: EscalationStatus, actor: str, note: str
) -> None:
    assert escalation.id is not None  # noqa: S101 - loaded rows have ids
    escalation.status = status
    session.add(escalation)
    session.add(
        EscalationTransition(escalation_id=escalation.id, status=status, actor=actor, note=note)
    )
    await session.flush()


async def _open_escalation(session: AsyncSession, escalation_id: int) -> Escalation:
    escalation = await session.get(Escalation, escalation_id)
    if escalation is None:
        raise ValidationFailed.single("id", "NOT_FOUND", "提请事项不存在")
    if escalation.status in {EscalationStatus.DECIDED, EscalationStatus.CLOSED}:
        raise ValidationFailed.single("id", "ALREADY_DECIDED", "该事项已作出决定")
    return escalation


async def assign_escalation(
    *, session: AsyncSession, actor: Actor, escalation_id: int, assignee: str
) -> Escalation:
    escalation = await _open_escalation(session, escalation_id)
    issues: list[FieldIssue] = []
    name = _text(issues, "assignee", assignee, 64)
    if issues:
        raise ValidationFailed(issues)
    escalation.assignee = name
    await _transition(session, escalation, EscalationStatus.ASSIGNED, actor.username, name)
    return escalation


async def schedule_escalation(
    *, session: AsyncSession, actor: Actor, escalation_id: int, meeting_id: int
) -> Escalation:
    """The escalation is put on a meeting's agenda (a meeting the office convened)."""
    escalation = await _open_escalation(session, escalation_id)
    meeting = await _own_meeting(session, actor, meeting_id)
    assert meeting.id is not None  # noqa: S101 - loaded rows have ids
    positions = await session.exec(
        select(sa.func.count()).select_from(AgendaItem).where(AgendaItem.meeting_id == meeting.id)
    )
    session.add(
        AgendaItem(
            meeting_id=meeting.id,
            position=int(positions.one()) + 1,
            title=escalation.title,
            kind=AgendaKind.ESCALATION,
            ref_id=escalation.id,
        )
    )
    for dept in {escalation.raising_department_id, *escalation.party_department_ids}:
        exists = await session.exec(
            select(MeetingParticipant.id).where(
                MeetingParticipant.meeting_id == meeting.id,
                MeetingParticipant.department_id == dept,
            )
        )
        if exists.first() is None:
            session.add(MeetingParticipant(meeting_id=meeting.id, department_id=dept))
    escalation.meeting_id = meeting.id
    await _transition(
        session, escalation, EscalationStatus.IN_DISCUSSION, actor.username, meeting.title
    )
    return escalation


async def decide_escalation(
    *,
    session: AsyncSession,
    actor: Actor,
    escalation_id: int,
    decision: str,
    actions: Sequence[escalation_actions.ActionData] = (),
) -> Escalation:
    """The decision and its actions (each with owner department and due date; more can be
    added later). It closes when its last action is done (``api/coordination/actions.py``)."""
    escalation = await _open_escalation(session, escalation_id)
    issues: list[FieldIssue] = []
    text = _text(issues, "decision", decision, 20_000)
    issues.extend(await escalation_actions.check_actions(session, actions, "actions."))
    if issues:
        raise ValidationFailed(issues)
    escalation.decision = text
    escalation.decided_at = utcnow()
    await _transition(session, escalation, EscalationStatus.DECIDED, actor.username, "")
    await escalation_actions.record_actions(session, escalation, actor.username, actions)
    await events.emit(
        session,
        topic=ESCALATION_DECIDED_TOPIC,
        key=str(escalation.id),
        payload={
            "escalation_id": escalation.id,
            "kind": escalation.kind.value,
            "raising_department_id": escalation.raising_department_id,
            "party_department_ids": escalation.party_department_ids,
            "ref_kind": escalation.ref_kind.value if escalation.ref_kind else None,
            "ref_id": escalation.ref_id,
            "decided_at": escalation.decided_at.isoformat(),
        },
    )
    return escalation


async def attachment_content(
    *, session: AsyncSession, scope: Scope, attachment_id: int, store: FileStore | None = None
) -> tuple[EscalationAttachment, bytes]:
    attachment = await session.get(EscalationAttachment, attachment_id)
    if attachment is None:
        raise NotFoundError
    if (
        await get_escalation(session=session, scope=scope, escalation_id=attachment.escalation_id)
        is None
    ):
        raise NotFoundError
    content = await (store or default_store()).get(attachment.sha256)
    if content is None:
        raise NotFoundError
    return attachment, content


async def minutes_file(
    *, session: AsyncSession, scope: Scope, meeting_id: int
) -> tuple[Meeting, bytes] | None:
    """The minutes file of a meeting: for the convener and the participating departments
    (or city-wide readers); anyone else gets not-found, audited."""
    meeting = await get_meeting(session=session, scope=scope, meeting_id=meeting_id)
    if meeting is None:
        if await session.get(Meeting, meeting_id) is not None:
            note_out_of_scope("meeting", meeting_id)
        return None
    if not meeting.minutes_sha256:
        return None
    content = await files.default_store().get(meeting.minutes_sha256)
    return (meeting, content) if content is not None else None
