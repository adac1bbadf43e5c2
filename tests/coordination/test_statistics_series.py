"""Statistics by department and by month equal the independent computation, in a bounded
number of statements, in the caller's scope; the workbook holds the same table."""

import base64
import dataclasses
import io
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook

from api.coordination.services.statistics import Period, months_of
from tests import factories
from tests.coordination import dataset
from tests.coordination.helpers import STATISTICS_FIELDS, execute

SINCE, UNTIL = "2025-01-01", "2025-03-31"
QUERY = f"""
query($since: Date!, $until: Date!, $by: StatisticsGrouping!, $dept: ID) {{
  linkageStatisticsSeries(since: $since, until: $until, by: $by, departmentId: $dept) {{
    __typename
    ... on LinkageStatisticsSeries {{
      since until by department {{ id }} rows {{ {STATISTICS_FIELDS} }}
    }}
    ... on ValidationErrors {{ errors {{ field code message }} }}
  }}
}}
"""
WORKBOOK = """
query($since: Date!, $until: Date!, $by: StatisticsGrouping!, $dept: ID) {
  linkageStatisticsSeriesWorkbook(since: $since, until: $until, by: $by, departmentId: $dept) {
    __typename
    ... on CoordinationFile { filename mediaType contentBase64 }
    ... on ValidationErrors { errors { field code } }
  }
}
"""


@pytest.fixture(scope="module")
async def world(engine):
    # Three months; findings come up to 40 days after an acceptance, so some fall after it.
    generated = dataset.generate(41, date(2025, 1, 1), date(2025, 3, 31), list_version=9004)
    await dataset.deliver(engine, generated)
    return generated


@pytest.fixture
async def office(session, authorizer):
    dept = await factories.department(session, "协调办分组统计")
    return await factories.user(session, authorizer, role="coordination_office", dept=dept)


def _approx(data):
    return {k: pytest.approx(v) if isinstance(v, float) else v for k, v in data.items()}


def _in_month(world, month: Period):
    return dataclasses.replace(world, since=month.since, until=month.until)


def test_months_of_a_period_are_calendar_months_clipped_to_it():
    months = months_of(Period(date(2024, 11, 15), date(2025, 2, 3)))
    assert [(m.since, m.until) for m in months] == [
        (date(2024, 11, 15), date(2024, 11, 30)),
        (date(2024, 12, 1), date(2024, 12, 31)),
        (date(2025, 1, 1), date(2025, 1, 31)),
        (date(2025, 2, 1), date(2025, 2, 3)),
    ]


async def test_city_wide_months_equal_the_independent_computation(
    session, authorizer, office, world
):
    data = await execute(session, authorizer, office, QUERY, since=SINCE, until=UNTIL, by="MONTH")
    now = datetime.now(UTC)
    months = months_of(Period(world.since, world.until))
    expected = [_approx(dataset.expected(_in_month(world, m), None, now)) for m in months]
    assert all(row["pushesReceived"] > 10 for row in expected)  # every month has data
    assert data == {
        "linkageStatisticsSeries": {
            "__typename": "LinkageStatisticsSeries",
            "since": SINCE,
            "until": UNTIL,
            "by": "MONTH",
            "department": None,
            "rows": expected,
        }
    }


async def test_one_departments_months_equal_the_independent_computation(
    session, authorizer, office, world
):
    now = datetime.now(UTC)
    months = months_of(Period(world.since, world.until))
    for department in (world.approving[0], world.supervising[1]):
        data = await execute(
            session,
            authorizer,
            office,
            QUERY,
            since=SINCE,
            until=UNTIL,
            by="MONTH",
            dept=str(department),
        )
        series = data["linkageStatisticsSeries"]
        assert series["department"] == {"id": str(department)}
        assert series["rows"] == [
            _approx(dataset.expected(_in_month(world, m), department, now)) for m in months
        ], department


async def test_departments_equal_the_independent_computation(session, authorizer, office, world):
    data = await execute(
        session, authorizer, office, QUERY, since=SINCE, until=UNTIL, by="DEPARTMENT"
    )
    now = datetime.now(UTC)
    rows = data["linkageStatisticsSeries"]["rows"]
    assert [row["department"]["id"] for row in rows] == [str(d) for d in sorted(world.departments)]
    assert rows == [_approx(dataset.expected(world, d, now)) for d in sorted(world.departments)]


