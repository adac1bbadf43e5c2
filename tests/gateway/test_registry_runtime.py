"""The registry in the runtime that ships: the stack as `shenguan serve` starts it (launcher,
embedded worker) delivers to every subgraph's consumers, coordination included, and never
marks a message without a consumer delivered."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from api.core import events
from api.core.credit_ticket import CreditTicket, sign_ticket
from api.core.db import make_engine, session_factory, session_scope
from api.core.events import OutboxMessage, OutboxStatus
from api.core.identifiers import make_uscc

T = TypeVar("T")

STATISTICS = """query($since: Date!, $until: Date!) {
  linkageStatistics(since: $since, until: $until) {
    ... on LinkageStatistics { department { shortName } acceptances pushesSent }
  } }"""


def _data(response: Any) -> dict[str, Any]:
    body = response.json()
    assert "errors" not in body, body
    return dict(body["data"])


def _wait_for(predicate: Callable[[], T | None], what: str, timeout: float = 30.0) -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_coordination_statistics_move_when_a_clerk_accepts_and_completes(gateway):
    clerk = gateway.sign_in("spj_clerk")
    today = datetime.now(UTC).date()
    period = {"since": str(today - timedelta(days=1)), "until": str(today + timedelta(days=1))}

    def statistics() -> dict[str, Any]:
        return _data(gateway.post(STATISTICS, period, token=clerk))["linkageStatistics"]

    before = statistics()
    matters = _data(gateway.post("{ matters { id code } }", token=clerk))["matters"]
    matter = next(m for m in matters if m["code"] == "430900-XK-0002")  # 市审批局
    code = make_uscc("91430900MA4R00016")
    app_id = _data(
        gateway.post(
            """mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) {
                 ... on Application { id } } }""",
            {
                "input": {
                    "matterId": matter["id"],
                    "applicantCode": code,
                    "applicantName": "益阳登记测试有限公司",
                    "applicantContact": "0737-4220016",
                    "applicantAddress": "益阳市资阳区",
                }
            },
            token=clerk,
        )
    )["submitApplication"]["id"]
    ticket = sign_ticket(
        CreditTicket(
            lookup_id=1601,
            subject_code=code,
            application_id=int(app_id),
            level="TRUSTWORTHY",
            joint_punished=False,
            allowed_modes=("NORMAL",),
            checked_at=datetime.now(UTC).replace(microsecond=0),
        )
    )
    accepted = _data(
        gateway.post(
            """mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) {
                 ... on Application { status } } }""",
            {"input": {"applicationId": app_id, "handlingMode": "NORMAL", "creditTicket": ticket}},
            token=clerk,
        )
    )
    completed = _data(
        gateway.post(
            """mutation($input: CompleteApplicationInput!) { completeApplication(input: $input) {
                 ... on Application { status pushes { id } } } }""",
            {
                "input": {
                    "applicationId": app_id,
                    "outcome": "APPROVED",
                    "documents": [
                        {"kind": "LICENCE", "number": "4309002026120116", "validFrom": str(today)}
                    ],
                }
            },
            token=clerk,
        )
    )["completeApplication"]
    assert (accepted["acceptApplication"]["status"], completed["status"]) == (
        "ACCEPTED",
        "APPROVED",
    )
    expected = {
        "department": before["department"],
        "acceptances": before["acceptances"] + 1,
        "pushesSent": before["pushesSent"] + len(completed["pushes"]),
    }

    after = _wait_for(
        lambda: now if (now := statistics()) == expected else None,
        "coordination's statistics to count the acceptance and its pushes",
    )

    assert after == expected


async def _emit_unknown(url: str, topic: str) -> int:
    engine = make_engine(url)
    try:
        async with session_scope(engine) as session:
            message = await events.emit(session, topic=topic, key="k", payload={})
            return int(message.id or 0)
    finally:
        await engine.dispose()


async def _load(url: str, message_id: int) -> OutboxMessage | None:
    engine = make_engine(url)
    try:
        async with session_factory(engine)() as session:
            return await session.get(OutboxMessage, message_id)
    finally:
        await engine.dispose()


def test_the_embedded_worker_does_not_mark_an_unknown_topic_delivered(stack):
    url = stack.env["DATABASE_URL"]
    topic = f"test.unknown.{uuid.uuid4().hex}"
    message_id = asyncio.run(_emit_unknown(url, topic))

    def tried() -> OutboxMessage | None:
        message = asyncio.run(_load(url, message_id))
        return message if message is not None and message.attempts > 0 else None

    message = _wait_for(tried, "the embedded worker to try the message")

    assert (message.status, message.delivered_at, message.last_error) == (
        OutboxStatus.PENDING,
        None,
        f'NoConsumerError("no consumer registered for topic {topic!r}")',
    )
