"""A PostgreSQL LISTEN connection that heals: reconnects with backoff after any loss.

NOTIFY reaches only a connection that is listening at that moment, and a connection can go
away under us (the server restarts, a network drop, an idle timeout). ``PgListener`` keeps
one dedicated asyncpg connection per purpose in a supervising task: it notices a loss
(asyncpg's termination listener, or a health query that fails or hangs), reconnects with a
doubling, capped backoff, listens again on every channel, and then calls ``on_reconnect``
because whatever was notified in between is gone (NOTIFY has no replay): the owner refetches
or reloads. ``state`` says where it is, for ``/readiness``.

NOTIFY reaches only the listeners of *other* processes that are listening at commit, too: right
after an outage a notification can be committed while another process's listener is still in
its backoff. ``just_recovered()`` tells a notifier so (a listener of its own is reconnecting or
reconnected a moment ago), and ``notify_later`` sends a message once more, after the longest
backoff, on whichever listener of this process is listening then (``api/core/live.py``).

``wake()`` cuts the backoff short: a process that has just reached the database itself (it
is about to notify) need not wait out the listener's next attempt, or its own notification
would be committed while it is not listening and be lost to its own subscribers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import weakref
from collections.abc import Callable
from enum import StrEnum
from typing import Any

import asyncpg

log = logging.getLogger("shenguan.listener")

Relay = Callable[[str, str], None]  # (channel, payload)

MIN_BACKOFF_SECONDS = 0.2
MAX_BACKOFF_SECONDS = 2.0
HEALTH_SECONDS = 5.0
CONNECT_TIMEOUT_SECONDS = 5.0


class ListenerState(StrEnum):
    IDLE = "idle"  # not started
    CONNECTING = "connecting"  # the first connection is being made
    LISTENING = "listening"
    RECONNECTING = "reconnecting"  # lost; trying again with backoff
    STOPPED = "stopped"


def plain_url(url: str) -> str:
    """asyncpg's own URL form (no SQLAlchemy driver suffix)."""
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


# Every listener of this process (the live events, the policy changes).
_LISTENERS: weakref.WeakSet[PgListener] = weakref.WeakSet()
# How long after its own reconnection a process treats the database as just back.
RECOVERY_WINDOW_SECONDS = 10.0


def just_recovered() -> bool:
    """Whether this process has just seen the database come and go: another process's
    listener may still be in its backoff, and miss a notification committed now."""
    now = time.monotonic()
    return any(
        listener.state == ListenerState.RECONNECTING
        or (
            listener.reconnected_at is not None
            and now - listener.reconnected_at < RECOVERY_WINDOW_SECONDS
        )
        for listener in list(_LISTENERS)
        if listener.state != ListenerState.STOPPED
    )


async def notify_later(channel: str, payload: str, delay: float) -> None:
    """``pg_notify`` once more after ``delay``, on a listening connection of this process
    (none listening: dropped; the other processes' reconnection resyncs their clients)."""
    await asyncio.sleep(delay)
    for listener in list(_LISTENERS):
        if listener.listening and await listener.send(channel, payload):
            return