@pytest.mark.parametrize(("by", "span"), [("MONTH", (1, 36)), ("DEPARTMENT", (3, 3))])
async def test_the_statement_count_does_not_grow_with_months_or_departments(
    session, authorizer, office, world, count_statements, by, span
):
    """One grouped statement per measure, whatever the number of months or departments."""
    counts = []
    for months in span:
        until = date(2025, 1, 31) if months == 1 else date(2027, 12, 31)
        count_statements.count = 0
        await execute(
            session, authorizer, office, QUERY, since=SINCE, until=until.isoformat(), by=by
        )
        counts.append(count_statements.count)
    assert counts[0] == counts[1] <= 10


async def test_a_department_head_gets_only_their_department(session, authorizer, world):
    dept = await factories.department(session, "分组统计部门")
    head = await factories.user(session, authorizer, role="department_head", dept=dept)

    by_department = await execute(
        session, authorizer, head, QUERY, since=SINCE, until=UNTIL, by="DEPARTMENT"
    )
    by_month = await execute(session, authorizer, head, QUERY, since=SINCE, until=UNTIL, by="MONTH")
    foreign = await execute(
        session,
        authorizer,
        head,
        QUERY,
        since=SINCE,
        until=UNTIL,
        by="MONTH",
        dept=str(world.supervising[0]),
    )
    foreign_book = await execute(
        session,
        authorizer,
        head,
        WORKBOOK,
        since=SINCE,
        until=UNTIL,
        by="DEPARTMENT",
        dept=str(world.supervising[0]),
    )

    # No activity of their own: no department row; every month, all zero, for their department.
    assert by_department["linkageStatisticsSeries"]["rows"] == []
    months = by_month["linkageStatisticsSeries"]["rows"]
    assert [m["since"] for m in months] == ["2025-01-01", "2025-02-01", "2025-03-01"]
    assert {m["department"]["id"] for m in months} == {str(dept.id)}
    assert {m["pushesReceived"] for m in months} == {0}
    assert foreign == {"linkageStatisticsSeries": None}
    assert foreign_book == {"linkageStatisticsSeriesWorkbook": None}


async def test_a_reversed_period_is_refused_naming_until(session, authorizer, office):
    data = await execute(session, authorizer, office, QUERY, since=UNTIL, until=SINCE, by="MONTH")
    assert data["linkageStatisticsSeries"] == {
        "__typename": "ValidationErrors",
        "errors": [
            {"field": "until", "code": "INVALID_PERIOD", "message": "截止日期不能早于起始日期"}
        ],
    }


async def test_the_workbook_holds_the_months_and_their_totals(session, authorizer, office, world):
    series = await execute(session, authorizer, office, QUERY, since=SINCE, until=UNTIL, by="MONTH")
    data = await execute(
        session, authorizer, office, WORKBOOK, since=SINCE, until=UNTIL, by="MONTH"
    )

    file = data["linkageStatisticsSeriesWorkbook"]
    assert file["filename"] == f"联动统计_按月份_{SINCE}_{UNTIL}.xlsx"
    book = load_workbook(io.BytesIO(base64.b64decode(file["contentBase64"])))
    sheet = book["按月份统计"]
    table = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert table[0][:6] == ["月份", "起始日期", "截止日期", "在册联动事项", "推送数", "接收数"]
    rows = series["linkageStatisticsSeries"]["rows"]
    assert [r[0] for r in table[1:-1]] == ["2025-01", "2025-02", "2025-03"]
    assert [r[5] for r in table[1:-1]] == [r["pushesReceived"] for r in rows]
    assert table[-1][0] == "合计"
    assert table[-1][5] == sum(r["pushesReceived"] for r in rows)
    assert table[1][-3] == pytest.approx(round(rows[0]["claimRate"], 4))
    # Dates are dates and rates percentages in the sheet, not text or bare fractions.
    assert table[1][1].date().isoformat() == "2025-01-01"
    assert sheet.cell(row=2, column=2).number_format == "yyyy-mm-dd"
    assert sheet.cell(row=2, column=len(table[0]) - 2).number_format == "0.0%"


async def test_the_department_workbook_names_every_department(session, authorizer, office, world):
    data = await execute(
        session, authorizer, office, WORKBOOK, since=SINCE, until=UNTIL, by="DEPARTMENT"
    )
    book = load_workbook(
        io.BytesIO(base64.b64decode(data["linkageStatisticsSeriesWorkbook"]["contentBase64"]))
    )
    table = [list(r) for r in book["按部门统计"].iter_rows(values_only=True)]
    # Departments by name only: no internal number column.
    assert table[0][0] == "部门"
    assert [r[0] for r in table[1:-1]] == [world.names[d] for d in sorted(world.departments)]
    assert book["说明"]["B2"].value == "全市"
