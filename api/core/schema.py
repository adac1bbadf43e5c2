"""How every subgraph schema is built: federation 2.9, the unit of work, query limits."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Final

import strawberry
from strawberry.extensions import (
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)

from api.core.app import UnitOfWork

# Strawberry's default (2.11) is rejected by @theguild/federation-composition; see STACK-NOTES.
FEDERATION_VERSION: Final = "2.9"

# A subgraph does not trust the gateway: it enforces its own limits too.
MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 2000


def default_extensions() -> list[type[SchemaExtension] | Callable[[], SchemaExtension]]:
    return [
        UnitOfWork,
        partial(QueryDepthLimiter, max_depth=MAX_DEPTH),
        partial(MaxAliasesLimiter, max_alias_count=MAX_ALIASES),
        partial(MaxTokensLimiter, max_token_count=MAX_TOKENS),
    ]


def build_schema(
    *,
    query: type,
    mutation: type | None = None,
    subscription: type | None = None,
    types: Sequence[type] = (),
) -> strawberry.federation.Schema:
    return strawberry.federation.Schema(
        query=query,
        mutation=mutation,
        subscription=subscription,
        types=list(types),
        federation_version=FEDERATION_VERSION,
        extensions=default_extensions(),
    )
