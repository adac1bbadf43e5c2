"""What the fault tests share: the clerk's calls through the gateway and the database checks."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import asyncpg
import httpx

from api import registry
from api.core.credit_ticket import CreditTicket, sign_ticket
from api.core.identifiers import make_uscc


class Gateway(Protocol):
    """Where the clerk's calls go: a whole ``Stack``, or one gateway of a layout."""

    @property
    def gateway_url(self) -> str: ...


FOOD_LICENCE = "430900-XK-0001"  # 食品经营许可 (市审批局), linked to supervising departments

MATTERS = "{ matters { id code name } }"
SUBMIT = """mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) {
  __typename ... on Application { id } ... on ValidationErrors { errors { field code } } } }"""
ACCEPT = """mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) {
  __typename
  ... on Application { id status pushes { id stage department { id } } }
  ... on ValidationErrors { errors { field code message } } } }"""
ADD_PERMISSION = """mutation($input: PermissionInput!, $reason: String) {
  addPermission(input: $input, reason: $reason) {
  __typename ... on PolicyVersion { id } ... on ValidationErrors { errors { field code } } } }"""
# Words that give away a server's insides: never in an answer to a client.
LEAKS = ("Traceback", 'File "', "asyncpg", "sqlalchemy", "ConnectionRefused", "<html", "<!DOCTYPE")


def plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


def data(response: httpx.Response) -> dict[str, Any]:
    body = response.json()
    assert "errors" not in body, body
    return dict(body["data"])


@dataclass
class Outcome:
    """One client request during a fault, and what the client was told."""

    label: str
    status: int | None  # HTTP status; None when the connection itself failed
    body: dict[str, Any] | None
    transport_error: str = ""

    @property
    def succeeded(self) -> bool:
        return (
            self.body is not None
            and not self.body.get("errors")
            and self.body.get("data") is not None
        )

    def error_codes(self) -> list[str]:
        if self.body is None:
            return []
        return [str((e.get("extensions") or {}).get("code")) for e in self.body.get("errors", [])]


def call(
    http: httpx.Client, url: str, query: str, variables: dict[str, Any], token: str, label: str
) -> Outcome:
    try:
        response = http.post(
            url,
            json={"query": query, "variables": variables},
            headers={"authorization": f"Bearer {token}"},
        )
    except httpx.TransportError as exc:
        return Outcome(label, None, None, type(exc).__name__)
    assert_clean(response)
    return Outcome(label, response.status_code, response.json())


def assert_clean(response: httpx.Response) -> None:
    """A client gets JSON: data, or GraphQL errors that each carry a code, and no internals."""
    assert response.headers.get("content-type", "").startswith(
        ("application/json", "application/graphql-response+json")
    ), (response.status_code, response.headers.get("content-type"), response.text[:500])
    body = response.json()
    for leak in LEAKS:
        assert leak not in response.text, (leak, response.text[:2000])
    for error in body.get("errors", []):
        assert (error.get("extensions") or {}).get("code"), body
        assert "stacktrace" not in json.dumps(error.get("extensions") or {}).lower(), body
    if body.get("errors") is None:
        assert response.status_code == 200, response.text[:500]


def ticket_for(app_id: str, code: str) -> str:
    return sign_ticket(
        CreditTicket(
            lookup_id=1,
            subject_code=code,
            application_id=int(app_id),
            level="TRUSTWORTHY",
            joint_punished=False,
            allowed_modes=("NORMAL", "GREEN_CHANNEL"),
            checked_at=datetime.now(UTC).replace(microsecond=0),
        )
    )


def submit_applications(
    http: httpx.Client, stack: Gateway, token: str, count: int
) -> list[tuple[str, str]]:
    """``count`` applications submitted by the clerk; (id, applicant code) each."""
    matters = data(
        http.post(
            stack.gateway_url, json={"query": MATTERS}, headers={"authorization": f"Bearer {token}"}
        )
    )
    matter = next(m for m in matters["matters"] if m["code"] == FOOD_LICENCE)
    ids: list[tuple[str, str]] = []
    for i in range(count):
        code = make_uscc(f"91430900MA4F{i:05d}")
        submitted = call(
            http,
            stack.gateway_url,
            SUBMIT,
            {
                "input": {
                    "matterId": matter["id"],
                    "applicantCode": code,
                    "applicantName": f"益阳故障测试{i}有限公司",
                }
            },
            token,
            f"submit {i}",
        )
        assert submitted.succeeded, submitted
        ids.append((submitted.body["data"]["submitApplication"]["id"], code))  # type: ignore[index]
    return ids


def accept(http: httpx.Client, stack: Gateway, token: str, app: tuple[str, str]) -> Outcome:
    app_id, code = app
    variables = {
        "input": {
            "applicationId": app_id,
            "handlingMode": "GREEN_CHANNEL",
            "creditTicket": ticket_for(app_id, code),
        }
    }
    return call(http, stack.gateway_url, ACCEPT, variables, token, f"accept {app_id}")


