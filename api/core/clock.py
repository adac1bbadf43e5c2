"""The one clock: every "now" and "today" of services, jobs, due dates, tickets and sessions.

``utcnow()`` is the moment (aware, UTC); ``local_today()`` the Asia/Shanghai date users see.
Outside production, ``SHENGUAN_CLOCK_FILE`` names a file holding an offset in seconds (a
number, may be negative or fractional) added to the system time. Every process of the stack
reads the same file, re-reading it only when it changes (mtime, size, inode), so a test or a
demo moves time for the whole running stack at once (``set_offset``). Production refuses the
setting at start-up (``check_setting`` raises ``ClockSettingRefusedError``) and never reads it.
See docs/CLOCK.md.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from api.core.config import Settings, get_settings
from api.core.errors import ValidationFailed

LOCAL_TZ = ZoneInfo("Asia/Shanghai")
ZERO = timedelta(0)

_cache: tuple[tuple[str, int, int, int], timedelta] | None = None


class ClockSettingRefusedError(RuntimeError):
    """``SHENGUAN_CLOCK_FILE`` is set while ``SHENGUAN_ENV=production``."""

    def __init__(self) -> None:
        super().__init__("SHENGUAN_CLOCK_FILE 不能在生产环境（SHENGUAN_ENV=production）中设置")


class ClockFileError(ValueError):
    """The clock file does not hold a number of seconds."""


def check_setting(settings: Settings | None = None) -> None:
    """Refuse a movable clock in production; called by every process when it starts."""
    settings = settings or get_settings()
    if settings.is_production and settings.clock_file:
        raise ClockSettingRefusedError


def _read_offset(path: str) -> timedelta:
    global _cache  # noqa: PLW0603 - one cached reading per process
    try:
        stat = Path(path).stat()
    except FileNotFoundError:
        return ZERO
    key = (path, stat.st_mtime_ns, stat.st_size, stat.st_ino)
    if _cache is not None and _cache[0] == key:
        return _cache[1]
    text = Path(path).read_text(encoding="utf-8").strip()
    try:
        value = timedelta(seconds=float(text)) if text else ZERO
    except ValueError as exc:
        msg = f"{path}: the clock file must hold a number of seconds, not {text!r}"
        raise ClockFileError(msg) from exc
    _cache = (key, value)
    return value


def offset() -> timedelta:
    """How far the clock is moved from the system time (zero in production)."""
    settings = get_settings()
    if not settings.clock_file or settings.is_production:
        return ZERO
    return _read_offset(settings.clock_file)


def utcnow() -> datetime:
    return datetime.now(UTC) + offset()


def local_today() -> date:
    # UTC's date is yesterday for the first eight hours of every Yiyang day.
    return utcnow().astimezone(LOCAL_TZ).date()


def set_offset(path: Path, moved: timedelta) -> None:
    """Move the clock of every process reading ``path`` (written atomically)."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(f"{moved.total_seconds()}\n", encoding="utf-8")
    tmp.replace(path)


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
