"""`escalationCount` and `meetingsDueCount`: the workbench counts of open escalations and
joint meetings coming up, scoped like `escalations` / `meetings`, one statement each."""

from datetime import timedelta

from api.coordination.loaders import CoordinationLoaders
from api.coordination.schema import schema
from api.core.clock import utcnow
from tests import factories
from tests.coordination.helpers import execute
from tests.graphql import run

RAISE = """
mutation($input: RaiseEscalationInput!) { raiseEscalation(input: $input) { __typename } }
"""
CONVENE = """
mutation($input: ConveneMeetingInput!) { conveneMeeting(input: $input) { __typename } }
"""
COUNTS = "{ escalationCount(status: SUBMITTED) meetingsDueCount(withinDays: 7) }"
BAD = "{ meetingsDueCount(withinDays: 0) }"


async def _raise(session, authorizer, head, party):
    await execute(
        session,
        authorizer,
        head,
        RAISE,
        input={
            "kind": "RESPONSIBILITY_DISPUTE",
            "title": "监管责任争议",
            "statement": "提请协调小组研究。",
            "partyDepartmentIds": [str(party.id)],
        },
    )


async def _convene(session, authorizer, head, member, in_days):
    at = (utcnow() + timedelta(days=in_days)).isoformat()
    await execute(
        session,
        authorizer,
        head,
        CONVENE,
        input={
            "title": "联席会议",
            "scheduledAt": at,
            "participants": [{"departmentId": str(member.id), "personName": "王敏"}],
            "agenda": [{"title": "其他事项"}],
        },
    )


async def test_a_department_counts_only_its_own_the_office_the_city(
    session, authorizer, count_statements
):
    office_dept = await factories.department(session)
    own = await factories.department(session)
    party = await factories.department(session)
    other = await factories.department(session)
    office = await factories.user(session, authorizer, role="coordination_office", dept=office_dept)
    head = await factories.user(session, authorizer, role="department_head", dept=own)
    stranger = await factories.user(session, authorizer, role="department_head", dept=other)
    await _raise(session, authorizer, head, party)
    await _convene(session, authorizer, head, party, in_days=2)
    await _convene(session, authorizer, head, party, in_days=30)  # not due within 7 days

    count_statements.count = 0
    assert await execute(session, authorizer, head, COUNTS) == {
        "escalationCount": 1,
        "meetingsDueCount": 1,
    }
    statements = count_statements.count
    assert await execute(session, authorizer, stranger, COUNTS) == {
        "escalationCount": 0,
        "meetingsDueCount": 0,
    }
    city = await execute(session, authorizer, office, COUNTS)
    assert city["escalationCount"] >= 1
    assert city["meetingsDueCount"] >= 1

    await _raise(session, authorizer, head, party)
    await _convene(session, authorizer, head, party, in_days=1)
    count_statements.count = 0
    assert await execute(session, authorizer, head, COUNTS) == {
        "escalationCount": 2,
        "meetingsDueCount": 2,
    }
    assert count_statements.count == statements


async def test_a_window_out_of_range_names_the_argument(session, authorizer):
    dept = await factories.department(session)
    head = await factories.user(session, authorizer, role="department_head", dept=dept)
    result = await run(
        schema, CoordinationLoaders, BAD, session=session, authorizer=authorizer, principal=head
    )
    assert result.errors is not None
    assert result.errors[0].extensions == {"code": "BAD_USER_INPUT", "argument": "withinDays"}
