"""The credit federation schema."""

from __future__ import annotations

import strawberry

from api.core.schema import build_schema
from api.credit.mutations import CreditMutation
from api.credit.queries import CreditQuery
from api.credit.queries.workbench import WorkbenchQuery


@strawberry.type
class Query(CreditQuery, WorkbenchQuery):
    pass


@strawberry.type
class Mutation(CreditMutation):
    pass


schema = build_schema(query=Query, mutation=Mutation)
