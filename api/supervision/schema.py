"""The supervision federation schema."""

from __future__ import annotations

import strawberry

from api.core.schema import build_schema
from api.supervision.mutations import SupervisionMutation
from api.supervision.queries import SupervisionQuery


@strawberry.type
class Query(SupervisionQuery):
    pass


@strawberry.type
class Mutation(SupervisionMutation):
    pass


schema = build_schema(query=Query, mutation=Mutation)
