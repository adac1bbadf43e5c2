"""The access federation schema."""

from __future__ import annotations

import strawberry

from api.access.mutations import AccessMutation
from api.access.queries import AccessQuery
from api.access.queries.workbench import WorkbenchQuery
from api.core.schema import build_schema


@strawberry.type
class Query(AccessQuery, WorkbenchQuery):
    pass


@strawberry.type
class Mutation(AccessMutation):
    pass


schema = build_schema(query=Query, mutation=Mutation)
