"""Through the gateway with the embedded worker: a liaison change reaches the next push's SMS
(a successor named for a later date does not), each push shows whom it notified and who was
responsible, and an offline push is claimed at a held joint meeting and counted as such."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from api.core.clock import local_today
from api.core.credit_ticket import CreditTicket, sign_ticket
from api.core.db import make_engine
from api.core.events import OutboxStatus
from api.core.identifiers import make_uscc
from tests.gateway.test_linkage_loop import _entries_in_force, _publish, _status

MATTERS = "{ matters { id code name department { id shortName } } }"
PUSHES = """query($id: ID!) { application(id: $id) { pushes {
  id channel state department { id } receiveLiaisonName receiveLiaisonMobile
  claimMethod claimedAt claimMeetingId
  responsibilities { supervisingDepartment { id } approvingSectionName approvingPersonName
                     supervisingSectionName supervisingPersonName } } } }"""
SET_LIAISON = """mutation($input: SetLiaisonInput!) { setLiaison(input: $input) {
  __typename ... on Liaison { since until current person { name } }
  ... on ValidationErrors { errors { field code message } } } }"""
SMS = "{ smsMessages(first: 100) { edges { node { pushId mobile recipientName } } } }"
CLAIMS = """query($since: Date!, $dept: ID!) {
  linkageStatistics(since: $since, until: $since, departmentId: $dept) {
    ... on LinkageStatistics { pushesClaimed claimsByMethod { method count } } } }"""


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


async def _scalar(url: str, statement: str) -> Any:
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            return (await conn.execute(sa.text(statement))).scalar()
    finally:
        await engine.dispose()


def _entry(n: int, approval: dict, supervision: dict, channel: str, people: tuple) -> dict:
    """An entry as catalog publishes it (docs/EVENTS.md), with a liaison copy to be ignored."""
    a_section, a_person, s_section, s_person = people
    return {
        "linkage_id": 9_600 + n,
        "approval_matter_id": int(approval["id"]),
        "approval_matter_code": approval["code"],
        "approval_matter_name": approval["name"],
        "approving_department_id": int(approval["department"]["id"]),
        "approving_department_name": approval["department"]["shortName"],
        "approving_section_name": a_section,
        "approving_person_name": a_person,
        "approving_office_phone": "0737-4221101",
        "supervision_matter_id": int(supervision["id"]),
        "supervision_matter_code": supervision["code"],
        "supervision_matter_name": supervision["name"],
        "supervising_department_id": int(supervision["department"]["id"]),
        "supervising_department_name": supervision["department"]["shortName"],
        "supervising_section_name": s_section,
        "supervising_person_name": s_person,
        "supervising_office_phone": "0737-4222201",
        "channel": channel,
        "claim_days": 3,
        "feedback_days": 10,
        "confidentiality": "PUBLIC",
        "receive_liaison_name": "名单中的联络员",
        "receive_liaison_mobile": "13800000009",
    }


@pytest.fixture(scope="module")
def city(gateway, stack) -> dict[str, Any]:
    """The next list version: 企业投资项目核准 → 市发改委 online, → 市卫健委 by letter (other
    gateway tests count 市市场监管局's and 市住建局's pushes: this one leaves them alone)."""
    url = stack.env["DATABASE_URL"]
    coord = gateway.sign_in("coord")
    matters = {m["code"]: m for m in _data(gateway.post(MATTERS, token=coord))["matters"]}
    invest = matters["430900-XK-0005"]
    planning, health = matters["430900-JG-0005"], matters["430900-JG-0004"]
    held = asyncio.run(_scalar(url, "SELECT max(version) FROM approval_linkage_list_version"))
    version = int(held or 0) + 1
    message_id = asyncio.run(
        _publish(
            url,
            {
                "version": version,
                "published_at": datetime.now(UTC).isoformat(),
                # The rest of the list stays in force (other gateway tests route by it).
                "entries": [
                    *(
                        e
                        for e in asyncio.run(_entries_in_force(url))
                        if e["approval_matter_id"] != int(invest["id"])
                    ),
                    _entry(1, invest, planning, "ONLINE", ("审批服务科", "李娜", "投资科", "孙涛")),
                    _entry(
                        2, invest, health, "LETTER", ("审批服务科", "李娜", "综合监督科", "赵丽")
                    ),
                ],
            },
        )
    )
    _wait_for(
        lambda: asyncio.run(_status(url, message_id)) == OutboxStatus.DELIVERED,
        "the worker to deliver the list",
    )
    return {
        "url": url,
        "coord": coord,
        "admin": gateway.sign_in("admin"),
        "clerk": gateway.sign_in("spj_clerk"),
        "invest": invest,
        "planning": planning["department"]["id"],
        "health": health["department"]["id"],
        "seq": iter(range(1, 100)),
    }


def _accept(gateway, city: dict[str, Any]) -> dict[str, Any]:
    """Submit and accept one 企业投资项目核准 application; its pushes once the worker has texted."""
    n = next(city["seq"])
    code = make_uscc(f"91430900MA4L6{n:04d}")
    submitted = _data(
        gateway.post(
            """mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) {
                 ... on Application { id } } }""",
            {
                "input": {
                    "matterId": city["invest"]["id"],
                    "applicantCode": code,
                    "applicantName": f"益阳联络员测试投资有限公司{n}",
                }
            },
            token=city["clerk"],
        )
    )
    app_id = submitted["submitApplication"]["id"]
    ticket = sign_ticket(
        CreditTicket(
            lookup_id=9_600 + n,
            subject_code=code,
            application_id=int(app_id),
            level="NORMAL",
            joint_punished=False,
            allowed_modes=("NORMAL",),
            checked_at=datetime.now(UTC).replace(microsecond=0),
        )
    )
    accepted = _data(
        gateway.post(
            """mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) {
                 __typename ... on ValidationErrors { errors { field code message } } } }""",
            {"input": {"applicationId": app_id, "handlingMode": "NORMAL", "creditTicket": ticket}},
            token=city["clerk"],
        )
    )
    assert accepted == {"acceptApplication": {"__typename": "Application"}}
    pushes = _data(gateway.post(PUSHES, {"id": app_id}, token=city["clerk"]))["application"][
        "pushes"
    ]
    return {"id": app_id, "pushes": {p["department"]["id"]: p for p in pushes}}


def _sms_of(gateway, city, push_id: str) -> dict[str, Any]:
    def found():
        edges = _data(gateway.post(SMS, token=city["admin"]))["smsMessages"]["edges"]
        return next((e["node"] for e in edges if e["node"]["pushId"] == push_id), None)

    sms = _wait_for(found, f"the SMS of push {push_id}")
    return {"recipientName": sms["recipientName"], "mobile": sms["mobile"]}


def _wait_until_delivered(city, topic: str) -> None:
    statement = (
        "SELECT count(*) FROM core_outbox "  # noqa: S608 - a constant topic
        f"WHERE topic = '{topic}' AND status = 'PENDING'"
    )
    _wait_for(
        lambda: asyncio.run(_scalar(city["url"], statement)) == 0, f"the worker to deliver {topic}"
    )


def _people(gateway, city, dept: str) -> dict[str, str]:
    data = _data(
        gateway.post(
            "query($id: ID!) { department(id: $id) { sections { people { id name } } } }",
            {"id": dept},
            token=city["admin"],
        )
    )
    return {p["name"]: p["id"] for s in data["department"]["sections"] for p in s["people"]}


def _set_liaison(gateway, city, person: str, since) -> dict[str, Any]:
    return _data(
        gateway.post(
            SET_LIAISON,
            {
                "input": {
                    "departmentId": city["planning"],
                    "kind": "RECEIVE",
                    "personId": person,
                    "since": since.isoformat(),
                }
            },
            token=city["admin"],
        )
    )["setLiaison"]


def test_the_push_after_a_liaison_change_texts_the_new_liaison_and_not_a_future_one(gateway, city):
    today = local_today()
    people = _people(gateway, city, city["planning"])
    before = _accept(gateway, city)
    before_push = before["pushes"][city["planning"]]

    named = _set_liaison(gateway, city, people["孙涛"], today)
    upcoming = _set_liaison(gateway, city, people["罗敏"], today + timedelta(days=1))
    _wait_until_delivered(city, "catalog.liaison.appointed")
    after = _accept(gateway, city)
    after_push = after["pushes"][city["planning"]]

    # 罗敏 (the demo's liaison) before the change, 孙涛 after; never the list's frozen copy.
    assert _sms_of(gateway, city, before_push["id"]) == {
        "recipientName": "罗敏",
        "mobile": "13807376602",
    }
    assert _sms_of(gateway, city, after_push["id"]) == {
        "recipientName": "孙涛",
        "mobile": "13807376601",
    }
    assert named == {
        "__typename": "Liaison",
        "since": today.isoformat(),
        "until": None,
        "current": True,
        "person": {"name": "孙涛"},
    }
    assert upcoming == {
        "__typename": "Liaison",
        "since": (today + timedelta(days=1)).isoformat(),
        "until": None,
        "current": False,
        "person": {"name": "罗敏"},
    }
    department = _data(
        gateway.post(
            """query($id: ID!) { department(id: $id) {
                 receiveLiaison { since until person { name } }
                 liaisons { kind since until current person { name } } } }""",
            {"id": city["planning"]},
            token=city["coord"],
        )
    )["department"]
    assert department["receiveLiaison"] == {
        "since": today.isoformat(),
        "until": today.isoformat(),  # the successor starts tomorrow: no overlap
        "person": {"name": "孙涛"},
    }
    receive = [x for x in department["liaisons"] if x["kind"] == "RECEIVE"]
    assert [(x["person"]["name"], x["current"]) for x in receive] == [
        ("罗敏", False),
        ("孙涛", True),
        ("罗敏", False),
    ]
    assert receive[2]["until"] == (today - timedelta(days=1)).isoformat()

    # The push records whom it notified; only roles with personal-data rights see the number.
    seen_by_coord = _data(gateway.post(PUSHES, {"id": after["id"]}, token=city["coord"]))
    [coord_view] = [
        p
        for p in seen_by_coord["application"]["pushes"]
        if p["department"]["id"] == city["planning"]
    ]
    assert (after_push["receiveLiaisonName"], after_push["receiveLiaisonMobile"]) == (
        "孙涛",
        "13807376601",
    )
    assert coord_view["receiveLiaisonMobile"] == "138****6601"
    assert [
        r
        for r in after_push["responsibilities"]
        if r["supervisingDepartment"]["id"] == city["planning"]
    ] == [
        {
            "supervisingDepartment": {"id": city["planning"]},
            "approvingSectionName": "审批服务科",
            "approvingPersonName": "李娜",
            "supervisingSectionName": "投资科",
            "supervisingPersonName": "孙涛",
        }
    ]


def test_an_offline_push_is_claimed_at_a_held_joint_meeting_and_counted_by_method(gateway, city):
    health, coord = city["health"], city["coord"]
    today = local_today().isoformat()
    app = _accept(gateway, city)
    push = app["pushes"][health]
    assert (push["channel"], push["state"]) == ("LETTER", "AWAITING_CLAIM")

    def claims() -> dict[str, int]:
        data = _data(gateway.post(CLAIMS, {"since": today, "dept": health}, token=coord))
        return {c["method"]: c["count"] for c in data["linkageStatistics"]["claimsByMethod"]}

    before = claims()
    convened = _data(
        gateway.post(
            """mutation($input: ConveneMeetingInput!) { conveneMeeting(input: $input) {
                 ... on Meeting { id } } }""",
            {
                "input": {
                    "title": "审管联动联席会议（联络员测试）",
                    "scheduledAt": datetime.now(UTC).isoformat(),
                    "participants": [{"departmentId": health, "personName": "赵丽"}],
                }
            },
            token=coord,
        )
    )
    meeting_id = convened["conveneMeeting"]["id"]
    held_at = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=1)  # after the push
    _data(
        gateway.post(
            """mutation($id: ID!, $at: DateTime!) {
                 recordMeetingMinutes(meetingId: $id, minutes: "会上交换推送", heldAt: $at) {
                   __typename } }""",
            {"id": meeting_id, "at": held_at.isoformat()},
            token=coord,
        )
    )
    exchange = """mutation($m: ID!, $p: ID!) { recordMeetingExchange(meetingId: $m, pushId: $p) {
                    __typename ... on ValidationErrors { errors { code } } } }"""

    def recorded():
        answer = _data(gateway.post(exchange, {"m": meeting_id, "p": push["id"]}, token=coord))
        result = answer["recordMeetingExchange"]
        # Until the worker has told coordination about the push, it is not found there.
        return result if result["__typename"] == "MeetingExchange" else None

    assert _wait_for(recorded, "coordination to know the push") == {"__typename": "MeetingExchange"}

    def claimed():
        pushes = _data(gateway.post(PUSHES, {"id": app["id"]}, token=coord))["application"]
        found = next(p for p in pushes["pushes"] if p["id"] == push["id"])
        return found if found["state"] == "CLAIMED" else None

    done = _wait_for(claimed, "approval to claim the push")
    assert (done["claimMethod"], done["claimMeetingId"]) == ("JOINT_MEETING", meeting_id)
    assert datetime.fromisoformat(done["claimedAt"]) == held_at

    expected = dict(before, JOINT_MEETING=before["JOINT_MEETING"] + 1)
    assert _wait_for(lambda: claims() == expected, "the claim in the statistics")

    case = _data(
        gateway.post(
            """query($id: ID!) { caseFile(applicationId: $id) { pushes {
                 pushId claimMethod claimMeetingId liaisonName liaisonMobile
                 responsibilities { supervisingSectionName supervisingPersonName } } } }""",
            {"id": app["id"]},
            token=coord,
        )
    )["caseFile"]
    [in_case] = [p for p in case["pushes"] if p["pushId"] == push["id"]]
    assert in_case == {
        "pushId": push["id"],
        "claimMethod": "JOINT_MEETING",
        "claimMeetingId": meeting_id,
        "liaisonName": push["receiveLiaisonName"],
        "liaisonMobile": in_case["liaisonMobile"],
        "responsibilities": [
            {"supervisingSectionName": "综合监督科", "supervisingPersonName": "赵丽"}
        ],
    }
    assert "*" in in_case["liaisonMobile"]  # the coordination office sees who, not the number
