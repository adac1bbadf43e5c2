"""Maintaining the holiday calendar (resource ``calendar``, action ``admin``)."""

from __future__ import annotations

import strawberry

from api.access.inputs import SetCalendarDayInput
from api.access.types.holidays import CalendarDay, CalendarDayResult
from api.core import workdays
from api.core.authz import requires
from api.core.errors import ValidationErrors, ValidationFailed
from api.core.kit import Info, validation_result


@strawberry.type
class HolidayMutation:
    @strawberry.mutation(
        description="维护节假日与调休上班日", extensions=requires("calendar", "admin")
    )
    @validation_result
    async def set_calendar_day(
        self,
        info: Info,
        input: SetCalendarDayInput,  # noqa: A002
    ) -> CalendarDayResult:
        try:
            kind = workdays.DayKind(input.kind) if input.kind else None
        except ValueError:
            return ValidationErrors.from_exception(
                ValidationFailed.single("kind", "INVALID", "类别应为法定节假日或调休上班日")
            )
        row = await workdays.set_calendar_day(
            info.context.session, day=input.day, kind=kind, name=input.name
        )
        if row is None:
            return CalendarDay(day=input.day, kind="NORMAL", name="")
        return CalendarDay(day=row.day, kind=row.kind.value, name=row.name)
