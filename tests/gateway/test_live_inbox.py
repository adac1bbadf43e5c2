"""The live inbox stream outlives the gateway's per-request upstream timeout."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from tests.databases import backend

# gateway/security.ts LIMITS.requestMs: queries are cut off after it, live streams are not.
REQUEST_TIMEOUT_SECONDS = 30


class Stream:
    """Reads a GraphQL-over-SSE subscription in a thread, keeping every line it receives."""

    def __init__(self, url: str, token: str) -> None:
        self.lines: list[str] = []
        self.closed = threading.Event()
        self.status: int | None = None
        self._thread = threading.Thread(target=self._read, args=(url, token), daemon=True)
        self._thread.start()

    def _read(self, url: str, token: str) -> None:
        headers = {"authorization": f"Bearer {token}", "accept": "text/event-stream"}
        body = {"query": "subscription { inboxUpdates { kind id } }"}
        try:
            with httpx.stream("POST", url, json=body, headers=headers, timeout=120) as response:
                self.status = response.status_code
                for line in response.iter_lines():
                    if line.strip():
                        self.lines.append(line)
        except httpx.HTTPError as exc:
            self.lines.append(f"transport error: {exc!r}")
        finally:
            self.closed.set()


@pytest.mark.skipif(backend() != "sqlite", reason="gateway behaviour; runs once, on SQLite")
def test_an_open_inbox_stream_survives_the_request_timeout_and_the_gateway_stays_up(gateway, stack):
    token = gateway.sign_in("zjj_liaison")
    stream = Stream(gateway.url, token)

    time.sleep(REQUEST_TIMEOUT_SECONDS + 4)

    assert not stream.closed.is_set(), stream.lines
    assert stream.status == 200
    # No event and no error was sent (only keep-alive comments, if any).
    assert [line for line in stream.lines if line.startswith(("data:", "event:"))] == []
    health = httpx.get(gateway.url.removesuffix("/graphql") + "/healthcheck", timeout=5)
    assert health.status_code == 200
    assert gateway.post("{ me { username } }", token=token).json()["data"] == {
        "me": {"username": "zjj_liaison"}
    }
