"""The fact store: events (docs/EVENTS.md) become rows keyed by the producer's id.

Every function is an upsert on that key, so a redelivered event changes nothing and events
that arrive out of order (a claim before its push) fill the same row. Durations are computed
here, per row, when both of their ends are known; statistics aggregate them in SQL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlmodel import SQLModel, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.coordination.models import (
    ApplicationFact,
    DepartmentFact,
    FindingFact,
    LinkageFact,
    LookupFact,
    PushFact,
)
from api.core import events

RowT = TypeVar("RowT", bound=SQLModel)


def parse_time(value: Any) -> datetime | None:
    """ISO 8601 → an aware UTC datetime (a naive value is taken as UTC)."""
    if value in (None, ""):
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _seconds(start: datetime | None, end: datetime | None) -> int | None:
    if start is None or end is None:
        return None
    return max(int((end - start).total_seconds()), 0)


async def _get_or_new(session: AsyncSession, model: type[RowT], key: int, **ident: int) -> RowT:
    row = await events.batch_get(session, model, key)  # a batch preload may know it is absent
    return row if row is not None else model(**ident)


async def _write(session: AsyncSession, row: SQLModel) -> None:
    """A new fact goes with the outbox run's other inserts (one per table and run); a loaded
    one is updated through the session."""
    if sa.inspect(row).transient:
        await events.insert_new(session, row)
    else:
        session.add(row)
        await session.flush()


async def record_published_list(session: AsyncSession, payload: dict[str, Any]) -> None:
    version = int(payload["version"])
    published_at = parse_time(payload["published_at"])
    assert published_at is not None  # noqa: S101 - the payload always carries it
    existing = await session.exec(
        select(LinkageFact.linkage_id).where(LinkageFact.list_version == version)
    )
    known = set(existing.all())
    for entry in payload.get("entries", []):
        for side in ("approving", "supervising"):
            name = entry.get(f"{side}_department_name")
            if name:
                dept_id = int(entry[f"{side}_department_id"])
                dept = await session.get(DepartmentFact, dept_id)
                if dept is None:
                    session.add(DepartmentFact(department_id=dept_id, name=str(name)))
                else:
                    dept.name = str(name)
                    session.add(dept)
                await session.flush()
        if int(entry["linkage_id"]) in known:
            continue
        session.add(
            LinkageFact(
                list_version=version,
                published_at=published_at,
                linkage_id=int(entry["linkage_id"]),
                approving_department_id=int(entry["approving_department_id"]),
                supervising_department_id=int(entry["supervising_department_id"]),
                channel=str(entry.get("channel", "ONLINE")),
            )
        )
    await session.flush()


async def record_application(session: AsyncSession, payload: dict[str, Any]) -> None:
    application_id = int(payload["application_id"])
    row = await _get_or_new(session, ApplicationFact, application_id, application_id=application_id)
    row.matter_id = payload.get("matter_id", row.matter_id)
    row.matter_name = payload.get("matter_name") or row.matter_name
    if payload.get("approving_department_id") is not None:
        row.approving_department_id = int(payload["approving_department_id"])
    row.applicant_code = payload.get("applicant_code", row.applicant_code)
    row.applicant_name = payload.get("applicant_name", row.applicant_name)
    row.handling_mode = payload.get("handling_mode", row.handling_mode)
    row.accepted_at = parse_time(payload.get("accepted_at")) or row.accepted_at
    measures = payload.get("measures")
    if measures is not None:
        incentives = [m for m in measures if m.get("kind") == "INCENTIVE"]
        row.facilitation_applied = sum(1 for m in incentives if m.get("decision") == "APPLIED")
        row.facilitation_skipped = sum(1 for m in incentives if m.get("decision") == "SKIPPED")
    if payload.get("completed_at"):
        row.completed_at = parse_time(payload["completed_at"])
        row.outcome = payload.get("outcome")
        row.legal_documents = list(payload.get("legal_documents") or [])
    await _write(session, row)


def _refresh_push(row: PushFact) -> None:
    row.claim_seconds = _seconds(row.created_at, row.claimed_at)
    row.feedback_seconds = _seconds(row.created_at, row.fed_back_at)
    if row.feedback_due_at is not None and row.fed_back_at is not None:
        row.feedback_on_time = row.fed_back_at <= row.feedback_due_at
    else:
        row.feedback_on_time = None


async def _push_fact(session: AsyncSession, payload: dict[str, Any]) -> PushFact:
    """The fact row of the payload's push, or a new one when this is its first event."""
    push_id = int(payload["push_id"])
    return await _get_or_new(session, PushFact, push_id, push_id=push_id)


