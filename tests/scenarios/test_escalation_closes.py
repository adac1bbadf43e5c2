"""Escalations that finish (issue 22 item 4), in one stack, through the gateway.

市审批局's head raises a responsibility dispute over the two 食品经营许可 linkages on Monday
1 March 2027. The coordination office accepts it on Tuesday, puts it on a joint meeting on
Wednesday and decides on Friday 5 March: 「修订 L02a/L02b」, one 修订清单 action naming both
linkages, owned by 市审批局, due Monday 8 March. On Wednesday 10 March the action is overdue and
on the office's board; the approving head edits one linkage (the supervising side confirms) and
asks to remove the other; the office publishes the version that changes them, and the
escalation closes on its own: 已办结, 7 working days after it was raised.

A second escalation's decision has a manual action owned by 市卫健委: 市市场监管局, a party,
may not mark it done; 市卫健委's head does, and that escalation closes too.
"""

from __future__ import annotations

from typing import Any

from tests.scenarios.harness import ERRORS, Scenario, mutate

ESCALATION = """query($id: ID!) { escalation(id: $id) {
  status closedAt workingDays
  transitions { status actor note workingDays }
  actions { id kind state overdue listVersion owner { id }
            linkages { linkageId listVersion change } } } }"""
BOARD = """{ overdueEscalationActions(first: 20) { totalCount
  items { id owner { id } escalation { id } } } }"""
DECIDE = (
    """mutation($id: ID!, $actions: [EscalationActionInput!]) {
  decideEscalation(id: $id, decision: "修订 L02a/L02b：明确证后检查牵头部门", actions: $actions) {
    ... on Escalation { status actions { id } } """
    + ERRORS
    + " } }"
)
COMPLETE = """mutation($id: ID!) { completeEscalationAction(id: $id, note: "整改完成") {
  __typename ... on EscalationAction { state } ... on ValidationErrors { errors { field code } }
} }"""


def _raise(scenario: Scenario, title: str, parties: list[str]) -> str:
    raised = mutate(
        scenario.gateway,
        scenario.as_user("spj_head"),
        "raiseEscalation",
        "RaiseEscalationInput",
        "... on Escalation { id }",
        {
            "kind": "RESPONSIBILITY_DISPUTE",
            "title": title,
            "statement": "审批与监管部门对证后检查牵头部门意见不一，提请市协调小组研究。",
            "partyDepartmentIds": [scenario.city.departments[p] for p in parties],
        },
    )
    return str(raised["id"])


def _accept(scenario: Scenario, escalation: str) -> None:
    gw, coord = scenario.gateway, scenario.as_user("coord")
    gw.ok(
        'mutation($id: ID!) { assignEscalation(id: $id, assignee: "周敏") {'
        " ... on Escalation { status } " + ERRORS + " } }",
        {"id": escalation},
        token=coord,
    )


def _schedule(scenario: Scenario, escalation: str, meeting_title: str) -> None:
    gw, coord = scenario.gateway, scenario.as_user("coord")
    meeting = mutate(
        gw,
        coord,
        "conveneMeeting",
        "ConveneMeetingInput",
        "... on Meeting { id }",
        {
            "title": meeting_title,
            "scheduledAt": scenario.clock.now().isoformat(),
            "participants": [{"departmentId": scenario.city.departments["xtb"]}],
        },
    )
    gw.ok(
        "mutation($id: ID!, $m: ID!) { scheduleEscalation(id: $id, meetingId: $m) {"
        " ... on Escalation { status } " + ERRORS + " } }",
        {"id": escalation, "m": meeting["id"]},
        token=coord,
    )


def _decide(scenario: Scenario, escalation: str, actions: list[dict[str, Any]]) -> list[str]:
    decided = scenario.gateway.ok(
        DECIDE, {"id": escalation, "actions": actions}, token=scenario.as_user("coord")
    )
    assert decided["status"] == "DECIDED"
    return [a["id"] for a in decided["actions"]]


