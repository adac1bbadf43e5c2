"""容缺受理 and 告知承诺 are followed up, through the gateway in the stack `shenguan serve`
starts (issue 18 items 4-6), in the first week of March 2027.

A restaurant is accepted with a missing health certificate due the next working day: its
completion is refused while the item is outstanding, the worker's daily job reminds the
approving department's push liaison once the date has passed (an SMS, counted on the item),
the clerk records the material supplied and completes. A food shop is accepted on its
commitment with the signed 承诺书; at completion 市市场监管局 and 市卫健委 each get a
verification task due ten working days later in their inbox; 市市场监管局 finds it false, credit
records 信用承诺失信 naming the department and its document number, and the shop's next
告知承诺 is refused citing that record. Its licence record names the issuing authority.
"""

from __future__ import annotations

import base64
from typing import Any

import pytest

from api.core.identifiers import make_uscc
from tests.scenarios.harness import ERRORS, PDF, Scenario, mutate

RESTAURANT = (make_uscc("91430900MA4L88011"), "益阳容缺试点餐馆有限公司")
SHOP = (make_uscc("91430900MA4L88022"), "益阳承诺核查食品店")
NUMBER = "益市监核〔2027〕3号"
APP = """query($id: ID!) { application(id: $id) { status handlingMode
  missingItems { id name dueOn state overdue reminders note }
  commitment { text fileName fileSha256 contentBase64 }
  verificationTasks { id dueOn result department { id } } } }"""
INBOX = """{ verificationInbox(openOnly: true, first: 10) { totalCount
  edges { node { id dueOn application { id applicantName commitment { text fileName } } } } } }"""
RECORDS = """query($c: String!) { subject(creditCode: $c, purpose: "信用核查") {
  ... on CreditProfile { records { category title source authority matterName documentNumber
  decidedOn validUntil } } } }"""


def _submit(scenario: Scenario, applicant: tuple[str, str]) -> str:
    code, name = applicant
    made = mutate(
        scenario.gateway,
        scenario.as_user("clerk"),
        "submitApplication",
        "SubmitApplicationInput",
        "... on Application { id }",
        {
            "matterId": scenario.city.matters["food"],
            "applicantCode": code,
            "applicantName": name,
            "applicantContact": "0737-4100000",
            "applicantAddress": "益阳市资阳区",
        },
    )
    return str(made["id"])


def _check(scenario: Scenario, application_id: str, code: str) -> dict[str, Any]:
    return scenario.gateway.ok(
        """query($code: String!, $app: ID!) { creditCheck(subjectCode: $code,
             applicationId: $app, purpose: "受理审查") { ... on CreditCheck { ticket level
             modes { mode allowed reason } } """
        + ERRORS
        + " } }",
        {"code": code, "app": application_id},
        token=scenario.as_user("clerk"),
    )


def _accept(scenario: Scenario, application_id: str, ticket: str, **extra: Any) -> Any:
    doc = (
        "mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) {"
        f" ... on Application {{ status handlingMode }} {ERRORS} }} }}"
    )
    return scenario.gateway.data(
        doc,
        {"input": {"applicationId": application_id, "creditTicket": ticket, **extra}},
        token=scenario.as_user("clerk"),
    )["acceptApplication"]


def _complete(scenario: Scenario, application_id: str, number: str) -> Any:
    doc = (
        "mutation($input: CompleteApplicationInput!) { completeApplication(input: $input) {"
        f" ... on Application {{ status }} {ERRORS} }} }}"
    )
    return scenario.gateway.data(
        doc,
        {
            "input": {
                "applicationId": application_id,
                "outcome": "APPROVED",
                "documents": [{"kind": "LICENCE", "number": number, "validUntil": "2032-03-02"}],
            }
        },
        token=scenario.as_user("clerk"),
    )["completeApplication"]


def _application(scenario: Scenario, application_id: str, user: str = "clerk") -> Any:
    return scenario.gateway.ok(APP, {"id": application_id}, token=scenario.as_user(user))


def _records(scenario: Scenario, code: str) -> list[dict[str, Any]]:
    profile = scenario.gateway.data(RECORDS, {"c": code}, token=scenario.as_user("credit_officer"))[
        "subject"
    ]
    return list((profile or {}).get("records") or [])


@pytest.fixture(scope="module")
def ids() -> dict[str, str]:
    return {}


