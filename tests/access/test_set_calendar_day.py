"""Administrators maintain the holiday calendar in the graph; clerks only read it."""

from api.access.loaders import AccessLoaders
from api.access.schema import schema
from tests import factories
from tests.graphql import run

SET = """
mutation($input: SetCalendarDayInput!) { setCalendarDay(input: $input) {
  __typename ... on CalendarDay { day kind name }
  ... on ValidationErrors { errors { field code message } } } }
"""
READ = "{ calendarDays(year: 2027) { day kind name } }"


async def test_an_administrator_adds_next_years_holiday_and_a_clerk_reads_it(session, authorizer):
    dept = await factories.department(session)
    admin = await factories.user(session, authorizer, role="system_admin", dept=dept)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)

    added = await run(
        schema,
        AccessLoaders,
        SET,
        session=session,
        authorizer=authorizer,
        principal=admin,
        variables={"input": {"day": "2027-01-01", "kind": "HOLIDAY", "name": "元旦"}},
    )
    read = await run(
        schema, AccessLoaders, READ, session=session, authorizer=authorizer, principal=clerk
    )
    refused = await run(
        schema,
        AccessLoaders,
        SET,
        session=session,
        authorizer=authorizer,
        principal=clerk,
        variables={"input": {"day": "2027-01-02", "kind": "HOLIDAY", "name": "x"}},
    )

    assert added.data == {
        "setCalendarDay": {
            "__typename": "CalendarDay",
            "day": "2027-01-01",
            "kind": "HOLIDAY",
            "name": "元旦",
        }
    }
    assert read.data == {"calendarDays": [{"day": "2027-01-01", "kind": "HOLIDAY", "name": "元旦"}]}
    assert refused.data is None
    assert refused.errors[0].extensions == {"code": "FORBIDDEN"}


async def test_a_day_needs_a_name_and_a_known_kind(session, authorizer):
    dept = await factories.department(session)
    admin = await factories.user(session, authorizer, role="system_admin", dept=dept)

    unnamed = await run(
        schema,
        AccessLoaders,
        SET,
        session=session,
        authorizer=authorizer,
        principal=admin,
        variables={"input": {"day": "2027-01-01", "kind": "HOLIDAY"}},
    )
    unknown = await run(
        schema,
        AccessLoaders,
        SET,
        session=session,
        authorizer=authorizer,
        principal=admin,
        variables={"input": {"day": "2027-01-01", "kind": "FEAST", "name": "x"}},
    )

    assert unnamed.data == {
        "setCalendarDay": {
            "__typename": "ValidationErrors",
            "errors": [{"field": "name", "code": "REQUIRED", "message": "请填写节假日或调休名称"}],
        }
    }
    assert unknown.data == {
        "setCalendarDay": {
            "__typename": "ValidationErrors",
            "errors": [
                {"field": "kind", "code": "INVALID", "message": "类别应为法定节假日或调休上班日"}
            ],
        }
    }
