"""One month of the linkage loop (March 2027) through the gateway, as the city's users do it.

Every figure the statistics, the monthly summary and the assessment give for March is
compared with one computed here from this story's own action log (``Log``), never from the
database. Natural persons, joint-meeting claims, liaison changes and credit flowing back to
approval are other branches' stories (issue 16 items 2-5) and are not driven here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pytest

from api.core.clock import LOCAL_TZ
from api.core.identifiers import make_uscc
from tests.scenarios.harness import ERRORS, Scenario, mutate

APPLICANTS = {
    "A1": ("food", make_uscc("91430900MA4L1001"[:17].ljust(17, "1")), "益阳百味餐饮有限公司"),
    "A2": ("food", make_uscc("91430900MA4L2002"[:17].ljust(17, "2")), "益阳湘味食品有限公司"),
    "A3": ("food", make_uscc("91430900MA4L3003"[:17].ljust(17, "3")), "益阳鲜果商贸有限公司"),
    "A4": ("hygiene", make_uscc("91430900MA4L4004"[:17].ljust(17, "4")), "益阳清泉浴场有限公司"),
}
# Which departments each approval matter pushes to, and on which channel (the city's list).
ROUTES = {"food": (("scjg", "ONLINE"), ("wjw", "LETTER")), "hygiene": (("wjw", "ONLINE"),)}
LIAISON = {"scjg": "scjg_liaison", "wjw": "wjw_liaison"}


@dataclass
class PushRecord:
    app: str
    stage: str  # ACCEPTED / COMPLETED
    dept: str
    channel: str
    feedback_required: bool
    id: str = ""
    claimed: bool = False
    fed_back: bool = False
    # Local days of what happened to it (the case file's timeline).
    days: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Log:
    """What this story did, by its own account."""

    applications: dict[str, str] = field(default_factory=dict)  # key → application id
    acceptances: list[str] = field(default_factory=list)
    credit_checks: list[str] = field(default_factory=list)
    pushes: list[PushRecord] = field(default_factory=list)
    abnormal_findings: Counter[str] = field(default_factory=Counter)  # by department
    # (application, local day, what the case file calls it) for acceptances, completions
    # and credit lookups; the pushes keep their own.
    events: list[tuple[str, str, str]] = field(default_factory=list)

    def push(self, app: str, stage: str, dept: str) -> PushRecord:
        return next(p for p in self.pushes if (p.app, p.stage, p.dept) == (app, stage, dept))


APPLICATION = """query($id: ID!) { application(id: $id) { status
  pushes { id stage channel state feedbackState overdue department { shortName } } } }"""


def _submit_check_accept(scenario: Scenario, log: Log, key: str) -> None:
    gw, city = scenario.gateway, scenario.city
    clerk = scenario.as_user("clerk")
    matter, code, name = APPLICANTS[key]
    app = mutate(
        gw,
        clerk,
        "submitApplication",
        "SubmitApplicationInput",
        "... on Application { id }",
        {
            "matterId": city.matters[matter],
            "applicantCode": code,
            "applicantName": name,
            "applicantContact": "0737-4100000",
            "applicantAddress": "益阳市赫山区",
        },
    )
    log.applications[key] = app["id"]
    check = gw.ok(
        """query($code: String!, $app: ID!) { creditCheck(subjectCode: $code,
             applicationId: $app, purpose: "受理审查") {
             ... on CreditCheck { ticket level allowedModes } """
        + ERRORS
        + " } }",
        {"code": code, "app": app["id"]},
        token=clerk,
    )
    log.credit_checks.append(key)
    log.events.append((key, _today(scenario), "信用查询"))
    accepted = mutate(
        gw,
        clerk,
        "acceptApplication",
        "AcceptApplicationInput",
        "... on Application { status pushes { id stage channel state department { id } } }",
        {
            "applicationId": app["id"],
            "handlingMode": "NORMAL",
            "creditTicket": check["ticket"],
            "skipReason": "DOCUMENTS_COMPLETE",  # 材料齐全: no 容缺受理 needed
        },
    )
    log.acceptances.append(key)
    log.events.append((key, _today(scenario), "受理"))
    _record_pushes(scenario, log, key, "ACCEPTED", accepted["pushes"], feedback=False)


def _record_pushes(
    scenario: Scenario,
    log: Log,
    key: str,
    stage: str,
    pushes: list[dict[str, Any]],
    *,
    feedback: bool,
) -> None:
    """The pushes the list says this stage makes, matched with the ones the answer shows."""
    city = scenario.city
    by_department = {p["department"]["id"]: p for p in pushes if p["stage"] == stage}
    expected = ROUTES[APPLICANTS[key][0]]
    assert sorted(by_department) == sorted(city.departments[d] for d, _ in expected)
    for dept, channel in expected:
        push = by_department[city.departments[dept]]
        online = channel == "ONLINE"
        assert (push["channel"], push["state"]) == (
            channel,
            "CLAIMED" if online else "AWAITING_CLAIM",
        )
        days = [(_today(scenario), "推送")] + ([(_today(scenario), "认领")] if online else [])
        log.pushes.append(
            PushRecord(
                key, stage, dept, channel, feedback, id=push["id"], claimed=online, days=days
            )
        )


def _complete(scenario: Scenario, log: Log, key: str, *, approved: bool) -> None:
    documents = (
        [{"kind": "LICENCE", "number": f"JY2027{key}", "validFrom": "2027-03-03"}]
        if approved
        else [{"kind": "REFUSAL_DECISION", "number": f"BY2027{key}"}]
    )
    done = mutate(
        scenario.gateway,
        scenario.as_user("clerk"),
        "completeApplication",
        "CompleteApplicationInput",
        "... on Application { status pushes { id stage channel state department { id } } }",
        {
            "applicationId": log.applications[key],
            "outcome": "APPROVED" if approved else "REFUSED",
            "documents": documents,
            "refusalReason": "" if approved else "经营场所不符合要求",
        },
    )
    assert done["status"] == ("APPROVED" if approved else "REFUSED")
    log.events.append((key, _today(scenario), "办结"))
    _record_pushes(scenario, log, key, "COMPLETED", done["pushes"], feedback=approved)


def _claim_by_letter(scenario: Scenario, push: PushRecord) -> None:
    claimed = mutate(
        scenario.gateway,
        scenario.as_user(LIAISON[push.dept]),
        "claimPush",
        "ClaimPushInput",
        "... on Push { state claimMethod }",
        {"pushId": push.id, "method": "LETTER", "note": "收到书面函件"},
    )
    assert claimed == {"state": "CLAIMED", "claimMethod": "LETTER"}
    push.claimed = True
    push.days.append((_today(scenario), "认领"))


def _close_normally(scenario: Scenario, push: PushRecord) -> None:
    closed = scenario.gateway.ok(
        "mutation($id: ID!) { closePushWithoutAbnormality(pushId: $id) {"
        " ... on Push { feedbackState } " + ERRORS + " } }",
        {"id": push.id},
        token=scenario.as_user(LIAISON[push.dept]),
    )
    assert closed == {"feedbackState": "NO_ABNORMALITY"}
    push.fed_back = True
    push.days.append((_today(scenario), "反馈"))


def _today(scenario: Scenario) -> str:
    return scenario.clock.now().astimezone(LOCAL_TZ).date().isoformat()


def _masked(mobile: str) -> str:
    return f"{mobile[:3]}****{mobile[-4:]}"


def _sms_by_push(scenario: Scenario) -> dict[str, list[str]]:
    answer = scenario.gateway.data(
        "{ smsMessages(first: 100) { edges { node { key mobile pushId } } } }",
        token=scenario.as_user("coord"),
    )
    texts: dict[str, list[str]] = {}
    for edge in answer["smsMessages"]["edges"]:
        node = edge["node"]
        if node["key"].startswith("push:"):
            texts.setdefault(node["pushId"], []).append(node["mobile"])
    return texts


def _expected_figures(log: Log, department: str | None) -> dict[str, int]:
    """The statistics for March as this story's actions make them (department: receiving
    side for pushes, approving side for acceptances; None: the city)."""
    received = [p for p in log.pushes if department in (None, p.dept)]
    sent = log.pushes if department in (None, "spj") else []
    due = [p for p in received if p.feedback_required]  # all due by 10 March, read in April
    approving = department in (None, "spj")
    return {
        "pushesSent": len(sent),
        "pushesReceived": len(received),
        "pushesClaimed": sum(p.claimed for p in received),
        "feedbackDue": len(due),
        "feedbackOnTime": sum(p.fed_back for p in due),
        "overdue": sum(not p.fed_back for p in due),
        "acceptances": len(log.acceptances) if approving else 0,
        "acceptancesWithCreditCheck": len(log.credit_checks) if approving else 0,
        "abnormalFindings": (
            sum(log.abnormal_findings.values())
            if department is None
            else log.abnormal_findings[department]
        ),
    }


FIGURES = (
    "pushesSent pushesReceived pushesClaimed feedbackDue feedbackOnTime overdue acceptances"
    " acceptancesWithCreditCheck abnormalFindings"
)


def test_the_city_is_built_and_its_list_published_through_the_gateway(scenario: Scenario) -> None:
    listing = scenario.gateway.data(
        "{ publishedLinkageList { number entries { approvalMatterName channel } } }",
        token=scenario.as_user("clerk"),
    )["publishedLinkageList"]
    assert scenario.city.list_version == listing["number"] == 1
    assert sorted((e["approvalMatterName"], e["channel"]) for e in listing["entries"]) == [
        ("公共场所卫生许可", "ONLINE"),
        ("食品经营许可", "LETTER"),
        ("食品经营许可", "ONLINE"),
    ]


def test_a_month_of_the_linkage_loop_shows_up_exactly_as_it_was_done(scenario: Scenario) -> None:
    log = Log()
    _first_week(scenario, log)
    _feedback_and_credit(scenario, log)
    _refusal_overdue_and_cards(scenario, log)
    # Thursday 1 April, the first working day: March is summed up, counted and ranked.
    scenario.clock.set_local(2027, 4, 1)
    _check_monthly_summary(scenario, log)
    _check_statistics_and_assessment(scenario, log)
    _check_case_file(scenario, log)
    _check_lookup_log_numbers(scenario, log)


def _first_week(scenario: Scenario, log: Log) -> None:
    gw, city, clock = scenario.gateway, scenario.city, scenario.clock
    # The credit office has the credit system collect enforcement results as penalties.
    mutate(
        gw,
        scenario.as_user("credit_officer"),
        "saveAggregationRule",
        "AggregationRuleInput",
        "... on AggregationRule { resultType }",
        {
            "findingKind": "ENFORCEMENT_RESULT",
            "resultType": "*",
            "category": "PENALTY",
            "validityMonths": 36,
        },
    )

    # Monday 1 March: four applications checked and accepted; every push texts its liaison.
    for key in APPLICANTS:
        _submit_check_accept(scenario, log, key)
    accepted_pushes = {p.id for p in log.pushes}
    sms = scenario.wait_until(
        lambda: (found := _sms_by_push(scenario)) and accepted_pushes <= set(found) and found,
        "an SMS for every push",
    )
    # Exactly one text per push, to that department's receive liaison (mobile shown masked).
    mobiles = {d: _masked(city.person(LIAISON[d]).mobile) for d in LIAISON}
    assert {p.id: sms[p.id] for p in log.pushes} == {p.id: [mobiles[p.dept]] for p in log.pushes}

    # Tuesday 2 March: 市卫健委 claims two letters; A3's letter stays unclaimed.
    clock.set_local(2027, 3, 2)
    for key in ("A1", "A2"):
        _claim_by_letter(scenario, log.push(key, "ACCEPTED", "wjw"))

    # Wednesday 3 March: three licences granted; each completion pushes again, with feedback.
    clock.set_local(2027, 3, 3)
    for key in ("A1", "A2", "A4"):
        _complete(scenario, log, key, approved=True)


def _feedback_and_credit(scenario: Scenario, log: Log) -> None:
    gw = scenario.gateway
    # Thursday 4 March: feedback — two normal closes, one enforcement result (abnormal).
    scenario.clock.set_local(2027, 3, 4)
    _close_normally(scenario, log.push("A1", "COMPLETED", "scjg"))
    _claim_by_letter(scenario, log.push("A1", "COMPLETED", "wjw"))
    _close_normally(scenario, log.push("A1", "COMPLETED", "wjw"))
    a2_code = APPLICANTS["A2"][1]
    finding = mutate(
        gw,
        scenario.as_user("scjg_liaison"),
        "recordFinding",
        "RecordFindingInput",
        "... on Finding { abnormal resultType }",
        {
            "kind": "ENFORCEMENT_RESULT",
            "summary": "抽检发现超范围经营，处以罚款",
            "foundOn": "2027-03-04",
            "applicationId": log.applications["A2"],
            "subjectCode": a2_code,
            "abnormal": True,
            "resultType": "PENALIZED",
            "measures": "罚款五千元，责令改正",
            "documentNumber": "益市监罚〔2027〕8号",
        },
    )
    assert finding == {"abnormal": True, "resultType": "PENALIZED"}
    log.abnormal_findings["scjg"] += 1
    a2_scjg = log.push("A2", "COMPLETED", "scjg")
    a2_scjg.fed_back = True  # the abnormal result is the feedback on that push
    a2_scjg.days.append((_today(scenario), "反馈"))

    def a2_feedback() -> Any:
        app = gw.data(APPLICATION, {"id": log.applications["A2"]}, token=scenario.as_user("clerk"))
        state = {p["id"]: p["feedbackState"] for p in app["application"]["pushes"]}
        return state[a2_scjg.id] == "ABNORMAL_REPORTED"

    scenario.wait_until(a2_feedback, "the abnormal feedback to reach the approving clerk")

    # The enforcement result reaches credit as a penalty record of A2's applicant.
    def penalty() -> Any:
        profile = gw.data(
            """query($code: String!) { subject(creditCode: $code, purpose: "信用监管") {
                 ... on CreditProfile { records { category source documentNumber } } } }""",
            {"code": a2_code},
            token=scenario.as_user("credit_officer"),
        )["subject"]
        return profile and [r for r in profile["records"] if r["category"] == "PENALTY"]

    records = scenario.wait_until(penalty, "the enforcement result to become a credit record")
    # The record cites the decision the supervising department issued.
    assert [r["documentNumber"] for r in records] == ["益市监罚〔2027〕8号"]


def _refusal_overdue_and_cards(scenario: Scenario, log: Log) -> None:
    gw = scenario.gateway
    # Friday 5 March: A3 is refused; its completion pushes ask for no feedback.
    scenario.clock.set_local(2027, 3, 5)
    _complete(scenario, log, "A3", approved=False)

    # Thursday 11 March: what nobody did is overdue, and the worker raises cards.
    scenario.clock.set_local(2027, 3, 11)
    overdue = scenario.wait_until(
        lambda: gw.data(
            "{ overduePushes(first: 50) { edges { node { id } } } }",
            token=scenario.as_user("wjw_liaison"),
        )["overduePushes"]["edges"],
        "overdue pushes after moving the clock",
    )
    assert {e["node"]["id"] for e in overdue} == {p.id for p in log.pushes if _overdue(p, "wjw")}
    a3_letter = log.push("A3", "ACCEPTED", "wjw")
    scenario.wait_until(
        lambda: "RED" in _cards_of(scenario, log.applications["A3"], a3_letter.id),
        "a red card on the letter nobody claimed",
    )


def _overdue(push: PushRecord, dept: str) -> bool:
    """Unclaimed, or feedback owed and not given (every due day here is before 11 March)."""
    return push.dept == dept and (
        not push.claimed or (push.feedback_required and not push.fed_back)
    )


def _check_monthly_summary(scenario: Scenario, log: Log) -> None:
    city = scenario.city

    def summaries() -> Any:
        rows = scenario.gateway.data(
            "{ monthlySummaries { month pushes claims overdue feedback department { id } } }",
            token=scenario.as_user("coord"),
        )["monthlySummaries"]
        return [r for r in rows if r["month"].startswith("2027-03")]

    march = scenario.wait_until(summaries, "the monthly summary of March")
    by_department = {r["department"]["id"]: r for r in march}
    for dept in ("scjg", "wjw"):
        received = [p for p in log.pushes if p.dept == dept]
        row = by_department[city.departments[dept]]
        assert {k: row[k] for k in ("pushes", "claims", "overdue", "feedback")} == {
            "pushes": len(received),
            # Every claim counts (#18 item 9): by hand (letters), and online pushes, which are
            # claimed on delivery (推送即认领).
            "claims": sum(p.claimed or p.channel == "ONLINE" for p in received),
            "overdue": sum(_overdue(p, dept) for p in received),
            "feedback": sum(p.fed_back for p in received),
        }, dept


def _check_statistics_and_assessment(scenario: Scenario, log: Log) -> None:
    gw, city = scenario.gateway, scenario.city
    since, until = "2027-03-01", "2027-03-31"
    selection = " ".join(FIGURES.split())

    def statistics(department: str | None) -> dict[str, int]:
        answer = gw.data(
            "query($s: Date!, $u: Date!, $d: ID) { linkageStatistics(since: $s, until: $u,"
            f" departmentId: $d) {{ ... on LinkageStatistics {{ {selection} }} }} }}",
            {"s": since, "u": until, "d": city.departments[department] if department else None},
            token=scenario.as_user("coord"),
        )
        return dict(answer["linkageStatistics"])

    # Every event of the month reached every consumer: nothing is left dead.
    dead = gw.data(
        "{ deadLetters(first: 20) { edges { node { topic key attempts lastError } } } }",
        token=scenario.as_user("admin"),
    )["deadLetters"]["edges"]
    assert dead == []
    # The last events of the month may still be on their way to coordination's fact store.
    expected = _expected_figures(log, None)
    settled = scenario.wait_until(
        lambda: (figures := statistics(None))["pushesSent"] == expected["pushesSent"] and figures,
        "every push of March to reach the statistics",
    )
    assert settled == expected
    for dept in ("spj", "scjg", "wjw"):
        assert statistics(dept) == _expected_figures(log, dept), dept

    # The assessment ranking for March carries the same figures per department.
    assessment = gw.data(
        "query($s: Date!, $u: Date!) { assessment(since: $s, until: $u) {"
        f" ... on Assessment {{ rows {{ rank department {{ id }} statistics {{ {selection} }} }} }}"
        " } }",
        {"s": since, "u": until},
        token=scenario.as_user("coord"),
    )["assessment"]
    rows = {r["department"]["id"]: r for r in assessment["rows"]}
    for dept in ("spj", "scjg", "wjw"):
        assert rows[city.departments[dept]]["statistics"] == _expected_figures(log, dept), dept
    ranks = sorted(r["rank"] for r in assessment["rows"])
    assert ranks[0] == 1


def _check_case_file(scenario: Scenario, log: Log) -> None:
    city = scenario.city
    # A1's case file: its pushes, claims and feedback, and the credit lookup, in order.
    case = scenario.gateway.data(
        """query($id: ID!) { caseFile(applicationId: $id) {
             pushes { pushId stage channel claimedAt fedBackAt feedbackOnTime }
             creditLookups { department { id } subjectCode purpose }
             timeline { at what } } }""",
        {"id": log.applications["A1"]},
        token=scenario.as_user("coord"),
    )["caseFile"]
    a1 = [p for p in log.pushes if p.app == "A1"]
    assert [p["pushId"] for p in case["pushes"]] == [p.id for p in a1]
    assert [bool(p["claimedAt"]) for p in case["pushes"]] == [p.claimed for p in a1]
    assert [bool(p["fedBackAt"]) for p in case["pushes"]] == [p.fed_back for p in a1]
    assert case["creditLookups"] == [
        {
            "department": {"id": city.departments["spj"]},
            "subjectCode": APPLICANTS["A1"][1],
            "purpose": "受理审查",
        }
    ]
    times = [entry["at"] for entry in case["timeline"]]
    assert times == sorted(times)
    # Day by day, what happened to A1: its lookup, acceptance, pushes, claims, feedback.
    expected = Counter(
        [(day, what) for app, day, what in log.events if app == "A1"]
        + [day_what for p in a1 for day_what in p.days]
    )
    seen = Counter(
        (datetime.fromisoformat(e["at"]).astimezone(LOCAL_TZ).date().isoformat(), e["what"])
        for e in case["timeline"]
    )
    assert seen == expected


def _cards_of(scenario: Scenario, application_id: str, push_id: str) -> list[str]:
    answer = scenario.gateway.data(
        "query($id: ID!) { application(id: $id) { pushes { id escalationCards { color } } } }",
        {"id": application_id},
        token=scenario.as_user("clerk"),
    )
    for push in answer["application"]["pushes"]:
        if push["id"] == push_id:
            return [card["color"] for card in push["escalationCards"]]
    pytest.fail(f"push {push_id} is not on its application")


def _check_lookup_log_numbers(scenario: Scenario, log: Log) -> None:
    """Credit's lookup log names each application by the 办件编号 people read, copied from
    approval's acceptance event by the worker the stack runs (not by an internal id)."""
    gw = scenario.gateway
    for key in ("A1", "A3"):
        app_id = log.applications[key]
        number = gw.data(
            "query($id: ID!) { application(id: $id) { number } }",
            {"id": app_id},
            token=scenario.as_user("clerk"),
        )["application"]["number"]
        lookups = gw.data(
            "query($id: ID) { creditLookups(applicationId: $id) { applicationNumber } }",
            {"id": app_id},
            token=scenario.as_user("credit_officer"),
        )["creditLookups"]
        assert lookups, key
        assert {entry["applicationNumber"] for entry in lookups} == {number}, key
