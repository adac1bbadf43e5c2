"""Outbox consumers of the credit subgraph (topics in docs/EVENTS.md)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from sqlmodel.ext.asyncio.session import AsyncSession

from api.core import events
from api.core.events import Message
from api.credit import services
from api.credit.services import lookups

CONSUMER = "credit"
consumers = events.ConsumerTable()


@consumers.preloads("approval.application.accepted")
async def preload_applicants(session: AsyncSession, messages: Sequence[Message]) -> None:
    codes = [str(m.payload["applicant_code"]) for m in messages]
    await services.preload_event_subjects(session=session, codes=codes)


@consumers.handles("approval.application.accepted", consumer=CONSUMER)
async def on_application_accepted(session: AsyncSession, message: Message) -> None:
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


# The events that become credit data from their payload alone, and what each becomes.
RECORDERS: dict[str, Callable[..., Awaitable[object]]] = {
    # Every approved, completed application becomes a 行政许可 record.
    "approval.application.completed": services.record_completed_approval,
    # A supervision result becomes a record when the aggregation rules say so.
    "supervision.finding.recorded": services.record_supervision_finding,
    # A commitment a supervising department found false becomes a 信用承诺失信 record.
    "approval.commitment.found_false": services.record_false_commitment,
    # Department names for the records' sources and issuing authorities.
    "catalog.linkage_list.published": services.store_department_names,
}


def _recording(record: Callable[..., Awaitable[object]]) -> events.Handler:
    async def handle(session: AsyncSession, message: Message) -> None:
        await record(session=session, payload=message.payload)

    return handle


for _topic, _record in RECORDERS.items():
    consumers.handles(_topic, consumer=CONSUMER)(_recording(_record))
