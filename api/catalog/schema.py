"""The catalog federation schema."""

from __future__ import annotations

import strawberry

from api.catalog.list_mutations import LinkageListMutation
from api.catalog.list_queries import LinkageListQuery
from api.catalog.mutations import CatalogMutation
from api.catalog.queries import CatalogQuery
from api.core.schema import build_schema


@strawberry.type
class Query(CatalogQuery, LinkageListQuery):
    pass


@strawberry.type
class Mutation(CatalogMutation, LinkageListMutation):
    pass


schema = build_schema(query=Query, mutation=Mutation)
