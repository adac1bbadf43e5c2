"""The linkage loop end to end through the real gateway, subgraphs and embedded worker:
accept → pushes to exactly the linked departments → SMS recorded → completion → second
push → feedback → the approving department sees it."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from datetime import UTC, datetime
from typing import Any

import httpx
from sqlmodel import col, select

from api.approval import services as approval_services
from api.core import events
from api.core.credit_ticket import CreditTicket, sign_ticket
from api.core.db import make_engine, session_factory, session_scope
from api.core.events import OutboxMessage, OutboxStatus
from api.core.identifiers import make_uscc

MATTERS = "{ matters { id code name department { id shortName } } }"


def _data(response) -> dict[str, Any]:
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


def _wait_for(predicate, what: str, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


async def _publish(url: str, payload: dict[str, Any]) -> int:
    """Catalog's side of the contract (docs/EVENTS.md), emitted as catalog would."""
    engine = make_engine(url)
    try:
        async with session_scope(engine) as session:
            message = await events.emit(
                session,
                topic="catalog.linkage_list.published",
                key=str(payload["version"]),
                payload=payload,
            )
            return int(message.id or 0)
    finally:
        await engine.dispose()


async def _entries_in_force(url: str) -> list[dict[str, Any]]:
    """The entries of the newest list version published so far (the outbox keeps it)."""
    engine = make_engine(url)
    try:
        async with session_factory(engine)() as session:
            payload = (
                await session.exec(
                    select(OutboxMessage.payload)
                    .where(OutboxMessage.topic == "catalog.linkage_list.published")
                    .order_by(col(OutboxMessage.id).desc())
                    .limit(1)
                )
            ).first()
            return list((payload or {}).get("entries", []))
    finally:
        await engine.dispose()


async def _held_version(url: str) -> int:
    """The newest list version approval holds."""
    engine = make_engine(url)
    try:
        async with session_factory(engine)() as session:
            version = await approval_services.version_in_force(session)
            return version or 0
    finally:
        await engine.dispose()


async def _status(url: str, message_id: int) -> OutboxStatus | None:
    engine = make_engine(url)
    try:
        async with session_factory(engine)() as session:
            message = await session.get(OutboxMessage, message_id)
            return message.status if message else None
    finally:
        await engine.dispose()


class InboxStream:
    """An SSE subscription through the gateway, read in a background thread."""

    def __init__(self, url: str, token: str) -> None:
        self.events: list[dict[str, Any]] = []
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._read, args=(url, token), daemon=True)
        self.thread.start()

    def _read(self, url: str, token: str) -> None:
        headers = {"authorization": f"Bearer {token}", "accept": "text/event-stream"}
        body = {"query": "subscription { inboxUpdates { kind id } }"}
        with httpx.stream("POST", url, json=body, headers=headers, timeout=90) as response:
            self.ready.set()
            for line in response.iter_lines():
                if line.startswith("data:") and line[5:].strip():
                    self.events.append(json.loads(line[5:]))
                    return


def _entry(n: int, approval: dict, supervision: dict, channel: str, mobile: str) -> dict:
    return {
        "linkage_id": 9000 + n,
        "approval_matter_id": int(approval["id"]),
        "approval_matter_code": approval["code"],
        "approval_matter_name": approval["name"],
        "approving_department_id": int(approval["department"]["id"]),
        "supervision_matter_id": int(supervision["id"]),
        "supervision_matter_code": supervision["code"],
        "supervision_matter_name": supervision["name"],
        "supervising_department_id": int(supervision["department"]["id"]),
        "channel": channel,
        "claim_days": 3,
        "feedback_days": 10,
        "confidentiality": "PUBLIC",
        "receive_liaison_name": f"联络员{n}",
        "receive_liaison_mobile": mobile,
    }


