"""The city's clock: dates that users see (due dates, "today") are Asia/Shanghai dates."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Shanghai")


def local_today() -> date:
    # UTC's date is yesterday for the first eight hours of every Yiyang day.
    return datetime.now(LOCAL_TZ).date()
