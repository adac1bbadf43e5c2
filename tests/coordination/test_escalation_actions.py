"""Escalations that finish: a decision's actions have an owner department and a due date; a
修订清单 action is done by the published versions that change its linkages, other actions by
their owner; the escalation closes (已办结) with its last action; durations in working days."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from api.approval import services as approval
from api.coordination.models import EscalationAction
from api.coordination.services import actions
from api.core import events
from api.core.clock import local_today
from api.core.workdays import DayKind, set_calendar_day
from tests import factories
from tests.coordination.helpers import execute

RAISE = """
mutation($input: RaiseEscalationInput!) {
  raiseEscalation(input: $input) { ... on Escalation { id } }
}
"""
DECIDE = """
mutation($id: ID!, $actions: [EscalationActionInput!]) {
  decideEscalation(id: $id, decision: "修订清单并整改", actions: $actions) {
    __typename
    ... on Escalation { status actions { id kind state owner { id } linkages { linkageId } } }
    ... on ValidationErrors { errors { field code } }
  }
}
"""
ADD = """
mutation($id: ID!, $input: EscalationActionInput!) {
  addEscalationAction(escalationId: $id, input: $input) {
    __typename
    ... on EscalationAction { id state }
    ... on ValidationErrors { errors { field code } }
  }
}
"""
COMPLETE = """
mutation($id: ID!) {
  completeEscalationAction(id: $id, note: "已整改完毕") {
    __typename
    ... on EscalationAction { state doneBy note }
    ... on ValidationErrors { errors { field code } }
  }
}
"""
SHOW = """
query($id: ID!) {
  escalation(id: $id) {
    status closedAt workingDays
    transitions { status actor note workingDays }
    actions { kind state doneAt listVersion overdue
              linkages { linkageId listVersion change } }
  }
}
"""
BOARD = """
{ overdueEscalationActions(first: 10) { totalCount items { id overdue owner { id }
  escalation { id title } } } }
"""


@pytest.fixture
async def people(session, authorizer):
    office = await factories.department(session, "协调办落实测试")
    raiser = await factories.department(session, "提请落实部门")
    owner = await factories.department(session, "落实责任部门")
    other = await factories.department(session, "其他部门")
    return {
        "office": await factories.user(
            session, authorizer, role="coordination_office", dept=office
        ),
        "raiser": await factories.user(session, authorizer, role="department_head", dept=raiser),
        "owner": await factories.user(session, authorizer, role="department_head", dept=owner),
        "other": await factories.user(session, authorizer, role="department_head", dept=other),
        "raiser_dept": raiser,
        "owner_dept": owner,
        "other_dept": other,
    }


async def _publish(session, entries, *, added=(), changed=(), removed=(), at=None) -> int:
    """Catalog's documented event, with the diff against the previous version."""
    version = (await approval.version_in_force(session) or 0) + 1
    await events.emit(
        session,
        topic="catalog.linkage_list.published",
        key=str(version),
        payload={
            "version": version,
            "published_at": (at or datetime.now(UTC)).isoformat(),
            "summary": f"第{version}版",
            "added": list(added),
            "changed": list(changed),
            "removed": list(removed),
            "entries": entries,
        },
    )
    await factories.deliver(session)
    return version


async def _raised(session, authorizer, people) -> str:
    data = await execute(
        session,
        authorizer,
        people["raiser"],
        RAISE,
        input={
            "kind": "RESPONSIBILITY_DISPUTE",
            "title": "L02a/L02b 监管责任争议",
            "statement": "两项联动事项的监管责任不清，提请研究。",
            "partyDepartmentIds": [str(people["other_dept"].id)],
        },
    )
    return str(data["raiseEscalation"]["id"])