def test_accept_push_sms_complete_feedback_through_the_gateway(gateway, stack):
    url = stack.env["DATABASE_URL"]
    coord = gateway.sign_in("coord")
    matters = {m["code"]: m for m in _data(gateway.post(MATTERS, token=coord))["matters"]}
    building = matters["430900-XK-0002"]  # 建筑工程施工许可证核发 (市审批局)
    housing = matters["430900-JG-0002"]  # → 市住建局, online
    health = matters["430900-JG-0004"]  # → 市卫健委, by letter (a second linked department)
    # The demo city has published its own list; this test's list is the next version.
    latest = _data(gateway.post("{ publishedLinkageList { number } }"))["publishedLinkageList"]
    # Other gateway tests may have sent approval a later version of their own.
    held = asyncio.run(_held_version(url))
    version = max(latest["number"] if latest else 0, held) + 1
    payload = {
        "version": version,
        "published_at": datetime.now(UTC).isoformat(),
        "entries": [
            # The rest of the list stays in force (other gateway tests route by it).
            *(
                e
                for e in asyncio.run(_entries_in_force(url))
                if e["approval_matter_code"] not in {"430900-XK-0002", "430900-XK-0003"}
            ),
            _entry(1, building, housing, "ONLINE", "13907370001"),
            _entry(2, building, health, "LETTER", "13907370002"),
            _entry(
                3, matters["430900-XK-0003"], matters["430900-JG-0003"], "ONLINE", "13907370003"
            ),
        ],
    }
    message_id = asyncio.run(_publish(url, payload))
    _wait_for(
        lambda: asyncio.run(_status(url, message_id)) == OutboxStatus.DELIVERED,
        "the embedded worker to deliver the published list",
    )

    housing_liaison = gateway.sign_in("zjj_liaison")
    stream = InboxStream(gateway.url, housing_liaison)
    assert stream.ready.wait(30)
    time.sleep(1.0)  # the gateway opens its WebSocket to the subgraph after the response starts

    clerk = gateway.sign_in("spj_clerk")
    code = make_uscc("91430900MA4L00002")
    submitted = _data(
        gateway.post(
            """mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) {
                 ... on Application { id } } }""",
            {
                "input": {
                    "matterId": building["id"],
                    "applicantCode": code,
                    "applicantName": "湖南益阳城建工程有限公司",
                    "applicantContact": "0737-4221234",
                    "applicantAddress": "益阳市赫山区金银山路",
                }
            },
            token=clerk,
        )
    )
    app_id = submitted["submitApplication"]["id"]
    ticket = sign_ticket(
        CreditTicket(
            lookup_id=501,
            subject_code=code,
            application_id=int(app_id),
            level="TRUSTWORTHY",
            joint_punished=False,
            allowed_modes=("NORMAL", "GREEN_CHANNEL"),
            checked_at=datetime.now(UTC).replace(microsecond=0),
        )
    )

    accepted = _data(
        gateway.post(
            """mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) {
                 ... on Application { status handlingMode listVersion
                   creditAtAcceptance { level }
                   pushes { stage channel state department { id shortName } } }
                 ... on ValidationErrors { errors { field code message } } } }""",
            {
                "input": {
                    "applicationId": app_id,
                    "handlingMode": "GREEN_CHANNEL",
                    "creditTicket": ticket,
                }
            },
            token=clerk,
        )
    )
    assert accepted == {
        "acceptApplication": {
            "status": "ACCEPTED",
            "handlingMode": "GREEN_CHANNEL",
            "listVersion": version,
            "creditAtAcceptance": {"level": "TRUSTWORTHY"},
            "pushes": [
                {
                    "stage": "ACCEPTED",
                    "channel": "ONLINE",
                    "state": "CLAIMED",
                    "department": {"id": housing["department"]["id"], "shortName": "市住建局"},
                },
                {
                    "stage": "ACCEPTED",
                    "channel": "LETTER",
                    "state": "AWAITING_CLAIM",
                    "department": {"id": health["department"]["id"], "shortName": "市卫健委"},
                },
            ],
        }
    }

    # The open inbox heard of the push as it was committed.
    stream.thread.join(timeout=30)
    housing_node = _data(
        gateway.post(
            "{ pushInbox(first: 1) { edges { node { id supervisionCode } } } }",
            token=housing_liaison,
        )
    )["pushInbox"]["edges"][0]["node"]
    housing_push = housing_node["id"]
    assert stream.events == [{"data": {"inboxUpdates": {"kind": "PUSH", "id": housing_push}}}]

    sms_query = (
        "{ smsMessages(first: 10) { totalCount edges { node { mobile recipientName text } } } }"
    )
    sms = _wait_for(
        lambda: (
            _data(gateway.post(sms_query, token=housing_liaison))["smsMessages"]["totalCount"]
            and _data(gateway.post(sms_query, token=housing_liaison))
        ),
        "the SMS reminder to the receive liaison",
    )
    assert sms == {
        "smsMessages": {
            "totalCount": 1,
            "edges": [
                {
                    "node": {
                        # 市住建局's receive liaison as catalog names them (the demo's), not
                        # the copy in the list (联络员1): catalog.liaison.appointed.
                        "mobile": "13807373302",
                        "recipientName": "邓伟",
                        "text": (
                            "【审管联动】湖南益阳城建工程有限公司的“建筑工程施工许可证核发”"
                            "已受理，审批信息已推送至贵单位，已自动认领。"
                            f"监管码{housing_node['supervisionCode']}"
                        ),
                    }
                }
            ],
        }
    }

    completed = _data(
        gateway.post(
            """mutation($input: CompleteApplicationInput!) { completeApplication(input: $input) {
                 ... on Application { status pushes { stage department { shortName } } }
                 ... on ValidationErrors { errors { field code message } } } }""",
            {
                "input": {
                    "applicationId": app_id,
                    "outcome": "APPROVED",
                    "documents": [
                        {
                            "kind": "LICENCE",
                            "number": "430900202611250101",
                            "validFrom": "2026-11-25",
                        }
                    ],
                }
            },
            token=clerk,
        )
    )
    assert completed == {
        "completeApplication": {
            "status": "APPROVED",
            "pushes": [
                {"stage": "ACCEPTED", "department": {"shortName": "市住建局"}},
                {"stage": "ACCEPTED", "department": {"shortName": "市卫健委"}},
                {"stage": "COMPLETED", "department": {"shortName": "市住建局"}},
                {"stage": "COMPLETED", "department": {"shortName": "市卫健委"}},
            ],
        }
    }

    inbox = _data(
        gateway.post(
            """{ pushInbox(first: 10) { totalCount edges { node { stage matterName applicantName
               applicantContact applicantAddress legalDocuments { kind number }
               application { id } } } } }""",
            token=housing_liaison,
        )
    )
    assert inbox == {
        "pushInbox": {
            "totalCount": 2,
            "edges": [
                {
                    "node": {
                        "stage": stage,
                        "matterName": "建筑工程施工许可证核发",
                        "applicantName": "湖南益阳城建工程有限公司",
                        "applicantContact": "0737-4221234",
                        "applicantAddress": "益阳市赫山区金银山路",
                        "legalDocuments": documents,
                        "application": {"id": app_id},
                    }
                }
                for stage, documents in (
                    ("ACCEPTED", []),
                    ("COMPLETED", [{"kind": "LICENCE", "number": "430900202611250101"}]),
                )
            ],
        }
    }

    # The worker has told supervision about the pushes; the liaison records an abnormal result.
    record = """mutation($input: RecordFindingInput!) { recordFinding(input: $input) {
                  __typename ... on ValidationErrors { errors { code } } } }"""
    finding_input = {
        "input": {
            "applicationId": app_id,
            "kind": "INSPECTION",
            "abnormal": True,
            "resultType": "RECTIFICATION_ORDERED",
            "summary": "施工现场安全防护不到位，责令整改",
            "foundOn": datetime.now(UTC).date().isoformat(),
        }
    }
    recorded = _wait_for(
        lambda: (
            (r := _data(gateway.post(record, finding_input, token=housing_liaison)))[
                "recordFinding"
            ]["__typename"]
            == "Finding"
            and r
        ),
        "supervision to learn of the push",
    )
    assert recorded == {"recordFinding": {"__typename": "Finding"}}

    feedback_query = """{ feedbackInbox(first: 10) { totalCount edges { node {
        kind abnormal resultType summary fromDepartment { shortName }
        application { id status } } } } }"""
    feedback = _wait_for(
        lambda: (
            (f := _data(gateway.post(feedback_query, token=clerk)))["feedbackInbox"]["totalCount"]
            and f
        ),
        "the feedback to reach the approving department",
    )
    assert feedback == {
        "feedbackInbox": {
            "totalCount": 1,
            "edges": [
                {
                    "node": {
                        "kind": "INSPECTION",
                        "abnormal": True,
                        "resultType": "RECTIFICATION_ORDERED",
                        "summary": "施工现场安全防护不到位，责令整改",
                        "fromDepartment": {"shortName": "市住建局"},
                        "application": {"id": app_id, "status": "APPROVED"},
                    }
                }
            ],
        }
    }

    # Scope: a department linked to nothing here sees neither the application nor its pushes.
    market = gateway.sign_in("scjg_liaison")
    assert _data(
        gateway.post(
            "query($id: ID!) { application(id: $id) { id } pushInbox(first: 5) { totalCount } }",
            {"id": app_id},
            token=market,
        )
    ) == {"application": None, "pushInbox": {"totalCount": 0}}
