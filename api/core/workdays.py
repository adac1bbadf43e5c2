"""Working days: time limits counted on the administrator's holiday calendar.

Chinese public holidays and the weekends worked in exchange (调休上班) change every year by
State Council notice, so they are data: rows in ``core_calendar_day`` that an administrator
maintains, seeded from ``api/core/data/calendar-*.csv`` into an empty calendar. A day is a
working day when the calendar says WORKDAY, or when it says nothing and it is Monday–Friday.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Field, SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core.errors import ValidationFailed
from api.core.models import str_enum, utcnow

DATA_DIR = Path(__file__).resolve().parent / "data"
SATURDAY = 5
# A due date is never searched further than this (a misconfigured calendar must not hang).
MAX_SPAN_DAYS = 3660


class DayKind(StrEnum):
    HOLIDAY = "HOLIDAY"  # 法定节假日（放假）
    WORKDAY = "WORKDAY"  # 调休上班


class CalendarDay(SQLModel, table=True):
    __tablename__ = "core_calendar_day"

    day: date = Field(primary_key=True)
    kind: DayKind = Field(sa_type=str_enum(DayKind))
    name: str = Field(max_length=50)
    updated_at: datetime = Field(default_factory=utcnow)


def is_working_day(day: date, overrides: dict[date, DayKind]) -> bool:
    kind = overrides.get(day)
    if kind is not None:
        return kind == DayKind.WORKDAY
    return day.weekday() < SATURDAY


async def overrides_between(session: AsyncSession, start: date, end: date) -> dict[date, DayKind]:
    rows = await session.exec(
        select(CalendarDay).where(col(CalendarDay.day) >= start, col(CalendarDay.day) <= end)
    )
    return {row.day: row.kind for row in rows.all()}


def add_working_days_with(start: date, days: int, overrides: dict[date, DayKind]) -> date:
    """The ``days``-th working day after ``start`` (``start`` itself is not counted)."""
    current = start
    remaining = days
    for _ in range(MAX_SPAN_DAYS):
        if remaining <= 0:
            return current
        current += timedelta(days=1)
        if is_working_day(current, overrides):
            remaining -= 1
    msg = "calendar has no working days in range"
    raise ValueError(msg)


async def add_working_days(session: AsyncSession, start: date, days: int) -> date:
    # Enough room for any realistic time limit plus the longest holiday season.
    overrides = await overrides_between(session, start, start + timedelta(days=days * 3 + 30))
    return add_working_days_with(start, days, overrides)


async def working_days_between(session: AsyncSession, start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
    if end <= start:
        return 0
    overrides = await overrides_between(session, start, end)
    return sum(
        is_working_day(start + timedelta(days=n), overrides)
        for n in range(1, (end - start).days + 1)
    )


async def set_calendar_day(
    session: AsyncSession, *, day: date, kind: DayKind | None, name: str = ""
) -> CalendarDay | None:
    """Mark ``day`` as a holiday or adjusted working day; ``kind=None`` removes the mark."""
    row = await session.get(CalendarDay, day)
    if kind is None:
        if row is not None:
            await session.delete(row)
            await session.flush()
        return None
    if not name.strip():
        raise ValidationFailed.single("name", "REQUIRED", "请填写节假日或调休名称")
    if row is None:
        row = CalendarDay(day=day, kind=kind, name=name.strip())
    else:
        row.kind = kind
        row.name = name.strip()
        row.updated_at = utcnow()
    session.add(row)
    await session.flush()
    return row


async def calendar_days(session: AsyncSession, *, year: int) -> Sequence[CalendarDay]:
    rows = await session.exec(
        select(CalendarDay)
        .where(col(CalendarDay.day) >= date(year, 1, 1), col(CalendarDay.day) <= date(year, 12, 31))
        .order_by(col(CalendarDay.day))
    )
    return rows.all()


def read_seed_files(data_dir: Path = DATA_DIR) -> list[CalendarDay]:
    days: list[CalendarDay] = []
    for path in sorted(data_dir.glob("calendar-*.csv")):
        with path.open(encoding="utf-8") as fh:
            for raw in csv.reader(fh):
                if not raw or raw[0].startswith("#"):
                    continue
                day, kind, name = (cell.strip() for cell in raw)
                days.append(CalendarDay(day=date.fromisoformat(day), kind=DayKind(kind), name=name))
    return days


async def seed_calendar_if_empty(session: AsyncSession) -> int:
    count = (await session.exec(select(sa.func.count()).select_from(CalendarDay))).one()
    if count:
        return 0
    days = read_seed_files()
    session.add_all(days)
    await session.flush()
    return len(days)
