"""What the workbench count fields share: the look-ahead window they are asked for."""

from __future__ import annotations

from api.core.errors import BadArgumentError

MAX_WINDOW_DAYS = 366


def window_days(value: int, argument: str) -> int:
    """A look-ahead of 1 to 366 days; anything else is a client's mistake, named."""
    if not 1 <= value <= MAX_WINDOW_DAYS:
        raise BadArgumentError(argument, f"{argument} 须为 1 至 {MAX_WINDOW_DAYS} 天")
    return value
