"""What a principal may do in its current department: object × action pairs from the live policy.

The web app derives its navigation, buttons, dialogs and workbench tiles from this one list
(``Me.abilities``), so nothing a role may not use is offered. The pairs are read from the
enforcer's loaded rules (the live ``casbin_rule`` table, reloaded on every policy change) the
way the model's matcher reads them: a rule counts when its role is one the user holds in the
department (directly or implied) and its domain is ``*`` or that department. A wildcard
object or action stands for every pair of the policy catalogue
(``api/access/services/policy_catalogue.py``) it covers, so the result is a finite list of
concrete pairs;
``tests/access/test_me_abilities.py`` checks each pair against ``enforce``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from api.access.services import policy_catalogue

if TYPE_CHECKING:
    from api.core.auth import Principal
    from api.core.authz import Authorizer

WILDCARD = "*"
# A "p" rule: role, domain (department or *), object, action.
RULE_FIELDS = 4


def known_pairs(rules: list[list[str]]) -> list[tuple[str, str]]:
    """The concrete (object, action) pairs there are: the policy catalogue's (which a test
    keeps equal to what the code checks,
    ``tests/access/test_policy_catalogue_covers_the_code.py``) and any a rule names outright."""
    named = {(r[2], r[3]) for r in rules if len(r) >= RULE_FIELDS and WILDCARD not in (r[2], r[3])}
    return sorted(set(policy_catalogue.pairs()) | named)


async def abilities_of(authorizer: Authorizer, principal: Principal) -> list[tuple[str, str]]:
    """Every (object, action) the principal may do in its department, sorted."""
    enforcer = authorizer.enforcer
    rules: list[list[str]] = [list(r) for r in enforcer.get_policy()]
    roles = set(await enforcer.get_implicit_roles_for_user(principal.username, principal.domain))
    roles.add(principal.username)
    known = known_pairs(rules)
    pairs: set[tuple[str, str]] = set()
    for rule in rules:
        if len(rule) < RULE_FIELDS:
            continue
        sub, dom, obj, act = rule[:RULE_FIELDS]
        if sub not in roles or dom not in (WILDCARD, principal.domain):
            continue
        pairs.update((o, a) for o, a in known if obj in (WILDCARD, o) and act in (WILDCARD, a))
    return sorted(pairs)
