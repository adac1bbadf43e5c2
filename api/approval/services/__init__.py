"""Approval business rules. No Strawberry here: tests call these directly.

Lifecycle: submitted → accepted (受理) → completed (办结: approved or refused). Acceptance
needs a verified credit-check ticket; acceptance and completion each push the approval
information, in the same transaction, to every supervising department that the linkage list
in force names for the matter, and emit the events of docs/EVENTS.md.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import secrets
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Generic, TypeVar

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, or_, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import (
    ApplicantKind,
    Application,
    ApplicationCreate,
    ApplicationStatus,
    CardColor,
    CardStage,
    Channel,
    CreditMeasure,
    CreditNotice,
    EscalationCard,
    ExternalReport,
    Feedback,
    FeedbackState,
    HandlingMode,
    LegalDocument,
    LegalDocumentCreate,
    LinkageEntry,
    LinkageListVersion,
    MeasureDecision,
    MeasureKind,
    MeasureRecord,
    MonthlySummary,
    Outcome,
    Push,
    PushStage,
    PushState,
    SkipReason,
)
from api.approval.services import documents as document_files
from api.approval.services import facilitation, liaisons
from api.approval.services.escalation import card_scope_clause
from api.core import events, live
from api.core.audit import note_out_of_scope
from api.core.clock import (
    LOCAL_TZ,
    as_aware,
    local_date,
    local_today,
    parse_reported_time,
    utcnow,
)
from api.core.credit_ticket import InvalidTicketError, verify_ticket
from api.core.errors import FieldIssue, NotFoundError, ValidationFailed
from api.core.identifiers import id_number_problem, uscc_problem
from api.core.loaders import many_per_key, one_per_key
from api.core.models import User
from api.core.scope import Scope
from api.core.subject_keys import subject_key
from api.core.workdays import add_working_days

MAX_PAGE = 100
# 监管码: 8 characters without look-alikes (no 0/O, 1/I/L); 31**8 ≈ 8.5e11 codes.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8
MODE_NAMES = {
    HandlingMode.NORMAL: "一般程序",
    HandlingMode.GREEN_CHANNEL: "绿色通道",
    HandlingMode.MISSING_DOCUMENTS: "容缺受理",
    HandlingMode.NOTIFY_AND_COMMIT: "告知承诺",
}
MEASURE_NAMES = {
    CreditMeasure.GREEN_CHANNEL: "绿色通道",
    CreditMeasure.MISSING_DOCUMENTS: "容缺受理",
    CreditMeasure.NOTIFY_AND_COMMIT: "告知承诺",
    CreditMeasure.STRICTER_REVIEW: "从严审查",
}
# Credit's levels (credit.level.changed, credit tickets) as users read them.
LEVEL_NAMES = {"TRUSTWORTHY": "守信", "NORMAL": "一般", "DISHONEST": "失信"}
OPEN_STATUSES = (ApplicationStatus.SUBMITTED, ApplicationStatus.ACCEPTED)
STATUS_NAMES = {
    ApplicationStatus.SUBMITTED: "已申报",
    ApplicationStatus.ACCEPTED: "已受理",
    ApplicationStatus.APPROVED: "已办结（准予）",
    ApplicationStatus.REFUSED: "已办结（不予）",
}


@dataclass(frozen=True)
class Actor:
    """Who acts: the clerk's username and department (from the session principal)."""

    username: str
    department_id: int


class IllegalTransitionError(ValidationFailed):
    """A lifecycle step that the application's current state does not allow."""

    @classmethod
    def of(cls, field_name: str, message: str) -> IllegalTransitionError:
        return cls([FieldIssue(field_name, "ILLEGAL_TRANSITION", message)])


def _now() -> datetime:
    return utcnow()


def level_name(level: str | None) -> str:
    """守信 / 一般 / 失信 (未认定 when credit has not determined one)."""
    return LEVEL_NAMES.get(level or "", "未认定")


# ---------------------------------------------------------------- the linkage list replica


async def store_published_list(session: AsyncSession, payload: dict[str, Any]) -> bool:
    """Keep a replica of a published list version; a version already held is left alone."""
    version = int(payload["version"])
    if await session.get(LinkageListVersion, version) is not None:
        return False
    session.add(
        LinkageListVersion(
            version=version, published_at=datetime.fromisoformat(str(payload["published_at"]))
        )
    )
    await session.flush()
    for entry in payload["entries"]:
        session.add(
            LinkageEntry(
                version=version,
                linkage_id=int(entry["linkage_id"]),
                approval_matter_id=int(entry["approval_matter_id"]),
                approval_matter_code=str(entry["approval_matter_code"]),
                approval_matter_name=str(entry["approval_matter_name"]),
                approving_department_id=int(entry["approving_department_id"]),
                supervision_matter_id=int(entry["supervision_matter_id"]),
                supervision_matter_code=str(entry["supervision_matter_code"]),
                supervision_matter_name=str(entry["supervision_matter_name"]),
                supervising_department_id=int(entry["supervising_department_id"]),
                channel=Channel(entry["channel"]),
                claim_days=int(entry["claim_days"]),
                feedback_days=int(entry["feedback_days"]),
                confidentiality=str(entry.get("confidentiality") or ""),
                review_mode=str(entry.get("review_mode") or "AFTER_APPROVAL"),
                approving_section_name=str(entry.get("approving_section_name") or ""),
                approving_person_name=str(entry.get("approving_person_name") or ""),
                approving_office_phone=str(entry.get("approving_office_phone") or ""),
                supervising_section_name=str(entry.get("supervising_section_name") or ""),
                supervising_person_name=str(entry.get("supervising_person_name") or ""),
                supervising_office_phone=str(entry.get("supervising_office_phone") or ""),
                receive_liaison_name=str(entry.get("receive_liaison_name") or ""),
                receive_liaison_mobile=str(entry.get("receive_liaison_mobile") or ""),
                department_head_mobile=str(entry.get("department_head_mobile") or ""),
            )
        )
    await session.flush()
    return True


def _version_in_force() -> sa.ScalarSelect[Any]:
    return select(sa.func.max(LinkageListVersion.version)).scalar_subquery()


async def version_in_force(session: AsyncSession) -> int | None:
    value = (await session.exec(select(sa.func.max(LinkageListVersion.version)))).one()
    return int(value) if value is not None else None


async def entries_for_matter(session: AsyncSession, matter_id: int) -> Sequence[LinkageEntry]:
    stmt = (
        select(LinkageEntry)
        .where(
            LinkageEntry.version == _version_in_force(),
            LinkageEntry.approval_matter_id == matter_id,
        )
        .order_by(col(LinkageEntry.linkage_id))
    )
    return (await session.exec(stmt)).all()


# ---------------------------------------------------------------- scope


