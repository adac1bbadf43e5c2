"""The resolver kit: what every subgraph's resolvers share.

``Info`` is the one type of a resolver's ``info`` argument. It is ``Info[Any, Any]`` for now:
narrowing it to ``Context[Any]`` (api/core/context.py) makes mypy name 24 places that read
``info.context.principal`` without ruling out ``None`` (they sit behind a permission
extension, so it never is); those go through ``Context.require_principal`` first.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeAlias, TypeVar, cast

import strawberry
from strawberry.types import Info as StrawberryInfo

from api.core.auth import Actor
from api.core.errors import ValidationErrors, ValidationFailed, parse_id

Info: TypeAlias = StrawberryInfo[Any, Any]


P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


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


_INIT_FIELDS: dict[type[Any], tuple[str, ...]] = {}


def _init_field_names(cls: type[Any]) -> tuple[str, ...]:
    names = _INIT_FIELDS.get(cls)
    if names is None:
        # A Strawberry type is a dataclass; its resolver fields are not init fields.
        names = _INIT_FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls) if f.init)
    return names


def from_row(cls: type[T], row: object, /, **overrides: Any) -> T:
    """The Strawberry type ``cls`` built from a model ``row``: each field the type declares
    takes the row's attribute of the same name (``id`` as a GraphQL ``ID``), ``overrides``
    give the others (nested objects, renamed or converted values). A type lists its fields
    once, in its class, instead of a second time as ``name=row.name`` in its constructor.

    A required field that neither the row nor ``overrides`` has fails at construction
    (``TypeError``), as a missing keyword would."""
    values = dict(overrides)
    for name in _init_field_names(cls):
        if name not in values and hasattr(row, name):
            values[name] = getattr(row, name)
    if "id" in values and values["id"] is not None:
        values["id"] = strawberry.ID(str(values["id"]))
    return cls(**values)