def _show(scenario: Scenario, escalation: str, user: str = "coord") -> dict[str, Any]:
    data = scenario.gateway.data(ESCALATION, {"id": escalation}, token=scenario.as_user(user))
    return dict(data["escalation"])


def _edit_linkage(scenario: Scenario, key: str, *, feedback_days: int) -> None:
    """The approving head changes the feedback limit; the supervising head confirms."""
    gw, city = scenario.gateway, scenario.city
    linkage_id = city.linkages[key]
    plan = next(x for x in city.plan.linkages if x.key == key)
    supervising = next(m.department for m in city.plan.matters if m.key == plan.supervision)
    current = gw.data(
        "query($id: ID!) { linkage(id: $id) { basisDocument { id } } }",
        {"id": linkage_id},
        token=scenario.as_user("spj_head"),
    )["linkage"]
    first_person = {d.key: d.people[0].key for d in city.plan.departments}
    gw.ok(
        "mutation($id: ID!, $input: LinkageInput!) { updateLinkage(id: $id, input: $input) {"
        " ... on Linkage { id } " + ERRORS + " } }",
        {
            "id": linkage_id,
            "input": {
                "approvalMatterId": city.matters[plan.approval],
                "supervisionMatterId": city.matters[plan.supervision],
                "approvingDepartmentId": city.departments["spj"],
                "approvingSectionId": city.sections["spj"],
                "approvingPersonId": city.people[first_person["spj"]],
                "supervisingDepartmentId": city.departments[supervising],
                "supervisingSectionId": city.sections[supervising],
                "supervisingPersonId": city.people[first_person[supervising]],
                "principle": "WHO_GOVERNS",
                "basisDocumentId": current["basisDocument"]["id"],
                "channel": plan.channel,
                "claimDays": plan.claim_days,
                "feedbackDays": feedback_days,
            },
        },
        token=scenario.as_user("spj_head"),
    )
    gw.ok(
        "mutation($id: ID!) { confirmLinkage(id: $id) { ... on Linkage { confirmed } "
        + ERRORS
        + " } }",
        {"id": linkage_id},
        token=scenario.as_user(city.plan.heads[supervising]),
    )


