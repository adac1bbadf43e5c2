"""The closed loop across the seams (issue 16 items 2-5), in one stack and three weeks of March
2027, through the gateway as the city's users do it.

A natural person is submitted, credit-checked, accepted and completed by the clerk (full ID for
the clerk, masked for the supervising liaison); the credit officer commends that person while
the application is open and the clerk hears it live on the inbox stream (kind CREDIT) and in
the credit notices, without asking; 市卫健委's head names a new receive liaison ahead of time,
so the pushes before the date text the old liaison and the one after texts the new; a letter
push is claimed at a held joint meeting; the statistics' claims per method match counts made
from this story's own log (``Log``), never from the database; the case file lists the
application's pushes, claims and credit lookups in order.

The steps share one stack and one log and run in file order: each test is one step.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from api.core.clock import LOCAL_TZ
from api.core.identifiers import make_id_number, make_uscc, mask_id_number
from tests.scenarios.harness import ERRORS, Scenario, mutate

PERSON_ID = make_id_number("43090219900315002")  # 资阳区, born 15 March 1990
PERSON_NAME = "刘自然"
COMPANY = (make_uscc("91430900MA4L7007"[:17].ljust(17, "7")), "益阳清风浴场有限公司")
# The successor 市卫健委's head names on 1 March for Monday 15 March.
SUCCESSOR = ("钱进", "13907371303")
SUCCESSION_DAY = "2027-03-15"
# Which departments each approval matter pushes to, and on which channel (the city's list).
ROUTES = {"food": (("scjg", "ONLINE"), ("wjw", "LETTER")), "hygiene": (("wjw", "ONLINE"),)}
METHODS = ("ONLINE", "LETTER", "OWN_SYSTEM", "JOINT_MEETING")

PUSHES = """query($id: ID!) { application(id: $id) { pushes {
  id stage channel state claimMethod claimMeetingId receiveLiaisonName department { id } } } }"""
# Who sees which identifier (reading applicantCredit too would be a logged credit lookup).
IDENTITY = "query($id: ID!) { application(id: $id) { status applicantIdentifier } }"
SHOW = """query($id: ID!) { application(id: $id) {
  status applicantIdentifier applicant { creditCode }
  creditAtAcceptance { level levelLabel } applicantCredit { level levelLabel } } }"""


@dataclass
class PushRecord:
    app: str
    stage: str  # ACCEPTED / COMPLETED
    dept: str
    channel: str
    id: str
    day: str  # local day of the push
    liaison: str  # the receive liaison current that day, by this story's account
    claim_method: str | None = None


@dataclass
class Log:
    """What this story did, by its own account."""

    applications: dict[str, str] = field(default_factory=dict)  # key → application id
    subject_keys: dict[str, str] = field(default_factory=dict)  # key → credit subject key
    pushes: list[PushRecord] = field(default_factory=list)
    # The current receive liaison of 市卫健委 / 市市场监管局 (name, mobile), changed by the story.
    liaisons: dict[str, tuple[str, str]] = field(default_factory=dict)
    successor_day: str = ""
    meeting_id: str = ""
    # (application, what the case file calls it, channel) for credit lookups, in order.
    lookups: list[tuple[str, str, str]] = field(default_factory=list)
    # (application, local day, what the case file's timeline calls it), as the story acts.
    events: list[tuple[str, str, str]] = field(default_factory=list)

    def push(self, app: str, stage: str, dept: str) -> PushRecord:
        return next(p for p in self.pushes if (p.app, p.stage, p.dept) == (app, stage, dept))


@pytest.fixture(scope="module")
def log(scenario: Scenario) -> Log:
    city = scenario.city
    return Log(
        liaisons={
            dept: (city.person(key).name, city.person(key).mobile)
            for dept, key in (("scjg", "scjg_liaison"), ("wjw", "wjw_liaison"))
        }
    )


def _today(scenario: Scenario) -> str:
    return scenario.clock.now().astimezone(LOCAL_TZ).date().isoformat()


def _masked_mobile(mobile: str) -> str:
    return f"{mobile[:3]}****{mobile[-4:]}"


def _credit_check(scenario: Scenario, log: Log, key: str, code: str) -> str:
    check = scenario.gateway.ok(
        """query($code: String!, $app: ID!) { creditCheck(subjectCode: $code,
             applicationId: $app, purpose: "受理审查") { ... on CreditCheck { ticket level } """
        + ERRORS
        + " } }",
        {"code": code, "app": log.applications[key]},
        token=scenario.as_user("clerk"),
    )
    log.lookups.append((key, "受理审查", "CHECK"))
    log.events.append((key, _today(scenario), "信用查询"))
    return str(check["ticket"])


def _accept(scenario: Scenario, log: Log, key: str, matter: str, ticket: str) -> None:
    accepted = mutate(
        scenario.gateway,
        scenario.as_user("clerk"),
        "acceptApplication",
        "AcceptApplicationInput",
        "... on Application { status creditAtAcceptance { level } }",
        {
            "applicationId": log.applications[key],
            "handlingMode": "NORMAL",
            "creditTicket": ticket,
            "skipReason": "DOCUMENTS_COMPLETE",
        },
    )
    assert accepted == {"status": "ACCEPTED", "creditAtAcceptance": {"level": "NORMAL"}}
    log.events.append((key, _today(scenario), "受理"))
    _record_pushes(scenario, log, key, matter, "ACCEPTED")


def _record_pushes(scenario: Scenario, log: Log, key: str, matter: str, stage: str) -> None:
    """The pushes the list says this stage makes, matched with the ones the clerk sees; each
    names the receive liaison current today."""
    city = scenario.city
    answer = scenario.gateway.data(
        PUSHES, {"id": log.applications[key]}, token=scenario.as_user("clerk")
    )
    by_department = {
        p["department"]["id"]: p for p in answer["application"]["pushes"] if p["stage"] == stage
    }
    assert sorted(by_department) == sorted(city.departments[d] for d, _ in ROUTES[matter])
    for dept, channel in ROUTES[matter]:
        push = by_department[city.departments[dept]]
        online = channel == "ONLINE"
        liaison = log.liaisons[dept][0]
        assert (push["channel"], push["state"], push["receiveLiaisonName"]) == (
            channel,
            "CLAIMED" if online else "AWAITING_CLAIM",
            liaison,
        )
        log.events.append((key, _today(scenario), "推送"))
        if online:
            log.events.append((key, _today(scenario), "认领"))  # 推送即认领
        log.pushes.append(
            PushRecord(
                key,
                stage,
                dept,
                channel,
                push["id"],
                _today(scenario),
                liaison,
                claim_method="ONLINE" if online else None,
            )
        )


def _sms_by_push(scenario: Scenario) -> dict[str, list[tuple[str, str]]]:
    answer = scenario.gateway.data(
        "{ smsMessages(first: 100) { edges { node { key mobile recipientName pushId } } } }",
        token=scenario.as_user("coord"),
    )
    texts: dict[str, list[tuple[str, str]]] = {}
    for edge in answer["smsMessages"]["edges"]:
        node = edge["node"]
        if node["key"].startswith("push:"):
            texts.setdefault(node["pushId"], []).append((node["recipientName"], node["mobile"]))
    return texts


class InboxStream:
    """The clerk's open ``inboxUpdates`` SSE stream through the gateway, read in a thread
    until the first CREDIT event."""

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
                    if self.events[-1]["data"]["inboxUpdates"]["kind"] == "CREDIT":
                        return


# ---------------------------------------------------------------- the steps, in order


def test_a_natural_person_is_accepted_with_the_full_id_for_the_clerk_only(
    scenario: Scenario, log: Log
) -> None:
    gw, city = scenario.gateway, scenario.city
    clerk = scenario.as_user("clerk")
    # Monday 1 March: 刘自然 applies for a food licence with a resident ID number.
    submitted = mutate(
        gw,
        clerk,
        "submitApplication",
        "SubmitApplicationInput",
        "... on Application { id applicantIdentifier applicant { creditCode } }",
        {
            "matterId": city.matters["food"],
            "applicantKind": "NATURAL_PERSON",
            "applicantCode": PERSON_ID,
            "applicantName": PERSON_NAME,
            "applicantContact": "13907379999",
            "applicantAddress": "益阳市资阳区",
        },
    )
    log.applications["P1"] = submitted["id"]
    log.subject_keys["P1"] = submitted["applicant"]["creditCode"]
    assert submitted["applicantIdentifier"] == PERSON_ID
    assert PERSON_ID not in log.subject_keys["P1"]
    ticket = _credit_check(scenario, log, "P1", PERSON_ID)
    _accept(scenario, log, "P1", "food", ticket)

    shown = gw.data(IDENTITY, {"id": log.applications["P1"]}, token=clerk)["application"]
    assert shown == {"status": "ACCEPTED", "applicantIdentifier": PERSON_ID}
    seen = gw.data(IDENTITY, {"id": log.applications["P1"]}, token=scenario.as_user("scjg_liaison"))
    assert seen["application"]["applicantIdentifier"] == mask_id_number(PERSON_ID)
    assert PERSON_ID not in json.dumps(seen)


def test_a_successor_liaison_is_named_ahead_of_time_and_is_not_current_yet(
    scenario: Scenario, log: Log
) -> None:
    gw, city = scenario.gateway, scenario.city
    head = scenario.as_user("wjw_head")
    person = mutate(
        gw,
        head,
        "createPerson",
        "CreatePersonInput",
        "... on Person { id }",
        {
            "sectionId": city.sections["wjw"],
            "name": SUCCESSOR[0],
            "mobile": SUCCESSOR[1],
            "officePhone": "0737-4200000",
            "role": "联络员",
        },
    )
    named = mutate(
        gw,
        head,
        "setLiaison",
        "SetLiaisonInput",
        "... on Liaison { since until current person { name } }",
        {
            "departmentId": city.departments["wjw"],
            "kind": "RECEIVE",
            "personId": person["id"],
            "since": SUCCESSION_DAY,
        },
    )
    assert named == {
        "since": SUCCESSION_DAY,
        "until": None,
        "current": False,
        "person": {"name": SUCCESSOR[0]},
    }
    log.successor_day = SUCCESSION_DAY
    current = gw.data(
        "query($id: ID!) { department(id: $id) { receiveLiaison { until person { name } } } }",
        {"id": city.departments["wjw"]},
        token=scenario.as_user("coord"),
    )["department"]["receiveLiaison"]
    # The old liaison's period ends the day before the successor's first day.
    assert current == {"until": "2027-03-14", "person": {"name": log.liaisons["wjw"][0]}}


def test_a_credit_change_reaches_the_approving_clerk_live_without_asking(
    scenario: Scenario, log: Log
) -> None:
    gw = scenario.gateway
    # Tuesday 2 March.
    scenario.clock.set_local(2027, 3, 2)
    officer = scenario.as_user("credit_officer")
    key = log.subject_keys["P1"]

    def registered() -> bool:
        profile = gw.data(
            'query($c: String!) { subject(creditCode: $c, purpose: "核对登记") {'
            " ... on CreditProfile { subject { name } } } }",
            {"c": key},
            token=officer,
        )["subject"]
        return ((profile or {}).get("subject") or {}).get("name") == PERSON_NAME

    scenario.wait_until(registered, "credit to register the natural person")

    clerk = scenario.as_user("clerk")
    stream = InboxStream(gw.url, clerk)
    assert stream.ready.wait(30)
    # The gateway opens its WebSocket to the subgraph after the response starts.
    threading.Event().wait(1.0)
    # The credit office records a commendation: 一般 → 守信.
    added = mutate(
        gw,
        officer,
        "addCreditRecord",
        "AddCreditRecordInput",
        "... on CreditRecord { category }",
        {
            "subjectCode": key,
            "category": "COMMENDATION",
            "title": "益阳市见义勇为先进个人",
            "source": "市委政法委",
            "decidedOn": _today(scenario),
        },
    )
    assert added == {"category": "COMMENDATION"}
    stream.thread.join(timeout=60)
    assert stream.events, "no event on the clerk's inbox stream"
    notices = gw.data(
        "{ creditNotices(first: 50) { edges { node { id levelLabel previousLevelLabel"
        " application { id } } } } }",
        token=clerk,
    )["creditNotices"]["edges"]
    (notice,) = [
        e["node"] for e in notices if e["node"]["application"]["id"] == log.applications["P1"]
    ]
    assert stream.events[-1] == {"data": {"inboxUpdates": {"kind": "CREDIT", "id": notice["id"]}}}
    assert (notice["previousLevelLabel"], notice["levelLabel"]) == ("一般", "守信")

    # The clerk then reads the applicant's current credit: a logged lookup (办件跟踪).
    shown = gw.data(SHOW, {"id": log.applications["P1"]}, token=clerk)["application"]
    log.lookups.append(("P1", "办件跟踪", "TRACKING"))
    log.events.append(("P1", _today(scenario), "信用查询"))
    assert shown["creditAtAcceptance"] == {"level": "NORMAL", "levelLabel": "一般"}
    assert shown["applicantCredit"] == {"level": "TRUSTWORTHY", "levelLabel": "守信"}


def test_a_letter_push_is_claimed_at_a_held_joint_meeting(scenario: Scenario, log: Log) -> None:
    gw, city, clock = scenario.gateway, scenario.city, scenario.clock
    letter = log.push("P1", "ACCEPTED", "wjw")
    # Wednesday 3 March: the coordination office holds a joint meeting with 市卫健委.
    clock.set_local(2027, 3, 3)
    coord = scenario.as_user("coord")
    held_at = clock.now().replace(microsecond=0) - timedelta(hours=1)
    convened = mutate(
        gw,
        coord,
        "conveneMeeting",
        "ConveneMeetingInput",
        "... on Meeting { id }",
        {
            "title": "审管联动联席会议（三月）",
            "scheduledAt": held_at.isoformat(),
            "participants": [
                {"departmentId": city.departments["wjw"], "personName": log.liaisons["wjw"][0]}
            ],
        },
    )
    log.meeting_id = convened["id"]
    gw.data(
        """mutation($id: ID!, $at: DateTime!) {
             recordMeetingMinutes(meetingId: $id, minutes: "会上交换推送", heldAt: $at) {
               __typename } }""",
        {"id": log.meeting_id, "at": held_at.isoformat()},
        token=coord,
    )
    exchange = gw.ok(
        """mutation($m: ID!, $p: ID!) { recordMeetingExchange(meetingId: $m, pushId: $p) {
             ... on MeetingExchange { __typename } """
        + ERRORS
        + " } }",
        {"m": log.meeting_id, "p": letter.id},
        token=coord,
    )
    assert exchange == {"__typename": "MeetingExchange"}
    letter.claim_method = "JOINT_MEETING"
    # Claimed at the meeting's time, not when it was recorded.
    log.events.append(("P1", held_at.astimezone(LOCAL_TZ).date().isoformat(), "认领"))

    def claimed() -> Any:
        pushes = gw.data(PUSHES, {"id": log.applications["P1"]}, token=scenario.as_user("clerk"))
        found = next(p for p in pushes["application"]["pushes"] if p["id"] == letter.id)
        return found if found["state"] == "CLAIMED" else None

    done = scenario.wait_until(claimed, "approval to claim the push at the meeting")
    assert (done["claimMethod"], done["claimMeetingId"]) == ("JOINT_MEETING", log.meeting_id)


def test_the_natural_person_is_completed_and_its_letter_claimed(
    scenario: Scenario, log: Log
) -> None:
    # Thursday 4 March: the licence is granted; completion pushes again, 市卫健委 by letter.
    scenario.clock.set_local(2027, 3, 4)
    done = mutate(
        scenario.gateway,
        scenario.as_user("clerk"),
        "completeApplication",
        "CompleteApplicationInput",
        "... on Application { status }",
        {
            "applicationId": log.applications["P1"],
            "outcome": "APPROVED",
            "documents": [{"kind": "LICENCE", "number": "JY14309020000001"}],
        },
    )
    assert done == {"status": "APPROVED"}
    log.events.append(("P1", _today(scenario), "办结"))
    _record_pushes(scenario, log, "P1", "food", "COMPLETED")
    letter = log.push("P1", "COMPLETED", "wjw")
    claimed = mutate(
        scenario.gateway,
        scenario.as_user("wjw_liaison"),
        "claimPush",
        "ClaimPushInput",
        "... on Push { state claimMethod }",
        {"pushId": letter.id, "method": "LETTER", "note": "收到书面函件"},
    )
    assert claimed == {"state": "CLAIMED", "claimMethod": "LETTER"}
    letter.claim_method = "LETTER"
    log.events.append(("P1", _today(scenario), "认领"))


def test_the_push_after_the_succession_day_texts_the_new_liaison(
    scenario: Scenario, log: Log
) -> None:
    gw = scenario.gateway
    # Monday 15 March: the successor is current; a bath house's hygiene licence is accepted.
    scenario.clock.set_local(2027, 3, 15)
    assert _today(scenario) == log.successor_day
    log.liaisons["wjw"] = SUCCESSOR
    code, name = COMPANY
    app = mutate(
        gw,
        scenario.as_user("clerk"),
        "submitApplication",
        "SubmitApplicationInput",
        "... on Application { id }",
        {
            "matterId": scenario.city.matters["hygiene"],
            "applicantCode": code,
            "applicantName": name,
            "applicantContact": "0737-4100000",
            "applicantAddress": "益阳市赫山区",
        },
    )
    log.applications["L1"] = app["id"]
    ticket = _credit_check(scenario, log, "L1", code)
    _accept(scenario, log, "L1", "hygiene", ticket)

    # Every push texted exactly once, the liaison current on the day of the push.
    push_ids = {p.id for p in log.pushes}
    sms = scenario.wait_until(
        lambda: (found := _sms_by_push(scenario)) and push_ids <= set(found) and found,
        "an SMS for every push",
    )
    old = scenario.city.person("wjw_liaison")
    scjg = scenario.city.person("scjg_liaison")
    mobiles = dict([SUCCESSOR, (old.name, old.mobile), (scjg.name, scjg.mobile)])
    assert {p.id: sms[p.id] for p in log.pushes} == {
        p.id: [(p.liaison, _masked_mobile(mobiles[p.liaison]))] for p in log.pushes
    }
    wjw = [p for p in log.pushes if p.dept == "wjw"]
    assert [p.liaison for p in wjw] == [old.name, old.name, SUCCESSOR[0]]


def test_claims_per_method_match_the_story(scenario: Scenario, log: Log) -> None:
    gw, city = scenario.gateway, scenario.city

    def claims(dept: str | None) -> dict[str, int]:
        answer = gw.data(
            """query($s: Date!, $u: Date!, $d: ID) { linkageStatistics(since: $s, until: $u,
                 departmentId: $d) { ... on LinkageStatistics { pushesReceived pushesClaimed
                 claimsByMethod { method count } } } }""",
            {"s": "2027-03-01", "u": "2027-03-31", "d": city.departments[dept] if dept else None},
            token=scenario.as_user("coord"),
        )["linkageStatistics"]
        by_method = {c["method"]: c["count"] for c in answer["claimsByMethod"]}
        return {
            "pushesReceived": answer["pushesReceived"],
            "pushesClaimed": answer["pushesClaimed"],
            **{m: by_method.get(m, 0) for m in METHODS},
        }

    # Each receiving department, then the city (None).
    for dept in ("scjg", "wjw", None):
        received = [p for p in log.pushes if dept in (None, p.dept)]
        methods = Counter(p.claim_method for p in received if p.claim_method)
        expected = {
            "pushesReceived": len(received),
            "pushesClaimed": sum(methods.values()),
            **{m: methods[m] for m in METHODS},
        }
        # The last claims may still be on their way to coordination's fact store.
        scenario.wait_until(lambda d=dept, e=expected: claims(d) == e, f"{dept}'s claims")
        assert claims(dept) == expected, dept
    wjw = Counter(p.claim_method for p in log.pushes if p.dept == "wjw")
    assert wjw == {"JOINT_MEETING": 1, "LETTER": 1, "ONLINE": 1}


def test_the_case_file_lists_pushes_claims_and_credit_lookups_in_order(
    scenario: Scenario, log: Log
) -> None:
    city = scenario.city
    case = scenario.gateway.data(
        """query($id: ID!) { caseFile(applicationId: $id) {
             pushes { pushId stage claimMethod claimMeetingId liaisonName }
             creditLookups { department { id } channel purpose lookedUpAt }
             timeline { at what } } }""",
        {"id": log.applications["P1"]},
        token=scenario.as_user("coord"),
    )["caseFile"]
    p1 = [p for p in log.pushes if p.app == "P1"]
    assert case["pushes"] == [
        {
            "pushId": p.id,
            "stage": p.stage,
            "claimMethod": p.claim_method,
            "claimMeetingId": log.meeting_id if p.claim_method == "JOINT_MEETING" else None,
            "liaisonName": p.liaison,
        }
        for p in p1
    ]
    assert [(x["department"]["id"], x["purpose"], x["channel"]) for x in case["creditLookups"]] == [
        (city.departments["spj"], purpose, channel)
        for app, purpose, channel in log.lookups
        if app == "P1"
    ]
    times = [x["lookedUpAt"] for x in case["creditLookups"]]
    assert times == sorted(times)
    timeline = case["timeline"]
    assert [e["at"] for e in timeline] == sorted(e["at"] for e in timeline)
    # Day by day, what happened to P1, exactly as the story did it.
    days = [
        (datetime.fromisoformat(e["at"]).astimezone(LOCAL_TZ).date().isoformat(), e["what"])
        for e in timeline
    ]
    assert Counter(days) == Counter((day, what) for app, day, what in log.events if app == "P1")
    # In order: the acceptance check before the first push, the tracking read before the
    # completion's pushes.
    whats = [e["what"] for e in timeline if e["what"] in ("推送", "信用查询")]
    assert whats == ["信用查询", "推送", "推送", "信用查询", "推送", "推送"]
