"""Supervision's outbox consumers (``consumers``; merged by ``api.registry``)."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from api.core import events
from api.core.events import OutboxMessage
from api.supervision import services

CONSUMER = "supervision"
consumers = events.ConsumerTable()


@consumers.handles("catalog.linkage_list.published", consumer=CONSUMER)
async def on_list_published(session: AsyncSession, message: OutboxMessage) -> None:
    await services.store_published_list(session, message.payload)


@consumers.handles("approval.push.created", consumer=CONSUMER)
async def on_push_created(session: AsyncSession, message: OutboxMessage) -> None:
    await services.store_received_push(session, message.payload)
