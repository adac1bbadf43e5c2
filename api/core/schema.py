"""How every subgraph schema is built: federation 2.9, the unit of work, query limits."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final, cast

import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.federation.schema import FederationAny
from strawberry.federation.schema_directives import Key
from strawberry.types import Info

from api.core.app import UnitOfWork
from api.core.documents import ValidatedDocuments
from api.core.errors import BadArgumentError, TypedInputErrors
from api.core.limits import QueryLimits
from api.core.metrics import OperationMetrics
from api.core.outage import DatabaseOutage
from api.core.production import ProductionErrors
from api.core.ratelimit import RateLimit
from api.core.text_input import RejectNulText

# Strawberry's default (2.11) is rejected by @theguild/federation-composition; see STACK-NOTES.
FEDERATION_VERSION: Final = "2.9"


def default_extensions() -> list[type[SchemaExtension] | Callable[[], SchemaExtension]]:
    return [
        # Outermost: counts and times the operation as a whole (api/core/metrics.py).
        OperationMetrics,
        UnitOfWork,
        # A lost database connection answers SERVICE_UNAVAILABLE (api/core/outage.py).
        DatabaseOutage,
        # A subgraph does not trust the gateway: it enforces its own limits
        # (api/core/limits.py), rate limits, and masks unknown errors in production.
        ProductionErrors,
        # A malformed argument raised as ValidationFailed answers BAD_USER_INPUT naming it.
        TypedInputErrors,
        # Text with U+0000 answers BAD_USER_INPUT before it reaches a database (text_input.py).
        RejectNulText,
        RateLimit,
        QueryLimits,
        # Last: a document already found valid (with the rules the extensions above added)
        # is not validated again; the gateway repeats the same few (api/core/documents.py).
        ValidatedDocuments,
    ]


MALFORMED_REPRESENTATION: Final = "实体表示格式不正确"


class SubgraphSchema(strawberry.federation.Schema):
    """Federation schema whose ``_entities`` answers a malformed representation (no or an
    unknown ``__typename``, a key field missing, not an object) with ``BAD_USER_INPUT``
    naming ``representations``, never the interpreter's text."""

    def _representation_problem(self, representation: object) -> bool:
        if not isinstance(representation, dict):
            return True
        type_ = self.schema_converter.type_map.get(str(representation.get("__typename")))
        if type_ is None:
            return True
        definition = getattr(type_, "definition", None)
        for directive in getattr(definition, "directives", None) or ():
            if isinstance(directive, Key):
                for name in str(directive.fields).split():
                    value = representation.get(name)
                    if not isinstance(value, str | int) or isinstance(value, bool):
                        return True
        return False

    # Strawberry builds `_entities` from this signature: the same annotations as its own.
    def entities_resolver(
        self, info: Info, representations: list[FederationAny]
    ) -> list[FederationAny]:
        # Decided first: the resolver below pops `__typename` from each representation.
        malformed = [self._representation_problem(r) for r in representations]
        valid = [r for r, bad in zip(representations, malformed, strict=True) if not bad]
        resolved = iter(super().entities_resolver(info, valid))
        # A result that is an exception becomes that entity's error (Strawberry does the same).
        return [
            cast("FederationAny", BadArgumentError("representations", MALFORMED_REPRESENTATION))
            if bad
            else next(resolved)
            for bad in malformed
        ]


def build_schema(
    *,
    query: type,
    mutation: type | None = None,
    subscription: type | None = None,
    types: Sequence[type] = (),
) -> strawberry.federation.Schema:
    return SubgraphSchema(
        query=query,
        mutation=mutation,
        subscription=subscription,
        types=list(types),
        federation_version=FEDERATION_VERSION,
        extensions=default_extensions(),
    )
