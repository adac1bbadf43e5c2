"""Pushes to supervising departments: sending, claiming (认领), closing."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import (
    Application,
    ApplicationStatus,
    Channel,
    FeedbackState,
    LegalDocument,
    LinkageEntry,
    MeasureRecord,
    Push,
    PushStage,
    PushState,
)
from api.approval.services import documents as document_files
from api.approval.services import liaisons, messages
from api.approval.services.common import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Actor,
    IllegalTransitionError,
    _note_if_exists,
    _now,
    documents_of,
    push_scope,
)
from api.approval.services.linkage_list import entries_for_matter, version_in_force
from api.approval.services.lists import application_number_of
from api.core import events
from api.core.audit import note_out_of_scope
from api.core.clock import (
    LOCAL_TZ,
    local_date,
    local_today,
)
from api.core.errors import FieldIssue, ValidationFailed
from api.core.loaders import fetch_many_per_key, fetch_one_per_key
from api.core.scope import Scope
from api.core.workdays import add_working_days


def _accepted_payload(application: Application) -> dict[str, Any]:
    number = (
        application_number_of(application.id, application.submitted_at)
        if application.id is not None  # always, once stored
        else None
    )
    return {
        "application_id": application.id,
        "application_number": number,
        "matter_id": application.matter_id,
        "applicant_code": application.applicant_code,
        "applicant_name": application.applicant_name,
        "handling_mode": application.handling_mode.value,
        "accepted_at": application.accepted_at.isoformat() if application.accepted_at else None,
        "approving_department_id": application.approving_department_id,
        "list_version": application.list_version,
    }


def push_names(push: Push) -> tuple[str, str]:
    """The matter's and the applicant's names as the push carried them (empty if missing)."""
    content = push.content
    return str(content.get("matter_name") or ""), str(content.get("applicant_name") or "")


def _measures_payload(records: Sequence[MeasureRecord]) -> list[dict[str, str]]:
    return [
        {"measure": r.measure.value, "kind": r.kind.value, "decision": r.decision.value}
        for r in records
    ]


def _document_payload(doc: LegalDocument) -> dict[str, Any]:
    return {
        "kind": doc.kind.value,
        "number": doc.number,
        "valid_from": doc.valid_from.isoformat() if doc.valid_from else None,
        "valid_until": doc.valid_until.isoformat() if doc.valid_until else None,
    }


def _pushed_document(doc: LegalDocument) -> dict[str, Any]:
    """What a push carries of a legal document: its summary and its file (if any)."""
    return {
        **_document_payload(doc),
        "document_id": doc.id,
        "file_name": doc.file_name,
        "file_sha256": doc.file_sha256,
        "file_type": doc.file_type,
        "file_size": doc.file_size,
    }


# Linkage review modes (catalog's sharing rule) under which a 受理 push asks for feedback.
EARLY_FEEDBACK_MODES = frozenset({"EARLY_INVOLVEMENT", "PARALLEL_REVIEW"})


async def _push(
    session: AsyncSession,
    application: Application,
    stage: PushStage,
    documents: Sequence[LegalDocument],
) -> list[Push]:
    """One push per supervising department of the list in force, in the caller's transaction.

    Due dates count from the stage's own time (acceptance or completion; a connected system
    reports it), as an Asia/Shanghai date, not from when the platform heard of it.
    """
    assert application.id is not None  # noqa: S101
    entries = await entries_for_matter(session, application.matter_id)
    if not documents and stage == PushStage.COMPLETED:
        documents = await documents_of(session, application.id)
    content = {
        "matter_name": entries[0].approval_matter_name if entries else "",
        "matter_code": entries[0].approval_matter_code if entries else "",
        "applicant_name": application.applicant_name,
        "applicant_contact": application.applicant_contact,
        "applicant_address": application.applicant_address,
        "status": application.status.value,
        "legal_documents": [_pushed_document(d) for d in documents],
    }
    stage_time = (
        application.accepted_at if stage == PushStage.ACCEPTED else application.completed_at
    )
    today = local_date(stage_time) if stage_time is not None else local_today()
    pushes: list[Push] = []
    seen: set[int] = set()
    for entry in entries:
        if entry.supervising_department_id in seen:
            continue
        seen.add(entry.supervising_department_id)
        # The receive liaison current today (catalog's live data), not the list's copy.
        contact = await liaisons.current(session, entry.supervising_department_id, today)
        if contact is None:
            contact = liaisons.Contact(entry.receive_liaison_name, entry.receive_liaison_mobile)
        online = entry.channel == Channel.ONLINE
        now = _now()
        needs_feedback = stage == PushStage.COMPLETED and (
            application.status == ApplicationStatus.APPROVED
        )
        if stage == PushStage.ACCEPTED and entry.review_mode in EARLY_FEEDBACK_MODES:
            needs_feedback = True  # 提前介入 / 并联审查: feedback on the 受理 push too
        push = Push(
            application_id=application.id,
            stage=stage,
            department_id=entry.supervising_department_id,
            from_department_id=entry.approving_department_id,
            linkage_id=entry.linkage_id,
            list_version=entry.version,
            supervision_matter_id=entry.supervision_matter_id,
            channel=entry.channel,
            state=PushState.CLAIMED if online else PushState.AWAITING_CLAIM,
            content=content,
            receive_liaison_name=contact.name,
            receive_liaison_mobile=contact.mobile,
            department_head_mobile=entry.department_head_mobile,
            supervision_code=await _unused_code(session),
            pushed_at=now,
            claim_due=await add_working_days(session, today, entry.claim_days),
            # 推送即认领: an online push is claimed the moment it is delivered.
            claimed_at=now if online else None,
            claimed_by="推送即认领" if online else None,
            claim_method=Channel.ONLINE if online else None,
            feedback_state=FeedbackState.OPEN if needs_feedback else FeedbackState.NOT_REQUIRED,
            feedback_due=(
                await add_working_days(session, today, entry.feedback_days)
                if needs_feedback
                else None
            ),
        )
        session.add(push)
        pushes.append(push)
    await session.flush()
    for push in pushes:
        await messages.post(
            session,
            department_id=push.department_id,
            kind="PUSH",
            ref_id=int(push.id or 0),
            application_id=push.application_id,
            matter_name=str(push.content.get("matter_name") or ""),
        )
        await events.emit(
            session,
            topic="approval.push.created",
            key=str(push.id),
            payload={
                "push_id": push.id,
                "application_id": application.id,
                "department_id": push.department_id,
                "stage": push.stage.value,
                "channel": push.channel.value,
                "approving_department_id": push.from_department_id,
                "matter_id": application.matter_id,
                "applicant_code": application.applicant_code,
                "created_at": push.pushed_at.isoformat(),
                "claim_due_at": _end_of_day(push.claim_due),
                "feedback_due_at": _end_of_day(push.feedback_due),
                "list_version": push.list_version,
                "linkage_id": push.linkage_id,
                "receive_liaison_name": push.receive_liaison_name,
                "receive_liaison_mobile": push.receive_liaison_mobile,
                "responsibilities": [
                    _responsibility_payload(e)
                    for e in entries
                    if e.supervising_department_id == push.department_id
                ],
            },
        )
    return pushes


def _responsibility_payload(entry: LinkageEntry) -> dict[str, Any]:
    """Who was responsible on both sides, in the version the push was routed under."""
    return {
        "linkage_id": entry.linkage_id,
        "supervision_matter_name": entry.supervision_matter_name,
        "approving_section_name": entry.approving_section_name,
        "approving_person_name": entry.approving_person_name,
        "approving_office_phone": entry.approving_office_phone,
        "supervising_section_name": entry.supervising_section_name,
        "supervising_person_name": entry.supervising_person_name,
        "supervising_office_phone": entry.supervising_office_phone,
    }


def _end_of_day(day: date | None) -> str | None:
    """A working-day due date ends at midnight, local time (ISO 8601 with offset)."""
    if day is None:
        return None
    return datetime.combine(day, time(23, 59, 59), tzinfo=LOCAL_TZ).isoformat()


async def _emit_claimed(session: AsyncSession, push: Push) -> None:
    await events.emit(
        session,
        topic="approval.push.claimed",
        key=str(push.id),
        payload={
            "push_id": push.id,
            "claimed_at": push.claimed_at.isoformat() if push.claimed_at else None,
            "claimed_by": push.claimed_by,
            "channel": push.claim_method.value if push.claim_method else None,
            "meeting_id": push.claim_meeting_id,
        },
    )


async def _emit_fed_back(session: AsyncSession, push: Push, finding_id: int | None) -> None:
    await events.emit(
        session,
        topic="approval.feedback.recorded",
        key=f"{push.id}:{finding_id or 'none'}",
        payload={
            "push_id": push.id,
            "fed_back_at": push.feedback_closed_at.isoformat() if push.feedback_closed_at else None,
            "application_id": push.application_id,
            "department_id": push.department_id,
            "finding_id": finding_id,
            "result": push.feedback_state.value,
        },
    )


async def _unused_code(session: AsyncSession) -> str:
    """A fresh 监管码 (the unique constraint guards the rare collision)."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        taken = (await session.exec(select(Push.id).where(Push.supervision_code == code))).first()
        if taken is None:
            return code


