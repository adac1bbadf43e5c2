"""The keyset page shared by approval's lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import sqlalchemy as sa
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core.errors import ValidationFailed

MAX_PAGE = 100


RowT = TypeVar("RowT")


@dataclass(frozen=True)
class Page(Generic[RowT]):
    rows: Sequence[RowT]
    total: int
    has_next: bool


def _limit(first: int) -> int:
    if first < 0 or first > MAX_PAGE:
        raise ValidationFailed.single("first", "OUT_OF_RANGE", f"每页条数应在 0 到 {MAX_PAGE} 之间")
    return first


async def _page(
    session: AsyncSession,
    stmt: Any,
    id_column: Any,
    *,
    first: int,
    after: int | None,
    newest_first: bool = False,
) -> Page[Any]:
    total_stmt = select(sa.func.count()).select_from(stmt.subquery())
    total = int((await session.exec(total_stmt)).one())
    limit = _limit(first)
    if after is not None:
        stmt = stmt.where(id_column < after if newest_first else id_column > after)
    order = id_column.desc() if newest_first else id_column
    rows = (await session.exec(stmt.order_by(order).limit(limit + 1))).all()
    return Page(rows=rows[:limit], total=total, has_next=len(rows) > limit)
