"""A LISTEN connection that the server drops comes back by itself, says so, and hears again."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
import pytest

from api.core.listener import ListenerState, PgListener, just_recovered, notify_later, plain_url
from tests.databases import backend

pytestmark = pytest.mark.skipif(
    backend() != "postgresql", reason="LISTEN/NOTIFY is PostgreSQL's (SHENGUAN_TEST_DB=postgresql)"
)


async def _wait(predicate, what: str, seconds: float = 5.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not predicate() and loop.time() < deadline:  # noqa: ASYNC110 - polling a callback's list
        await asyncio.sleep(0.02)
    assert predicate(), what


async def _sql(url: str, sql: str, *args: object) -> None:
    conn = await asyncpg.connect(plain_url(url))
    try:
        await conn.execute(sql, *args)
    finally:
        await conn.close()


async def test_a_terminated_listener_reconnects_reports_it_and_hears_again(database_url):
    channel = f"test_{uuid.uuid4().hex[:12]}"
    heard: list[tuple[str, str]] = []
    reconnected: list[int] = []
    listener = PgListener(
        database_url,
        relay=lambda ch, payload: heard.append((ch, payload)),
        on_reconnect=lambda: reconnected.append(len(heard)),
        name=channel,
    )
    await listener.add(channel)
    listener.start()
    try:
        assert await listener.wait_listening(5)
        await _sql(database_url, "SELECT pg_notify($1, 'before')", channel)
        await _wait(lambda: heard == [(channel, "before")], "the first notification")

        # The server ends the connection, as a restart or an administrator would.
        await _sql(
            database_url,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
            listener.application_name,
        )
        await _wait(lambda: reconnected == [1], "the reconnection")
        assert listener.describe() == {"state": "listening", "reconnects": 1, "error": None}

        await _sql(database_url, "SELECT pg_notify($1, 'after')", channel)
        await _wait(lambda: heard[-1:] == [(channel, "after")], "a notification after it")
    finally:
        await listener.stop()
    assert listener.state == ListenerState.STOPPED


async def test_a_listener_started_while_the_database_is_away_keeps_trying(database_url):
    unreachable = database_url.replace("127.0.0.1:5432", "127.0.0.1:9", 1)
    listener = PgListener(unreachable, relay=lambda _c, _p: None, name="away", max_backoff=0.2)
    listener.start()
    try:
        await _wait(lambda: listener.state == ListenerState.RECONNECTING, "a failed attempt")
        assert listener.last_error is not None
        assert not await listener.wait_listening(0.5)
    finally:
        await listener.stop()


async def test_wake_cuts_the_backoff_short(database_url):
    # A process about to notify wakes its listener: it must not wait out a long backoff,
    # or its own notification is committed while nobody in the process listens.
    channel = f"test_{uuid.uuid4().hex[:12]}"
    heard: list[tuple[str, str]] = []
    listener = PgListener(
        database_url,
        relay=lambda ch, payload: heard.append((ch, payload)),
        name=channel,
        min_backoff=60.0,
        max_backoff=60.0,
    )
    await listener.add(channel)
    listener.start()
    try:
        assert await listener.wait_listening(5)
        await _sql(
            database_url,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
            listener.application_name,
        )
        await _wait(lambda: listener.state == ListenerState.RECONNECTING, "the loss")
        assert not listener.listening
        assert not await listener.wait_listening(0.5)  # a minute of backoff ahead

        listener.wake()
        assert await listener.wait_listening(5)
        assert listener.reconnects == 1
        await _sql(database_url, "SELECT pg_notify($1, 'after')", channel)
        await _wait(lambda: heard == [(channel, "after")], "a notification after the wake")
    finally:
        await listener.stop()


async def test_a_process_just_back_from_an_outage_sends_a_message_again(database_url):
    # Another process's listener may still be in its backoff when this one notifies right
    # after an outage: ``notify_later`` sends the message once more on a listening connection.
    channel = f"test_{uuid.uuid4().hex[:12]}"
    heard: list[tuple[str, str]] = []
    listener = PgListener(
        database_url, relay=lambda ch, payload: heard.append((ch, payload)), name=channel
    )
    await listener.add(channel)
    listener.start()
    try:
        assert await listener.wait_listening(5)
        assert not just_recovered()
        await _sql(
            database_url,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
            listener.application_name,
        )
        await _wait(lambda: listener.reconnects == 1, "the reconnection")
        assert just_recovered()

        await notify_later(channel, "again", delay=0.1)
        await _wait(lambda: heard[-1:] == [(channel, "again")], "the message sent again")
    finally:
        await listener.stop()
