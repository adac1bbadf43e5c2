"""The catalog federation schema."""

from __future__ import annotations

import strawberry

from api.catalog.mutations import CatalogMutation
from api.catalog.mutations.lists import LinkageListMutation
from api.catalog.queries import CatalogQuery
from api.catalog.queries.lists import LinkageListQuery
from api.core.schema import build_schema


@strawberry.type
class Query(CatalogQuery, LinkageListQuery):
    pass


@strawberry.type
class Mutation(CatalogMutation, LinkageListMutation):
    pass


schema = build_schema(query=Query, mutation=Mutation)
