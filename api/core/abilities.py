"""What a principal may do in its current department: object × action pairs from the live policy.

The web app derives its navigation, buttons, dialogs and workbench tiles from this one list
(``Me.abilities``), so nothing a role may not use is offered. The pairs are read from the
enforcer's loaded rules (the live ``casbin_rule`` table, reloaded on every policy change) the
way the model's matcher reads them: a rule counts when its role is one the user holds in the
department (directly or implied) and its domain is ``*`` or that department. A wildcard object
or action stands for every object or action some rule names, so the result is a finite list
of concrete pairs; ``tests/core/test_abilities.py`` checks each pair against ``enforce``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from api.core.auth import Principal
    from api.core.authz import Authorizer

WILDCARD = "*"
# A "p" rule: role, domain (department or *), object, action.
RULE_FIELDS = 4


# The objects and actions the code checks (``requires(...)`` and ``can(...)``; a test scans
# api/ for them), so that a wildcard rule expands to them even where no rule names them.
CHECKED_OBJECTS = frozenset(
    {
        "account", "application", "assessment", "audit", "calendar", "case_file",
        "credit_lookup", "credit_lookup_log", "credit_record", "credit_rule", "department",
        "escalation", "escalation_board", "feedback", "finding", "joint_punishment", "linkage",
        "matter", "meeting", "notice", "outbox", "person", "personal_data", "policy", "push",
        "schema", "scope", "sms_template", "statistics", "subject", "subject_identity",
    }
)  # fmt: skip
CHECKED_ACTIONS = frozenset(
    {
        "admin", "claim", "city", "confirm", "decide", "export", "import", "introspect",
        "publish", "read", "read_all", "report", "view", "write",
    }
)  # fmt: skip


def catalogue(rules: list[list[str]]) -> tuple[list[str], list[str]]:
    """The concrete objects and actions the code checks or the policy's rules name (sorted)."""
    named = [r for r in rules if len(r) >= RULE_FIELDS]
    objects = sorted(({r[2] for r in named} | CHECKED_OBJECTS) - {WILDCARD})
    actions = sorted(({r[3] for r in named} | CHECKED_ACTIONS) - {WILDCARD})
    return objects, actions


async def abilities_of(authorizer: Authorizer, principal: Principal) -> list[tuple[str, str]]:
    """Every (object, action) the principal may do in its department, sorted."""
    enforcer = authorizer.enforcer
    rules: list[list[str]] = [list(r) for r in enforcer.get_policy()]
    roles = set(await enforcer.get_implicit_roles_for_user(principal.username, principal.domain))
    roles.add(principal.username)
    objects, actions = catalogue(rules)
    pairs: set[tuple[str, str]] = set()
    for rule in rules:
        if len(rule) < RULE_FIELDS:
            continue
        sub, dom, obj, act = rule[:RULE_FIELDS]
        if sub not in roles or dom not in (WILDCARD, principal.domain):
            continue
        for o in objects if obj == WILDCARD else [obj]:
            for a in actions if act == WILDCARD else [act]:
                pairs.add((o, a))
    return sorted(pairs)