def test_missing_material_is_dated_reminded_and_blocks_completion(
    scenario: Scenario, ids: dict[str, str]
) -> None:
    # Monday 1 March: accepted with the health certificate missing, due in one working day.
    scenario.clock.set_local(2027, 3, 1)
    app = _submit(scenario, RESTAURANT)
    ids["restaurant"] = app
    check = _check(scenario, app, RESTAURANT[0])
    accepted = _accept(
        scenario,
        app,
        check["ticket"],
        handlingMode="MISSING_DOCUMENTS",
        missingItems=[{"name": "从业人员健康证明", "days": 1}],
    )
    assert accepted == {"status": "ACCEPTED", "handlingMode": "MISSING_DOCUMENTS"}
    (item,) = _application(scenario, app)["missingItems"]
    assert (item["name"], item["dueOn"], item["state"], item["overdue"]) == (
        "从业人员健康证明",
        "2027-03-02",
        "OUTSTANDING",
        False,
    )

    refused = _complete(scenario, app, "JY14309020027001")
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [
        ("missingItems", "MISSING_ITEMS_OUTSTANDING")
    ]
    assert "从业人员健康证明" in refused["errors"][0]["message"]
    assert _application(scenario, app)["status"] == "ACCEPTED"

    # Wednesday 3 March: the worker's daily job reminds the push liaison (李娜) once.
    scenario.clock.set_local(2027, 3, 3, 9)

    def reminded() -> Any:
        (row,) = _application(scenario, app)["missingItems"]
        return row if row["reminders"] == 1 else None

    row = scenario.wait_until(reminded, "the overdue material to be reminded")
    assert row["overdue"] is True
    sms = scenario.gateway.ok(
        "{ smsMessages(first: 50) { edges { node { key recipientName text } } } }",
        token=scenario.as_user("clerk"),
    )
    texts = [
        e["node"] for e in sms["edges"] if e["node"]["key"].startswith(f"missing:{item['id']}:")
    ]
    assert [(t["key"], t["recipientName"]) for t in texts] == [
        (f"missing:{item['id']}:2027-03-03", "李娜")
    ]
    assert "从业人员健康证明" in texts[0]["text"]
    counts = scenario.gateway.ok(
        "{ facilitationFollowUp { items outstanding overdue reminders } }",
        token=scenario.as_user("clerk"),
    )
    assert counts == {"items": 1, "outstanding": 1, "overdue": 1, "reminders": 1}

    supplied = mutate(
        scenario.gateway,
        scenario.as_user("clerk"),
        "supplyMissingItem",
        "SupplyMissingItemInput",
        "... on MissingItem { state note }",
        {"itemId": item["id"], "note": "申请人到窗口补交原件"},
    )
    assert supplied == {"state": "SUPPLIED", "note": "申请人到窗口补交原件"}
    assert _complete(scenario, app, "JY14309020027001") == {"status": "APPROVED"}