def normalise_code(code: str) -> str:
    return "".join(code.split()).upper()


async def push_by_code(session: AsyncSession, code: str, scope: Scope) -> Push | None:
    """The push a liaison types the 监管码 of; out of the caller's scope it does not exist."""
    stmt = select(Push).where(Push.supervision_code == normalise_code(code), push_scope(scope))
    found = (await session.exec(stmt)).first()
    if found is None:
        elsewhere = (
            await session.exec(select(Push.id).where(Push.supervision_code == normalise_code(code)))
        ).first()
        if elsewhere is not None:
            note_out_of_scope("push", elsewhere)
    return found


async def claim_push(
    *,
    session: AsyncSession,
    push_id: int,
    method: Channel,
    note: str,
    actor: Actor,
    receipt: document_files.FileDraft | None = None,
) -> Push:
    """A receiving department records an offline push as claimed: who, when, how, and the
    signed receipt (签收回执) if it has one."""
    push = await _own_push(session, push_id, actor)
    if push.state != PushState.AWAITING_CLAIM:
        raise IllegalTransitionError.of("pushId", "该推送已认领，不能重复认领")
    if method == Channel.ONLINE:
        raise ValidationFailed.single(
            "method", "ONLINE_NOT_MANUAL", "线上推送即认领；手工认领须注明线下方式"
        )
    issues: list[FieldIssue] = []
    upload = await document_files.check_file(receipt, "receipt", issues) if receipt else None
    if issues:
        raise ValidationFailed(issues)
    document_files.attach_receipt(push, upload)
    push.state = PushState.CLAIMED
    push.claimed_at = _now()
    push.claimed_by = actor.username
    push.claim_method = method
    push.claim_note = note.strip()
    push.claim_list_version = await version_in_force(session)
    session.add(push)
    await session.flush()
    await _emit_claimed(session, push)
    return push


