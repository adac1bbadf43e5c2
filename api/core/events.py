"""Transactional outbox: events are rows written in the same transaction as their cause.

- ``emit(session, topic=..., key=..., payload=...)`` adds a PENDING row; it commits (or rolls
  back) with the change that caused it, so an event exists exactly when its cause does.
- Each subgraph's ``handlers.py`` fills its own ``ConsumerTable`` with
  ``@consumers.handles(topic, consumer=...)``; the composition root (``api/registry.py``)
  merges them and hands the table to whoever delivers, so nothing registers by import alone.
  A handler runs in its own transaction together with an inbox receipt (consumer, message
  id), so redelivery of a message already handled is a no-op (at-least-once delivery,
  idempotent receivers). A message whose topic has no consumer in the table is never marked
  delivered: it fails like a failing handler (retried, then DEAD) with an error naming the
  topic, and ``check_emitted`` refuses to start a worker for topics nobody consumes.
- ``process_one`` / ``process_batch`` / ``dispatch_pending`` deliver due rows: success marks
  DELIVERED; failure schedules a retry with exponential backoff; after ``MAX_ATTEMPTS`` the
  row is DEAD (visible in the graph, retryable by an administrator). On PostgreSQL rows are
  claimed with ``FOR UPDATE SKIP LOCKED`` for the length of their transaction, so any number
  of workers (``api/core/worker.py``) share the work; a killed worker's rows are simply due
  again. ``dispatch_pending`` claims a batch per transaction (``BATCH_SIZE``) and commits
  once per batch; a handler with an effect outside the database (an SMS to a provider) ends
  its batch with ``COMMIT_NOW``. Handlers get the claimed rows as plain ``ClaimedMessage``
  values and insert what they write with ``insert_later`` / ``execute_later``: one executemany
  per table and run of messages, inside the run's savepoint (``_deliver_run``).

Topics and payloads are documented in docs/EVENTS.md.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cache
from typing import Any, Protocol, TypeVar

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.sql import util as sql_util
from sqlalchemy.sql.dml import UpdateBase
from sqlmodel import Field, SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core import metrics
from api.core.models import str_enum, utcnow

log = logging.getLogger("shenguan.outbox")
ModelT = TypeVar("ModelT", bound=SQLModel)

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


class Message(Protocol):
    """What a handler reads of a message: an ``OutboxMessage`` row, or a batch's
    ``ClaimedMessage`` (a plain copy of the claimed row, no ORM object)."""

    @property
    def id(self) -> int | None: ...
    @property
    def topic(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def payload(self) -> dict[str, Any]: ...
    @property
    def attempts(self) -> int: ...
    @property
    def created_at(self) -> datetime: ...


@dataclass(slots=True)
class ClaimedMessage:
    """A row ``process_batch`` claimed, as plain values: building an ORM object for each
    claimed row cost more CPU than its handlers, and a savepoint's rollback cannot expire it."""

    id: int
    topic: str
    key: str
    payload: dict[str, Any]
    status: OutboxStatus
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None


Handler = Callable[[AsyncSession, Message], Awaitable[None]]
# Loads, in one query, what a topic's handlers will read of a whole batch (into the session's
# identity map); only saves queries, so a failing preload is logged and the handlers load alone.
Preload = Callable[[AsyncSession, Sequence[Message]], Awaitable[None]]


@dataclass(frozen=True)
class Subscription:
    consumer: str
    handler: Handler


class NoConsumerError(RuntimeError):
    """A message's topic has no consumer in the table it is delivered with."""

    def __init__(self, topic: str) -> None:
        super().__init__(f"no consumer registered for topic {topic!r}")
        self.topic = topic


class MissingConsumersError(RuntimeError):
    """Topics some subgraph emits that no consumer in the table handles (start-up check)."""

    def __init__(self, missing: Mapping[str, str]) -> None:
        listed = ", ".join(
            f"{topic} (emitted by {owner})" for topic, owner in sorted(missing.items())
        )
        super().__init__(f"no consumer registered for: {listed}")
        self.topics = tuple(sorted(missing))


