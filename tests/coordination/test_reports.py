"""The assessment exports: the spreadsheet opens and its totals match; the PDF renders with
the ranking table (read back with pypdf)."""

import base64
import io
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlmodel import select

from api.coordination.services.assessment import INDICATORS
from api.coordination.services.reports import RANKING_HEADER
from api.core.audit import AuditAction, AuditEntry
from api.core.config import get_settings
from tests import factories
from tests.coordination import dataset
from tests.coordination.helpers import execute

# The office's department is in no published list, so coordination names it by the setting.
ISSUER = get_settings().assessment_issuer
SINCE, UNTIL = "2024-08-01", "2024-08-31"
RANKING = """
query($since: Date!, $until: Date!) {
  assessment(since: $since, until: $until) {
    ... on Assessment { rows { rank department { id } departmentName score
      statistics { pushesSent pushesReceived receivedAtAcceptance receivedAtCompletion
                   pushesClaimed claimsDue claimedOnTime claimedLate feedbackDue feedbackOnTime
                   closedLate openOverdue overdue acceptances acceptancesWithCreditCheck
                   abnormalFindings } } }
  }
  linkageStatistics(since: $since, until: $until) {
    ... on LinkageStatistics { pushesReceived acceptances abnormalFindings }
  }
}
"""
WORKBOOK = """
query($since: Date!, $until: Date!) {
  assessmentWorkbook(since: $since, until: $until) {
    ... on CoordinationFile { filename mediaType contentBase64 }
  }
}
"""
REPORT = """
query($since: Date!, $until: Date!) {
  assessmentReport(since: $since, until: $until) {
    ... on CoordinationFile { filename mediaType contentBase64 }
  }
}
"""
COUNTS = (
    "pushesSent",
    "pushesReceived",
    "receivedAtAcceptance",
    "receivedAtCompletion",
    "pushesClaimed",
    "claimsDue",
    "claimedOnTime",
    "claimedLate",
    "feedbackDue",
    "feedbackOnTime",
    "closedLate",
    "openOverdue",
    "overdue",
    "acceptances",
    "acceptancesWithCreditCheck",
    "abnormalFindings",
)


@pytest.fixture(scope="module")
async def world(engine):
    generated = dataset.generate(37, date(2024, 8, 1), date(2024, 8, 31), list_version=9003)
    await dataset.deliver(engine, generated)
    return generated


@pytest.fixture
async def office(session, authorizer):
    dept = await factories.department(session, "协调办导出测试")
    return await factories.user(
        session, authorizer, role="coordination_office", dept=dept, display_name="王敏"
    )


async def test_the_spreadsheet_holds_the_ranking_and_its_totals_match(
    session, authorizer, office, world
):
    graph = await execute(session, authorizer, office, RANKING, since=SINCE, until=UNTIL)
    data = await execute(session, authorizer, office, WORKBOOK, since=SINCE, until=UNTIL)

    file = data["assessmentWorkbook"]
    assert file["filename"] == "考核排名_2024-08-01_2024-08-31.xlsx"
    book = load_workbook(io.BytesIO(base64.b64decode(file["contentBase64"])))
    rows = list(book["考核排名"].iter_rows(values_only=True))
    ranking = graph["assessment"]["rows"]
    assert rows[0] == RANKING_HEADER
    assert [(r[0], r[1], r[2]) for r in rows[1:-1]] == [
        (r["rank"], r["departmentName"], r["score"]) for r in ranking
    ]
    # No internal ids; scores and rates carry number formats a bureau reads directly.
    assert "部门编号" not in rows[0]
    sheet = book["考核排名"]
    rate_cells = [c for c in sheet[2][3 : 3 + len(INDICATORS)] if c.value is not None]
    assert rate_cells != []
    assert {c.number_format for c in rate_cells} == {"0.0%"}
    if sheet.cell(row=2, column=3).value is not None:
        assert sheet.cell(row=2, column=3).number_format == "0.00"
    assert [list(r[-len(COUNTS) :]) for r in rows[1:-1]] == [
        [r["statistics"][c] for c in COUNTS] for r in ranking
    ]
    about = {r[0]: r[1] for r in book["考核方案"].iter_rows(values_only=True)}
    assert (about["方案版本"], about["考核期间"]) == (0, "2024-08-01 至 2024-08-31")
    assert about["计算时点"] is not None
    totals = rows[-1]
    assert totals[0] == "合计"
    assert list(totals[-len(COUNTS) :]) == [
        sum(r["statistics"][c] for r in ranking) for c in COUNTS
    ]
    # Every push is received by one department; every acceptance is one department's.
    city = graph["linkageStatistics"]
    received, acceptances = totals[-len(COUNTS) + 1], totals[-3]
    assert (received, acceptances) == (city["pushesReceived"], city["acceptances"])
    assert received == len(
        [p for p in world.pushes if p.created_at >= world.start() and p.created_at < world.end()]
    )
    exports = (
        await session.exec(select(AuditEntry).where(AuditEntry.action == AuditAction.EXPORT))
    ).all()
    assert [(e.actor, e.target) for e in exports][-1] == (office.username, file["filename"])


def _running_head_or_foot(line: str) -> bool:
    return line.startswith((f"{ISSUER}\u3000", "考核期间 ", "第 "))


async def test_the_pdf_report_renders_with_the_ranking_table(session, authorizer, office, world):
    graph = await execute(session, authorizer, office, RANKING, since=SINCE, until=UNTIL)
    data = await execute(session, authorizer, office, REPORT, since=SINCE, until=UNTIL)

    file = data["assessmentReport"]
    content = base64.b64decode(file["contentBase64"])
    assert (file["filename"], file["mediaType"]) == (
        "考核报告_2024-08-01_2024-08-31.pdf",
        "application/pdf",
    )
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) == 2
    pages = [page.extract_text().splitlines() for page in reader.pages]
    # Every page: the issuing office with the period and date on top, its number at the foot.
    for number, lines in enumerate(pages, start=1):
        assert any(line.startswith(ISSUER) for line in lines), lines[:3]
        assert any("考核期间 2024-08-01 至 2024-08-31" in line for line in lines)
        assert any("制表日期 " in line for line in lines)
        assert f"第 {number} 页 共 2 页" in lines
    summary = [line for line in pages[0] if not _running_head_or_foot(line)]
    assert summary[:4] == [
        "审管联动工作考核报告",
        "考核期间：2024-08-01 至 2024-08-31",
        f"发布单位：{ISSUER}",
        "考核方案：系统默认 默认方案",
    ]
    # 制表 names the person and the office, never the account.
    made = [line for line in summary if line.startswith("制表：")]
    assert len(made) == 1
    assert made[0].endswith(f" 王敏（{ISSUER}）"), made
    assert office.username not in "\n".join(summary)
    assert "部门得分（前20名）" in summary
    assert [line for line in summary if line.startswith("计算时点：")] != []
    table = [line for line in pages[1] if not _running_head_or_foot(line)]
    # The table reads cell by cell: its title, the header, then each department in rank order.
    width = len(RANKING_HEADER)
    assert table[0] == "部门排名"
    assert table[1 : 1 + width] == list(RANKING_HEADER)
    ranking = graph["assessment"]["rows"]
    assert len(ranking) == len(world.departments)
    cells = table[1 + width : 1 + width * (1 + len(ranking))]
    assert [cells[i * width : i * width + 3] for i in range(len(ranking))] == [
        [
            str(r["rank"]),
            r["departmentName"],
            "—" if r["score"] is None else f"{r['score']:.2f}",
        ]
        for r in ranking
    ]
    assert "各指标部门平均值（%）" in table
