"""Applications: submission, acceptance (受理) and completion (办结)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import (
    ApplicantKind,
    Application,
    ApplicationCreate,
    ApplicationStatus,
    HandlingMode,
    LegalDocument,
    LegalDocumentCreate,
    MeasureRecord,
    Outcome,
    PushStage,
)
from api.approval.services import documents as document_files
from api.approval.services import facilitation
from api.approval.services.common import (
    MODE_NAMES,
    STATUS_NAMES,
    Actor,
    IllegalTransitionError,
    _locked,
    _now,
    applicant_key_of,
    application_scope,
    level_name,
)
from api.approval.services.linkage_list import entries_for_matter, version_in_force
from api.approval.services.measures import MeasureSkip, decide_measures, propose_measures
from api.approval.services.pushes import (
    _accepted_payload,
    _document_payload,
    _measures_payload,
    _push,
)
from api.core import events
from api.core.credit_ticket import InvalidTicketError, verify_ticket
from api.core.errors import FieldIssue, ValidationFailed
from api.core.identifiers import id_number_problem, uscc_problem
from api.core.loaders import fetch_many_per_key, fetch_one_per_key
from api.core.scope import Scope
from api.core.subject_keys import subject_key


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


async def applications_by_ids(
    *, session: AsyncSession, ids: Sequence[int], scope: Scope | None = None
) -> list[Application | None]:
    """Applications by id; with a ``scope``, one outside it is ``None`` (not found)."""
    where = [application_scope(scope)] if scope is not None else []
    return await fetch_one_per_key(session, Application, Application.id, ids, where=where)


async def applications_by_matter_ids(
    *, session: AsyncSession, matter_ids: Sequence[int], scope: Scope | None = None
) -> list[list[Application]]:
    return await _applications_per_key(session, Application.matter_id, matter_ids, scope)


async def applications_by_applicant_codes(
    *, session: AsyncSession, codes: Sequence[str], scope: Scope | None = None
) -> list[list[Application]]:
    """A subject's applications by its key (USCC, or NP+hash for a natural person)."""
    return await _applications_per_key(session, Application.applicant_key, codes, scope)


async def _applications_per_key(
    session: AsyncSession, column: Any, keys: Sequence[Any], scope: Scope | None
) -> list[list[Application]]:
    return await fetch_many_per_key(
        session,
        Application,
        column,
        keys,
        where=[application_scope(scope)] if scope is not None else [],
        order_by=[col(Application.id)],
    )
