"""The outbox delivers at least once, receivers are idempotent, failures retry then dead-letter."""

import itertools
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncEngine

from api.core import events
from api.core.db import session_factory, session_scope
from api.core.events import OutboxMessage, OutboxStatus

_topics = itertools.count()


def _topic() -> str:
    return f"test.topic.{next(_topics)}.{datetime.now(UTC).timestamp()}"


async def _emit(engine: AsyncEngine, topic: str, key: str = "k") -> int:
    async with session_scope(engine) as session:
        message = await events.emit(session, topic=topic, key=key, payload={"n": 1})
        assert message.id is not None
        return message.id


async def _load(engine: AsyncEngine, message_id: int) -> OutboxMessage:
    async with session_factory(engine)() as session:
        message = await session.get(OutboxMessage, message_id)
        assert message is not None
        return message


async def test_event_rolled_back_with_its_cause_is_never_delivered(engine):
    topic = _topic()
    seen: list[str] = []

    @events.handles(topic, consumer="test")
    async def handler(_session, message):
        seen.append(message.key)

    async with session_factory(engine)() as session:
        await events.emit(session, topic=topic, key="lost", payload={})
        await session.rollback()
    await events.dispatch_pending(engine)
    assert seen == []


async def test_delivered_once_per_consumer_even_when_dispatched_again(engine):
    topic = _topic()
    seen: list[tuple[str, str]] = []

    @events.handles(topic, consumer="a")
    async def first(_session, message):
        seen.append(("a", message.key))

    @events.handles(topic, consumer="b")
    async def second(_session, message):
        seen.append(("b", message.key))

    message_id = await _emit(engine, topic, "k1")
    await events.dispatch_pending(engine)
    await events.dispatch_pending(engine)

    assert seen == [("a", "k1"), ("b", "k1")]
    assert (await _load(engine, message_id)).status == OutboxStatus.DELIVERED


async def test_failing_handler_is_retried_with_backoff_then_dead_lettered(engine, monkeypatch):
    topic = _topic()
    calls = []

    @events.handles(topic, consumer="flaky")
    async def failing(_session, message):
        calls.append(message.id)
        raise RuntimeError("provider down")

    monkeypatch.setattr(events, "backoff", lambda _attempts: __import__("datetime").timedelta(0))
    message_id = await _emit(engine, topic)
    for _ in range(events.MAX_ATTEMPTS + 2):
        await events.dispatch_pending(engine)

    message = await _load(engine, message_id)
    assert len(calls) == events.MAX_ATTEMPTS
    assert message.status == OutboxStatus.DEAD
    assert message.last_error == "RuntimeError('provider down')"

    async with session_scope(engine) as session:
        assert await events.retry_dead(session, message_id) is not None
    assert (await _load(engine, message_id)).status == OutboxStatus.PENDING


def test_backoff_doubles_and_is_capped():
    assert [events.backoff(n).total_seconds() for n in (1, 2, 3)] == [2.0, 4.0, 8.0]
    assert events.backoff(50).total_seconds() == events.MAX_BACKOFF_SECONDS
