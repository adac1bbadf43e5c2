"""Reports from connected approval systems (idempotent acceptance/completion)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import (
    Application,
    ApplicationCreate,
    ApplicationStatus,
    ExternalReport,
    LegalDocumentCreate,
    Outcome,
    PushStage,
)
from api.approval.services import documents as document_files
from api.approval.services.applications import complete_application, submit_application
from api.approval.services.common import Actor, _now
from api.approval.services.linkage_list import version_in_force
from api.approval.services.pushes import _accepted_payload, _push
from api.core import events
from api.core.clock import (
    as_aware,
    parse_reported_time,
)
from api.core.errors import ValidationFailed


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
