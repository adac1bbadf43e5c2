"""Spreadsheets in the city's working format, built with openpyxl like a clerk's file."""

from __future__ import annotations

import base64
import io

from openpyxl import Workbook, load_workbook

from api.catalog.services.workbook import HEADERS


def xlsx(rows: list[list[str]], headers: tuple[str, ...] = HEADERS) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def read(data: bytes) -> list[list[str]]:
    """Every row as text, header included (None → "")."""
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def row(
    approval: tuple[str, str],
    approving: tuple[str, str, str, str, str],
    supervision: tuple[str, str],
    supervising: tuple[str, str, str, str, str],
    principle: str = "谁主管谁监管",
    basis: str = "",
) -> list[str]:
    """(code, name), (department, section, person, office phone, mobile) per side."""
    return [*approval, *approving, *supervision, *supervising, principle, basis]