def test_an_escalation_whose_decision_revises_two_linkages_closes_when_the_version_is_published(
    scenario: Scenario,
) -> None:
    gw, city, clock = scenario.gateway, scenario.city, scenario.clock
    l02a, l02b = city.linkages["food_scjg"], city.linkages["food_wjw"]
    # Monday 1 March (the story's clock starts there)
    escalation = _raise(scenario, "食品经营许可证后监管牵头部门争议（L02a/L02b）", ["scjg", "wjw"])
    clock.set_local(2027, 3, 2, 10)  # Tuesday: 已受理
    _accept(scenario, escalation)
    clock.set_local(2027, 3, 3, 10)  # Wednesday: 会商中
    _schedule(scenario, escalation, "2027年第1次审管联动联席会议")
    clock.set_local(2027, 3, 5, 10)  # Friday: 已决定
    (action,) = _decide(
        scenario,
        escalation,
        [
            {
                "kind": "REVISE_LIST",
                "ownerDepartmentId": city.departments["spj"],
                "dueOn": "2027-03-08",
                "linkageIds": [l02a, l02b],
            }
        ],
    )
    # A 修订清单 action is done by publication only.
    by_hand = gw.data(COMPLETE, {"id": action}, token=scenario.as_user("spj_head"))

    clock.set_local(2027, 3, 10, 10)  # Wednesday: the due date has passed
    overdue = gw.data(BOARD, token=scenario.as_user("coord"))["overdueEscalationActions"]
    _edit_linkage(scenario, "food_scjg", feedback_days=3)
    gw.ok(
        "mutation($id: ID!) { requestLinkageRemoval(id: $id) { ... on Linkage { id } "
        + ERRORS
        + " } }",
        {"id": l02b},
        token=scenario.as_user("spj_head"),
    )
    published = gw.ok(
        'mutation { publishLinkageList(summary: "2027年第1次调整：修订 L02a/L02b") {'
        " ... on LinkageListVersion { number changedLinkageIds removedLinkageIds } "
        + ERRORS
        + " } }",
        token=scenario.as_user("coord"),
    )
    closed = scenario.wait_until(
        lambda: (found := _show(scenario, escalation))["status"] == "CLOSED" and found,
        "the escalation to close after the publication",
    )
    board_after = gw.data(BOARD, token=scenario.as_user("coord"))["overdueEscalationActions"]
    seen_by_party = _show(scenario, escalation, "wjw_head")

    assert by_hand["completeEscalationAction"] == {
        "__typename": "ValidationErrors",
        "errors": [{"field": "id", "code": "AUTOMATIC"}],
    }
    assert [i["id"] for i in overdue["items"]] == [action]
    assert (published["changedLinkageIds"], published["removedLinkageIds"]) == ([l02a], [l02b])
    version = published["number"]
    assert closed["actions"] == [
        {
            "id": action,
            "kind": "REVISE_LIST",
            "state": "DONE",
            "overdue": False,
            "listVersion": version,
            "owner": {"id": city.departments["spj"]},
            "linkages": [
                {"linkageId": lid, "listVersion": version, "change": change}
                for lid, change in sorted([(l02a, "CHANGED"), (l02b, "REMOVED")])
            ],
        }
    ]
    # Monday 1 → Wednesday 10 March: 2, 3, 4, 5, 8, 9, 10 March are the working days.
    assert closed["workingDays"] == 7
    assert [(t["status"], t["actor"], t["workingDays"]) for t in closed["transitions"]] == [
        ("SUBMITTED", "spj_head", 1),
        ("ASSIGNED", "coord", 1),
        ("IN_DISCUSSION", "coord", 2),
        ("DECIDED", "coord", 3),
        ("CLOSED", "", 0),
    ]
    assert closed["transitions"][-1]["note"] == f"清单第{version}版发布，所列联动事项已修订"
    assert board_after["totalCount"] == 0
    assert seen_by_party["status"] == "CLOSED"


def test_a_manual_action_closes_its_escalation_when_the_owner_marks_it_done(
    scenario: Scenario,
) -> None:
    gw, city, clock = scenario.gateway, scenario.city, scenario.clock
    clock.set_local(2027, 3, 11, 10)  # Thursday
    escalation = _raise(scenario, "公共场所卫生许可证后检查频次争议", ["scjg"])
    _accept(scenario, escalation)
    _schedule(scenario, escalation, "2027年第2次审管联动联席会议")
    (action,) = _decide(
        scenario,
        escalation,
        [
            {
                "kind": "RECTIFICATION",
                "ownerDepartmentId": city.departments["wjw"],
                "dueOn": "2027-03-19",
                "description": "市卫健委制定证后检查频次标准并报协调办",
            }
        ],
    )
    clock.set_local(2027, 3, 15, 10)  # Monday
    by_party = gw.data(COMPLETE, {"id": action}, token=scenario.as_user("scjg_head"))
    after_refusal = _show(scenario, escalation)
    by_owner = gw.data(COMPLETE, {"id": action}, token=scenario.as_user("wjw_head"))
    closed = _show(scenario, escalation, "wjw_head")

    assert by_party["completeEscalationAction"] == {
        "__typename": "ValidationErrors",
        "errors": [{"field": "id", "code": "NOT_OWN_DEPARTMENT"}],
    }
    assert after_refusal["status"] == "DECIDED"
    assert by_owner["completeEscalationAction"] == {
        "__typename": "EscalationAction",
        "state": "DONE",
    }
    assert closed["status"] == "CLOSED"
    assert closed["transitions"][-1]["actor"] == "wjw_head"
    # Thursday 11 → Monday 15 March: the 12th and the 15th.
    assert closed["workingDays"] == 2
