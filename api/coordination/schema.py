"""The coordination federation schema."""

from __future__ import annotations

import strawberry

from api.coordination.mutations import CoordinationMutation
from api.coordination.queries import CoordinationQuery
from api.coordination.queries.workbench import WorkbenchQuery
from api.core.schema import build_schema


@strawberry.type
class Query(CoordinationQuery, WorkbenchQuery):
    pass


@strawberry.type
class Mutation(CoordinationMutation):
    pass


schema = build_schema(query=Query, mutation=Mutation)