class ConsumerTable:
    """Topic → the consumers that handle it; each subgraph's ``handlers.py`` owns one."""

    def __init__(self) -> None:
        self._subscriptions: dict[str, list[Subscription]] = {}
        self._preloads: dict[str, list[Preload]] = {}

    def preloads(self, topic: str) -> Callable[[Preload], Preload]:
        """Register a batch preload for ``topic`` (``process_batch`` calls it once a batch)."""

        def register(preload: Preload) -> Preload:
            self._preloads.setdefault(topic, []).append(preload)
            return preload

        return register

    def preloads_for(self, topic: str) -> Sequence[Preload]:
        return tuple(self._preloads.get(topic, ()))

    def handles(self, topic: str, *, consumer: str) -> Callable[[Handler], Handler]:
        """Register ``handler`` for ``topic`` under a stable consumer name (once per pair)."""

        def register(handler: Handler) -> Handler:
            self._add(topic, Subscription(consumer, handler))
            return handler

        return register

    def _add(self, topic: str, subscription: Subscription) -> None:
        entries = self._subscriptions.setdefault(topic, [])
        if any(s.consumer == subscription.consumer for s in entries):
            msg = f"consumer {subscription.consumer!r} handles {topic!r} twice"
            raise ValueError(msg)
        entries.append(subscription)

    def subscriptions(self, topic: str) -> Sequence[Subscription]:
        return tuple(self._subscriptions.get(topic, ()))

    def topics(self) -> frozenset[str]:
        return frozenset(t for t, subs in self._subscriptions.items() if subs)

    @classmethod
    def merge(cls, tables: Iterable[ConsumerTable]) -> ConsumerTable:
        merged = cls()
        for table in tables:
            for topic, entries in table._subscriptions.items():  # noqa: SLF001 - same class
                for subscription in entries:
                    merged._add(topic, subscription)
            for topic, preloads in table._preloads.items():  # noqa: SLF001
                merged._preloads.setdefault(topic, []).extend(preloads)
        return merged


def check_emitted(consumers: ConsumerTable, emitted: Mapping[str, str]) -> None:
    """Every emitted topic (topic → emitting subgraph) has a consumer, or this raises."""
    missing = {t: owner for t, owner in emitted.items() if not consumers.subscriptions(t)}
    if missing:
        raise MissingConsumersError(missing)


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


async def _handle(
    session: AsyncSession, message: OutboxMessage, consumers: ConsumerTable
) -> list[str]:
    """The consumers that handled ``message`` now (not those that had already)."""
    assert message.id is not None  # noqa: S101 - loaded rows have ids
    subscriptions = consumers.subscriptions(message.topic)
    if not subscriptions:
        raise NoConsumerError(message.topic)
    done = set(
        (
            await session.exec(
                select(InboxReceipt.consumer).where(InboxReceipt.message_id == message.id)
            )
        ).all()
    )
    handled: list[str] = []
    for subscription in subscriptions:
        if subscription.consumer in done:
            continue
        await subscription.handler(session, message)
        session.add(InboxReceipt(consumer=subscription.consumer, message_id=message.id))
        handled.append(subscription.consumer)
    await session.flush()
    return handled


