"""Through the gateway, with the worker the stack runs: a natural person is submitted,
credit-checked, accepted and completed by ID number; a credit change of the applicant reaches
the approving department's open inbox stream; the clerk reads the current credit (a logged
lookup); other departments see the number masked and cannot read the credit."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

import httpx

from api.core.clock import local_today
from api.core.identifiers import make_id_number, mask_id_number

MATTER = "430900-XK-0001"  # 食品经营许可 of 市审批局, linked to 市市场监管局 in the demo
NUMBER = make_id_number("43090319880808001")  # 赫山区; the person is new to the credit system


def _data(response: httpx.Response) -> dict[str, Any]:
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


def _wait_for(predicate, what: str, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


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
                    if self.events[-1]["data"]["inboxUpdates"]["kind"] == "CREDIT":
                        return


SHOW = """query($id: ID!) { application(id: $id) {
  status applicantIdentifier applicant { creditCode }
  creditAtAcceptance { level levelLabel }
  applicantCredit { level levelLabel } } }"""


def test_natural_person_loop_and_credit_change_reach_the_approving_clerk_live(gateway, stack):
    clerk = gateway.sign_in("spj_clerk")
    matters = _data(gateway.post("{ matters { id code } }", token=clerk))["matters"]
    matter = next(m["id"] for m in matters if m["code"] == MATTER)

    submitted = _data(
        gateway.post(
            """mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) {
                 ... on Application { id applicantIdentifier applicant { creditCode } }
                 ... on ValidationErrors { errors { field code message } } } }""",
            {
                "input": {
                    "matterId": matter,
                    "applicantKind": "NATURAL_PERSON",
                    "applicantCode": NUMBER,
                    "applicantName": "周自然",
                }
            },
            token=clerk,
        )
    )["submitApplication"]
    app_id = submitted["id"]
    key = submitted["applicant"]["creditCode"]
    assert submitted["applicantIdentifier"] == NUMBER
    assert key.startswith("NP")
    assert NUMBER not in json.dumps(key)

    check = _data(
        gateway.post(
            """query($code: String!, $app: ID!) {
                 creditCheck(subjectCode: $code, applicationId: $app, purpose: "受理前核查") {
                   ... on CreditCheck { level ticket }
                   ... on ValidationErrors { errors { field code message } } } }""",
            {"code": NUMBER, "app": app_id},
            token=clerk,
        )
    )["creditCheck"]
    assert check["level"] == "NORMAL"
    accepted = _data(
        gateway.post(
            """mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) {
                 ... on Application { status creditAtAcceptance { level levelLabel } }
                 ... on ValidationErrors { errors { field code message } } } }""",
            {
                "input": {
                    "applicationId": app_id,
                    "handlingMode": "NORMAL",
                    "creditTicket": check["ticket"],
                    "skipReason": "DOCUMENTS_COMPLETE",
                }
            },
            token=clerk,
        )
    )["acceptApplication"]
    assert accepted == {
        "status": "ACCEPTED",
        "creditAtAcceptance": {"level": "NORMAL", "levelLabel": "一般"},
    }

    officer = gateway.sign_in("credit_officer")

    # The worker registers the applicant with credit (approval.application.accepted).
    def registered() -> bool:
        profile = _data(
            gateway.post(
                'query($c: String!) { subject(creditCode: $c, purpose: "核对登记") {'
                " ... on CreditProfile { subject { name } } } }",
                {"c": key},
                token=officer,
            )
        )["subject"]
        # Null until the worker has delivered the acceptance to credit.
        return ((profile or {}).get("subject") or {}).get("name") == "周自然"

    _wait_for(registered, "credit to register the applicant")

    stream = InboxStream(gateway.url, clerk)
    assert stream.ready.wait(30)
    time.sleep(1.0)  # the gateway opens its WebSocket to the subgraph after the response starts

    added = _data(
        gateway.post(
            """mutation($input: AddCreditRecordInput!) { addCreditRecord(input: $input) {
                 __typename ... on ValidationErrors { errors { field message } } } }""",
            {
                "input": {
                    "subjectCode": key,
                    "category": "COMMENDATION",
                    "title": "益阳市见义勇为先进个人",
                    "source": "市委政法委",
                    "decidedOn": local_today().isoformat(),
                }
            },
            token=officer,
        )
    )
    assert added == {"addCreditRecord": {"__typename": "CreditRecord"}}

    stream.thread.join(timeout=60)
    notices = _data(
        gateway.post(
            "{ creditNotices(first: 50) { edges { node { id levelLabel previousLevelLabel"
            " message application { id } } } } }",
            token=clerk,
        )
    )["creditNotices"]["edges"]
    (notice,) = [e["node"] for e in notices if e["node"]["application"]["id"] == app_id]
    assert stream.events[-1] == {"data": {"inboxUpdates": {"kind": "CREDIT", "id": notice["id"]}}}
    assert (notice["previousLevelLabel"], notice["levelLabel"]) == ("一般", "守信")
    assert notice["message"].startswith(f"办件{app_id}的申请人周自然信用等级由“一般”变为“守信”")

    shown = _data(gateway.post(SHOW, {"id": app_id}, token=clerk))["application"]
    assert shown == {
        "status": "ACCEPTED",
        "applicantIdentifier": NUMBER,
        "applicant": {"creditCode": key},
        "creditAtAcceptance": {"level": "NORMAL", "levelLabel": "一般"},
        "applicantCredit": {"level": "TRUSTWORTHY", "levelLabel": "守信"},
    }
    lookups = _data(
        gateway.post(
            "query($a: ID!) { creditLookups(applicationId: $a) { username channel purpose"
            " subjectCode } }",
            {"a": app_id},
            token=officer,
        )
    )["creditLookups"]
    assert {
        "username": "spj_clerk",
        "channel": "TRACKING",
        "purpose": "办件跟踪",
        "subjectCode": key,
    } in lookups

    # Another department's clerk: the application is out of scope, so is its credit.
    other = gateway.sign_in("hs_clerk")
    assert _data(gateway.post(SHOW, {"id": app_id}, token=other)) == {"application": None}
    # The supervising department sees the number masked.
    liaison = gateway.sign_in("scjg_liaison")
    seen = _data(gateway.post(SHOW, {"id": app_id}, token=liaison))["application"]
    assert seen["applicantIdentifier"] == mask_id_number(NUMBER)

    completed = _data(
        gateway.post(
            """mutation($input: CompleteApplicationInput!) { completeApplication(input: $input) {
                 ... on Application { status }
                 ... on ValidationErrors { errors { field code message } } } }""",
            {
                "input": {
                    "applicationId": app_id,
                    "outcome": "APPROVED",
                    "documents": [{"kind": "LICENCE", "number": "JY14309030000001"}],
                }
            },
            token=clerk,
        )
    )["completeApplication"]
    assert completed == {"status": "APPROVED"}
