"""Responsibility scope: which departments' data a principal may see.

The coordination office (and system administrators) read city-wide; everyone else sees
what the linkage list puts in their own department's scope. Each subgraph turns a
``Scope`` into a SQL filter (never fetch-then-filter); an object out of scope answers
"not found". City-wide reading is itself a policy rule: ``p, ROLE, *, scope, city``.

Personal contact and ID fields (a legal representative's phone, an ID card number) are shown
only to roles that need them: ``p, ROLE, *, personal_data, view``. Resolvers of such fields
return ``personal(value, info.context.scope)``: the value, or ``None`` for everyone else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from api.core.audit import note_out_of_scope
from api.core.auth import Principal
from api.core.authz import Authorizer
from api.core.errors import NotFoundError

T = TypeVar("T")


@dataclass(frozen=True)
class Scope:
    department_id: int
    city_wide: bool
    personal_data: bool = False

    def covers_department(self, department_id: int | None) -> bool:
        return self.city_wide or department_id == self.department_id

    def require(self, department_id: int | None) -> None:
        """Out of scope answers exactly like a missing object: ``NotFoundError``."""
        if not self.covers_department(department_id):
            if department_id is not None:
                note_out_of_scope("department", department_id)
            raise NotFoundError


def scope_of(
    principal: Principal,
    authorizer: Authorizer,
    *,
    can: Callable[[Principal, str, str], bool] | None = None,
) -> Scope:
    decide = can or authorizer.can
    return Scope(
        department_id=int(principal.department_id),
        city_wide=decide(principal, "scope", "city"),
        personal_data=decide(principal, "personal_data", "view"),
    )


def in_scope(row: T | None, department_id: int | None, scope: Scope) -> T | None:
    """A looked-up row, or ``None`` (not found) when it lies outside the caller's scope."""
    if row is None or not scope.covers_department(department_id):
        return None
    return row


def personal(value: T | None, scope: Scope) -> T | None:
    """A personal contact or ID field: its value only for roles that need it."""
    return value if scope.personal_data else None