async def test_a_revise_list_action_is_done_by_the_versions_that_change_its_linkages(
    session, authorizer, people
):
    mat = await factories.matter(session, people["raiser_dept"])
    a = factories.published_entry(mat, people["owner_dept"])
    b = factories.published_entry(mat, people["owner_dept"])
    await _publish(session, [a, b], added=[a["linkage_id"], b["linkage_id"]])
    escalation = await _raised(session, authorizer, people)
    office = people["office"]
    due = (local_today() + timedelta(days=10)).isoformat()
    decided = (
        await execute(
            session,
            authorizer,
            office,
            DECIDE,
            id=escalation,
            actions=[
                {
                    "kind": "REVISE_LIST",
                    "ownerDepartmentId": str(people["raiser_dept"].id),
                    "dueOn": due,
                    "linkageIds": [str(a["linkage_id"]), str(b["linkage_id"])],
                }
            ],
        )
    )["decideEscalation"]
    assert decided["status"] == "DECIDED"
    assert [x["linkages"] for x in decided["actions"]] == [
        [{"linkageId": str(a["linkage_id"])}, {"linkageId": str(b["linkage_id"])}]
    ]
    action_id = decided["actions"][0]["id"]

    # A publication from before the decision (delivered late) changes nothing.
    await _publish(
        session, [a, b], changed=[a["linkage_id"]], at=datetime.now(UTC) - timedelta(days=1)
    )
    # The next version changes the first linkage: the action still waits for the second.
    first = await _publish(session, [{**a, "claim_days": 5}, b], changed=[a["linkage_id"]])
    halfway = (await execute(session, authorizer, office, SHOW, id=escalation))["escalation"]
    manual = await execute(session, authorizer, people["raiser"], COMPLETE, id=action_id)
    # Then one removes the second: the action is done, the escalation closes.
    second = await _publish(session, [{**a, "claim_days": 5}], removed=[b["linkage_id"]])
    done = (await execute(session, authorizer, office, SHOW, id=escalation))["escalation"]

    assert halfway["status"] == "DECIDED"
    assert halfway["actions"][0]["state"] == "OPEN"
    assert halfway["actions"][0]["linkages"] == [
        {"linkageId": str(a["linkage_id"]), "listVersion": first, "change": "CHANGED"},
        {"linkageId": str(b["linkage_id"]), "listVersion": None, "change": None},
    ]
    assert manual == {
        "completeEscalationAction": {
            "__typename": "ValidationErrors",
            "errors": [{"field": "id", "code": "AUTOMATIC"}],
        }
    }
    assert done["status"] == "CLOSED"
    assert done["closedAt"] is not None
    assert done["workingDays"] == 0  # decided and closed on the day it was raised
    (action,) = done["actions"]
    assert (action["state"], action["listVersion"], action["overdue"]) == ("DONE", second, False)
    assert action["linkages"][1] == {
        "linkageId": str(b["linkage_id"]),
        "listVersion": second,
        "change": "REMOVED",
    }
    assert [(t["status"], t["note"]) for t in done["transitions"]][-2:] == [
        ("DECIDED", ""),
        ("CLOSED", f"清单第{second}版发布，所列联动事项已修订"),
    ]


async def test_a_manual_action_is_marked_done_by_its_owner_and_not_by_another_department(
    session, authorizer, people
):
    escalation = await _raised(session, authorizer, people)
    office = people["office"]
    due = (local_today() + timedelta(days=5)).isoformat()
    decided = (
        await execute(
            session,
            authorizer,
            office,
            DECIDE,
            id=escalation,
            actions=[
                {
                    "kind": "RECTIFICATION",
                    "ownerDepartmentId": str(people["owner_dept"].id),
                    "dueOn": due,
                    "description": "责任部门整改并书面报告",
                }
            ],
        )
    )["decideEscalation"]
    action_id = decided["actions"][0]["id"]

    by_raiser = await execute(session, authorizer, people["raiser"], COMPLETE, id=action_id)
    by_owner = await execute(session, authorizer, people["owner"], COMPLETE, id=action_id)
    again = await execute(session, authorizer, people["owner"], COMPLETE, id=action_id)
    seen = (await execute(session, authorizer, people["owner"], SHOW, id=escalation))["escalation"]

    assert by_raiser == {
        "completeEscalationAction": {
            "__typename": "ValidationErrors",
            "errors": [{"field": "id", "code": "NOT_OWN_DEPARTMENT"}],
        }
    }
    assert by_owner == {
        "completeEscalationAction": {
            "__typename": "EscalationAction",
            "state": "DONE",
            "doneBy": people["owner"].username,
            "note": "已整改完毕",
        }
    }
    assert again["completeEscalationAction"]["errors"] == [{"field": "id", "code": "ALREADY_DONE"}]
    # The owner department became a party: it sees the escalation, now closed.
    assert seen["status"] == "CLOSED"
    assert seen["transitions"][-1]["status"] == "CLOSED"
    assert seen["transitions"][-1]["actor"] == people["owner"].username


