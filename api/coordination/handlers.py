"""Outbox consumers of the coordination subgraph: they feed the fact store (docs/EVENTS.md)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from api.coordination.models import ApplicationFact, LookupFact, PushFact
from api.coordination.services import actions, facts
from api.core import events
from api.core.events import Message

CONSUMER = "coordination"
consumers = events.ConsumerTable()


@consumers.handles("catalog.linkage_list.published", consumer=CONSUMER)
async def on_list_published(session: AsyncSession, message: Message) -> None:
    """The list version in the fact store; then REVISE_LIST actions of escalations whose
    linkages it changed (``added`` / ``changed`` / ``removed``) are done."""
    payload = message.payload
    await facts.record_published_list(session, payload)
    published_at = facts.parse_time(payload["published_at"])
    assert published_at is not None  # noqa: S101 - the payload always carries it
    await actions.apply_list_revision(
        session,
        version=int(payload["version"]),
        published_at=published_at,
        added=[int(i) for i in payload.get("added", [])],
        changed=[int(i) for i in payload.get("changed", [])],
        removed=[int(i) for i in payload.get("removed", [])],
    )


@consumers.preloads("approval.application.accepted")
@consumers.preloads("approval.application.completed")
async def preload_applications(session: AsyncSession, messages: Sequence[Message]) -> None:
    """A batch's application facts in one query (the upserts below then read none)."""
    keys = [int(m.payload["application_id"]) for m in messages]
    await events.preload_rows(session, ApplicationFact, keys)


@consumers.preloads("approval.push.created")
@consumers.preloads("approval.push.claimed")
async def preload_pushes(session: AsyncSession, messages: Sequence[Message]) -> None:
    await events.preload_rows(session, PushFact, [int(m.payload["push_id"]) for m in messages])


@consumers.preloads("credit.lookup.recorded")
async def preload_lookups(session: AsyncSession, messages: Sequence[Message]) -> None:
    await events.preload_rows(session, LookupFact, [int(m.payload["lookup_id"]) for m in messages])


@consumers.handles("approval.push.created", consumer=CONSUMER)
async def on_push_created(session: AsyncSession, message: Message) -> None:
    await facts.record_push(session, message.payload, emitted_at=message.created_at)


# The other events the fact store records from their payload alone.
RECORDERS: dict[str, Callable[[AsyncSession, dict[str, Any]], Awaitable[None]]] = {
    "approval.application.accepted": facts.record_application,
    "approval.application.completed": facts.record_application,
    "approval.push.claimed": facts.record_claim,
    "approval.feedback.due": facts.record_feedback_due,
    "approval.feedback.recorded": facts.record_feedback,
    "supervision.finding.recorded": facts.record_finding,
    "credit.lookup.recorded": facts.record_lookup,
}


def _recording(
    record: Callable[[AsyncSession, dict[str, Any]], Awaitable[None]],
) -> events.Handler:
    async def handle(session: AsyncSession, message: Message) -> None:
        await record(session, message.payload)

    return handle


for _topic, _record in RECORDERS.items():
    consumers.handles(_topic, consumer=CONSUMER)(_recording(_record))
