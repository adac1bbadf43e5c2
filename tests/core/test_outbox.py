"""The outbox delivers at least once, receivers are idempotent, failures retry then dead-letter."""

import itertools
from datetime import UTC, datetime

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import select

from api.core import events
from api.core.db import session_factory, session_scope
from api.core.events import InboxReceipt, OutboxMessage, OutboxStatus

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
    consumers = events.ConsumerTable()

    @consumers.handles(topic, consumer="test")
    async def handler(_session, message):
        seen.append(message.key)

    async with session_factory(engine)() as session:
        await events.emit(session, topic=topic, key="lost", payload={})
        await session.rollback()
    await events.dispatch_pending(engine, consumers, topics=[topic])
    assert seen == []


async def test_delivered_once_per_consumer_even_when_dispatched_again(engine):
    topic = _topic()
    seen: list[tuple[str, str]] = []
    consumers = events.ConsumerTable()

    @consumers.handles(topic, consumer="a")
    async def first(_session, message):
        seen.append(("a", message.key))

    @consumers.handles(topic, consumer="b")
    async def second(_session, message):
        seen.append(("b", message.key))

    message_id = await _emit(engine, topic, "k1")
    await events.dispatch_pending(engine, consumers, topics=[topic])
    await events.dispatch_pending(engine, consumers, topics=[topic])

    assert seen == [("a", "k1"), ("b", "k1")]
    assert (await _load(engine, message_id)).status == OutboxStatus.DELIVERED


async def test_failing_handler_is_retried_with_backoff_then_dead_lettered(engine, monkeypatch):
    topic = _topic()
    calls = []
    consumers = events.ConsumerTable()

    @consumers.handles(topic, consumer="flaky")
    async def failing(_session, message):
        calls.append(message.id)
        raise RuntimeError("provider down")

    monkeypatch.setattr(events, "backoff", lambda _attempts: __import__("datetime").timedelta(0))
    message_id = await _emit(engine, topic)
    for _ in range(events.MAX_ATTEMPTS + 2):
        await events.dispatch_pending(engine, consumers, topics=[topic])

    message = await _load(engine, message_id)
    assert len(calls) == events.MAX_ATTEMPTS
    assert message.status == OutboxStatus.DEAD
    assert message.last_error == "RuntimeError('provider down')"

    async with session_scope(engine) as session:
        assert await events.retry_dead(session, message_id) is not None
    assert (await _load(engine, message_id)).status == OutboxStatus.PENDING


async def test_message_without_a_consumer_is_never_marked_delivered(engine):
    topic = _topic()
    message_id = await _emit(engine, topic)

    await events.dispatch_pending(engine, events.ConsumerTable(), topics=[topic])

    message = await _load(engine, message_id)
    assert (message.status, message.attempts, message.delivered_at) == (
        OutboxStatus.PENDING,
        1,
        None,
    )
    assert message.last_error == f'NoConsumerError("no consumer registered for topic {topic!r}")'


def test_a_consumer_handles_a_topic_once_per_table_and_across_merged_tables():
    first, second = events.ConsumerTable(), events.ConsumerTable()

    async def handler(_session, _message):
        return None

    first.handles("t", consumer="c")(handler)
    with pytest.raises(ValueError, match="consumer 'c' handles 't' twice"):
        first.handles("t", consumer="c")(handler)
    second.handles("t", consumer="c")(handler)
    with pytest.raises(ValueError, match="consumer 'c' handles 't' twice"):
        events.ConsumerTable.merge([first, second])


def test_backoff_doubles_and_is_capped():
    assert [events.backoff(n).total_seconds() for n in (1, 2, 3)] == [2.0, 4.0, 8.0]
    assert events.backoff(50).total_seconds() == events.MAX_BACKOFF_SECONDS


async def _effects(engine: AsyncEngine, topic: str) -> list[str]:
    """Keys of the messages handlers emitted on ``topic`` (an effect that commits or not)."""
    from sqlmodel import col, select  # noqa: PLC0415

    stmt = select(OutboxMessage.key).where(OutboxMessage.topic == topic)
    async with session_factory(engine)() as session:
        rows = await session.exec(stmt.order_by(col(OutboxMessage.id)))
        return list(rows.all())


