"""Helpers that turn one batched SQL result into DataLoader answers, in key order.

``one_per_key`` / ``many_per_key`` arrange rows already fetched; ``fetch_one_per_key`` /
``fetch_many_per_key`` also run the usual statement: the rows of one table whose ``column``
is among the keys (one statement for any number of keys), with optional extra conditions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, TypeVar

from sqlmodel import SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader

from api.core import accounts

RowT = TypeVar("RowT")
ModelT = TypeVar("ModelT", bound=SQLModel)


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


async def fetch_one_per_key(
    session: AsyncSession,
    model: type[ModelT],
    column: Any,
    keys: Sequence[Hashable],
    *,
    where: Sequence[Any] = (),
) -> list[ModelT | None]:
    """Per key, the row of ``model`` whose ``column`` equals it (``None`` where there is none
    or ``where`` excludes it)."""
    name: str = column.key
    stmt = select(model).where(col(column).in_(keys), *where)
    rows = (await session.exec(stmt)).all()
    return one_per_key(rows, keys, lambda r: getattr(r, name))


async def fetch_many_per_key(
    session: AsyncSession,
    model: type[ModelT],
    column: Any,
    keys: Sequence[Hashable],
    *,
    order_by: Sequence[Any],
    where: Sequence[Any] = (),
) -> list[list[ModelT]]:
    """Per key, the rows of ``model`` whose ``column`` equals it, in ``order_by`` order."""
    name: str = column.key
    stmt = select(model).where(col(column).in_(keys), *where).order_by(*order_by)
    rows = (await session.exec(stmt)).all()
    return many_per_key(rows, keys, lambda r: getattr(r, name))


def display_name_loader(session: AsyncSession) -> DataLoader[str, str]:
    """People's names by account name, one statement per batch (an account that is gone
    keeps its account name): every subgraph's ``display_name`` loader, which resolvers read
    through ``api.core.kit.person_name``."""

    async def load(usernames: list[str]) -> list[str]:
        names = await accounts.display_names(session=session, usernames=usernames)
        return [names[u] for u in usernames]

    return DataLoader(load_fn=load)
