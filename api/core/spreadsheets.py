"""What every spreadsheet export shares (openpyxl): cells that never run as formulas, bytes out.

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula
(or DDE) to Excel, LibreOffice and WPS; ``neutralise`` prefixes it with an apostrophe (imports
that read our own files strip it again). ``append_text_row`` also marks every text cell as
text, so openpyxl never stores one as a formula.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any, TypeVar, overload

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

ValueT = TypeVar("ValueT")


@overload
def neutralise(value: str) -> str: ...
@overload
def neutralise(value: ValueT) -> ValueT: ...
def neutralise(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula, prefixed with an apostrophe; anything
    else as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def append_text_row(sheet: Worksheet, values: Iterable[Any]) -> None:
    """Append one row of neutralised values; its text cells are stored as text."""
    sheet.append([neutralise(v) for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def workbook_bytes(book: Workbook) -> bytes:
    """The .xlsx file of ``book``."""
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