def test_commitment_is_verified_and_false_becomes_a_record_that_refuses_the_next(
    scenario: Scenario, ids: dict[str, str]
) -> None:
    gw = scenario.gateway
    code = SHOP[0]
    app = _submit(scenario, SHOP)
    check = _check(scenario, app, code)
    accepted = _accept(
        scenario,
        app,
        check["ticket"],
        handlingMode="NOTIFY_AND_COMMIT",
        commitment={
            "text": "本店承诺已具备与经营品种相适应的冷藏设施",
            "fileName": "承诺书.pdf",
            "contentBase64": base64.b64encode(PDF).decode(),
        },
    )
    assert accepted == {"status": "ACCEPTED", "handlingMode": "NOTIFY_AND_COMMIT"}
    assert _complete(scenario, app, "JY14309020027002") == {"status": "APPROVED"}

    # Each supervising department has its task, due ten working days after 3 March.
    scjg, wjw = scenario.city.departments["scjg"], scenario.city.departments["wjw"]
    tasks = _application(scenario, app)["verificationTasks"]
    assert sorted((t["department"]["id"], t["dueOn"], t["result"]) for t in tasks) == sorted(
        [(scjg, "2027-03-17", None), (wjw, "2027-03-17", None)]
    )
    by_dept = {t["department"]["id"]: t["id"] for t in tasks}
    for liaison in ("scjg_liaison", "wjw_liaison"):
        inbox = gw.ok(INBOX, token=scenario.as_user(liaison))
        nodes = [e["node"] for e in inbox["edges"] if e["node"]["application"]["id"] == app]
        assert [(n["dueOn"], n["application"]["commitment"]["fileName"]) for n in nodes] == [
            ("2027-03-17", "承诺书.pdf")
        ]
    # the supervising department opens the signed commitment, byte for byte
    seen = _application(scenario, app, "scjg_liaison")["commitment"]
    assert base64.b64decode(seen["contentBase64"]) == PDF
    # ... and sees only its own task; 市卫健委 cannot record 市市场监管局's
    assert [t["id"] for t in _application(scenario, app, "scjg_liaison")["verificationTasks"]] == [
        by_dept[scjg]
    ]
    foreign = gw.data(
        "mutation($input: RecordVerificationInput!) { recordVerification(input: $input) {"
        f" ... on VerificationTask {{ id }} {ERRORS} }} }}",
        {"input": {"taskId": by_dept[scjg], "result": "TRUTHFUL", "evidence": "越权"}},
        token=scenario.as_user("wjw_liaison"),
    )["recordVerification"]
    assert [e["code"] for e in foreign["errors"]] == ["NOT_FOUND"]

    mutate(
        gw,
        scenario.as_user("wjw_liaison"),
        "recordVerification",
        "RecordVerificationInput",
        "... on VerificationTask { result }",
        {"taskId": by_dept[wjw], "result": "TRUTHFUL", "evidence": "卫生条件与承诺一致"},
    )
    false = mutate(
        gw,
        scenario.as_user("scjg_liaison"),
        "recordVerification",
        "RecordVerificationInput",
        "... on VerificationTask { result documentNumber evidenceSha256 }",
        {
            "taskId": by_dept[scjg],
            "result": "UNTRUTHFUL",
            "evidence": "现场无冷藏设施，与承诺不符",
            "documentNumber": NUMBER,
            "fileName": "现场核查笔录.pdf",
            "contentBase64": base64.b64encode(PDF).decode(),
        },
    )
    assert (false["result"], false["documentNumber"]) == ("UNTRUTHFUL", NUMBER)

    # Credit records 信用承诺失信, naming the department, matter and document number.
    def breach() -> Any:
        found = [r for r in _records(scenario, code) if r["category"] == "COMMITMENT_BREACH"]
        return found or None

    (record,) = scenario.wait_until(breach, "the false commitment to become a credit record")
    assert record == {
        "category": "COMMITMENT_BREACH",
        "title": f"信用承诺失信：食品经营许可告知承诺经益阳市市场监督管理局核查不实（{NUMBER}）",
        "source": "益阳市市场监督管理局",
        "authority": "益阳市市场监督管理局",
        "matterName": "食品经营许可",
        "documentNumber": NUMBER,
        "decidedOn": "2027-03-03",
        "validUntil": "2030-03-02",
    }
    # The licence record names the issuing authority, matter, number and validity.
    licence = next(r for r in _records(scenario, code) if r["category"] == "LICENSING")
    assert (licence["authority"], licence["matterName"], licence["documentNumber"]) == (
        "益阳市行政审批服务局",
        "食品经营许可",
        "JY14309020027002",
    )
    assert licence["source"] == "益阳市行政审批服务局"
    assert licence["validUntil"] == "2032-03-02"

    # The shop's next 告知承诺 is refused, citing the record.
    again = _submit(scenario, SHOP)
    check = _check(scenario, again, code)
    modes = {m["mode"]: m for m in check["modes"]}
    assert modes["NOTIFY_AND_COMMIT"]["allowed"] is False
    assert NUMBER in modes["NOTIFY_AND_COMMIT"]["reason"]
    assert "益阳市市场监督管理局" in modes["NOTIFY_AND_COMMIT"]["reason"]
    refused = _accept(
        scenario,
        again,
        check["ticket"],
        handlingMode="NOTIFY_AND_COMMIT",
        commitment={"text": "再次承诺", "fileName": "承诺书.pdf", "contentBase64": ""},
    )
    (error,) = refused["errors"]
    assert (error["field"], error["code"]) == ("handlingMode", "MODE_NOT_ALLOWED_BY_CREDIT")
    assert NUMBER in error["message"]
    assert "NOTIFY_AND_COMMIT" not in error["message"]
    assert "DISHONEST" not in error["message"]

    # It counts in approval quality.
    quality = gw.ok(
        "{ approvalQuality { commitments falseCommitments matter { id } } }",
        token=scenario.as_user("clerk"),
    )
    food = [q for q in quality if q["matter"]["id"] == scenario.city.matters["food"]]
    assert [(q["commitments"], q["falseCommitments"]) for q in food] == [(1, 1)]
