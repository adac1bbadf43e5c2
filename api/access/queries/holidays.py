"""The holiday calendar: the statutory holidays and make-up working days of a year."""

from __future__ import annotations

import strawberry

from api.access.types.holidays import CalendarDay
from api.core import workdays
from api.core.authz import requires
from api.core.errors import BadArgumentError
from api.core.kit import Info

# The holiday calendar covers dates people work with; other years are a client's mistake.
MIN_CALENDAR_YEAR = 1900
MAX_CALENDAR_YEAR = 2100


@strawberry.type
class HolidayQuery:
    @strawberry.field(
        description="某年的节假日与调休上班日", extensions=requires("calendar", "read")
    )
    async def calendar_days(self, info: Info, year: int) -> list[CalendarDay]:
        if not MIN_CALENDAR_YEAR <= year <= MAX_CALENDAR_YEAR:
            raise BadArgumentError(
                "year", f"年份须在 {MIN_CALENDAR_YEAR} 至 {MAX_CALENDAR_YEAR} 之间"
            )
        rows = await workdays.calendar_days(info.context.session, year=year)
        return [CalendarDay(day=r.day, kind=r.kind.value, name=r.name) for r in rows]
