"""Statistics from the fact store equal an independent computation over the generated events."""

from datetime import UTC, date, datetime

import pytest

from tests import factories
from tests.coordination import dataset
from tests.coordination.helpers import STATISTICS_FIELDS, execute

QUERY = f"""
query($since: Date!, $until: Date!, $dept: ID) {{
  linkageStatistics(since: $since, until: $until, departmentId: $dept) {{
    __typename
    ... on LinkageStatistics {{ {STATISTICS_FIELDS} }}
    ... on ValidationErrors {{ errors {{ field code message }} }}
  }}
}}
"""


@pytest.fixture(scope="module")
async def world(engine):
    generated = dataset.generate(11, date(2024, 1, 1), date(2024, 1, 31), list_version=9001)
    await dataset.deliver(engine, generated)
    return generated


@pytest.fixture
async def office(session, authorizer):
    dept = await factories.department(session, "协调办测试")
    return await factories.user(session, authorizer, role="coordination_office", dept=dept)


def _approx(data):
    """Rates compare within float rounding; everything else exactly."""
    return {k: pytest.approx(v) if isinstance(v, float) else v for k, v in data.items()}


async def test_city_wide_statistics_equal_the_independent_computation(
    session, authorizer, office, world
):
    data = await execute(session, authorizer, office, QUERY, since="2024-01-01", until="2024-01-31")
    expected = dataset.expected(world, None, datetime.now(UTC))
    assert expected["pushesReceived"] > 50  # the data set is not trivial
    # The month has every kind of case the definitions distinguish (and its events reach the
    # fact store years after the users acted, some out of order: a lagging worker).
    for figure in ("claimedLate", "closedLate", "openOverdue", "abnormalResults"):
        assert expected[figure] > 0, figure
    assert 0 < expected["receivedAtAcceptance"] < expected["pushesReceived"]
    assert expected["facilitationApplied"] > 0
    assert expected["facilitationSkipped"] > 0
    assert data == {"linkageStatistics": {"__typename": "LinkageStatistics", **_approx(expected)}}


async def test_every_department_statistics_equal_the_independent_computation(
    session, authorizer, office, world
):
    for department in world.departments:
        data = await execute(
            session,
            authorizer,
            office,
            QUERY,
            since="2024-01-01",
            until="2024-01-31",
            dept=str(department),
        )
        expected = dataset.expected(world, department, datetime.now(UTC))
        assert data == {
            "linkageStatistics": {"__typename": "LinkageStatistics", **_approx(expected)}
        }, department


async def test_a_department_user_sees_own_statistics_and_not_another_departments(
    session, authorizer, world
):
    dept = await factories.department(session)
    head = await factories.user(session, authorizer, role="department_head", dept=dept)

    own = await execute(session, authorizer, head, QUERY, since="2024-01-01", until="2024-01-31")
    foreign = await execute(
        session,
        authorizer,
        head,
        QUERY,
        since="2024-01-01",
        until="2024-01-31",
        dept=str(world.supervising[0]),
    )

    assert own["linkageStatistics"]["department"] == {"id": str(dept.id)}
    assert own["linkageStatistics"]["pushesReceived"] == 0
    assert foreign == {"linkageStatistics": None}


async def test_a_reversed_period_is_refused_naming_until(session, authorizer, office):
    data = await execute(session, authorizer, office, QUERY, since="2024-01-31", until="2024-01-01")
    assert data == {
        "linkageStatistics": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "until",
                    "code": "INVALID_PERIOD",
                    "message": "截止日期不能早于起始日期",
                }
            ],
        }
    }


CASES = """
query($figure: StatisticsFigure!, $since: Date!, $until: Date!, $dept: ID, $offset: Int!) {
  statisticsCases(figure: $figure, since: $since, until: $until, departmentId: $dept,
                  first: 100, offset: $offset) {
    __typename
    ... on StatisticsCases { figure totalCount cases { pushId applicationId } }
  }
}
"""


async def test_every_figure_lists_the_cases_behind_it(session, authorizer, office, world):
    now = datetime.now(UTC)
    for department in (None, world.supervising[0], world.approving[0]):
        expected = dataset.expected_cases(world, department, now)
        for figure, ids in expected.items():
            by_application = figure.startswith(("ACCEPTANCES", "FACILITATION"))
            key = "applicationId" if by_application else "pushId"
            listed: list[int] = []
            for offset in (0, 100):
                data = await execute(
                    session,
                    authorizer,
                    office,
                    CASES,
                    figure=figure,
                    since="2024-01-01",
                    until="2024-01-31",
                    dept=None if department is None else str(department),
                    offset=offset,
                )
                answer = data["statisticsCases"]
                assert (answer["figure"], answer["totalCount"]) == (figure, len(ids)), department
                listed += [int(c[key]) for c in answer["cases"]]
            assert sorted(listed) == ids, (figure, department)