def accept_retrying(
    stack: Gateway, token: str, app: tuple[str, str], timeout: float = 30
) -> list[str]:
    """Accepted (retrying while the stack reconnects); the pushed departments' ids."""
    with httpx.Client(timeout=30) as http:

        def accepted() -> dict[str, Any] | None:
            outcome = accept(http, stack, token, app)
            return outcome.body["data"]["acceptApplication"] if outcome.succeeded else None  # type: ignore[index]

        result = wait_for(accepted, f"accepting {app[0]}", timeout=timeout)
    assert result.get("__typename") == "Application", result
    return [push["department"]["id"] for push in result["pushes"]]


async def application_rows(url: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Per application: its status, its pushes (stage ACCEPTED), its outbox events."""
    conn = await asyncpg.connect(plain(url))
    try:
        keys = [int(i) for i in ids]
        status = dict(
            await conn.fetch(
                "SELECT id, status FROM approval_application WHERE id = ANY($1::int[])", keys
            )
        )
        pushes: dict[int, list[int]] = {k: [] for k in keys}
        for row in await conn.fetch(
            "SELECT id, application_id FROM approval_push WHERE application_id = ANY($1::int[])"
            " AND stage = 'ACCEPTED' ORDER BY id",
            keys,
        ):
            pushes[row["application_id"]].append(row["id"])
        accepted_events: dict[str, int] = dict(
            await conn.fetch(
                "SELECT key, count(*) FROM core_outbox"
                " WHERE topic = 'approval.application.accepted' AND key = ANY($1::text[])"
                " GROUP BY key",
                [str(k) for k in keys],
            )
        )
        push_keys = [str(p) for ps in pushes.values() for p in ps]
        push_events: dict[str, int] = dict(
            await conn.fetch(
                "SELECT key, count(*) FROM core_outbox WHERE topic = 'approval.push.created'"
                " AND key = ANY($1::text[]) GROUP BY key",
                push_keys,
            )
        )
        measures: dict[int, int] = dict(
            await conn.fetch(
                "SELECT application_id, count(*) FROM approval_measure_record"
                " WHERE application_id = ANY($1::int[]) GROUP BY application_id",
                keys,
            )
        )
    finally:
        await conn.close()
    return {
        str(k): {
            "status": status[k],
            "pushes": pushes[k],
            "accepted_events": accepted_events.get(str(k), 0),
            "push_events": [push_events.get(str(p), 0) for p in pushes[k]],
            "measures": measures.get(k, 0),
        }
        for k in keys
    }


async def sms_keys(url: str) -> list[str]:
    conn = await asyncpg.connect(plain(url))
    try:
        rows = await conn.fetch(
            "SELECT key FROM approval_sms_message WHERE key LIKE 'push:%' ORDER BY key"
        )
        return [r["key"] for r in rows]
    finally:
        await conn.close()


async def undelivered(url: str) -> list[tuple[int, str, str, int, str | None]]:
    """Messages not delivered yet, except those of topics no subgraph consumes yet
    (``registry.AWAITING_CONSUMER``), which are never marked delivered by design."""
    conn = await asyncpg.connect(plain(url))
    try:
        rows = await conn.fetch(
            "SELECT id, topic, status, attempts, last_error FROM core_outbox"
            " WHERE status <> 'DELIVERED' AND NOT (topic = ANY($1::text[])) ORDER BY id",
            list(registry.AWAITING_CONSUMER),
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]
    finally:
        await conn.close()


class InboxStream:
    """An SSE subscription through a gateway; every event with the time it arrived."""

    def __init__(self, url: str, token: str) -> None:
        self.events: list[tuple[float, dict[str, Any]]] = []
        self.ready = threading.Event()
        self.closed = threading.Event()
        self.thread = threading.Thread(target=self._read, args=(url, token), daemon=True)
        self.thread.start()

    def _read(self, url: str, token: str) -> None:
        headers = {"authorization": f"Bearer {token}", "accept": "text/event-stream"}
        body = {"query": "subscription { inboxUpdates { kind id } }"}
        try:
            with httpx.stream("POST", url, json=body, headers=headers, timeout=120) as response:
                self.ready.set()
                for line in response.iter_lines():
                    if line.startswith("data:") and line[5:].strip():
                        event = json.loads(line[5:])["data"]["inboxUpdates"]
                        self.events.append((time.monotonic(), event))
        except httpx.HTTPError:
            pass  # the stack stopped under the stream at the end of the test
        finally:
            self.closed.set()

    def kinds(self) -> list[str]:
        return [event["kind"] for _at, event in self.events]


def readiness(host: str, ports: dict[str, int]) -> dict[str, dict[str, Any]]:
    """Each process's ``/readiness`` answer, by label (a transport failure as its status)."""
    answers = {}
    for label, port in ports.items():
        try:
            answers[label] = httpx.get(f"http://{host}:{port}/readiness", timeout=5).json()
        except httpx.HTTPError as exc:
            answers[label] = {"status": repr(exc)}
    return answers


def wait_for(predicate: Any, what: str, timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.25)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


def run(coro: Any) -> Any:
    return asyncio.run(coro)
