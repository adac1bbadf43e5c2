"""Entity stubs: another subgraph's entity, declared only by its key so that a field here can
return it (the gateway asks the owner for the rest). One class each, shared by every subgraph
that only references the entity; a subgraph that adds fields to it keeps its own type."""

from __future__ import annotations

import strawberry


@strawberry.federation.type(keys=["id"], description="部门（目录子图所有）")
class Department:
    id: strawberry.ID

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> Department:  # noqa: A002
        return cls(id=id)


@strawberry.federation.type(keys=["id"], description="办件（审批子图所有）")
class Application:
    id: strawberry.ID

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> Application:  # noqa: A002
        return cls(id=id)


@strawberry.federation.type(keys=["id"], description="监管结果（监管子图所有）")
class Finding:
    id: strawberry.ID

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> Finding:  # noqa: A002
        return cls(id=id)