async def claim_at_meeting(session: AsyncSession, payload: dict[str, Any]) -> Push | None:
    """Coordination recorded an offline push at a held joint meeting: it is claimed then,
    by the method 联席会议, at the time the meeting was held (``claimed_at``; payloads from
    before that key carry only ``recorded_at``), with the meeting referenced.

    Idempotent: a push already claimed (or unknown, or online: 推送即认领) is left alone.
    """
    push = await session.get(Push, int(payload["push_id"]))
    if push is None or push.state != PushState.AWAITING_CLAIM or push.channel == Channel.ONLINE:
        return None
    claimed_at = payload.get("claimed_at") or payload.get("recorded_at")
    meeting_id = payload.get("meeting_id")
    push.state = PushState.CLAIMED
    push.claimed_at = datetime.fromisoformat(str(claimed_at)) if claimed_at else _now()
    push.claimed_by = str(payload.get("recorded_by") or "联席会议")
    push.claim_method = Channel.JOINT_MEETING
    push.claim_meeting_id = int(meeting_id) if meeting_id is not None else None
    push.claim_note = f"联席会议 #{meeting_id}"
    push.claim_list_version = await version_in_force(session)
    session.add(push)
    await session.flush()
    await _emit_claimed(session, push)
    return push


async def close_without_abnormality(*, session: AsyncSession, push_id: int, actor: Actor) -> Push:
    """One click: the supervising department found nothing abnormal; no feedback is due."""
    push = await _own_push(session, push_id, actor)
    if push.feedback_state != FeedbackState.OPEN:
        raise IllegalTransitionError.of("pushId", "该推送没有待反馈事项")
    push.feedback_state = FeedbackState.NO_ABNORMALITY
    push.feedback_closed_at = _now()
    push.feedback_closed_by = actor.username
    push.feedback_list_version = await version_in_force(session)
    session.add(push)
    await session.flush()
    await _emit_fed_back(session, push, None)
    return push


async def _own_push(session: AsyncSession, push_id: int, actor: Actor) -> Push:
    stmt = (
        select(Push)
        .where(Push.id == push_id, Push.department_id == actor.department_id)
        .with_for_update()
    )
    push = (await session.exec(stmt)).first()
    if push is None:
        await _note_if_exists(session, Push, push_id, actor)
        raise ValidationFailed.single("pushId", "NOT_FOUND", "推送不存在")
    return push


async def pushes_by_application_ids(
    *, session: AsyncSession, ids: Sequence[int]
) -> list[list[Push]]:
    return await fetch_many_per_key(
        session, Push, Push.application_id, ids, order_by=[col(Push.id)]
    )


async def responsibilities_by_push_ids(
    *, session: AsyncSession, ids: Sequence[int]
) -> list[list[LinkageEntry]]:
    """The linkages of the list version that governed each push (the matter's whole entry)."""
    stmt = (
        select(Push.id, LinkageEntry)
        .join(Application, col(Application.id) == Push.application_id)
        .join(
            LinkageEntry,
            sa.and_(
                col(LinkageEntry.version) == Push.list_version,
                col(LinkageEntry.approval_matter_id) == Application.matter_id,
            ),
        )
        .where(col(Push.id).in_(ids))
        .order_by(col(LinkageEntry.linkage_id))
    )
    grouped: dict[int, list[LinkageEntry]] = {}
    for push_id, entry in (await session.exec(stmt)).all():
        grouped.setdefault(int(push_id or 0), []).append(entry)
    return [grouped.get(i, []) for i in ids]


async def pushes_by_ids(*, session: AsyncSession, ids: Sequence[int]) -> list[Push | None]:
    return await fetch_one_per_key(session, Push, Push.id, ids)