class PgListener:
    def __init__(
        self,
        url: str,
        *,
        relay: Relay,
        on_reconnect: Callable[[], None] | None = None,
        name: str = "listener",
        min_backoff: float = MIN_BACKOFF_SECONDS,
        max_backoff: float = MAX_BACKOFF_SECONDS,
        health_seconds: float = HEALTH_SECONDS,
    ) -> None:
        self.url = plain_url(url)
        self.relay = relay
        self.on_reconnect = on_reconnect
        self.name = name
        self.min_backoff = min_backoff
        self.max_backoff = max_backoff
        self.health_seconds = health_seconds
        self.state = ListenerState.IDLE
        self.reconnects = 0
        self.reconnected_at: float | None = None  # monotonic, the last reconnection after a loss
        self.last_error: str | None = None
        self._channels: set[str] = set()
        self._conn: asyncpg.Connection | None = None
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self._listening = asyncio.Event()
        self._wake = asyncio.Event()
        _LISTENERS.add(self)

    @property
    def application_name(self) -> str:
        """How the connection shows in ``pg_stat_activity``."""
        return f"shenguan listener: {self.name}"[:63]

    def start(self) -> None:
        if self._task is None or self._task.done():
            self.state = ListenerState.CONNECTING
            self._task = asyncio.create_task(self._supervise(), name=f"{self.name}-listener")

    async def add(self, channel: str) -> None:
        """Listen on ``channel`` now if connected, and after every reconnection."""
        async with self._lock:
            if channel in self._channels:
                return
            self._channels.add(channel)
            if self._conn is not None and not self._conn.is_closed():
                try:
                    await self._conn.add_listener(channel, self._on_notification)
                except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
                    # The connection is going away; the supervisor listens again on reconnect.
                    log.warning(
                        "%s: LISTEN %s failed; it follows the reconnection", self.name, channel
                    )

    @property
    def listening(self) -> bool:
        return self._listening.is_set()

    def wake(self) -> None:
        """Try to reconnect now rather than after the rest of the backoff."""
        self._wake.set()

    async def wait_listening(self, seconds: float) -> bool:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._listening.wait(), seconds)
        return self._listening.is_set()

    async def send(self, channel: str, payload: str) -> bool:
        """NOTIFY on this connection (outside any transaction); whether it went out."""
        async with self._lock:
            conn = self._conn
            if conn is None or conn.is_closed():
                return False
            try:
                await conn.execute("SELECT pg_notify($1, $2)", channel, payload)
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
                return False
        return True

    def describe(self) -> dict[str, Any]:
        return {"state": self.state.value, "reconnects": self.reconnects, "error": self.last_error}

    async def stop(self) -> None:
        self.state = ListenerState.STOPPED
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
            self._task = None
        await self._drop()
        self.state = ListenerState.STOPPED

    def _on_notification(self, _conn: Any, _pid: int, channel: str, payload: str) -> None:
        self.relay(channel, payload)

    async def _supervise(self) -> None:
        attempt = 0
        missed = False  # a loss or a failed attempt: notifications may have been missed
        while True:
            lost = asyncio.Event()
            try:
                await self._connect(lost)
            except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
                self._lose(exc)
                missed = True
            else:
                attempt = 0
                if missed:
                    self.reconnects += 1
                    self.reconnected_at = time.monotonic()
                    log.info("%s: listening again after a connection loss", self.name)
                    if self.on_reconnect is not None:
                        self.on_reconnect()
                missed = True  # whatever ends the watch below is a loss
                await self._watch(lost)
            await self._drop()
            delay = min(self.min_backoff * 2**attempt, self.max_backoff)
            attempt += 1
            # A wake during the failed attempt still counts: one immediate retry.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), delay)
            self._wake.clear()

    async def _connect(self, lost: asyncio.Event) -> None:
        conn = await asyncpg.connect(
            self.url,
            timeout=CONNECT_TIMEOUT_SECONDS,
            server_settings={"application_name": self.application_name},
        )
        conn.add_termination_listener(lambda _c: lost.set())
        async with self._lock:
            self._conn = conn
            for channel in sorted(self._channels):
                await conn.add_listener(channel, self._on_notification)
        self.state = ListenerState.LISTENING
        self.last_error = None
        self._listening.set()

    async def _watch(self, lost: asyncio.Event) -> None:
        """Until the connection is lost: the termination listener, or a failed health query."""
        while not lost.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(lost.wait(), self.health_seconds)
                break
            try:
                async with self._lock:
                    conn = self._conn
                    if conn is None:
                        break
                    await asyncio.wait_for(conn.execute("SELECT 1"), self.health_seconds)
            except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
                self._lose(exc)
                return
        self._lose(None)

    def _lose(self, exc: BaseException | None) -> None:
        if self.state != ListenerState.STOPPED:
            self.state = ListenerState.RECONNECTING
        self._listening.clear()
        self.last_error = repr(exc) if exc is not None else "connection lost"
        log.warning(
            "%s: LISTEN connection unavailable (%s); reconnecting", self.name, self.last_error
        )

    async def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.terminate()