async def test_an_escalation_closes_only_when_its_last_action_is_done(session, authorizer, people):
    escalation = await _raised(session, authorizer, people)
    office = people["office"]
    due = (local_today() + timedelta(days=5)).isoformat()
    owner = str(people["owner_dept"].id)
    await execute(
        session,
        authorizer,
        office,
        DECIDE,
        id=escalation,
        actions=[
            {"kind": "NOTICE", "ownerDepartmentId": owner, "dueOn": due, "description": "发文"}
        ],
    )
    added = await execute(
        session,
        authorizer,
        office,
        ADD,
        id=escalation,
        input={"kind": "OTHER", "ownerDepartmentId": owner, "dueOn": due, "description": "培训"},
    )
    rows = (
        await session.exec(
            select(EscalationAction).where(EscalationAction.escalation_id == int(escalation))
        )
    ).all()
    first = await execute(session, authorizer, people["owner"], COMPLETE, id=str(rows[0].id))
    after_first = (await execute(session, authorizer, office, SHOW, id=escalation))["escalation"]
    await execute(session, authorizer, office, COMPLETE, id=str(rows[1].id))
    after_both = (await execute(session, authorizer, office, SHOW, id=escalation))["escalation"]
    too_late = await execute(
        session,
        authorizer,
        office,
        ADD,
        id=escalation,
        input={"kind": "OTHER", "ownerDepartmentId": owner, "dueOn": due, "description": "再议"},
    )

    assert added["addEscalationAction"]["state"] == "OPEN"
    assert first["completeEscalationAction"]["state"] == "DONE"
    assert after_first["status"] == "DECIDED"
    assert after_both["status"] == "CLOSED"
    assert too_late["addEscalationAction"]["errors"] == [
        {"field": "escalationId", "code": "ALREADY_CLOSED"}
    ]


