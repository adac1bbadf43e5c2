"""`me.connectedSystem` and `me.canIntrospectSchema`: what the gateway asks the access
subgraph before it lets a caller send free-form documents or introspect in production."""

from __future__ import annotations

import pytest

from api.core.accounts import issue_api_key
from api.core.auth import authenticate
from tests import factories
from tests.access.helpers import access

RIGHTS = "{ me { connectedSystem canIntrospectSchema } }"


async def _rights(session, authorizer, principal):
    result = await access(RIGHTS, session=session, authorizer=authorizer, principal=principal)
    assert result.errors is None, result.errors
    return result.data["me"]


@pytest.mark.parametrize(
    ("role", "introspects"),
    [("approval_clerk", False), ("coordination_office", False), ("system_admin", True)],
)
async def test_a_person_is_no_connected_system_and_only_an_admin_introspects(
    session, authorizer, role, introspects
):
    dept = await factories.department(session)
    person = await factories.user(session, authorizer, role=role, dept=dept)

    assert await _rights(session, authorizer, person) == {
        "connectedSystem": False,
        "canIntrospectSchema": introspects,
    }


@pytest.mark.parametrize(
    ("roles", "introspects"),
    [(("connected_system",), False), (("connected_system", "schema_reader"), True)],
)
async def test_an_api_key_is_a_connected_system_introspecting_with_schema_reader(
    session, authorizer, roles, introspects
):
    dept = await factories.department(session)
    account = await factories.user(session, authorizer, role=roles[0], dept=dept)
    for role in roles[1:]:
        await authorizer.enforcer.add_grouping_policy(account.username, role, str(dept.id))
    key, _ = await issue_api_key(
        session=session, username=account.username, department_id=str(dept.id), name="对接"
    )
    principal = await authenticate(session, key)

    assert await _rights(session, authorizer, principal) == {
        "connectedSystem": True,
        "canIntrospectSchema": introspects,
    }


async def test_anonymous_callers_have_no_rights(session, authorizer):
    result = await access(RIGHTS, session=session, authorizer=authorizer)

    assert result.data == {"me": None}
    assert [e.extensions["code"] for e in result.errors] == ["UNAUTHENTICATED"]
