"""Transactional outbox: events are rows written in the same transaction as their cause.

- ``emit(session, topic=..., key=..., payload=...)`` adds a PENDING row; it commits (or rolls
  back) with the change that caused it, so an event exists exactly when its cause does.
- Consumers register handlers with ``@handles(topic, consumer=...)``; a handler runs in its
  own transaction together with an inbox receipt (consumer, message id), so redelivery of
  a message already handled is a no-op (at-least-once delivery, idempotent receivers).
- ``dispatch_pending`` delivers due rows: success marks DELIVERED; failure schedules a retry
  with exponential backoff; after ``MAX_ATTEMPTS`` the row is DEAD (visible, retryable).

Topics and payloads are documented in docs/EVENTS.md.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import Field, SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core.models import str_enum, utcnow

MAX_ATTEMPTS = 8
BASE_BACKOFF_SECONDS = 2.0
MAX_BACKOFF_SECONDS = 600.0


class OutboxStatus(StrEnum):
    PENDING = "PENDING"
    DELIVERED = "DELIVERED"
    DEAD = "DEAD"


class OutboxMessage(SQLModel, table=True):
    __tablename__ = "core_outbox"
    __table_args__ = (sa.Index("ix_core_outbox_due", "status", "next_attempt_at"),)

    id: int | None = Field(default=None, primary_key=True)
    topic: str = Field(max_length=100, index=True)
    key: str = Field(max_length=100)
    payload: dict[str, Any] = Field(sa_type=sa.JSON)
    status: OutboxStatus = Field(default=OutboxStatus.PENDING, sa_type=str_enum(OutboxStatus))
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow)
    last_error: str | None = Field(default=None, max_length=2000)
    created_at: datetime = Field(default_factory=utcnow)
    delivered_at: datetime | None = None


class InboxReceipt(SQLModel, table=True):
    """A consumer has handled a message: the unique pair makes redelivery harmless."""

    __tablename__ = "core_inbox"
    __table_args__ = (sa.UniqueConstraint("consumer", "message_id"),)

    id: int | None = Field(default=None, primary_key=True)
    consumer: str = Field(max_length=100)
    message_id: int = Field(index=True)
    handled_at: datetime = Field(default_factory=utcnow)


Handler = Callable[[AsyncSession, OutboxMessage], Awaitable[None]]


@dataclass(frozen=True)
class Subscription:
    consumer: str
    handler: Handler


_subscriptions: dict[str, list[Subscription]] = defaultdict(list)


def handles(topic: str, *, consumer: str) -> Callable[[Handler], Handler]:
    """Register ``handler`` for ``topic`` under a stable consumer name."""

    def register(handler: Handler) -> Handler:
        if not any(s.consumer == consumer for s in _subscriptions[topic]):
            _subscriptions[topic].append(Subscription(consumer, handler))
        return handler

    return register


def subscriptions(topic: str) -> Sequence[Subscription]:
    return tuple(_subscriptions.get(topic, ()))


async def emit(
    session: AsyncSession, *, topic: str, key: str, payload: dict[str, Any]
) -> OutboxMessage:
    message = OutboxMessage(topic=topic, key=key, payload=payload)
    session.add(message)
    await session.flush()
    return message


def backoff(attempts: int) -> timedelta:
    return timedelta(
        seconds=min(BASE_BACKOFF_SECONDS * 2 ** max(attempts - 1, 0), MAX_BACKOFF_SECONDS)
    )


async def _handle(session: AsyncSession, message: OutboxMessage) -> None:
    assert message.id is not None  # noqa: S101 - loaded rows have ids
    for subscription in subscriptions(message.topic):
        receipt = await session.exec(
            select(InboxReceipt).where(
                InboxReceipt.consumer == subscription.consumer,
                InboxReceipt.message_id == message.id,
            )
        )
        if receipt.first() is not None:
            continue
        await subscription.handler(session, message)
        session.add(InboxReceipt(consumer=subscription.consumer, message_id=message.id))
        await session.flush()


async def dispatch_pending(engine: AsyncEngine, *, limit: int = 100) -> int:
    """Deliver up to ``limit`` due messages, one transaction each; returns how many were tried."""
    from api.core.db import session_factory  # noqa: PLC0415 - avoids an import cycle

    factory = session_factory(engine)
    async with factory() as session:
        now = datetime.now(UTC)
        due = await session.exec(
            select(OutboxMessage.id)
            .where(
                OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.next_attempt_at <= now
            )
            .order_by(col(OutboxMessage.id))
            .limit(limit)
        )
        ids = list(due.all())
    for message_id in ids:
        async with factory() as session:
            message = await session.get(OutboxMessage, message_id)
            if message is None or message.status != OutboxStatus.PENDING:
                continue
            try:
                await _handle(session, message)
            except Exception as exc:  # noqa: BLE001 - any handler failure is retried
                await session.rollback()
                await _record_failure(factory, message_id, repr(exc))
                continue
            message.status = OutboxStatus.DELIVERED
            message.delivered_at = datetime.now(UTC)
            message.attempts += 1
            session.add(message)
            await session.commit()
    return len(ids)


async def _record_failure(factory: Any, message_id: int, error: str) -> None:
    async with factory() as session:
        message = await session.get(OutboxMessage, message_id)
        if message is None:
            return
        message.attempts += 1
        message.last_error = error[:2000]
        if message.attempts >= MAX_ATTEMPTS:
            message.status = OutboxStatus.DEAD
        else:
            message.next_attempt_at = datetime.now(UTC) + backoff(message.attempts)
        session.add(message)
        await session.commit()


async def retry_dead(session: AsyncSession, message_id: int) -> OutboxMessage | None:
    """An administrator sends a dead-lettered message round again."""
    message = await session.get(OutboxMessage, message_id)
    if message is None or message.status != OutboxStatus.DEAD:
        return None
    message.status = OutboxStatus.PENDING
    message.attempts = 0
    message.next_attempt_at = datetime.now(UTC)
    session.add(message)
    await session.flush()
    return message