def application_scope(scope: Scope) -> Any:
    """SQL condition: the applications a department may see (None: city-wide)."""
    if scope.city_wide:
        return sa.true()
    dept = scope.department_id
    listed = select(LinkageEntry.approval_matter_id).where(
        LinkageEntry.version == _version_in_force(),
        or_(
            LinkageEntry.approving_department_id == dept,
            LinkageEntry.supervising_department_id == dept,
        ),
    )
    pushed = select(Push.application_id).where(
        or_(Push.department_id == dept, Push.from_department_id == dept)
    )
    return or_(
        col(Application.matter_id).in_(listed),
        Application.approving_department_id == dept,
        col(Application.id).in_(pushed),
    )


def push_scope(scope: Scope) -> Any:
    if scope.city_wide:
        return sa.true()
    return or_(
        Push.department_id == scope.department_id, Push.from_department_id == scope.department_id
    )


async def get_application(
    session: AsyncSession, application_id: int, scope: Scope | None = None
) -> Application:
    stmt = select(Application).where(Application.id == application_id)
    if scope is not None:
        stmt = stmt.where(application_scope(scope))
    row = (await session.exec(stmt)).first()
    if row is None:
        await _note_if_exists(session, Application, application_id, scope)
        raise NotFoundError
    return row


async def _note_if_exists(
    session: AsyncSession, model: type[Application | Push], row_id: int, scope: Any
) -> None:
    """A scoped look-up found nothing: if the row exists, the caller asked outside its scope
    (audited as a denied access; the answer stays "not found")."""
    if scope is None:
        return
    exists = (await session.exec(select(model.id).where(model.id == row_id))).first()
    if exists is not None:
        note_out_of_scope(model.__tablename__.removeprefix("approval_"), row_id)


# ---------------------------------------------------------------- submission


def applicant_key_of(application: Application) -> str:
    """The applicant's subject key: credit's name for it (the USCC, or NP+hash of the ID)."""
    return application.applicant_key or subject_key(application.applicant_code) or ""


def _applicant_issues(kind: ApplicantKind, code: str) -> list[FieldIssue]:
    if kind == ApplicantKind.LEGAL_PERSON:
        problem = uscc_problem(code)
        return [FieldIssue("applicantCode", "INVALID_CREDIT_CODE", problem)] if problem else []
    problem = id_number_problem(code)
    return [FieldIssue("applicantCode", "INVALID_ID_NUMBER", problem)] if problem else []


async def submit_application(
    *, session: AsyncSession, data: ApplicationCreate, actor: Actor | None = None
) -> Application:
    code = data.applicant_code.strip().upper()
    issues = _applicant_issues(data.applicant_kind, code)
    if not data.applicant_name.strip():
        issues.append(FieldIssue("applicantName", "REQUIRED", "请填写申请人名称"))
    if issues:
        raise ValidationFailed(issues)
    entries = await entries_for_matter(session, data.matter_id)
    application = Application.model_validate(
        data,
        update={
            "applicant_code": code,
            "applicant_key": subject_key(
                code, natural_person=data.applicant_kind == ApplicantKind.NATURAL_PERSON
            ),
            "applicant_name": data.applicant_name.strip(),
            "approving_department_id": (
                entries[0].approving_department_id
                if entries
                else (actor.department_id if actor else None)
            ),
            "submitted_by": actor.username if actor else "",
        },
    )
    session.add(application)
    await session.flush()
    return application


# ---------------------------------------------------------------- acceptance


async def accept_application(
    *,
    session: AsyncSession,
    application_id: int,
    handling_mode: HandlingMode,
    credit_ticket: str,
    actor: Actor,
    scope: Scope | None = None,
    skip: MeasureSkip | None = None,
    missing_items: Sequence[facilitation.MissingItemDraft] = (),
    commitment: facilitation.CommitmentDraft | None = None,
) -> Application:
    application = await _locked(session, application_id, scope)
    if application.status != ApplicationStatus.SUBMITTED:
        raise IllegalTransitionError.of(
            "applicationId",
            f"办件当前状态为“{STATUS_NAMES[application.status]}”，只有已申报的办件可以受理",
        )
    assert application.id is not None  # noqa: S101 - loaded rows have ids
    try:
        ticket = verify_ticket(
            credit_ticket, subject_code=applicant_key_of(application), application_id=application.id
        )
    except InvalidTicketError as exc:
        raise ValidationFailed.single("creditTicket", "INVALID_CREDIT_TICKET", str(exc)) from None
    if handling_mode.value not in ticket.allowed_modes:
        raise ValidationFailed.single(
            "handlingMode", "MODE_NOT_ALLOWED_BY_CREDIT", _refusal_text(ticket, handling_mode)
        )
    decisions = decide_measures(
        propose_measures(ticket.level, ticket.joint_punished, ticket.allowed_modes),
        handling_mode,
        skip or MeasureSkip(),
    )
    prepared = await facilitation.prepare_acceptance(handling_mode, missing_items, commitment)
    now = _now()
    application.status = ApplicationStatus.ACCEPTED
    application.handling_mode = handling_mode
    application.accepted_at = now
    application.accepted_by = actor.username
    application.credit_level = ticket.level
    application.credit_joint_punished = ticket.joint_punished
    application.credit_lookup_id = ticket.lookup_id
    application.list_version = await version_in_force(session)
    if application.approving_department_id is None:
        application.approving_department_id = actor.department_id
    session.add(application)
    records: list[MeasureRecord] = []
    for measure, kind, decision, skip_reason, skip_note in decisions:
        records.append(
            MeasureRecord(
                application_id=application.id,
                matter_id=application.matter_id,
                department_id=application.approving_department_id,
                measure=measure,
                kind=kind,
                decision=decision,
                skip_reason=skip_reason,
                skip_note=skip_note,
                credit_level=ticket.level,
                decided_by=actor.username,
                decided_at=now,
            )
        )
    session.add_all(records)
    await session.flush()
    await facilitation.record_acceptance(session, application, prepared, actor.username)
    await events.emit(
        session,
        topic="approval.application.accepted",
        key=str(application.id),
        payload={**_accepted_payload(application), "measures": _measures_payload(records)},
    )
    await _push(session, application, PushStage.ACCEPTED, [])
    return application


def _refusal_text(ticket: Any, handling_mode: HandlingMode) -> str:
    """Why credit refused the mode, as credit stated it (citing the joint-punishment entry or
    the records behind the level); older tickets without reasons name the level."""
    reason = dict(ticket.refusals).get(handling_mode.value)
    if reason:
        return f"不适用“{MODE_NAMES[handling_mode]}”：{reason}"
    punished = "（列入联合惩戒对象名单）" if ticket.joint_punished else ""
    return (
        f"申请人信用等级为“{level_name(ticket.level)}”{punished}，"
        f"不适用“{MODE_NAMES[handling_mode]}”"
    )


