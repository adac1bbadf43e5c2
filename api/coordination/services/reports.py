"""Assessment exports: a spreadsheet (openpyxl) and a PDF report with charts (reportlab).

The PDF embeds no font file: it uses the CID font STSong-Light that every PDF reader ships
for simplified Chinese (reportlab's ``UnicodeCIDFont``).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, Final

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from api.coordination.services.assessment import INDICATORS, Ranking
from api.coordination.services.statistics import CST, Grouping, Period, SeriesRow
from api.core.spreadsheets import append_text_row, neutralise, workbook_bytes

FONT: Final = "STSong-Light"
NONE_SHOWN: Final = "—"  # an indicator without data
XLSX_MEDIA_TYPE: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_MEDIA_TYPE: Final = "application/pdf"
# A cell starting with one of these is a formula (or DDE) to Excel, LibreOffice and WPS.

COUNT_COLUMNS: Final = (
    ("pushes_sent", "推送数"),
    ("pushes_received", "接收数"),
    ("received_at_acceptance", "受理推送"),
    ("received_at_completion", "办结推送"),
    ("pushes_claimed", "已认领"),
    ("claims_due", "应认领"),
    ("claimed_on_time", "按时认领"),
    ("claimed_late", "超期认领"),
    ("feedback_due", "应反馈"),
    ("feedback_on_time", "按时反馈"),
    ("closed_late", "超期反馈"),
    ("open_overdue", "未办结且逾期"),
    ("overdue", "逾期未反馈"),
    ("acceptances", "受理数"),
    ("acceptances_with_credit_check", "受理时信用核查"),
    ("abnormal_findings", "异常监管结果"),
)
RANKING_HEADER: Final = (
    "排名",
    "部门",
    "得分",
    *INDICATORS.values(),
    *(label for _, label in COUNT_COLUMNS),
)


def _version_label(version: int) -> str:
    """第N版 from 1; version 0 is the built-in default scheme (no 第0版 in print)."""
    return "系统默认" if version == 0 else f"第{version}版"


def _register_font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def ranking_rows(ranking: Ranking) -> list[list[Any]]:
    return [
        [
            row.rank,
            row.department_name,
            row.score,
            *(_rate(row.values[name]) for name in INDICATORS),
            *(getattr(row.figures, attr) for attr, _ in COUNT_COLUMNS),
        ]
        for row in ranking.rows
    ]


def _display_rows(ranking: Ranking) -> list[list[str]]:
    """The ranking as the PDF shows it: scores with two decimals, rates as percentages."""
    return [
        [
            str(row.rank),
            row.department_name,
            NONE_SHOWN if row.score is None else f"{row.score:.2f}",
            *(
                NONE_SHOWN if row.values[n] is None else f"{100 * (row.values[n] or 0):.1f}%"
                for n in INDICATORS
            ),
            *(str(getattr(row.figures, attr)) for attr, _ in COUNT_COLUMNS),
        ]
        for row in ranking.rows
    ]


def _period_text(ranking: Ranking) -> str:
    return f"{ranking.period.since.isoformat()} 至 {ranking.period.until.isoformat()}"


def _calculated_text(ranking: Ranking) -> str:
    """The calculation instant in China time, to the minute."""
    return ranking.calculated_at.astimezone(CST).strftime("%Y-%m-%d %H:%M")


PERCENT: Final = "0.0%"
DATE: Final = "yyyy-mm-dd"
INTEGER: Final = "0"


def _format_columns(sheet: Any, formats: dict[int, str], first_row: int = 2) -> None:
    """Give whole columns (1-based) a number format: rates read 87.5 %, dates 2026-06-30."""
    for column, number_format in formats.items():
        for (cell,) in sheet.iter_rows(min_row=first_row, min_col=column, max_col=column):
            if cell.value is not None and not isinstance(cell.value, str):
                cell.number_format = number_format


def _header_widths(sheet: Any, header: Sequence[str]) -> None:
    """Columns wide enough for their Chinese header (two width units per character)."""
    for index, title in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(10, 2 * len(title) + 2)


def workbook(ranking: Ranking) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook always has one sheet
    sheet.title = "考核排名"
    sheet.append(list(RANKING_HEADER))
    rows = ranking_rows(ranking)
    for values in rows:
        append_text_row(sheet, values)
    first_count = 3 + len(INDICATORS)
    totals: list[Any] = ["合计", None, None, *([None] * len(INDICATORS))]
    totals += [sum(r[first_count + i] for r in rows) for i in range(len(COUNT_COLUMNS))]
    sheet.append(totals)
    # 排名 | 部门 | 得分 | indicator rates… | counts…
    _format_columns(sheet, {3: "0.00"} | {4 + i: PERCENT for i in range(len(INDICATORS))})
    _header_widths(sheet, RANKING_HEADER)
    sheet.freeze_panes = "C2"
    scheme = book.create_sheet("考核方案")
    scheme.append(["方案版本", ranking.scheme.version])
    scheme.append(["考核期间", _period_text(ranking)])
    scheme.append(["计算时点", _calculated_text(ranking)])
    scheme.append(["统计口径", "见 docs/statistics.md（统计分析页各指标的说明）"])
    scheme.append(["指标", "权重"])
    for name, label in INDICATORS.items():
        scheme.append([label, ranking.scheme.weights.get(name, 0.0)])
    return workbook_bytes(book)


def _styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    title = ParagraphStyle("title", fontName=FONT, fontSize=18, leading=24, spaceAfter=6 * mm)
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14)
    return title, body


def _table(data: Sequence[Sequence[Any]], widths: Sequence[float] | None = None) -> Table:
    table = Table(
        [["" if v is None else str(v) for v in row] for row in data],
        colWidths=widths,
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6f0")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _score_chart(ranking: Ranking, width: float) -> Drawing:
    rows = [r for r in ranking.rows if r.score is not None][:20]
    height = min(40 + 18 * max(len(rows), 1), 330)
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 12, "部门得分（前20名）", fontName=FONT, fontSize=11))
    chart = HorizontalBarChart()
    chart.x, chart.y = 140, 10
    chart.width, chart.height = width - 170, height - 40
    # Bars top to bottom in rank order.
    chart.data = [[r.score or 0.0 for r in reversed(rows)] or [0.0]]
    chart.categoryAxis.categoryNames = [r.department_name for r in reversed(rows)] or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.labels.fontName = FONT
    chart.bars[0].fillColor = colors.HexColor("#3c78b4")
    drawing.add(chart)
    return drawing


def _indicator_chart(ranking: Ranking, width: float) -> Drawing:
    """City-wide mean of each indicator over the departments that have it."""
    means = []
    for name in INDICATORS:
        values = [r.values[name] for r in ranking.rows if r.values[name] is not None]
        means.append(100.0 * sum(v for v in values if v is not None) / len(values) if values else 0)
    drawing = Drawing(width, 150)
    drawing.add(String(0, 138, "各指标部门平均值（%）", fontName=FONT, fontSize=11))
    chart = HorizontalBarChart()
    chart.x, chart.y = 140, 10
    chart.width, chart.height = width - 170, 115
    chart.data = [list(reversed(means))]
    chart.categoryAxis.categoryNames = list(reversed(INDICATORS.values()))
    chart.categoryAxis.labels.fontName = FONT
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.bars[0].fillColor = colors.HexColor("#5aa469")
    drawing.add(chart)
    return drawing


class _NumberedCanvas(canvas.Canvas):  # type: ignore[misc] # reportlab ships no types
    """Draws 「第 N 页 共 M 页」 on every page: pages are kept until the total is known."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            width, _ = self._pagesize
            self.setFont(FONT, 8)
            self.drawCentredString(width / 2, 8 * mm, f"第 {self._pageNumber} 页 共 {total} 页")
            super().showPage()
        super().save()