async def test_a_failing_message_in_a_batch_rolls_back_only_its_own_effects(engine):
    topic, effect = _topic(), _topic()
    consumers = events.ConsumerTable()

    @consumers.handles(topic, consumer="effects")
    async def handler(session, message):
        await events.emit(session, topic=effect, key=message.key, payload={})
        if message.key == "bad":
            raise RuntimeError("this one fails")

    ids = [await _emit(engine, topic, key) for key in ("a", "bad", "c")]
    tried = await events.dispatch_pending(engine, consumers, topics=[topic], batch=10)

    assert tried == 3
    assert await _effects(engine, effect) == ["a", "c"]  # the failure's effect rolled back
    good, bad, last = [await _load(engine, i) for i in ids]
    assert (good.status, last.status) == (OutboxStatus.DELIVERED, OutboxStatus.DELIVERED)
    assert (good.attempts, good.delivered_at is not None) == (1, True)
    assert (bad.status, bad.attempts) == (OutboxStatus.PENDING, 1)
    assert bad.last_error == "RuntimeError('this one fails')"


async def test_commit_now_ends_the_batch_after_its_message(engine):
    topic = _topic()
    seen: list[str] = []
    consumers = events.ConsumerTable()

    @consumers.handles(topic, consumer="external")
    async def handler(session, message):
        seen.append(message.key)
        session.info[events.COMMIT_NOW] = True  # e.g. an SMS handed to a provider

    ids = [await _emit(engine, topic, key) for key in ("a", "b", "c")]
    async with session_factory(engine)() as session, session.begin():
        tried = await events.process_batch(session, consumers, size=10, topics=[topic])

    assert (tried, seen) == (1, ["a"])
    statuses = [(await _load(engine, i)).status for i in ids]
    assert statuses == [OutboxStatus.DELIVERED, OutboxStatus.PENDING, OutboxStatus.PENDING]
    await events.dispatch_pending(engine, consumers, topics=[topic])
    assert seen == ["a", "b", "c"]  # each once, one transaction each


async def test_a_batch_preload_answers_for_present_rows_and_once_for_absent_ones(engine):
    present = await _emit(engine, _topic())
    missing = present + 1_000_000
    async with session_factory(engine)() as session, session.begin():
        session.info[events.BATCH_CACHE] = {}
        await events.preload_rows(session, OutboxMessage, [present, missing])
        queries: list[str] = []

        def count(_conn, _cursor, statement, *_args):
            queries.append(statement)

        sync_engine = session.bind.sync_engine  # type: ignore[union-attr]
        sa_event.listen(sync_engine, "before_cursor_execute", count)
        try:
            found = await events.batch_get(session, OutboxMessage, present)
            first = await events.batch_get(session, OutboxMessage, missing)
            assert queries == []  # both answered by the preload
            again = await events.batch_get(session, OutboxMessage, missing)
            assert len(queries) == 1  # the row may have been made since: the database is asked
        finally:
            sa_event.remove(sync_engine, "before_cursor_execute", count)
    assert (found is not None and found.id, first, again) == (present, None, None)


async def test_outside_a_batch_an_absent_row_is_looked_up(engine):
    async with session_factory(engine)() as session:
        assert events.take_absent(session, OutboxMessage, 1) is False


async def test_a_failure_after_several_successes_commits_each_success_once(engine):
    topic, effect = _topic(), _topic()
    consumers = events.ConsumerTable()
    runs: list[str] = []

    @consumers.handles(topic, consumer="effects")
    async def handler(session, message):
        runs.append(message.key)
        await events.emit(session, topic=effect, key=message.key, payload={})
        if message.key == "bad":
            raise RuntimeError("this one fails")

    keys = ("a", "b", "bad", "c", "d")
    ids = [await _emit(engine, topic, key) for key in keys]
    tried = await events.dispatch_pending(engine, consumers, topics=[topic], batch=10)

    assert tried == 5
    assert await _effects(engine, effect) == ["a", "b", "c", "d"]
    # a and b ran again after the failure undid their run; bad ran once; c and d once.
    assert runs == ["a", "b", "bad", "a", "b", "c", "d"]
    statuses = [(await _load(engine, i)).status for i in ids]
    assert (
        statuses
        == [OutboxStatus.DELIVERED] * 2 + [OutboxStatus.PENDING] + [OutboxStatus.DELIVERED] * 2
    )


