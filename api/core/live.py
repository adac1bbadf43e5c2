"""Live updates for GraphQL subscriptions: an open inbox hears about new pushes and feedback.

``notify(session, channel, message)`` is transactional: PostgreSQL delivers ``pg_notify`` at
commit to every process (each process keeps one dedicated asyncpg connection that LISTENs);
on SQLite (one process serves the inbox and runs the embedded worker) messages wait in the
session until commit, then go to in-process queues. Messages are short ids, never documents:
NOTIFY has no replay, so a client refetches after reconnecting.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
from sqlalchemy import event, text
from sqlalchemy.orm import Session
from sqlmodel.ext.asyncio.session import AsyncSession

_PENDING_KEY = "shenguan.live.pending"
_queues: dict[str, set[asyncio.Queue[str]]] = defaultdict(set)
_pg_listener: asyncpg.Connection | None = None
_pg_channels: set[str] = set()
_pg_lock = asyncio.Lock()


def _fan_out(channel: str, message: str) -> None:
    for queue in list(_queues.get(channel, ())):
        queue.put_nowait(message)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    pending: list[tuple[str, str]] = session.info.pop(_PENDING_KEY, [])
    for channel, message in pending:
        _fan_out(channel, message)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING_KEY, None)


async def notify(session: AsyncSession, channel: str, message: str) -> None:
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        await session.exec(  # type: ignore[call-overload]
            text("SELECT pg_notify(:channel, :message)").bindparams(
                channel=channel, message=message
            )
        )
        return
    session.sync_session.info.setdefault(_PENDING_KEY, []).append((channel, message))


def _plain_url(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


async def _ensure_pg_listening(channel: str, url: str) -> None:
    global _pg_listener  # noqa: PLW0603 - one LISTEN connection per process
    async with _pg_lock:
        if _pg_listener is None or _pg_listener.is_closed():
            _pg_listener = await asyncpg.connect(_plain_url(url))
            _pg_channels.clear()
        if channel not in _pg_channels:

            def relay(_conn: Any, _pid: int, name: str, payload: str) -> None:
                _fan_out(name, payload)

            await _pg_listener.add_listener(channel, relay)
            _pg_channels.add(channel)


async def listen(session: AsyncSession, channel: str) -> AsyncIterator[str]:
    """Messages on ``channel`` from now on (same database as ``session``), until the
    subscriber goes away."""
    queue: asyncio.Queue[str] = asyncio.Queue()
    _queues[channel].add(queue)
    try:
        url = session.get_bind().engine.url
        if url.get_backend_name() == "postgresql":
            await _ensure_pg_listening(channel, url.render_as_string(hide_password=False))
        while True:
            yield await queue.get()
    finally:
        _queues[channel].discard(queue)
        with contextlib.suppress(KeyError):
            if not _queues[channel]:
                del _queues[channel]


def inbox_channel(department_id: int) -> str:
    return f"inbox_{department_id}"
