"""Working-day time limits on the seeded 2026 calendar (holidays and adjusted weekends)."""

from datetime import date

from api.core import workdays
from api.core.workdays import DayKind


async def test_national_day_holiday_is_skipped_and_the_adjusted_saturday_counts(session):
    # Tue 2026-09-29 + 3 working days: Wed 30 Sep, then 1–7 Oct is the National Day holiday,
    # Thu 8 Oct, Fri 9 Oct — and Sat 10 Oct is an adjusted working day (调休上班).
    assert await workdays.add_working_days(session, date(2026, 9, 29), 3) == date(2026, 10, 9)
    assert await workdays.add_working_days(session, date(2026, 9, 29), 4) == date(2026, 10, 10)
    assert await workdays.add_working_days(session, date(2026, 9, 29), 5) == date(2026, 10, 12)


async def test_spring_festival_and_its_two_working_saturdays(session):
    # Fri 13 Feb → Sat 14 Feb is worked; 15–23 Feb is the holiday; Tue 24 Feb is next.
    assert await workdays.add_working_days(session, date(2026, 2, 13), 1) == date(2026, 2, 14)
    assert await workdays.add_working_days(session, date(2026, 2, 13), 2) == date(2026, 2, 24)
    assert await workdays.working_days_between(session, date(2026, 2, 13), date(2026, 3, 1)) == 6


async def test_an_ordinary_weekend_is_not_a_working_day(session):
    assert await workdays.add_working_days(session, date(2026, 11, 27), 1) == date(2026, 11, 30)


async def test_an_administrator_adds_a_holiday_and_due_dates_move(session):
    await workdays.set_calendar_day(
        session, day=date(2026, 11, 30), kind=DayKind.HOLIDAY, name="临时调整"
    )
    assert await workdays.add_working_days(session, date(2026, 11, 27), 1) == date(2026, 12, 1)
    await workdays.set_calendar_day(session, day=date(2026, 11, 30), kind=None)
    assert await workdays.add_working_days(session, date(2026, 11, 27), 1) == date(2026, 11, 30)


async def test_the_seeded_calendar_is_the_2026_state_council_arrangement(session):
    days = await workdays.calendar_days(session, year=2026)
    holidays = [d.day for d in days if d.kind == DayKind.HOLIDAY]
    adjusted = [d.day.isoformat() for d in days if d.kind == DayKind.WORKDAY]
    assert len(holidays) == 33
    assert adjusted == [
        "2026-01-04",
        "2026-02-14",
        "2026-02-28",
        "2026-05-09",
        "2026-09-20",
        "2026-10-10",
    ]