# ---------------------------------------------------------------- credit measures


@dataclass(frozen=True)
class MeasureSkip:
    """Why the clerk did not apply a proposed measure (a reason from the list, free text)."""

    reason: SkipReason | None = None
    note: str = ""
    stricter_review: bool = True  # a required restriction is applied unless declined


Decision = tuple[CreditMeasure, MeasureKind, MeasureDecision, SkipReason | None, str]


def propose_measures(
    level: str,
    joint_punished: bool,
    allowed_modes: Sequence[str],
) -> list[tuple[CreditMeasure, MeasureKind]]:
    """What the credit ticket admits (incentives) or requires (stricter review)."""
    if level == "DISHONEST" or joint_punished:
        return [(CreditMeasure.STRICTER_REVIEW, MeasureKind.RESTRICTION)]
    return [
        (CreditMeasure(mode), MeasureKind.INCENTIVE)
        for mode in allowed_modes
        if mode != HandlingMode.NORMAL.value
    ]


def decide_measures(
    proposals: Sequence[tuple[CreditMeasure, MeasureKind]],
    handling_mode: HandlingMode,
    skip: MeasureSkip,
) -> list[Decision]:
    """The chosen incentive (or the stricter review) is applied; other proposals are skipped
    and need a reason. Incentives are alternatives: applying one skips none of the others."""
    incentives = [m for m, k in proposals if k == MeasureKind.INCENTIVE]
    applied_incentive = next((m for m in incentives if m.value == handling_mode.value), None)
    decisions: list[Decision] = []
    skipped: list[tuple[CreditMeasure, MeasureKind]] = []
    if applied_incentive is not None:
        decisions.append(
            (applied_incentive, MeasureKind.INCENTIVE, MeasureDecision.APPLIED, None, "")
        )
    else:
        skipped += [(m, MeasureKind.INCENTIVE) for m in incentives]
    for measure, kind in proposals:
        if kind == MeasureKind.RESTRICTION:
            if skip.stricter_review:
                decisions.append((measure, kind, MeasureDecision.APPLIED, None, ""))
            else:
                skipped.append((measure, kind))
    if not skipped:
        return decisions
    names = "、".join(MEASURE_NAMES[m] for m, _ in skipped)
    if skip.reason is None:
        raise ValidationFailed.single(
            "skipReason", "SKIP_REASON_REQUIRED", f"未适用“{names}”，须选择理由"
        )
    if skip.reason == SkipReason.OTHER and not skip.note.strip():
        raise ValidationFailed.single("skipNote", "REQUIRED", "理由为“其他”时须填写说明")
    return decisions + [
        (m, k, MeasureDecision.SKIPPED, skip.reason, skip.note.strip()[:500]) for m, k in skipped
    ]


async def proposed_measures(
    session: AsyncSession, application_id: int, credit_ticket: str, scope: Scope
) -> list[tuple[CreditMeasure, MeasureKind]]:
    application = await get_application(session, application_id, scope)
    try:
        ticket = verify_ticket(
            credit_ticket, subject_code=applicant_key_of(application), application_id=application_id
        )
    except InvalidTicketError as exc:
        raise ValidationFailed.single("creditTicket", "INVALID_CREDIT_TICKET", str(exc)) from None
    return propose_measures(ticket.level, ticket.joint_punished, ticket.allowed_modes)


@dataclass(frozen=True)
class MeasureCount:
    matter_id: int
    department_id: int | None
    measure: CreditMeasure
    kind: MeasureKind
    applied: int
    skipped: int


def _count_of(decision: MeasureDecision) -> Any:
    return sa.func.sum(sa.case((col(MeasureRecord.decision) == decision, 1), else_=0))


async def measure_statistics(
    *,
    session: AsyncSession,
    scope: Scope,
    matter_id: int | None = None,
    department_id: int | None = None,
) -> list[MeasureCount]:
    """How often each incentive or restriction was applied or skipped, per matter and
    department (one GROUP BY in SQL)."""
    keys = (
        col(MeasureRecord.matter_id),
        col(MeasureRecord.department_id),
        col(MeasureRecord.measure),
        col(MeasureRecord.kind),
    )
    stmt = (
        sa.select(*keys, _count_of(MeasureDecision.APPLIED), _count_of(MeasureDecision.SKIPPED))
        .group_by(*keys)
        .order_by(*keys)
    )
    if not scope.city_wide:
        stmt = stmt.where(col(MeasureRecord.department_id) == scope.department_id)
    if matter_id is not None:
        stmt = stmt.where(col(MeasureRecord.matter_id) == matter_id)
    if department_id is not None:
        stmt = stmt.where(col(MeasureRecord.department_id) == department_id)
    # sqlmodel's typed select() stops at four columns; this one has six.
    rows = (await session.exec(stmt)).all()  # type: ignore[call-overload]
    return [
        MeasureCount(
            matter_id=int(m),
            department_id=int(d) if d is not None else None,
            measure=CreditMeasure(me),
            kind=MeasureKind(k),
            applied=int(a or 0),
            skipped=int(sk or 0),
        )
        for m, d, me, k, a, sk in rows
    ]


async def measures_by_application_ids(
    *, session: AsyncSession, ids: Sequence[int]
) -> list[list[MeasureRecord]]:
    stmt = (
        select(MeasureRecord)
        .where(col(MeasureRecord.application_id).in_(ids))
        .order_by(col(MeasureRecord.id))
    )
    rows = (await session.exec(stmt)).all()
    return many_per_key(rows, ids, lambda r: r.application_id)


async def _locked(session: AsyncSession, application_id: int, scope: Scope | None) -> Application:
    stmt = select(Application).where(Application.id == application_id).with_for_update()
    if scope is not None:
        stmt = stmt.where(application_scope(scope))
    row = (await session.exec(stmt)).first()
    if row is None:
        await _note_if_exists(session, Application, application_id, scope)
        raise ValidationFailed.single("applicationId", "NOT_FOUND", "办件不存在")
    return row


def _accepted_payload(application: Application) -> dict[str, Any]:
    return {
        "application_id": application.id,
        "matter_id": application.matter_id,
        "applicant_code": application.applicant_code,
        "applicant_name": application.applicant_name,
        "handling_mode": application.handling_mode.value,
        "accepted_at": application.accepted_at.isoformat() if application.accepted_at else None,
        "approving_department_id": application.approving_department_id,
        "list_version": application.list_version,
    }


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


# ---------------------------------------------------------------- completion


