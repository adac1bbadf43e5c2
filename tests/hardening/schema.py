"""A small recursive schema built with the subgraphs' own ``build_schema`` (same extensions),
so every limit can be reached exactly: one field nests without end, another is a list."""

from __future__ import annotations

import strawberry

from api.core.authz import public
from api.core.schema import build_schema


@strawberry.type
class Level:
    depth: int

    @strawberry.field(extensions=public())
    def child(self) -> Level:
        return Level(depth=self.depth + 1)

    @strawberry.field(extensions=public())
    def children(self, first: int | None = None) -> list[Level]:
        return [Level(depth=self.depth + 1) for _ in range(min(first or 2, 2))]


@strawberry.type
class Query:
    @strawberry.field(extensions=public())
    def root(self, tags: list[str] | None = None) -> Level:  # noqa: ARG002 - token filler
        return Level(depth=1)

    @strawberry.field(extensions=public())
    def boom(self) -> int:
        msg = "secret internal detail"
        raise RuntimeError(msg)


schema = build_schema(query=Query)


def loaders(_session: object) -> None:
    return None
