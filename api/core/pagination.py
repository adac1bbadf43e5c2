"""Relay-style connections: opaque cursors, ``first`` capped at ``MAX_PAGE``, a total count.

One ``Connection[T]`` (``edges``, ``pageInfo``, ``totalCount``) serves every paged list; a
subgraph names it ``XConnection = Connection[X]`` (Strawberry then calls it ``XConnection``
and its edge ``XEdge``). Two kinds of cursor, both opaque to clients:

- offset cursors (``Page.of`` + ``Connection.build``) for searches over stable data;
- keyset cursors (``<kind>:<row id>``; ``keyset_page`` in a service + ``keyset_list`` in the
  resolver) for inboxes and logs that grow while a user pages.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar, cast

import sqlalchemy as sa
import strawberry
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core.errors import BadArgumentError, ValidationFailed

MAX_PAGE = 100
_PREFIX = "offset:"

NodeT = TypeVar("NodeT")
RowT = TypeVar("RowT")
RowT_co = TypeVar("RowT_co", covariant=True)


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str, field: str = "after") -> int:
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        offset = int(text.removeprefix(_PREFIX)) if text.startswith(_PREFIX) else -1
    except ValueError:
        offset = -1
    if offset < 0:
        raise ValidationFailed.single(field, "INVALID_CURSOR", "分页游标无效")
    return offset


@dataclass(frozen=True)
class Page:
    """Where a page starts and how many rows to fetch (one more reveals a next page)."""

    offset: int
    limit: int

    @classmethod
    def of(cls, first: int | None, after: str | None) -> Page:
        """The page ``first``/``after`` ask for; a negative ``first`` or a bad cursor is a
        client bug, answered as a ``BAD_USER_INPUT`` error naming the argument."""
        try:
            if first is not None and first < 0:
                raise ValidationFailed.single("first", "INVALID_PAGE_SIZE", "每页条数不能为负数")
            start = decode_cursor(after) + 1 if after else 0
        except ValidationFailed as exc:
            raise BadArgumentError.from_validation(exc) from None
        limit = MAX_PAGE if first is None else min(first, MAX_PAGE)
        return cls(offset=start, limit=limit)


@strawberry.federation.type(shareable=True, description="分页信息")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type(description="一条分页结果：游标与节点")
class Edge(Generic[NodeT]):
    cursor: str
    node: NodeT


@strawberry.type(description="分页列表（Relay 连接）")
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]]
    page_info: PageInfo
    total_count: int

    @classmethod
    def build(
        cls,
        rows: Sequence[RowT],
        *,
        page: Page,
        total: int,
        to_node: Callable[[RowT], NodeT],
    ) -> Connection[NodeT]:
        edges = [
            Edge(cursor=encode_cursor(page.offset + i), node=to_node(row))
            for i, row in enumerate(rows)
        ]
        return cls(
            edges=edges,
            page_info=PageInfo(
                has_next_page=page.offset + len(rows) < total,
                has_previous_page=page.offset > 0,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
            total_count=total,
        )


# Keyset cursors (``<kind>:<row id>``) for inboxes and logs that grow while a user pages:
# a new row never shifts the next page, unlike an offset.


def encode_key_cursor(kind: str, row_id: int) -> str:
    return base64.urlsafe_b64encode(f"{kind}:{row_id}".encode()).decode()


def decode_key_cursor(kind: str, cursor: str | None) -> int | None:
    """The row id inside ``cursor`` (None for the first page), or fail naming ``after``."""
    if cursor is None:
        return None
    invalid = ValidationFailed.single("after", "INVALID_CURSOR", "分页游标无效")
    try:
        prefix, _, raw = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
        row_id = int(raw)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise invalid from None
    if prefix != kind:
        raise invalid
    return row_id


def keyset_connection(
    kind: str,
    rows: Sequence[RowT],
    *,
    total: int,
    has_next: bool,
    row_id: Callable[[RowT], int | None],
    to_node: Callable[[RowT], NodeT],
    after: str | None = None,
) -> Connection[NodeT]:
    edges = [
        Edge(cursor=encode_key_cursor(kind, int(row_id(r) or 0)), node=to_node(r)) for r in rows
    ]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=has_next,
            has_previous_page=after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=total,
    )


@dataclass(frozen=True)
class KeysetPage(Generic[RowT]):
    """What a service returns for one keyset page: the rows, the total, whether more follow."""

    rows: Sequence[RowT]
    total: int
    has_next: bool


class RowsPage(Protocol[RowT_co]):
    """Any service page (``KeysetPage`` or a service's own frozen dataclass of that shape)."""

    @property
    def rows(self) -> Sequence[RowT_co]: ...
    @property
    def total(self) -> int: ...
    @property
    def has_next(self) -> bool: ...


def page_size(first: int) -> int:
    """``first`` itself, or fail naming it when it is outside 0..``MAX_PAGE``."""
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
) -> KeysetPage[Any]:
    """One page of ``stmt`` ordered by ``id_column`` (descending with ``newest_first``),
    starting after the row id ``after``; ``total`` counts the whole filtered ``stmt``."""
    total_stmt = select(sa.func.count()).select_from(stmt.subquery())
    total = int((await session.exec(total_stmt)).one())
    limit = page_size(first)
    if after is not None:
        stmt = stmt.where(id_column < after if newest_first else id_column > after)
    order = id_column.desc() if newest_first else id_column
    rows = (await session.exec(stmt.order_by(order).limit(limit + 1))).all()
    return KeysetPage(rows=rows[:limit], total=total, has_next=len(rows) > limit)


async def keyset_list(
    kind: str,
    after: str | None,
    fetch: Callable[[int | None], Awaitable[RowsPage[RowT]]],
    to_node: Callable[[RowT], NodeT],
    row_id: Callable[[RowT], int | None] | None = None,
) -> Connection[NodeT]:
    """A resolver's whole keyset list: decode ``after``, let the service ``fetch`` the page
    after that row id, and answer the connection; a bad cursor or ``first`` is a
    ``BAD_USER_INPUT`` error naming the argument."""
    try:
        page = await fetch(decode_key_cursor(kind, after))
    except ValidationFailed as exc:
        raise BadArgumentError.from_validation(exc) from None
    return keyset_connection(
        kind,
        page.rows,
        total=page.total,
        has_next=page.has_next,
        row_id=row_id or _row_id,
        to_node=to_node,
        after=after,
    )


def _row_id(row: Any) -> int | None:
    return cast("int | None", row.id)
