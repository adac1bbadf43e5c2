"""Live updates for GraphQL subscriptions: an open inbox hears about new pushes and feedback.

``notify(session, channel, message)`` is transactional: PostgreSQL delivers ``pg_notify`` at
commit to every process (each process keeps one dedicated asyncpg connection that LISTENs);
on SQLite (one process serves the inbox and runs the embedded worker) messages wait in the
session until commit, then go to in-process queues. Messages are short ids, never documents:
NOTIFY has no replay, so a client refetches after reconnecting.

The LISTEN connection heals (``api/core/listener.py``): after a loss it reconnects with
backoff, and every open subscription then receives ``RESYNC_MESSAGE`` (kind ``RESYNC``), on
which the web app refetches what it shows, since what was notified in between is lost.
A process that notifies while its own listener is reconnecting (the database is back, the
listener's backoff not yet over) first brings the listener back, so that its own
subscribers hear that message rather than only the RESYNC (the next push after an outage
reaches an inbox opened before it). Other processes' listeners may still be in their backoff
then: a message notified while this process has just seen the database come back
(``listener.just_recovered()``) is sent once more after the longest backoff, after commit,
so an inbox held by another process hears it too (a client may get that message twice; it
only refetches).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import Session
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core import listener as listeners
from api.core.listener import CONNECT_TIMEOUT_SECONDS, MAX_BACKOFF_SECONDS, PgListener

_PENDING_KEY = "shenguan.live.pending"
_RESEND_KEY = "shenguan.live.resend"
# After an outage: when to send a message again, for listeners still in their backoff.
RESEND_AFTER_SECONDS = MAX_BACKOFF_SECONDS + 1.0
_resends: set[asyncio.Task[None]] = set()
RESYNC_MESSAGE = "RESYNC:"  # the listener reconnected: refetch, something may have been missed
# How long a notifying transaction waits for this process's listener to be back.
RECONNECT_WAIT_SECONDS = 2.0
_queues: dict[str, set[asyncio.Queue[str]]] = defaultdict(set)
_pg_listener: PgListener | None = None


def _fan_out(channel: str, message: str) -> None:
    for queue in list(_queues.get(channel, ())):
        queue.put_nowait(message)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    pending: list[tuple[str, str]] = session.info.pop(_PENDING_KEY, [])
    for channel, message in pending:
        _fan_out(channel, message)
    for channel, message in session.info.pop(_RESEND_KEY, []):
        task = asyncio.get_running_loop().create_task(
            listeners.notify_later(channel, message, RESEND_AFTER_SECONDS)
        )
        _resends.add(task)
        task.add_done_callback(_resends.discard)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING_KEY, None)
    session.info.pop(_RESEND_KEY, None)


async def notify(session: AsyncSession, channel: str, message: str) -> None:
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        if _pg_listener is not None and not _pg_listener.listening:
            # NOTIFY reaches only connections listening at commit: ours must be back first.
            _pg_listener.wake()
            await _pg_listener.wait_listening(RECONNECT_WAIT_SECONDS)
        await session.exec(  # type: ignore[call-overload]
            text("SELECT pg_notify(:channel, :message)").bindparams(
                channel=channel, message=message
            )
        )
        if listeners.just_recovered():
            session.sync_session.info.setdefault(_RESEND_KEY, []).append((channel, message))
        return
    session.sync_session.info.setdefault(_PENDING_KEY, []).append((channel, message))


def _resync_everyone() -> None:
    for channel in list(_queues):
        _fan_out(channel, RESYNC_MESSAGE)


def _listener_for(url: str) -> PgListener:
    global _pg_listener  # noqa: PLW0603 - one LISTEN connection per process
    if _pg_listener is None:
        _pg_listener = PgListener(
            url, relay=_fan_out, on_reconnect=_resync_everyone, name="live events"
        )
    _pg_listener.start()
    return _pg_listener


def listener_state() -> dict[str, Any]:
    """For ``/readiness``: the live-events listener (started by the first subscriber)."""
    if _pg_listener is None:
        return {"state": "idle", "reconnects": 0, "error": None}
    return _pg_listener.describe()


async def close() -> None:
    global _pg_listener  # noqa: PLW0603 - one LISTEN connection per process
    if _pg_listener is not None:
        await _pg_listener.stop()
        _pg_listener = None


async def listen(session: AsyncSession, channel: str) -> AsyncIterator[str]:
    """Messages on ``channel`` from now on (same database as ``session``), until the
    subscriber goes away."""
    queue: asyncio.Queue[str] = asyncio.Queue()
    _queues[channel].add(queue)
    try:
        url = session.get_bind().engine.url
        if url.get_backend_name() == "postgresql":
            listener = _listener_for(url.render_as_string(hide_password=False))
            await listener.add(channel)
            # The first subscriber waits for the connection (later ones find it listening);
            # if the database is away, the stream stays open and gets RESYNC when it is back.
            await listener.wait_listening(CONNECT_TIMEOUT_SECONDS)
        while True:
            yield await queue.get()
    finally:
        _queues[channel].discard(queue)
        with contextlib.suppress(KeyError):
            if not _queues[channel]:
                del _queues[channel]


def inbox_channel(department_id: int) -> str:
    return f"inbox_{department_id}"