async def _store_push(session: AsyncSession, row: PushFact) -> None:
    """Derive the push's durations and on-time flag again, then write it."""
    _refresh_push(row)
    await _write(session, row)


async def record_push(
    session: AsyncSession, payload: dict[str, Any], *, emitted_at: datetime
) -> None:
    row = await _push_fact(session, payload)
    row.application_id = int(payload["application_id"])
    row.department_id = int(payload["department_id"])
    row.stage = payload.get("stage")
    row.channel = payload.get("channel")
    # `created_at` is planned in the payload; until then the outbox row's time stands in.
    row.created_at = parse_time(payload.get("created_at")) or parse_time(emitted_at)
    row.claim_due_at = parse_time(payload.get("claim_due_at")) or row.claim_due_at
    row.feedback_due_at = parse_time(payload.get("feedback_due_at")) or row.feedback_due_at
    if payload.get("list_version") is not None:
        row.list_version = int(payload["list_version"])
    if payload.get("linkage_id") is not None:
        row.linkage_id = int(payload["linkage_id"])
    if "receive_liaison_name" in payload:
        row.liaison_name = str(payload.get("receive_liaison_name") or "")
        row.liaison_mobile = str(payload.get("receive_liaison_mobile") or "")
    if "responsibilities" in payload:
        row.responsibilities = list(payload.get("responsibilities") or [])
    if row.channel == "ONLINE" and row.claimed_at is None:
        row.claimed_at = row.created_at  # 推送即认领
        row.claim_method = "ONLINE"
    await _store_push(session, row)


async def record_claim(session: AsyncSession, payload: dict[str, Any]) -> None:
    row = await _push_fact(session, payload)
    claimed_at = parse_time(payload["claimed_at"])
    if row.claimed_at is None or (claimed_at is not None and claimed_at < row.claimed_at):
        row.claimed_at = claimed_at
    if payload.get("channel"):
        row.claim_method = str(payload["channel"])
    if payload.get("meeting_id") is not None:
        row.claim_meeting_id = int(payload["meeting_id"])
    await _store_push(session, row)


async def record_feedback_due(session: AsyncSession, payload: dict[str, Any]) -> None:
    row = await _push_fact(session, payload)
    row.feedback_due_at = parse_time(payload["due_at"])
    await _store_push(session, row)


async def record_feedback(session: AsyncSession, payload: dict[str, Any]) -> None:
    row = await _push_fact(session, payload)
    fed_back_at = parse_time(payload["fed_back_at"])
    if row.fed_back_at is None or (fed_back_at is not None and fed_back_at < row.fed_back_at):
        row.fed_back_at = fed_back_at
        # Payloads before `result` was added: a finding closing the push means abnormal.
        row.feedback_result = payload.get("result") or (
            "ABNORMAL_REPORTED" if payload.get("finding_id") else "NO_ABNORMALITY"
        )
    await _store_push(session, row)


async def record_finding(session: AsyncSession, payload: dict[str, Any]) -> None:
    finding_id = int(payload["finding_id"])
    row = await _get_or_new(session, FindingFact, finding_id, finding_id=finding_id)
    app_id = payload.get("application_id")
    row.application_id = int(app_id) if app_id is not None else None
    row.department_id = int(payload["department_id"])
    row.subject_code = payload.get("subject_code")
    row.kind = str(payload["kind"])
    row.abnormal = bool(payload.get("abnormal"))
    row.result_type = payload.get("result_type")
    row.found_on = date.fromisoformat(str(payload["found_on"]))
    row.recorded_at = parse_time(payload.get("recorded_at")) or row.recorded_at
    row.summary = str(payload.get("summary") or "")[:2000]
    session.add(row)
    await session.flush()


async def record_lookup(session: AsyncSession, payload: dict[str, Any]) -> None:
    lookup_id = int(payload["lookup_id"])
    row = await _get_or_new(session, LookupFact, lookup_id, lookup_id=lookup_id)
    app_id = payload.get("application_id")
    row.application_id = int(app_id) if app_id is not None else None
    row.department_id = int(payload["department_id"])
    row.subject_code = str(payload["subject_code"])
    row.channel = str(payload["channel"])
    looked_up_at = parse_time(payload["looked_up_at"])
    assert looked_up_at is not None  # noqa: S101 - required key
    row.looked_up_at = looked_up_at
    row.purpose = str(payload.get("purpose") or "")[:300]
    await _write(session, row)
