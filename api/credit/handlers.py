"""Outbox consumers of the credit subgraph (topics in docs/EVENTS.md)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel.ext.asyncio.session import AsyncSession

from api.core import events
from api.core.events import OutboxMessage
from api.credit import services
from api.credit.services import lookups

CONSUMER = "credit"
consumers = events.ConsumerTable()


@consumers.preloads("approval.application.accepted")
async def preload_applicants(session: AsyncSession, messages: Sequence[OutboxMessage]) -> None:
    codes = [str(m.payload["applicant_code"]) for m in messages]
    await services.preload_event_subjects(session=session, codes=codes)


@consumers.handles("approval.application.accepted", consumer=CONSUMER)
async def on_application_accepted(session: AsyncSession, message: OutboxMessage) -> None:
    """An applicant the credit system has not seen yet is registered under its name."""
    payload = message.payload
    await services.ensure_subject(
        session=session, code=str(payload["applicant_code"]), name=payload.get("applicant_name")
    )
    if payload.get("application_number"):  # older messages did not carry it
        await lookups.note_application_number(
            session=session,
            application_id=int(payload["application_id"]),
            number=str(payload["application_number"]),
        )


@consumers.handles("approval.application.completed", consumer=CONSUMER)
async def on_application_completed(session: AsyncSession, message: OutboxMessage) -> None:
    """Every approved, completed application becomes a 行政许可 record."""
    await services.record_completed_approval(session=session, payload=message.payload)


@consumers.handles("supervision.finding.recorded", consumer=CONSUMER)
async def on_finding_recorded(session: AsyncSession, message: OutboxMessage) -> None:
    """A supervision result becomes a record when the aggregation rules say so."""
    await services.record_supervision_finding(session=session, payload=message.payload)


@consumers.handles("approval.commitment.found_false", consumer=CONSUMER)
async def on_commitment_found_false(session: AsyncSession, message: OutboxMessage) -> None:
    """A commitment a supervising department found false becomes a 信用承诺失信 record."""
    await services.record_false_commitment(session=session, payload=message.payload)


@consumers.handles("catalog.linkage_list.published", consumer=CONSUMER)
async def on_list_published(session: AsyncSession, message: OutboxMessage) -> None:
    """Department names for the records' sources and issuing authorities."""
    await services.store_department_names(session=session, payload=message.payload)
