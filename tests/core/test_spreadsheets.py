"""Spreadsheet exports never hand a spreadsheet a formula (api/core/spreadsheets.py)."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook, load_workbook

from api.core.spreadsheets import append_text_row, neutralise, workbook_bytes


def test_text_a_spreadsheet_would_run_gets_an_apostrophe_and_anything_else_stays():
    for risky in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(risky) == "'" + risky
    assert neutralise("'=already") == "'=already"
    assert neutralise("市场监管局") == "市场监管局"
    assert neutralise(-1) == -1
    assert neutralise(None) is None
    assert neutralise(date(2026, 1, 2)) == date(2026, 1, 2)


def test_an_appended_row_reads_back_as_text_and_values():
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    append_text_row(sheet, ['=HYPERLINK("x")', 3, "名称"])
    assert [c.data_type for c in sheet[1]] == ["s", "n", "s"]
    read = load_workbook(io.BytesIO(workbook_bytes(book))).active
    assert read is not None
    assert [c.value for c in read[1]] == ['\'=HYPERLINK("x")', 3, "名称"]
