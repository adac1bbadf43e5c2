"""The holiday calendar in the graph: statutory holidays and make-up working days."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from api.core.errors import ValidationErrors


@strawberry.type(description="节假日与调休上班日")
class CalendarDay:
    day: date
    kind: str
    name: str


CalendarDayResult = Annotated[CalendarDay | ValidationErrors, strawberry.union("CalendarDayResult")]
