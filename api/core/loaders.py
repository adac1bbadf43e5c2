"""Helpers that turn one batched SQL result into DataLoader answers, in key order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

RowT = TypeVar("RowT")


def one_per_key(
    rows: Iterable[RowT], keys: Sequence[Hashable], key: Callable[[RowT], Hashable]
) -> list[RowT | None]:
    by_key = {key(row): row for row in rows}
    return [by_key.get(k) for k in keys]


def many_per_key(
    rows: Iterable[RowT], keys: Sequence[Hashable], key: Callable[[RowT], Hashable]
) -> list[list[RowT]]:
    grouped: dict[Hashable, list[RowT]] = defaultdict(list)
    for row in rows:
        grouped[key(row)].append(row)
    return [grouped.get(k, []) for k in keys]