async def complete_application(
    *,
    session: AsyncSession,
    application_id: int,
    outcome: Outcome,
    documents: Sequence[LegalDocumentCreate],
    refusal_reason: str = "",
    actor: Actor,
    scope: Scope | None = None,
    completed_at: datetime | None = None,
    files: Sequence[document_files.FileDraft | None] = (),
) -> Application:
    """``completed_at``: when it was completed (a connected system's report); default now.
    ``files[i]``: the file of ``documents[i]`` (the licence or decision itself), if sent."""
    application = await _locked(session, application_id, scope)
    if application.status != ApplicationStatus.ACCEPTED:
        raise IllegalTransitionError.of(
            "applicationId",
            f"办件当前状态为“{STATUS_NAMES[application.status]}”，只有已受理的办件可以办结",
        )
    issues: list[FieldIssue] = []
    if not documents:
        issues.append(FieldIssue("documents", "REQUIRED", "办结须附法律文书"))
    if outcome == Outcome.REFUSED and not refusal_reason.strip():
        issues.append(FieldIssue("refusalReason", "REQUIRED", "不予许可须说明理由"))
    for index, doc in enumerate(documents):
        if not doc.number.strip():
            issues.append(FieldIssue(f"documents.{index}.number", "REQUIRED", "请填写文书编号"))
        if doc.valid_from and doc.valid_until and doc.valid_until < doc.valid_from:
            issues.append(
                FieldIssue(f"documents.{index}.validUntil", "BEFORE_START", "有效期止早于有效期起")
            )
    if len(files) > len(documents):
        issues.append(FieldIssue("documents", "FILE_WITHOUT_DOCUMENT", "文件多于法律文书"))
    uploads = [
        await document_files.check_file(draft, f"documents.{index}", issues) if draft else None
        for index, draft in enumerate(files)
    ]
    if issues:
        raise ValidationFailed(issues)
    await facilitation.check_completion(session, application)
    assert application.id is not None  # noqa: S101
    saved = []
    for index, doc in enumerate(documents):
        row = LegalDocument.model_validate(
            doc, update={"application_id": application.id, "number": doc.number.strip()}
        )
        document_files.attach_to_document(row, uploads[index] if index < len(uploads) else None)
        session.add(row)
        saved.append(row)
    application.status = (
        ApplicationStatus.APPROVED if outcome == Outcome.APPROVED else ApplicationStatus.REFUSED
    )
    application.completed_at = completed_at or _now()
    application.completed_by = actor.username
    application.refusal_reason = refusal_reason.strip() or None
    session.add(application)
    await session.flush()
    entries = await entries_for_matter(session, application.matter_id)
    await events.emit(
        session,
        topic="approval.application.completed",
        key=str(application.id),
        payload={
            **_accepted_payload(application),
            "matter_name": entries[0].approval_matter_name if entries else "",
            "outcome": outcome.value,
            "completed_at": application.completed_at.isoformat(),
            "legal_documents": [_document_payload(d) for d in saved],
        },
    )
    await _push(session, application, PushStage.COMPLETED, saved)
    await facilitation.open_verifications(session, application, entries)
    return application


# ---------------------------------------------------------------- pushes

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
        await live.notify(session, live.inbox_channel(push.department_id), f"PUSH:{push.id}")
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


# ---------------------------------------------------------------- feedback inbox


async def _feedback_targets(
    session: AsyncSession, application_id: int | None, subject_code: str
) -> tuple[set[int], str]:
    """The approving departments concerned, and the subject code (from the application)."""
    if application_id is not None:
        application = await session.get(Application, application_id)
        if application is None or application.approving_department_id is None:
            return set(), subject_code
        return {application.approving_department_id}, subject_code or application.applicant_code
    if not subject_code:
        return set(), subject_code
    stmt = select(Application.approving_department_id).where(
        or_(Application.applicant_code == subject_code, Application.applicant_key == subject_code),
        col(Application.approving_department_id).is_not(None),
    )
    return {int(d) for d in (await session.exec(stmt)).all() if d is not None}, subject_code


async def receive_finding(session: AsyncSession, payload: dict[str, Any]) -> list[Feedback]:
    """File an abnormal supervision finding in the approving departments' inboxes.

    Only abnormal results are fed back (normal ones need no feedback). Idempotent.
    """
    if not payload["abnormal"]:
        return []
    finding_id = int(payload["finding_id"])
    if (await session.exec(select(Feedback).where(Feedback.finding_id == finding_id))).first():
        return []
    raw_application = payload.get("application_id")
    application_id = int(raw_application) if raw_application is not None else None
    from_department = int(payload["department_id"])
    targets, subject_code = await _feedback_targets(
        session, application_id, str(payload.get("subject_code") or "")
    )
    in_force = await version_in_force(session)
    rows = [
        Feedback(
            finding_id=finding_id,
            application_id=application_id,
            subject_code=subject_code,
            from_department_id=from_department,
            to_department_id=target,
            kind=str(payload["kind"]),
            abnormal=True,
            result_type=str(payload.get("result_type") or ""),
            found_on=date.fromisoformat(str(payload["found_on"])),
            summary=str(payload["summary"]),
            list_version=in_force,
        )
        for target in sorted(targets)
    ]
    session.add_all(rows)
    await session.flush()
    for row in rows:
        await live.notify(session, live.inbox_channel(row.to_department_id), f"FEEDBACK:{row.id}")
    if application_id is not None:
        open_pushes = await session.exec(
            select(Push).where(
                Push.application_id == application_id,
                Push.department_id == from_department,
                Push.feedback_state == FeedbackState.OPEN,
            )
        )
        # The business time: when the supervising department recorded the finding, not when
        # this consumer got round to it (a lagging worker must not make feedback late).
        recorded_at = payload.get("recorded_at")
        closed_at = datetime.fromisoformat(str(recorded_at)) if recorded_at else _now()
        for push in open_pushes.all():
            push.feedback_state = FeedbackState.ABNORMAL_REPORTED
            push.feedback_closed_at = closed_at
            push.feedback_list_version = in_force
            session.add(push)
            await session.flush()
            await _emit_fed_back(session, push, finding_id)
    await session.flush()
    return rows


# ---------------------------------------------------------------- connected systems


@dataclass(frozen=True)
class ReportedTimes:
    """The times a connected system reports, as it sent them (RFC 3339 text, or absent)."""

    submitted_at: str | None = None
    accepted_at: str | None = None
    completed_at: str | None = None


IDEMPOTENCY_CONFLICT = "IDEMPOTENCY_CONFLICT"