async def process_one(
    session: AsyncSession, consumers: ConsumerTable, *, topics: Collection[str] | None = None
) -> bool:
    """Deliver the oldest due message inside ``session``'s open transaction.

    ``consumers`` is the table of handlers (``api.registry.consumer_table()`` in the product);
    ``topics`` limits delivery to those topics (tests that bring their own table).

    The row is locked with ``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so parallel workers
    never handle one message at the same time; a worker that dies mid-message loses its
    connection, its transaction rolls back and the row is due again (at-least-once). SQLite
    ignores the lock clause: the embedded product runs a single worker. The handlers run in
    a savepoint, so a failure is recorded on the still-locked row. Returns False when
    nothing was due.
    """
    now = utcnow()
    stmt = (
        select(OutboxMessage)
        .where(OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.next_attempt_at <= now)
        .order_by(col(OutboxMessage.id))
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    if topics is not None:
        stmt = stmt.where(col(OutboxMessage.topic).in_(list(topics)))
    message = (await session.exec(stmt)).first()
    if message is None:
        return False
    try:
        async with session.begin_nested():
            handled = await _handle(session, message, consumers)
    except Exception as exc:  # noqa: BLE001 - any handler failure is retried
        await session.refresh(message)  # the savepoint's rollback may have expired it
        _fail(message, repr(exc))
        metrics.OUTBOX_FAILURES.labels(message.topic).inc()
    else:
        for consumer in handled:
            metrics.OUTBOX_DELIVERED.labels(consumer).inc()
        message.status = OutboxStatus.DELIVERED
        message.delivered_at = utcnow()
        message.attempts += 1
        message.last_error = None
    session.add(message)
    await session.flush()
    return True


def _fail(message: OutboxMessage | ClaimedMessage, error: str) -> None:
    message.attempts += 1
    message.last_error = error[:2000]
    if message.attempts >= MAX_ATTEMPTS:
        message.status = OutboxStatus.DEAD
    else:
        message.next_attempt_at = utcnow() + backoff(message.attempts)


# Messages claimed per transaction: PostgreSQL's workers share rows through SKIP LOCKED, so a
# batch costs the others nothing; SQLite has one writer, and a batch holds its write lock.
BATCH_SIZE = {"postgresql": 100, "sqlite": 20}
DEFAULT_BATCH_SIZE = 20
# A handler sets this in ``session.info`` when it has had an effect outside the database (an
# SMS handed to a real provider): the batch commits right after that message, so a worker
# killed mid-batch can have at most one such effect unrecorded (``api/approval/services/sms.py``).
COMMIT_NOW = "outbox.commit_now"
# ``session.info`` key of a dict that lives for one batch: what a handler may reuse across the
# batch's messages (an SMS template read once; ``api/core/sms_templates.py``).
BATCH_CACHE = "outbox.batch_cache"


def batch_size(engine: AsyncEngine) -> int:
    return BATCH_SIZE.get(engine.dialect.name, DEFAULT_BATCH_SIZE)


async def _claim(
    session: AsyncSession, size: int, topics: Collection[str] | None
) -> tuple[list[ClaimedMessage], dict[int, set[str]]]:
    """The oldest due rows, locked (``SKIP LOCKED``), and the consumers that handled each."""
    now = utcnow()
    table = OutboxMessage.__table__  # type: ignore[attr-defined]
    stmt = (
        sa.select(table)
        .where(table.c.status == OutboxStatus.PENDING, table.c.next_attempt_at <= now)
        .order_by(table.c.id)
        .limit(size)
        .with_for_update(skip_locked=True)
    )
    if topics is not None:
        stmt = stmt.where(table.c.topic.in_(list(topics)))
    messages = [ClaimedMessage(**row._asdict()) for row in (await session.execute(stmt)).all()]
    if not messages:
        return [], {}
    ids = [m.id for m in messages]
    done: dict[int, set[str]] = {}
    receipts = await session.execute(
        sa.select(InboxReceipt.consumer, InboxReceipt.message_id).where(  # type: ignore[call-overload]
            col(InboxReceipt.message_id).in_(ids)
        )
    )
    for consumer, message_id in receipts.all():
        done.setdefault(int(message_id), set()).add(str(consumer))
    return messages, done


async def process_batch(
    session: AsyncSession,
    consumers: ConsumerTable,
    *,
    size: int,
    topics: Collection[str] | None = None,
) -> int:
    """Deliver up to ``size`` due messages inside ``session``'s open transaction.

    The same guarantees as ``process_one``, for many rows at once: the oldest due rows are
    claimed with one ``FOR UPDATE SKIP LOCKED LIMIT size`` (PostgreSQL; SQLite runs a single
    worker), their receipts are read with one query, the topics' preloads read what the
    handlers will need, the messages' handlers run in one savepoint (``_deliver_run``: a failure
    rolls back that message's effects and receipts only, and is recorded on its row for a
    retry), and the new receipts and the delivered rows are written with one
    statement each before the caller commits. Handled messages commit together; a worker
    killed mid-batch rolls them all back and they are due again (the receipts make that
    harmless). A handler that set ``COMMIT_NOW`` ends the batch after its message: the rows
    claimed after it are released unhandled at commit. Returns how many messages were tried.
    """
    tried, _claimed = await _process_batch(session, consumers, size=size, topics=topics)
    return tried


async def _process_batch(
    session: AsyncSession,
    consumers: ConsumerTable,
    *,
    size: int,
    topics: Collection[str] | None,
) -> tuple[int, int]:
    """``process_batch``: (messages tried, rows claimed)."""
    messages, done = await _claim(session, size, topics)
    if not messages:
        return 0, 0
    session.info[BATCH_CACHE] = {}
    sa.event.listen(session.sync_session, "do_orm_execute", _write_before)
    try:
        if len(messages) > 1:  # a preload costs a savepoint: worth it for several rows
            await _preload(session, messages, consumers)
        return await _deliver(session, messages, done, consumers), len(messages)
    finally:
        sa.event.remove(session.sync_session, "do_orm_execute", _write_before)
        session.info.pop(BATCH_CACHE, None)


def keep_for_batch(session: AsyncSession, rows: Iterable[object]) -> None:
    """Hold preloaded rows for the rest of the batch: the session's identity map keeps
    unchanged objects only weakly, and ``session.get`` finds them only while they live."""
    cache = session.info.get(BATCH_CACHE)
    if cache is not None:
        cache.setdefault("rows", []).extend(rows)


_ABSENT = "absent"


def note_absent(session: AsyncSession, namespace: object, keys: Iterable[object]) -> None:
    """A preload found no row for ``keys`` (in ``namespace``: a model or a name): the batch's
    handlers may create them without asking again (``take_absent``)."""
    cache = session.info.get(BATCH_CACHE)
    if cache is not None:
        cache.setdefault((_ABSENT, namespace), set()).update(keys)


def take_absent(session: AsyncSession, namespace: object, key: object) -> bool:
    """True once for a key a preload of this batch found absent; a second call (the row may
    have been made since) and any call outside a batch say False: ask the database."""
    cache = session.info.get(BATCH_CACHE)
    absent: set[object] | None = cache.get((_ABSENT, namespace)) if cache is not None else None
    if absent is None or key not in absent:
        return False
    absent.discard(key)
    return True


async def preload_rows(session: AsyncSession, model: type[SQLModel], keys: Iterable[Any]) -> None:
    """Load the rows of ``model`` whose primary key is in ``keys`` in one query for the rest of
    the batch (``batch_get`` then finds them, or knows they are absent, without a query)."""
    wanted = set(keys)
    if not wanted:
        return
    (pk,) = sa.inspect(model).primary_key
    rows = (await session.exec(select(model).where(pk.in_(wanted)))).all()
    keep_for_batch(session, rows)
    note_absent(session, model, wanted - {getattr(row, pk.key) for row in rows})


async def batch_get(session: AsyncSession, model: type[ModelT], key: Any) -> ModelT | None:
    """``session.get`` that trusts a batch preload's finding that the row is absent."""
    if take_absent(session, model, key):
        return None
    return await session.get(model, key)


async def _preload(
    session: AsyncSession, messages: Sequence[ClaimedMessage], consumers: ConsumerTable
) -> None:
    by_topic: dict[str, list[Message]] = {}
    for message in messages:
        by_topic.setdefault(message.topic, []).append(message)
    plan = [
        (topic, group, preload)
        for topic, group in by_topic.items()
        for preload in consumers.preloads_for(topic)
    ]
    ran = 0
    try:  # one savepoint for all of them (they only read); a failure falls back to one each
        async with session.begin_nested():
            for _topic, group, preload in plan:
                await preload(session, group)
                ran += 1
    except Exception:
        log.exception("outbox preload for %s failed; handlers load alone", plan[ran][0])
    else:
        return
    for topic, group, preload in plan[ran + 1 :]:  # what was read before the failure stays true
        try:
            async with session.begin_nested():
                await preload(session, group)
        except Exception:
            log.exception("outbox preload for %s failed; handlers load alone", topic)


@dataclass
class _Outcome:
    """What a batch's delivery did: messages tried, new receipts, delivered ids."""

    tried: int = 0
    receipts: list[dict[str, Any]] = field(default_factory=list)
    delivered: list[int] = field(default_factory=list)
    handled_by: list[str] = field(default_factory=list)


class _SegmentFailed(Exception):  # noqa: N818 - internal signal, never escapes
    def __init__(
        self, index: int, error: Exception, *, commit_now: bool, writes: bool = False
    ) -> None:
        super().__init__(repr(error))
        self.index, self.error, self.commit_now = index, error, commit_now
        # The run's deferred writes failed: which of messages[: index + 1] wrote the bad row
        # is not known, so they are delivered again one by one.
        self.writes = writes


class DeferredWriteFailed(Exception):  # noqa: N818 - wraps the database's error
    """The rows a run deferred (``insert_later``) could not be written."""


@dataclass
class _Deferred:
    """Writes a run's handlers deferred (``insert_later``, ``execute_later``): per statement,
    its parameter sets, executed with one executemany each (in the order each statement was
    first deferred) at the end of the run, or before any statement of the run that reads or
    writes one of their tables (read-your-writes inside the run, as the ORM's autoflush)."""

    writes: dict[sa.Executable, tuple[str, list[dict[str, Any]]]] = field(default_factory=dict)

    def add(self, statement: sa.Executable, table: sa.Table, params: dict[str, Any]) -> None:
        entry = self.writes.get(statement)
        if entry is None:
            self.writes[statement] = (table.name, [params])
        else:
            entry[1].append(params)

    def touches(self, statement: sa.Executable) -> bool:
        if not self.writes:
            return False
        if not isinstance(statement, sa.ClauseElement) or isinstance(statement, sa.TextClause):
            return True  # cannot tell what it reads
        names = {name for name, _ in self.writes.values()}
        found = sql_util.find_tables(
            statement,
            include_aliases=True,
            include_joins=True,
            include_selects=True,
            include_crud=True,
        )
        return any(getattr(t, "name", None) in names for t in found)

    def take(self) -> list[tuple[sa.Executable, list[dict[str, Any]]]]:
        taken = [(statement, params) for statement, (_, params) in self.writes.items()]
        self.writes = {}
        return taken


DEFERRED = "outbox.deferred"


@cache
def _column_defaults(model: type[SQLModel]) -> tuple[sa.Table, tuple[tuple[str, Any], ...]]:
    """``model``'s table and, per column a handler may leave out, how to fill it as the ORM
    would (the field's default or default factory; an autoincrement key is left out)."""
    table: sa.Table = model.__table__  # type: ignore[attr-defined]
    defaults: list[tuple[str, Any]] = []
    for column in table.columns:
        info = model.model_fields.get(column.key)
        if info is None:
            continue
        if info.default_factory is not None:
            defaults.append((column.key, info.default_factory))
        elif not info.is_required():
            if column.primary_key and info.default is None:
                continue  # the database numbers it
            value = info.default
            defaults.append((column.key, lambda value=value: value))
    return table, tuple(defaults)


async def insert_later(
    session: AsyncSession, model: type[SQLModel], row: Mapping[str, Any]
) -> None:
    """Insert ``row`` (column → value; the model's defaults fill what it leaves out) into
    ``model``'s table with the rest of the run's rows (``process_batch``: one executemany per
    table and run, no ORM object, no flush per message); outside a batch, at once. A failing
    insert fails the run, which is delivered again message by message (``_deliver_run``)."""
    table, defaults = _column_defaults(model)
    values = dict(row)
    for key, make in defaults:
        if key not in values:
            values[key] = make()
    await execute_later(session, _insert_of(table), table, values)


@cache
def _insert_of(table: sa.Table) -> sa.Insert:
    return sa.insert(table)


async def insert_new(session: AsyncSession, row: SQLModel) -> None:
    """``insert_later`` of a new (transient) model object's column values; the object stays
    outside the session (read the row again to change it)."""
    table, _ = _column_defaults(type(row))
    values = {}
    for column in table.columns:
        value = getattr(row, column.key)
        if value is None and column.primary_key and column.autoincrement in (True, "auto"):
            continue
        values[column.key] = value
    await insert_later(session, type(row), values)


async def execute_later(
    session: AsyncSession, statement: UpdateBase, table: sa.Table, params: dict[str, Any]
) -> None:
    """Execute ``statement`` (an INSERT or UPDATE of ``table`` with bound parameters; one
    statement object shared by all callers) with ``params`` together with the run's other
    parameter sets for it (one executemany per statement and run); outside a batch, at once."""
    deferred: _Deferred | None = session.info.get(DEFERRED)
    if deferred is None:
        await session.exec(statement, params=params)
    else:
        deferred.add(statement, table, params)


def _write_deferred(session: Session) -> None:
    """Execute the run's deferred writes now (one executemany per statement)."""
    deferred: _Deferred | None = session.info.get(DEFERRED)
    if deferred is None or not deferred.writes:
        return
    connection = session.connection()
    for statement, params in deferred.take():
        connection.execute(statement, params)


def _write_before(state: ORMExecuteState) -> None:
    """``do_orm_execute`` of a delivering session: a statement that reads or writes a table
    with deferred writes sees them done first."""
    deferred: _Deferred | None = state.session.info.get(DEFERRED)
    if deferred is None or not deferred.touches(state.statement):
        return
    try:
        _write_deferred(state.session)
    except Exception as exc:
        raise DeferredWriteFailed(repr(exc)) from exc


async def _deliver(
    session: AsyncSession,
    messages: Sequence[ClaimedMessage],
    done: Mapping[int, set[str]],
    consumers: ConsumerTable,
) -> int:
    outcome = _Outcome()
    session.info.pop(COMMIT_NOW, None)
    await _deliver_run(session, list(messages), done, consumers, outcome)
    if outcome.receipts:
        await session.execute(sa.insert(InboxReceipt), outcome.receipts)
    if outcome.delivered:
        table = OutboxMessage.__table__  # type: ignore[attr-defined]
        await session.execute(
            sa.update(table)
            .where(table.c.id.in_(outcome.delivered))
            .values(
                status=OutboxStatus.DELIVERED,
                delivered_at=utcnow(),
                attempts=table.c.attempts + 1,
                last_error=None,
            )
        )
    for consumer in outcome.handled_by:
        metrics.OUTBOX_DELIVERED.labels(consumer).inc()
    return outcome.tried


async def _deliver_run(
    session: AsyncSession,
    messages: list[ClaimedMessage],
    done: Mapping[int, set[str]],
    consumers: ConsumerTable,
    outcome: _Outcome,
) -> bool:
    """Deliver consecutive ``messages`` in one savepoint (the run's receipts and status
    updates are two statements, its handlers' ``insert_later`` rows one per table, written
    at the end of the run); True when a message set ``COMMIT_NOW`` (the batch ends there).

    When a message's handlers fail, the savepoint rolls back the whole run: the messages
    before it are delivered again in a new run (their effects were undone with it), the
    failure is recorded on its row alone (retried with backoff, as ever), and the messages
    after it go on in a run of their own. When the run's deferred writes fail, its messages
    are delivered again one by one, so the failure lands on the message that wrote the bad
    row. Each message's effects still commit exactly when its receipt and its DELIVERED
    status do."""
    if not messages:
        return False
    ran: list[tuple[ClaimedMessage, list[str]]] = []
    stop = False
    try:
        async with session.begin_nested():
            session.info[DEFERRED] = _Deferred()
            try:
                for index, message in enumerate(messages):
                    try:
                        handled = await _run_handlers(
                            session, message, consumers, done.get(message.id, set())
                        )
                    except Exception as exc:  # any handler failure is retried
                        raise _SegmentFailed(
                            index,
                            exc,
                            commit_now=bool(session.info.pop(COMMIT_NOW, False)),
                            writes=isinstance(exc, DeferredWriteFailed),
                        ) from exc
                    ran.append((message, handled))
                    if session.info.pop(COMMIT_NOW, False):
                        stop = True
                        break
                try:
                    await session.flush()
                    await session.run_sync(_write_deferred)
                except Exception as exc:  # which message wrote the bad row is found below
                    raise _SegmentFailed(len(ran) - 1, exc, commit_now=stop, writes=True) from exc
            finally:
                session.info.pop(DEFERRED, None)
    except _SegmentFailed as failed:
        return await _after_failure(session, messages, failed, done, consumers, outcome)
    stamp = utcnow()
    for message, handled in ran:
        outcome.tried += 1
        outcome.receipts += [
            {"consumer": c, "message_id": message.id, "handled_at": stamp} for c in handled
        ]
        outcome.handled_by += handled
        outcome.delivered.append(message.id)
    return stop


async def _after_failure(
    session: AsyncSession,
    messages: list[ClaimedMessage],
    failed: _SegmentFailed,
    done: Mapping[int, set[str]],
    consumers: ConsumerTable,
    outcome: _Outcome,
) -> bool:
    """A run rolled back: deliver again what it undid, record the failure, go on after it."""
    if failed.writes and failed.index > 0:
        for message in messages[: failed.index + 1]:  # one by one: each alone with its rows
            if await _deliver_run(session, [message], done, consumers, outcome):
                return True
    else:
        if await _deliver_run(session, messages[: failed.index], done, consumers, outcome):
            return True  # not expected: the same messages set no COMMIT_NOW the first time
        failing = messages[failed.index]
        outcome.tried += 1
        await _record_failure(session, failing, repr(failed.error))
        metrics.OUTBOX_FAILURES.labels(failing.topic).inc()
    if failed.commit_now:
        return True
    return await _deliver_run(session, messages[failed.index + 1 :], done, consumers, outcome)


async def _run_handlers(
    session: AsyncSession, message: Message, consumers: ConsumerTable, done: set[str]
) -> list[str]:
    """Run the consumers of ``message`` that have no receipt yet; the ones that ran now. What
    they add to the session is flushed with the run (or by the next query), not per message."""
    subscriptions = consumers.subscriptions(message.topic)
    if not subscriptions:
        raise NoConsumerError(message.topic)
    handled: list[str] = []
    for subscription in subscriptions:
        if subscription.consumer in done:
            continue
        await subscription.handler(session, message)
        handled.append(subscription.consumer)
    return handled


async def _record_failure(session: AsyncSession, message: ClaimedMessage, error: str) -> None:
    """``_fail`` on a claimed row (its values are the claim's: the row is locked)."""
    _fail(message, error)
    table = OutboxMessage.__table__  # type: ignore[attr-defined]
    await session.execute(
        sa.update(table)
        .where(table.c.id == message.id)
        .values(
            status=message.status,
            attempts=message.attempts,
            last_error=message.last_error,
            next_attempt_at=message.next_attempt_at,
        )
    )


async def dispatch_pending(
    engine: AsyncEngine,
    consumers: ConsumerTable,
    *,
    limit: int = 100,
    topics: Collection[str] | None = None,
    batch: int | None = None,
    stop: asyncio.Event | None = None,
) -> int:
    """Deliver up to ``limit`` due messages, ``batch`` per transaction (``process_batch``;
    by default ``batch_size(engine)``), ending between batches once ``stop`` is set;
    returns how many were tried."""
    from api.core.db import session_factory  # noqa: PLC0415 - avoids an import cycle

    factory = session_factory(engine)
    largest = max(1, batch or batch_size(engine))
    size = largest
    tried = 0
    while tried < limit and not (stop is not None and stop.is_set()):
        async with factory() as session, session.begin():
            done, claimed = await _process_batch(
                session, consumers, size=min(size, limit - tried), topics=topics
            )
        if done == 0:
            break
        tried += done
        # A batch cut short (``COMMIT_NOW``: SMS to a provider) claims no more rows than it
        # handled next time; a full one doubles again, up to the batch size.
        size = done if done < claimed else min(largest, size * 2)
    return tried


async def dead_letters(
    session: AsyncSession, *, after_id: int | None = None, limit: int = 100
) -> Sequence[OutboxMessage]:
    stmt = select(OutboxMessage).where(OutboxMessage.status == OutboxStatus.DEAD)
    if after_id is not None:
        stmt = stmt.where(col(OutboxMessage.id) > after_id)
    return (await session.exec(stmt.order_by(col(OutboxMessage.id)).limit(limit))).all()


async def count_dead(session: AsyncSession) -> int:
    stmt = (
        select(sa.func.count())
        .select_from(OutboxMessage)
        .where(OutboxMessage.status == OutboxStatus.DEAD)
    )
    return int((await session.exec(stmt)).one())


async def retry_dead(session: AsyncSession, message_id: int) -> OutboxMessage | None:
    """An administrator sends a dead-lettered message round again."""
    message = await session.get(OutboxMessage, message_id)
    if message is None or message.status != OutboxStatus.DEAD:
        return None
    message.status = OutboxStatus.PENDING
    message.attempts = 0
    message.last_error = None
    message.next_attempt_at = utcnow()
    session.add(message)
    await session.flush()
    return message