async def test_a_failing_preload_leaves_the_other_preloads_and_every_message_delivered(engine):
    first, failing, last = _topic(), _topic(), _topic()
    consumers = events.ConsumerTable()
    preloaded: list[str] = []

    @consumers.preloads(first)
    @consumers.preloads(last)
    async def remember(session, messages):
        preloaded.extend(m.topic for m in messages)

    @consumers.preloads(failing)
    async def broken(session, messages):
        await session.exec(text("SELECT no_such_column FROM core_outbox"))

    delivered: list[str] = []
    for topic in (first, failing, last):

        @consumers.handles(topic, consumer="c")
        async def handler(session, message):
            delivered.append(message.topic)

    for topic in (first, failing, last):
        await _emit(engine, topic)
    tried = await events.dispatch_pending(
        engine, consumers, topics=[first, failing, last], batch=10
    )

    assert tried == 3
    assert delivered == [first, failing, last]
    assert preloaded == [first, last]  # the one after the failure ran in a savepoint of its own


async def _receipts_of(engine: AsyncEngine, consumer: str) -> list[int]:
    async with session_factory(engine)() as session:
        stmt = select(InboxReceipt.message_id).where(InboxReceipt.consumer == consumer)
        return sorted((await session.exec(stmt)).all())


async def test_deferred_inserts_are_one_statement_per_run_and_seen_by_later_handlers(engine):
    topic = _topic()
    tag = f"deferred.{topic}"  # rows of a real table with a unique pair, apart from receipts
    consumers = events.ConsumerTable()
    seen: dict[str, int] = {}

    @consumers.handles(topic, consumer="writer")
    async def handler(session, message):
        await events.insert_later(
            session, InboxReceipt, {"consumer": tag, "message_id": 10**9 + message.id}
        )
        if message.key == "read":  # a query of the table sees the run's rows so far
            stmt = select(InboxReceipt.id).where(InboxReceipt.consumer == tag)
            seen[message.key] = len((await session.exec(stmt)).all())

    ids = [await _emit(engine, topic, key) for key in ("a", "b", "read", "c")]
    inserts: list[int] = []

    def count(_conn, _cursor, statement, parameters, _context, executemany):
        if statement.startswith("INSERT INTO core_inbox"):
            inserts.append(len(parameters) if executemany else 1)

    sa_event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        tried = await events.dispatch_pending(engine, consumers, topics=[topic], batch=10)
    finally:
        sa_event.remove(engine.sync_engine, "before_cursor_execute", count)

    assert (tried, seen) == (4, {"read": 3})
    assert await _receipts_of(engine, tag) == [10**9 + i for i in ids]
    # a, b and read's rows before read's query, c's at the end of the run, then the
    # outbox's own receipts: three statements, not one per row.
    assert len(inserts) == 3
    statuses = {(await _load(engine, i)).status for i in ids}
    assert statuses == {OutboxStatus.DELIVERED}


async def test_a_deferred_insert_that_fails_is_the_failure_of_its_message_alone(engine):
    topic = _topic()
    tag = f"deferred.{topic}"
    consumers = events.ConsumerTable()
    runs: list[str] = []

    @consumers.handles(topic, consumer="writer")
    async def handler(session, message):
        runs.append(message.key)
        # "dup" writes the row "a" wrote: the unique pair fails when the run's rows are written.
        key = ids[0] if message.key == "dup" else message.id
        await events.insert_later(session, InboxReceipt, {"consumer": tag, "message_id": key})

    ids: list[int] = []
    ids.extend([await _emit(engine, topic, key) for key in ("a", "dup", "c")])
    tried = await events.dispatch_pending(engine, consumers, topics=[topic], batch=10)

    assert tried == 3
    # The run's write failed: its messages ran again one by one, each with its own rows.
    assert runs == ["a", "dup", "c", "a", "dup", "c"]
    assert await _receipts_of(engine, tag) == [ids[0], ids[2]]
    good, dup, last = [await _load(engine, i) for i in ids]
    assert (good.status, last.status) == (OutboxStatus.DELIVERED, OutboxStatus.DELIVERED)
    assert (dup.status, dup.attempts) == (OutboxStatus.PENDING, 1)
    assert "IntegrityError" in (dup.last_error or "")


async def test_outside_a_batch_a_deferred_insert_is_written_at_once(engine):
    tag = f"deferred.{_topic()}"
    async with session_scope(engine) as session:
        await events.insert_later(session, InboxReceipt, {"consumer": tag, "message_id": 7})
        stmt = select(InboxReceipt.message_id).where(InboxReceipt.consumer == tag)
        assert (await session.exec(stmt)).all() == [7]
