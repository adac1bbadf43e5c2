"""The city's clock: dates that users see (due dates, "today") are Asia/Shanghai dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from api.core.errors import ValidationFailed

LOCAL_TZ = ZoneInfo("Asia/Shanghai")


def local_today() -> date:
    # UTC's date is yesterday for the first eight hours of every Yiyang day.
    return datetime.now(LOCAL_TZ).date()


# A connected system's clock may run a little ahead of ours; beyond this a time is refused.
REPORTED_TIME_SKEW = timedelta(minutes=5)


def parse_reported_time(value: str, *, field_name: str, now: datetime) -> datetime:
    """A time a connected system reports (RFC 3339), as an aware UTC datetime.

    Without an offset the time is read as Asia/Shanghai (the city's wall clock). A date
    alone, text that is not a time, or a time more than ``REPORTED_TIME_SKEW`` after ``now``
    is refused with a typed error naming the field.
    """
    text = value.strip()
    invalid = ValidationFailed.single(
        field_name, "INVALID_TIME", "时间格式不正确（RFC 3339，如 2026-12-01T09:30:00+08:00）"
    )
    if len(text) <= len("2026-12-01") or text[10] not in "Tt ":
        raise invalid
    try:
        moment = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        raise invalid from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=LOCAL_TZ)
    moment = moment.astimezone(UTC)
    if moment > now + REPORTED_TIME_SKEW:
        raise ValidationFailed.single(field_name, "IN_THE_FUTURE", "时间晚于当前时间")
    return moment


def as_aware(moment: datetime) -> datetime:
    """A stored time as an aware UTC datetime (SQLite hands them back naive)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def local_date(moment: datetime) -> date:
    """The Asia/Shanghai calendar date of an instant."""
    return as_aware(moment).astimezone(LOCAL_TZ).date()