def request_fingerprint(operation: str, fields: dict[str, Any]) -> str:
    """SHA-256 of the normalised request: sorted keys, compact JSON, times as UTC instants."""
    canonical = json.dumps(
        {"operation": operation, **fields},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _instant(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment is not None else None


async def _once(
    session: AsyncSession,
    *,
    source_system: str,
    key: str,
    operation: str,
    fingerprint: str,
    work: Callable[[], Awaitable[Application]],
) -> Application:
    """Run ``work`` once per (account, key): the claim row is inserted first.

    Concurrent duplicates (in any process) meet the unique constraint: PostgreSQL makes the
    second insert wait for the first transaction and then fail, SQLite's write lock makes
    the second request wait before it reads. Either way the duplicate then reads the first
    request's answer. A failed ``work`` rolls its claim back with it (the savepoint).
    """
    key = key.strip()
    if not key:
        raise ValidationFailed.single("idempotencyKey", "REQUIRED", "请提供幂等键")
    claimed = await _claimed(session, source_system, key)
    if claimed is None:
        try:
            async with session.begin_nested():
                claim = ExternalReport(
                    source_system=source_system,
                    idempotency_key=key,
                    operation=operation,
                    fingerprint=fingerprint,
                )
                session.add(claim)
                await session.flush()
                application = await work()
                claim.application_id = application.id
                session.add(claim)
                await session.flush()
                return application
        except IntegrityError:
            claimed = await _claimed(session, source_system, key)
            if claimed is None:
                raise
    return await _answer(session, claimed, operation, fingerprint)


async def _claimed(session: AsyncSession, source_system: str, key: str) -> ExternalReport | None:
    stmt = select(ExternalReport).where(
        ExternalReport.source_system == source_system, ExternalReport.idempotency_key == key
    )
    return (await session.exec(stmt)).first()


async def _answer(
    session: AsyncSession, claimed: ExternalReport, operation: str, fingerprint: str
) -> Application:
    """The first request's answer, if this request is the same one."""
    same = claimed.operation == operation and claimed.fingerprint in {fingerprint, ""}
    if not same:
        raise ValidationFailed.single(
            "idempotencyKey",
            IDEMPOTENCY_CONFLICT,
            "该幂等键已用于另一内容不同的请求，本次请求未执行（请换用新的幂等键）",
        )
    application = (
        await session.get(Application, claimed.application_id)
        if claimed.application_id is not None
        else None
    )
    if application is None:  # only an uncommitted claim could lack it, and none is visible
        raise ValidationFailed.single("idempotencyKey", "NOT_FOUND", "该幂等键的请求未完成")
    return application


def _reported(value: str | None, field_name: str, now: datetime) -> datetime | None:
    if value is None or not value.strip():
        return None
    return parse_reported_time(value, field_name=field_name, now=now)


async def report_acceptance(
    *,
    session: AsyncSession,
    source_system: str,
    idempotency_key: str,
    external_id: str,
    data: ApplicationCreate,
    actor: Actor,
    times: ReportedTimes | None = None,
) -> Application:
    """A connected approval system reports an acceptance; the same key acts once.

    ``times.accepted_at`` (default: now) is when the system accepted; due dates count from
    it. ``times.submitted_at`` (default: the acceptance time) is when the applicant applied.
    """
    times = times or ReportedTimes()
    now = _now()
    submitted_at = _reported(times.submitted_at, "submittedAt", now)
    accepted_at = _reported(times.accepted_at, "acceptedAt", now)
    if submitted_at is not None and accepted_at is not None and accepted_at < submitted_at:
        raise ValidationFailed.single("acceptedAt", "BEFORE_SUBMISSION", "受理时间早于申报时间")
    fingerprint = request_fingerprint(
        "ACCEPT",
        {
            "external_id": external_id.strip(),
            "matter_id": data.matter_id,
            "applicant_kind": data.applicant_kind.value,
            "applicant_code": data.applicant_code.strip().upper(),
            "applicant_name": data.applicant_name.strip(),
            "applicant_contact": data.applicant_contact.strip(),
            "applicant_address": data.applicant_address.strip(),
            "submitted_at": _instant(submitted_at),
            "accepted_at": _instant(accepted_at),
        },
    )

    async def accept() -> Application:
        if not external_id.strip():
            raise ValidationFailed.single("externalId", "REQUIRED", "请填写对接系统中的办件编号")
        application = await submit_application(session=session, data=data, actor=actor)
        accepted = accepted_at or now
        application.submitted_at = submitted_at or min(accepted, application.submitted_at)
        application.source_system = source_system
        application.external_id = external_id.strip()
        application.status = ApplicationStatus.ACCEPTED
        application.accepted_at = accepted
        application.accepted_by = actor.username
        application.list_version = await version_in_force(session)
        session.add(application)
        try:
            async with session.begin_nested():
                await session.flush()
        except IntegrityError:
            raise ValidationFailed.single(
                "externalId", "DUPLICATE", "该对接系统的办件编号已上报（请使用原幂等键重试）"
            ) from None
        await events.emit(
            session,
            topic="approval.application.accepted",
            key=str(application.id),
            payload=_accepted_payload(application),
        )
        await _push(session, application, PushStage.ACCEPTED, [])
        return application

    return await _once(
        session,
        source_system=source_system,
        key=idempotency_key,
        operation="ACCEPT",
        fingerprint=fingerprint,
        work=accept,
    )


async def report_completion(
    *,
    session: AsyncSession,
    source_system: str,
    idempotency_key: str,
    external_id: str,
    outcome: Outcome,
    documents: Sequence[LegalDocumentCreate],
    refusal_reason: str,
    actor: Actor,
    times: ReportedTimes | None = None,
    files: Sequence[document_files.FileDraft | None] = (),
) -> Application:
    """A connected system reports a completion (``times.completed_at``, default now)."""
    times = times or ReportedTimes()
    completed_at = _reported(times.completed_at, "completedAt", _now())

    def file_of(index: int) -> dict[str, str]:
        draft = files[index] if index < len(files) else None
        if draft is None:
            return {}  # fingerprints of reports without files stay as they were
        digest = hashlib.sha256(draft.content_base64.encode()).hexdigest()
        return {"file_content_sha256": digest}

    fingerprint = request_fingerprint(
        "COMPLETE",
        {
            "external_id": external_id.strip(),
            "outcome": outcome.value,
            "documents": [
                {
                    "kind": d.kind.value,
                    "number": d.number.strip(),
                    "valid_from": d.valid_from.isoformat() if d.valid_from else None,
                    "valid_until": d.valid_until.isoformat() if d.valid_until else None,
                    "file_name": d.file_name.strip(),
                    "file_url": d.file_url.strip(),
                    **file_of(index),
                }
                for index, d in enumerate(documents)
            ],
            "refusal_reason": refusal_reason.strip(),
            "completed_at": _instant(completed_at),
        },
    )

    async def complete() -> Application:
        stmt = select(Application).where(
            Application.source_system == source_system,
            Application.external_id == external_id.strip(),
        )
        application = (await session.exec(stmt)).first()
        if application is None or application.id is None:
            raise ValidationFailed.single("externalId", "NOT_FOUND", "未找到该对接系统上报的办件")
        if completed_at is not None:
            if application.accepted_at and completed_at < as_aware(application.accepted_at):
                raise ValidationFailed.single(
                    "completedAt", "BEFORE_ACCEPTANCE", "办结时间早于受理时间"
                )
            if completed_at < as_aware(application.submitted_at):
                raise ValidationFailed.single(
                    "completedAt", "BEFORE_SUBMISSION", "办结时间早于申报时间"
                )
        return await complete_application(
            session=session,
            application_id=application.id,
            outcome=outcome,
            documents=documents,
            refusal_reason=refusal_reason,
            actor=actor,
            completed_at=completed_at,
            files=files,
        )

    return await _once(
        session,
        source_system=source_system,
        key=idempotency_key,
        operation="COMPLETE",
        fingerprint=fingerprint,
        work=complete,
    )


# ---------------------------------------------------------------- lists and inboxes


RowT = TypeVar("RowT")


@dataclass(frozen=True)
class Page(Generic[RowT]):
    rows: Sequence[RowT]
    total: int
    has_next: bool


def _limit(first: int) -> int:
    if first < 0 or first > MAX_PAGE:
        raise ValidationFailed.single("first", "OUT_OF_RANGE", f"每页条数应在 0 到 {MAX_PAGE} 之间")
    return first


async def _page(
    session: AsyncSession, stmt: Any, id_column: Any, *, first: int, after: int | None
) -> Page[Any]:
    total_stmt = select(sa.func.count()).select_from(stmt.subquery())
    total = int((await session.exec(total_stmt)).one())
    limit = _limit(first)
    if after is not None:
        stmt = stmt.where(id_column > after)
    rows = (await session.exec(stmt.order_by(id_column).limit(limit + 1))).all()
    return Page(rows=rows[:limit], total=total, has_next=len(rows) > limit)


async def list_applications(
    *,
    session: AsyncSession,
    scope: Scope | None = None,
    matter_id: int | None = None,
    status: ApplicationStatus | None = None,
    applicant: str | None = None,
    applicant_code: str | None = None,
    submitted_since: date | None = None,
    submitted_until: date | None = None,
    newest_first: bool = False,
    limit: int = MAX_PAGE,
    offset: int = 0,
) -> Sequence[Application]:
    """Applications in scope, filtered as the console's query form asks: the applicant's name
    (contains), its code (exact), the Asia/Shanghai days of submission (inclusive)."""
    stmt = select(Application)
    if scope is not None:
        stmt = stmt.where(application_scope(scope))
    if matter_id is not None:
        stmt = stmt.where(Application.matter_id == matter_id)
    if status is not None:
        stmt = stmt.where(Application.status == status)
    if applicant and applicant.strip():
        stmt = stmt.where(col(Application.applicant_name).contains(applicant.strip()))
    if applicant_code and applicant_code.strip():
        stmt = stmt.where(Application.applicant_code == applicant_code.strip().upper())
    if submitted_since is not None:
        stmt = stmt.where(col(Application.submitted_at) >= local_midnight(submitted_since))
    if submitted_until is not None:
        next_day = local_midnight(submitted_until + timedelta(days=1))
        stmt = stmt.where(col(Application.submitted_at) < next_day)
    order = col(Application.id).desc() if newest_first else col(Application.id)
    stmt = stmt.order_by(order).offset(max(offset, 0))
    return (await session.exec(stmt.limit(min(max(limit, 0), MAX_PAGE)))).all()


def local_midnight(day: date) -> datetime:
    """The first moment of an Asia/Shanghai day, in UTC."""
    return datetime.combine(day, time(0), tzinfo=LOCAL_TZ).astimezone(UTC)


async def display_names(*, session: AsyncSession, usernames: Sequence[str]) -> list[str]:
    """People's names for account names, in order (an unknown account keeps its name)."""
    rows = (await session.exec(select(User).where(col(User.username).in_(set(usernames))))).all()
    names = {u.username: u.display_name for u in rows}
    return [names.get(u, u) for u in usernames]


def application_number_of(application_id: int, submitted_at: datetime) -> str:
    """The 办件编号 people read and say: SP, the Asia/Shanghai day of submission, a serial."""
    return f"SP{local_date(submitted_at):%Y%m%d}{application_id:06d}"


def overdue_clause(today: date) -> Any:
    return or_(
        sa.and_(col(Push.state) == PushState.AWAITING_CLAIM, col(Push.claim_due) < today),
        sa.and_(col(Push.feedback_state) == FeedbackState.OPEN, col(Push.feedback_due) < today),
    )


async def received_pushes(
    *,
    session: AsyncSession,
    department_id: int,
    state: PushState | None = None,
    feedback_state: FeedbackState | None = None,
    overdue: bool | None = None,
    today: date | None = None,
    first: int = MAX_PAGE,
    after: int | None = None,
) -> Page[Push]:
    stmt = select(Push).where(Push.department_id == department_id)
    if state is not None:
        stmt = stmt.where(Push.state == state)
    if feedback_state is not None:
        stmt = stmt.where(Push.feedback_state == feedback_state)
    if overdue is not None:
        clause = overdue_clause(today or local_today())
        stmt = stmt.where(clause if overdue else sa.not_(clause))
    return await _page(session, stmt, col(Push.id), first=first, after=after)


async def received_feedback(
    *,
    session: AsyncSession,
    department_id: int,
    abnormal: bool | None = None,
    first: int = MAX_PAGE,
    after: int | None = None,
) -> Page[Feedback]:
    stmt = select(Feedback).where(Feedback.to_department_id == department_id)
    if abnormal is not None:
        stmt = stmt.where(Feedback.abnormal == abnormal)
    return await _page(session, stmt, col(Feedback.id), first=first, after=after)


async def overdue_pushes(
    *,
    session: AsyncSession,
    scope: Scope,
    today: date | None = None,
    first: int = MAX_PAGE,
    after: int | None = None,
) -> Page[Push]:
    stmt = select(Push).where(overdue_clause(today or local_today()), push_scope(scope))
    return await _page(session, stmt, col(Push.id), first=first, after=after)


async def emit_overdue_reminders(session: AsyncSession, today: date) -> int:
    """Daily: one reminder event per overdue push (the SMS handler sends it once per day)."""
    stmt = select(Push).where(overdue_clause(today)).order_by(col(Push.id))
    pushes = (await session.exec(stmt)).all()
    for push in pushes:
        await events.emit(
            session,
            topic="approval.push.overdue",
            key=f"{push.id}:{today.isoformat()}",
            payload={
                "push_id": push.id,
                "department_id": push.department_id,
                "day": today.isoformat(),
                "claim_overdue": push.state == PushState.AWAITING_CLAIM,
            },
        )
    return len(pushes)


# ---------------------------------------------------------------- loaders


async def applications_by_ids(
    *, session: AsyncSession, ids: Sequence[int], scope: Scope | None = None
) -> list[Application | None]:
    """Applications by id; with a ``scope``, one outside it is ``None`` (not found)."""
    stmt = select(Application).where(col(Application.id).in_(ids))
    if scope is not None:
        stmt = stmt.where(application_scope(scope))
    rows = (await session.exec(stmt)).all()
    return one_per_key(rows, ids, lambda r: r.id)


async def applications_by_matter_ids(
    *, session: AsyncSession, matter_ids: Sequence[int], scope: Scope | None = None
) -> list[list[Application]]:
    stmt = select(Application).where(col(Application.matter_id).in_(matter_ids))
    if scope is not None:
        stmt = stmt.where(application_scope(scope))
    rows = (await session.exec(stmt.order_by(col(Application.id)))).all()
    return many_per_key(rows, matter_ids, lambda r: r.matter_id)


async def applications_by_applicant_codes(
    *, session: AsyncSession, codes: Sequence[str], scope: Scope | None = None
) -> list[list[Application]]:
    """A subject's applications by its key (USCC, or NP+hash for a natural person)."""
    stmt = select(Application).where(col(Application.applicant_key).in_(codes))
    if scope is not None:
        stmt = stmt.where(application_scope(scope))
    rows = (await session.exec(stmt.order_by(col(Application.id)))).all()
    return many_per_key(rows, codes, lambda r: r.applicant_key)


async def documents_of(session: AsyncSession, application_id: int) -> list[LegalDocument]:
    return (await documents_by_application_ids(session=session, ids=[application_id]))[0]


async def documents_by_application_ids(
    *, session: AsyncSession, ids: Sequence[int]
) -> list[list[LegalDocument]]:
    stmt = (
        select(LegalDocument)
        .where(col(LegalDocument.application_id).in_(ids))
        .order_by(col(LegalDocument.id))
    )
    rows = (await session.exec(stmt)).all()
    return many_per_key(rows, ids, lambda r: r.application_id)


async def pushes_by_application_ids(
    *, session: AsyncSession, ids: Sequence[int]
) -> list[list[Push]]:
    stmt = select(Push).where(col(Push.application_id).in_(ids)).order_by(col(Push.id))
    rows = (await session.exec(stmt)).all()
    return many_per_key(rows, ids, lambda r: r.application_id)


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


async def cards_by_push_ids(
    *, session: AsyncSession, ids: Sequence[int]
) -> list[list[EscalationCard]]:
    stmt = (
        select(EscalationCard)
        .where(col(EscalationCard.push_id).in_(ids))
        .order_by(col(EscalationCard.id))
    )
    rows = (await session.exec(stmt)).all()
    return many_per_key(rows, ids, lambda r: r.push_id)


async def escalation_cards(
    *,
    session: AsyncSession,
    scope: Scope,
    color: CardColor | None = None,
    department_id: int | None = None,
    first: int = MAX_PAGE,
    after: int | None = None,
) -> Page[EscalationCard]:
    """Card history (考核): a department sees cards on itself or on pushes it sent."""
    stmt = select(EscalationCard).where(
        card_scope_clause(None if scope.city_wide else scope.department_id)
    )
    if color is not None:
        stmt = stmt.where(EscalationCard.color == color)
    if department_id is not None:
        stmt = stmt.where(EscalationCard.department_id == department_id)
    return await _page(session, stmt, col(EscalationCard.id), first=first, after=after)


async def red_card_board(
    *,
    session: AsyncSession,
    open_only: bool = True,
    first: int = MAX_PAGE,
    after: int | None = None,
) -> Page[EscalationCard]:
    """The coordination office's board: red cards city-wide (by default only still open ones)."""
    stmt = select(EscalationCard).where(EscalationCard.color == CardColor.RED)
    if open_only:
        still_open = select(Push.id).where(
            or_(
                sa.and_(
                    col(Push.state) == PushState.AWAITING_CLAIM,
                    col(Push.id) == EscalationCard.push_id,
                    col(EscalationCard.stage) == CardStage.CLAIM,
                ),
                sa.and_(
                    col(Push.feedback_state) == FeedbackState.OPEN,
                    col(Push.id) == EscalationCard.push_id,
                    col(EscalationCard.stage) == CardStage.FEEDBACK,
                ),
            )
        )
        stmt = stmt.where(sa.exists(still_open))
    return await _page(session, stmt, col(EscalationCard.id), first=first, after=after)


async def pushes_by_ids(*, session: AsyncSession, ids: Sequence[int]) -> list[Push | None]:
    rows = (await session.exec(select(Push).where(col(Push.id).in_(ids)))).all()
    return one_per_key(rows, ids, lambda r: r.id)


# ---------------------------------------------------------------- approval quality

QUALITY_WINDOWS = (3, 6, 12)  # months after completion
FALSE_COMMITMENT = "FALSE_COMMITMENT"  # supervision's result type for a false commitment


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass
class QualityFigures:
    """Per matter and approving department: licences with an abnormal finding within 3, 6 and
    12 months of completion; 告知承诺 acceptances whose commitment was found false."""

    matter_id: int
    department_id: int | None
    licences: int = 0
    abnormal_within: dict[int, int] | None = None
    commitments: int = 0
    false_commitments: int = 0

    def share(self, count: int, base: int) -> float | None:
        return round(count / base, 4) if base else None


async def approval_quality(
    *,
    session: AsyncSession,
    scope: Scope,
    matter_id: int | None = None,
    department_id: int | None = None,
) -> list[QualityFigures]:
    """One query: the licences and commitments with their abnormal feedback (outer join)."""
    stmt = (
        sa.select(
            col(Application.id),
            col(Application.matter_id),
            col(Application.approving_department_id),
            col(Application.status),
            col(Application.handling_mode),
            col(Application.completed_at),
            col(Feedback.found_on),
            col(Feedback.result_type),
        )
        .outerjoin(
            Feedback,
            sa.and_(
                col(Feedback.application_id) == Application.id, col(Feedback.abnormal).is_(True)
            ),
        )
        .where(
            or_(
                col(Application.status) == ApplicationStatus.APPROVED,
                sa.and_(
                    col(Application.handling_mode) == HandlingMode.NOTIFY_AND_COMMIT,
                    col(Application.accepted_at).is_not(None),
                ),
            )
        )
        .order_by(col(Application.matter_id), col(Application.id))
    )
    if not scope.city_wide:
        stmt = stmt.where(col(Application.approving_department_id) == scope.department_id)
    if matter_id is not None:
        stmt = stmt.where(col(Application.matter_id) == matter_id)
    if department_id is not None:
        stmt = stmt.where(col(Application.approving_department_id) == department_id)
    per_application: dict[int, list[Any]] = {}
    # sqlmodel's typed select() stops at four columns; this one has eight.
    for row in (await session.exec(stmt)).all():  # type: ignore[call-overload]
        per_application.setdefault(int(row[0] or 0), []).append(row)
    figures: dict[tuple[int, int | None], QualityFigures] = {}
    # A commitment found false by a verification task (核查不实) counts like the finding.
    untruthful = await facilitation.untruthful_application_ids(session, list(per_application))
    for application_id, rows in per_application.items():
        _, matter, department = rows[0][:3]
        entry = figures.setdefault(
            (matter, department),
            QualityFigures(matter, department, abnormal_within=dict.fromkeys(QUALITY_WINDOWS, 0)),
        )
        _tally(entry, rows, application_id in untruthful)
    return [figures[key] for key in sorted(figures, key=lambda k: (k[0], k[1] or 0))]


def _tally(entry: QualityFigures, rows: Sequence[Any], found_false: bool = False) -> None:
    """Count one application (its rows: one per abnormal feedback, or one without)."""
    status, mode, completed_at = rows[0][3:6]
    found = [(r[6], r[7]) for r in rows if r[6] is not None]
    if status == ApplicationStatus.APPROVED and completed_at is not None:
        entry.licences += 1
        done = local_date(completed_at)
        windows = entry.abnormal_within or {}
        for months in QUALITY_WINDOWS:
            end = add_months(done, months)
            if any(done <= day <= end for day, _ in found):
                windows[months] += 1
    if mode == HandlingMode.NOTIFY_AND_COMMIT:
        entry.commitments += 1
        if found_false or any(kind == FALSE_COMMITMENT for _, kind in found):
            entry.false_commitments += 1


async def monthly_summaries(session: AsyncSession, scope: Scope) -> Sequence[MonthlySummary]:
    """Newest first; a department sees its own, the coordination office every one (≤ 100)."""
    stmt = select(MonthlySummary).order_by(col(MonthlySummary.id).desc()).limit(MAX_PAGE)
    if not scope.city_wide:
        stmt = stmt.where(MonthlySummary.department_id == scope.department_id)
    return (await session.exec(stmt)).all()


async def monthly_summary(
    session: AsyncSession, summary_id: int, scope: Scope
) -> MonthlySummary | None:
    row = await session.get(MonthlySummary, summary_id)
    if row is None or not scope.covers_department(row.department_id):
        return None
    return row


# ---------------------------------------------------------------- credit flowing back


@dataclass(frozen=True)
class CreditChange:
    """One ``credit.level.changed`` event (docs/EVENTS.md), as approval reads it."""

    subject_code: str
    level: str
    joint_punished: bool
    score: int
    determined_at: datetime
    previous_level: str | None
    previous_joint_punished: bool | None
    rule_version: int | None
    deciding_rule: str

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> CreditChange:
        previous_jp = payload.get("previous_joint_punished")
        version = payload.get("rule_version")
        rules = "、".join(str(r.get("name") or "") for r in payload.get("rules") or [])
        summary = str(payload.get("summary") or "")
        deciding = summary + (f"；触发规则：{rules}" if rules else "")
        return cls(
            subject_code=str(payload["subject_code"]),
            level=str(payload["level"]),
            joint_punished=bool(payload.get("joint_punished")),
            score=int(payload.get("score") or 0),
            determined_at=datetime.fromisoformat(str(payload["determined_at"])),
            previous_level=payload.get("previous_level"),
            previous_joint_punished=None if previous_jp is None else bool(previous_jp),
            rule_version=None if version is None else int(version),
            deciding_rule=deciding[:1000],
        )


async def receive_credit_change(
    session: AsyncSession, payload: dict[str, Any]
) -> list[CreditNotice]:
    """信用记录自动推送至审批系统: every open application (submitted or accepted, not
    completed) of the subject gives its approving department a credit-change notice, live.

    The old level is credit's previous determination; at a first determination, the level the
    application was accepted with. Nothing to say (no old level, or the same) → no notice.
    Idempotent: one notice per application and determination.
    """
    change = CreditChange.from_payload(payload)
    stmt = (
        select(Application)
        .where(
            Application.applicant_key == change.subject_code,
            col(Application.status).in_(OPEN_STATUSES),
            col(Application.approving_department_id).is_not(None),
        )
        .order_by(col(Application.id))
    )
    applications = (await session.exec(stmt)).all()
    known = set(
        (
            await session.exec(
                select(CreditNotice.application_id).where(
                    col(CreditNotice.application_id).in_([a.id for a in applications]),
                    CreditNotice.determined_at == change.determined_at,
                )
            )
        ).all()
    )
    notices: list[CreditNotice] = []
    for application in applications:
        assert application.id is not None  # noqa: S101 - loaded rows have ids
        assert application.approving_department_id is not None  # noqa: S101 - filtered above
        before = change.previous_level or application.credit_level
        before_jp = (
            change.previous_joint_punished
            if change.previous_level is not None
            else application.credit_joint_punished
        )
        if application.id in known or before is None:
            continue
        if (before, bool(before_jp)) == (change.level, change.joint_punished):
            continue
        notices.append(
            CreditNotice(
                application_id=application.id,
                department_id=application.approving_department_id,
                subject_code=change.subject_code,
                applicant_name=application.applicant_name,
                previous_level=before,
                previous_joint_punished=before_jp,
                level=change.level,
                joint_punished=change.joint_punished,
                score=change.score,
                rule_version=change.rule_version,
                deciding_rule=change.deciding_rule,
                determined_at=change.determined_at,
            )
        )
    session.add_all(notices)
    await session.flush()
    for notice in notices:
        await live.notify(session, live.inbox_channel(notice.department_id), f"CREDIT:{notice.id}")
    return notices


def credit_notice_text(notice: CreditNotice) -> str:
    """The notice as the approving clerk reads it (no codes: 守信 / 一般 / 失信)."""
    punished = ""
    if notice.joint_punished and not notice.previous_joint_punished:
        punished = "，并被列入联合惩戒对象名单"
    elif notice.previous_joint_punished and not notice.joint_punished:
        punished = "，已移出联合惩戒对象名单"
    return (
        f"办件{notice.application_id}的申请人{notice.applicant_name}信用等级由"
        f"“{level_name(notice.previous_level)}”变为“{level_name(notice.level)}”{punished}。"
        f"认定依据：{notice.deciding_rule or '（信用子图未说明）'}"
    )


async def received_credit_notices(
    *,
    session: AsyncSession,
    department_id: int,
    first: int = MAX_PAGE,
    after: int | None = None,
) -> Page[CreditNotice]:
    stmt = select(CreditNotice).where(CreditNotice.department_id == department_id)
    return await _page(session, stmt, col(CreditNotice.id), first=first, after=after)


async def application_ids_in_scope(
    *, session: AsyncSession, ids: Sequence[int], scope: Scope
) -> list[bool]:
    """Per id: does the caller's responsibility scope cover that application?"""
    stmt = select(Application.id).where(col(Application.id).in_(ids), application_scope(scope))
    seen = {int(i) for i in (await session.exec(stmt)).all() if i is not None}
    return [i in seen for i in ids]