async def test_bad_actions_are_refused_naming_each_field(session, authorizer, people):
    escalation = await _raised(session, authorizer, people)
    yesterday = (local_today() - timedelta(days=1)).isoformat()
    owner = str(people["owner_dept"].id)
    refused = await execute(
        session,
        authorizer,
        people["office"],
        DECIDE,
        id=escalation,
        actions=[
            {"kind": "REVISE_LIST", "ownerDepartmentId": owner, "dueOn": yesterday},
            {"kind": "OTHER", "ownerDepartmentId": owner, "dueOn": yesterday, "linkageIds": ["5"]},
            {
                "kind": "REVISE_LIST",
                "ownerDepartmentId": "x",
                "dueOn": yesterday,
                "linkageIds": ["987654"],
            },
        ],
    )
    not_yet = await execute(
        session,
        authorizer,
        people["office"],
        ADD,
        id=escalation,
        input={"kind": "OTHER", "ownerDepartmentId": owner, "dueOn": yesterday},
    )
    shown = (await execute(session, authorizer, people["office"], SHOW, id=escalation))[
        "escalation"
    ]

    assert refused["decideEscalation"] == {
        "__typename": "ValidationErrors",
        "errors": [{"field": "actions.2.ownerDepartmentId", "code": "INVALID_ID"}],
    }
    assert not_yet["addEscalationAction"]["errors"] == [
        {"field": "escalationId", "code": "NOT_DECIDED"}
    ]
    assert shown["status"] == "SUBMITTED"

    # With a well-formed owner, every other problem is named at once.
    valid_owner = await execute(
        session,
        authorizer,
        people["office"],
        DECIDE,
        id=escalation,
        actions=[
            {"kind": "REVISE_LIST", "ownerDepartmentId": owner, "dueOn": yesterday},
            {"kind": "OTHER", "ownerDepartmentId": owner, "dueOn": yesterday, "linkageIds": ["5"]},
            {
                "kind": "REVISE_LIST",
                "ownerDepartmentId": owner,
                "dueOn": yesterday,
                "linkageIds": ["987654"],
            },
        ],
    )
    assert valid_owner["decideEscalation"]["errors"] == [
        {"field": "actions.0.dueOn", "code": "IN_THE_PAST"},
        {"field": "actions.0.linkageIds", "code": "REQUIRED"},
        {"field": "actions.1.description", "code": "REQUIRED"},
        {"field": "actions.1.dueOn", "code": "IN_THE_PAST"},
        {"field": "actions.1.linkageIds", "code": "NOT_ALLOWED"},
        {"field": "actions.2.dueOn", "code": "IN_THE_PAST"},
        {"field": "actions.2.linkageIds.0", "code": "NOT_FOUND"},
    ]


async def test_overdue_actions_are_on_the_office_board_and_the_owner_sees_its_own(
    session, authorizer, people
):
    escalation = await _raised(session, authorizer, people)
    due = (local_today() + timedelta(days=1)).isoformat()
    decided = await execute(
        session,
        authorizer,
        people["office"],
        DECIDE,
        id=escalation,
        actions=[
            {
                "kind": "RECTIFICATION",
                "ownerDepartmentId": str(people["owner_dept"].id),
                "dueOn": due,
                "description": "整改",
            }
        ],
    )
    action = await session.get(
        EscalationAction, int(decided["decideEscalation"]["actions"][0]["id"])
    )
    action.due_on = local_today() - timedelta(days=1)  # the due date has passed
    session.add(action)
    await session.flush()

    office = await execute(session, authorizer, people["office"], BOARD)
    owner = await execute(session, authorizer, people["owner"], BOARD)
    other = await execute(session, authorizer, people["other"], BOARD)

    mine = [i for i in office["overdueEscalationActions"]["items"] if i["id"] == str(action.id)]
    assert mine == [
        {
            "id": str(action.id),
            "overdue": True,
            "owner": {"id": str(people["owner_dept"].id)},
            "escalation": {"id": escalation, "title": "L02a/L02b 监管责任争议"},
        }
    ]
    assert owner["overdueEscalationActions"]["totalCount"] == 1
    assert other["overdueEscalationActions"] == {"totalCount": 0, "items": []}


async def test_stage_durations_count_working_days_on_the_holiday_calendar(session):
    # Friday 6 November 2026 a holiday, Saturday 14 November a make-up working day (test data).
    await set_calendar_day(session, day=date(2026, 11, 6), kind=DayKind.HOLIDAY, name="测试假日")
    await set_calendar_day(session, day=date(2026, 11, 14), kind=DayKind.WORKDAY, name="测试调休")
    thursday = datetime(2026, 11, 5, 2, tzinfo=UTC)  # 10:00 in Yiyang
    spans = [
        (thursday, thursday + timedelta(hours=5)),  # the same day
        (thursday, datetime(2026, 11, 9, 2, tzinfo=UTC)),  # Fri holiday, weekend, Monday
        (thursday, datetime(2026, 11, 16, 2, tzinfo=UTC)),  # Mon–Fri, Saturday worked, Monday
    ]
    assert await actions.working_days_of(session, spans) == [0, 1, 7]
