"""Relay-style connections: opaque cursors, ``first`` capped at ``MAX_PAGE``, a total count.

Cursors encode an offset into the (stable, id-ordered) result; clients must treat them as
opaque. Every subgraph that pages a list uses these types, so they are shareable.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import strawberry

from api.core.errors import ValidationFailed

MAX_PAGE = 100
_PREFIX = "offset:"

NodeT = TypeVar("NodeT")
RowT = TypeVar("RowT")


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
        if first is not None and first < 0:
            raise ValidationFailed.single("first", "INVALID_PAGE_SIZE", "每页条数不能为负数")
        limit = MAX_PAGE if first is None else min(first, MAX_PAGE)
        start = decode_cursor(after) + 1 if after else 0
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
