"""The keyset page of a list that grows while a user pages (inboxes, notices, logs).

One count of the whole list, then up to ``first`` rows after the row id ``after`` (one more
is fetched to tell whether a next page exists), so a new row never shifts the next page.
The GraphQL side turns it into a connection with ``api.core.pagination.keyset_connection``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import sqlalchemy as sa
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core.errors import ValidationFailed
from api.core.pagination import MAX_PAGE

RowT = TypeVar("RowT")


@dataclass(frozen=True)
class Page(Generic[RowT]):
    rows: Sequence[RowT]
    total: int
    has_next: bool


def page_size(first: int) -> int:
    """``first`` itself, or fail naming it when it is outside 0 … ``MAX_PAGE``."""
    if first < 0 or first > MAX_PAGE:
        raise ValidationFailed.single("first", "OUT_OF_RANGE", f"每页条数应在 0 到 {MAX_PAGE} 之间")
    return first


async def keyset_page(
    session: AsyncSession,
    stmt: Any,
    id_column: Any,
    *,
    first: int,
    after: int | None,
    newest_first: bool = False,
) -> Page[Any]:
    """The page of ``stmt`` ordered by ``id_column`` (descending with ``newest_first``)."""
    limit = page_size(first)
    total = int((await session.exec(select(sa.func.count()).select_from(stmt.subquery()))).one())
    if after is not None:
        stmt = stmt.where(id_column < after if newest_first else id_column > after)
    order = id_column.desc() if newest_first else id_column
    rows = (await session.exec(stmt.order_by(order).limit(limit + 1))).all()
    return Page(rows=rows[:limit], total=total, has_next=len(rows) > limit)
