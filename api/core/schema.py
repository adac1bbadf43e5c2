"""How every subgraph schema is built: federation 2.9, the unit of work, query limits."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

import strawberry
from strawberry.extensions import SchemaExtension

from api.core.app import UnitOfWork
from api.core.limits import QueryLimits
from api.core.outage import DatabaseOutage
from api.core.production import ProductionErrors
from api.core.ratelimit import RateLimit

# Strawberry's default (2.11) is rejected by @theguild/federation-composition; see STACK-NOTES.
FEDERATION_VERSION: Final = "2.9"


def default_extensions() -> list[type[SchemaExtension] | Callable[[], SchemaExtension]]:
    return [
        UnitOfWork,
        # A lost database connection answers SERVICE_UNAVAILABLE (api/core/outage.py).
        DatabaseOutage,
        # A subgraph does not trust the gateway: it enforces its own limits
        # (api/core/limits.py), rate limits, and masks unknown errors in production.
        ProductionErrors,
        RateLimit,
        QueryLimits,
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
