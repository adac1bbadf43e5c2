"""Spreadsheets in and out (openpyxl): joint-punishment imports, lookup-log and credit exports."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook, load_workbook

from api.core.spreadsheets import append_text_row, workbook_bytes

Cell = str | int | float | bool | date | datetime | None


def write_workbook(title: str, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # noqa: S101 - a new workbook always has one sheet
    sheet.title = title
    sheet.append(list(header))
    for row in rows:
        append_text_row(sheet, row)
    return workbook_bytes(workbook)


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
