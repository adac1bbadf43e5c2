"""Entity stubs: another subgraph's entity, declared only by its key so that a field here can
return it (the gateway asks the owner for the rest). One class each, shared by every subgraph
that only references the entity; a subgraph that adds fields to it keeps its own type, built
on ``KeyedById``."""

from __future__ import annotations

from typing import Self

import strawberry


@strawberry.type
class KeyedById:
    """An entity known here by its ``id`` alone (never in a schema by itself: only the
    federation types built on it are)."""

    id: strawberry.ID

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> Self:  # noqa: A002
        return cls(id=id)


@strawberry.federation.type(keys=["id"], description="部门（目录子图所有）")
class Department(KeyedById):
    pass


@strawberry.federation.type(keys=["id"], description="办件（审批子图所有）")
class Application(KeyedById):
    pass


@strawberry.federation.type(keys=["id"], description="监管结果（监管子图所有）")
class Finding(KeyedById):
    pass