def _page_header(issuer: str, period: str, printed: str) -> Callable[[Any, Any], None]:
    """The issuing office, the period and the date at the top of every page."""

    def draw(pdf: Any, doc: Any) -> None:
        width, height = doc.pagesize
        pdf.saveState()
        pdf.setFont(FONT, 8)
        pdf.drawString(15 * mm, height - 9 * mm, f"{issuer}　审管联动工作考核")
        pdf.drawRightString(
            width - 15 * mm, height - 9 * mm, f"考核期间 {period}　制表日期 {printed}"
        )
        pdf.setStrokeColor(colors.grey)
        pdf.setLineWidth(0.4)
        pdf.line(15 * mm, height - 10.5 * mm, width - 15 * mm, height - 10.5 * mm)
        pdf.restoreState()

    return draw


def pdf_report(
    ranking: Ranking, *, generated_at: datetime, generated_by: str, issuer: str
) -> bytes:
    """The assessment as the office sends it: issuing office, period and date on every page,
    page numbers, the ranking and its charts."""
    _register_font()
    buffer = io.BytesIO()
    page = landscape(A4)
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=16 * mm,
        bottomMargin=15 * mm,
        title="审管联动工作考核报告",
        author=issuer,
    )
    printed = generated_at.astimezone(CST).date().isoformat()
    title, body = _styles()
    width = page[0] - 30 * mm
    scheme = ranking.scheme
    weights = "，".join(
        f"{label} {scheme.weights.get(name, 0.0):g}" for name, label in INDICATORS.items()
    )
    story: list[Any] = [
        Paragraph("审管联动工作考核报告", title),
        Paragraph(f"考核期间：{_period_text(ranking)}", body),
        Paragraph(f"发布单位：{issuer}", body),
        Paragraph(f"考核方案：{_version_label(scheme.version)} {scheme.note}", body),
        Paragraph(f"指标权重：{weights}", body),
        Paragraph(f"计算时点：{_calculated_text(ranking)}（北京时间）", body),
        Paragraph(f"制表：{printed} {generated_by}", body),
        Paragraph(f"参评部门：{len(ranking.rows)}个", body),
        Spacer(1, 6 * mm),
        _score_chart(ranking, width),
        PageBreak(),
        Paragraph("部门排名", title),
        _table([list(RANKING_HEADER), *_display_rows(ranking)]),
        Spacer(1, 8 * mm),
        _indicator_chart(ranking, width),
    ]
    header = _page_header(issuer, _period_text(ranking), printed)
    doc.build(story, onFirstPage=header, onLaterPages=header, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()


def report_filename(kind: str, since: date, until: date) -> str:
    return f"考核{kind}_{since.isoformat()}_{until.isoformat()}"


SERIES_RATES: Final = (
    ("claim_rate", "认领率"),
    ("on_time_feedback_rate", "按时反馈率"),
    ("credit_check_rate", "受理时信用核查率"),
)


def series_header(by: Grouping) -> list[str]:
    first = ["月份", "起始日期", "截止日期"] if by is Grouping.MONTH else ["部门"]
    return [
        *first,
        "在册联动事项",
        *(label for _, label in COUNT_COLUMNS),
        *(label for _, label in SERIES_RATES),
    ]


def series_rows(rows: Sequence[SeriesRow], by: Grouping, names: dict[int, str]) -> list[list[Any]]:
    out: list[list[Any]] = []
    for row in rows:
        figures = row.figures
        if by is Grouping.MONTH:
            first: list[Any] = [
                row.period.since.strftime("%Y-%m"),
                row.period.since,
                row.period.until,
            ]
        else:
            dept = figures.department_id
            first = ["" if dept is None else names.get(dept, f"部门{dept}")]
        out.append(
            [
                *first,
                figures.linkages_in_force,
                *(getattr(figures, attr) for attr, _ in COUNT_COLUMNS),
                *(_rate(getattr(figures, attr)) for attr, _ in SERIES_RATES),
            ]
        )
    return out


def series_workbook(
    rows: Sequence[SeriesRow],
    *,
    by: Grouping,
    period: Period,
    names: dict[int, str],
    scope_name: str,
) -> bytes:
    """The statistics table of the page (by department or by month) with a totals row for
    the counts, and the period and scope on a second sheet."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook always has one sheet
    sheet.title = "按月份统计" if by is Grouping.MONTH else "按部门统计"
    header = series_header(by)
    sheet.append(header)
    values = series_rows(rows, by, names)
    for line in values:
        append_text_row(sheet, line)
    first_count = 3 if by is Grouping.MONTH else 1
    totals: list[Any] = ["合计", *([None] * (first_count - 1)), None]
    totals += [sum(line[first_count + 1 + i] for line in values) for i in range(len(COUNT_COLUMNS))]
    sheet.append(totals)
    rates_from = first_count + 2 + len(COUNT_COLUMNS)
    formats = {rates_from + i: PERCENT for i in range(len(SERIES_RATES))}
    if by is Grouping.MONTH:
        formats |= {2: DATE, 3: DATE}
    _format_columns(sheet, formats)
    _header_widths(sheet, header)
    sheet.freeze_panes = f"{get_column_letter(first_count + 1)}2"
    about = book.create_sheet("说明")
    about.append(["统计期间", f"{period.since.isoformat()} 至 {period.until.isoformat()}"])
    about.append(["范围", neutralise(scope_name)])
    about.append(["分组", "月份" if by is Grouping.MONTH else "部门"])
    return workbook_bytes(book)
