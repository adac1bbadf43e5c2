"""Responsibility scope: which departments' data a principal may see.

The coordination office (and system administrators) read city-wide; everyone else sees
what the linkage list puts in their own department's scope. Each subgraph turns a
``Scope`` into a SQL filter (never fetch-then-filter); an object out of scope answers
"not found". City-wide reading is itself a policy rule: ``p, ROLE, *, scope, city``.
"""

from __future__ import annotations

from dataclasses import dataclass

from api.core.auth import Principal
from api.core.authz import Authorizer


@dataclass(frozen=True)
class Scope:
    department_id: int
    city_wide: bool

    def covers_department(self, department_id: int | None) -> bool:
        return self.city_wide or department_id == self.department_id


def scope_of(principal: Principal, authorizer: Authorizer) -> Scope:
    return Scope(
        department_id=int(principal.department_id),
        city_wide=authorizer.can(principal, "scope", "city"),
    )
