"""Cursor connections shared by every subgraph: ``edges { cursor node }``, ``pageInfo``,
``totalCount``. Cursors are opaque (base64 of ``<type>:<id>``); ``first`` is at most 100.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

import strawberry

from api.core.errors import ValidationFailed

NodeT = TypeVar("NodeT")
RowT = TypeVar("RowT")


def encode_cursor(kind: str, row_id: int) -> str:
    return base64.urlsafe_b64encode(f"{kind}:{row_id}".encode()).decode()


def decode_cursor(kind: str, cursor: str | None) -> int | None:
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


@strawberry.federation.type(shareable=True, description="分页信息")
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type(description="连接中的一条")
class Edge(Generic[NodeT]):
    cursor: str
    node: NodeT


@strawberry.type(description="分页连接（每页至多100条）")
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]]
    page_info: PageInfo
    total_count: int = strawberry.field(description="符合条件的总条数")


def connection(
    kind: str,
    rows: Sequence[RowT],
    *,
    total: int,
    has_next: bool,
    row_id: Callable[[RowT], int | None],
    to_node: Callable[[RowT], NodeT],
) -> Connection[NodeT]:
    edges = [Edge(cursor=encode_cursor(kind, int(row_id(r) or 0)), node=to_node(r)) for r in rows]
    return Connection(
        edges=edges,
        page_info=PageInfo(has_next_page=has_next, end_cursor=edges[-1].cursor if edges else None),
        total_count=total,
    )
