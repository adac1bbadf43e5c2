"""The resolver kit: what every subgraph's resolvers share.

``Info`` is the one type of a resolver's ``info`` argument. It is ``Info[Any, Any]`` for now:
narrowing it to ``Context[Any]`` (api/core/context.py) makes mypy name 24 places that read
``info.context.principal`` without ruling out ``None`` (they sit behind a permission
extension, so it never is); those go through ``Context.require_principal`` first.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeAlias, TypeVar, cast

from strawberry.types import Info as StrawberryInfo

from api.core.auth import Actor
from api.core.errors import ValidationErrors, ValidationFailed, parse_id

Info: TypeAlias = StrawberryInfo[Any, Any]


P = ParamSpec("P")
R = TypeVar("R")


def validation_result(resolver: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
    """A resolver whose result union has ``ValidationErrors``: a ``ValidationFailed`` the
    rules raise becomes that result (the field-named issues), instead of a try/except in
    every resolver. Put it under ``@strawberry.mutation``/``@strawberry.field``."""

    @functools.wraps(resolver)
    async def resolve(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return await resolver(*args, **kwargs)
        except ValidationFailed as exc:
            return cast("R", ValidationErrors.from_exception(exc))

    return resolve


def actor_of(info: Info) -> Actor:
    """The signed-in caller as the rules' ``Actor`` (resolvers run behind a permission
    extension, so there is one)."""
    return Actor.of(info.context.require_principal())


async def person_name(info: Info, username: str | None) -> str:
    """The person's name for an account name, through the subgraph's ``display_name``
    DataLoader (one statement per request); empty for none (a system action). Screens,
    exports and print-outs name people, never accounts."""
    if not username:
        return ""
    name: str = await info.context.loaders.display_name.load(username)
    return name


def lookup_id(value: object) -> int | None:
    """The id of a single-object lookup (``meeting(id:)``, a file download): a malformed one
    finds nothing (``None``), like an id outside the caller's scope, rather than an error."""
    try:
        return parse_id(value, "id")
    except ValidationFailed:
        return None


def optional_id(value: object, field_name: str) -> int | None:
    """An optional ``ID`` filter argument: absent (or empty) is no filter, a malformed one
    fails naming the field."""
    return parse_id(value, field_name) if value else None
