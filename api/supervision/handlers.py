"""Supervision's outbox consumers (``consumers``; merged by ``api.registry``)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core import events
from api.core.events import Message
from api.supervision import services
from api.supervision.models import ReceivedPush

CONSUMER = "supervision"
consumers = events.ConsumerTable()


@consumers.handles("catalog.linkage_list.published", consumer=CONSUMER)
async def on_list_published(session: AsyncSession, message: Message) -> None:
    await services.store_published_list(session, message.payload)


@consumers.preloads("approval.push.created")
async def preload_received(session: AsyncSession, messages: Sequence[Message]) -> None:
    """Which of a batch's pushes are not received yet, in one query."""
    ids = {int(m.payload["push_id"]) for m in messages}
    stmt = select(ReceivedPush.push_id).where(col(ReceivedPush.push_id).in_(ids))
    events.note_absent(session, ReceivedPush, ids - set((await session.exec(stmt)).all()))


@consumers.handles("approval.push.created", consumer=CONSUMER)
async def on_push_created(session: AsyncSession, message: Message) -> None:
    await services.store_received_push(session, message.payload)
