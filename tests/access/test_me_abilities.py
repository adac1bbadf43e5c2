"""`me.abilities`: what the caller may do in the current department, from the live policy
(the web app's navigation, buttons and workbench are derived from it)."""

from __future__ import annotations

import pytest

from api.access.services.abilities import abilities_of, known_pairs
from api.core.auth import Principal
from tests import factories
from tests.access.helpers import access

ABILITIES = "{ me { abilities { object action } } }"

ROLES = [
    "approval_clerk",
    "supervision_liaison",
    "credit_officer",
    "department_head",
    "coordination_office",
    "system_admin",
]


async def _abilities(session, authorizer, principal) -> set[tuple[str, str]]:
    result = await access(ABILITIES, session=session, authorizer=authorizer, principal=principal)
    assert result.errors is None, result.errors
    return {(a["object"], a["action"]) for a in result.data["me"]["abilities"]}


@pytest.mark.parametrize("role", ROLES)
async def test_every_ability_is_what_the_enforcer_allows_and_nothing_is_missing(
    session, authorizer, role
):
    dept = await factories.department(session)
    person = await factories.user(session, authorizer, role=role, dept=dept)

    abilities = await _abilities(session, authorizer, person)

    for obj, act in known_pairs([list(r) for r in authorizer.enforcer.get_policy()]):
        assert ((obj, act) in abilities) == authorizer.can(person, obj, act), (obj, act)


async def test_the_credit_officer_may_not_read_applications_and_the_clerk_may_not_record_findings(
    session, authorizer
):
    dept = await factories.department(session)
    officer = await factories.user(session, authorizer, role="credit_officer", dept=dept)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    office = await factories.user(session, authorizer, role="coordination_office", dept=dept)

    officer_can = await _abilities(session, authorizer, officer)
    clerk_can = await _abilities(session, authorizer, clerk)
    office_can = await _abilities(session, authorizer, office)

    assert ("application", "read") not in officer_can
    assert ("subject", "write") in officer_can
    assert ("application", "write") in clerk_can
    assert ("finding", "write") not in clerk_can
    assert ("application", "read") in office_can
    assert ("application", "write") not in office_can
    assert ("policy", "admin") not in office_can


async def test_abilities_hold_only_in_the_department_where_the_role_is_held(session, authorizer):
    own = await factories.department(session)
    other = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=own)
    elsewhere = Principal(
        user_id=clerk.user_id, username=clerk.username, department_id=str(other.id)
    )

    assert await abilities_of(authorizer, elsewhere) == []
    assert ("application", "write") in await abilities_of(authorizer, clerk)


async def test_a_rule_added_to_the_live_policy_shows_at_once(session, authorizer):
    dept = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    assert ("escalation", "write") not in await _abilities(session, authorizer, clerk)

    await authorizer.enforcer.add_policy("approval_clerk", str(dept.id), "escalation", "write")

    assert ("escalation", "write") in await _abilities(session, authorizer, clerk)


async def test_an_administrator_may_administer_the_policy_though_no_rule_names_it(
    session, authorizer
):
    dept = await factories.department(session)
    admin = await factories.user(session, authorizer, role="system_admin", dept=dept)

    abilities = await _abilities(session, authorizer, admin)

    assert {("policy", "admin"), ("outbox", "admin"), ("escalation_board", "read")} <= abilities
