"""Spreadsheets in and out (openpyxl): joint-punishment imports, lookup-log and credit exports."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook, load_workbook

# A cell starting with one of these is a formula (or DDE) to Excel, LibreOffice and WPS.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | bool | date | datetime | None


def neutralise(value: Cell) -> Cell:
    """Text that a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def write_workbook(title: str, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # noqa: S101 - a new workbook always has one sheet
    sheet.title = title
    sheet.append(list(header))
    for row in rows:
        cells = [neutralise(v) for v in row]
        sheet.append(cells)
        # openpyxl would still treat "=..." as a formula: force text type on neutralised cells.
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read_rows(content: bytes) -> list[tuple[int, dict[str, Any]]]:
    """(row number, {header: value}) for every non-empty row after the header row."""
    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
    result: list[tuple[int, dict[str, Any]]] = []
    for number, values in enumerate(rows, start=2):
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        result.append((number, dict(zip(header, values, strict=False))))
    workbook.close()
    return result
