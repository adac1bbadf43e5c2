"""The responsibility scope and the personal-data rule, decided by the live policy."""

import pytest

from api.core.errors import NotFoundError
from api.core.scope import Scope, in_scope, personal, scope_of
from tests import factories


async def test_a_department_user_sees_only_its_department_and_no_further(session, authorizer):
    own = await factories.department(session)
    foreign = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=own)

    scope = scope_of(clerk, authorizer)

    assert scope == Scope(department_id=own.id, city_wide=False, personal_data=True)
    assert in_scope("row of A", own.id, scope) == "row of A"
    assert in_scope("row of B", foreign.id, scope) is None
    with pytest.raises(NotFoundError):
        scope.require(foreign.id)


async def test_the_coordination_office_reads_city_wide_without_personal_data(session, authorizer):
    office = await factories.department(session)
    other = await factories.department(session)
    coord = await factories.user(session, authorizer, role="coordination_office", dept=office)

    scope = scope_of(coord, authorizer)

    assert scope == Scope(department_id=office.id, city_wide=True, personal_data=False)
    assert in_scope("row of another department", other.id, scope) == "row of another department"
    assert personal("13800000000", scope) is None


@pytest.mark.parametrize(
    ("role", "sees_personal_data"),
    [
        ("approval_clerk", True),
        ("supervision_liaison", True),
        ("credit_officer", True),
        ("department_head", False),
        ("coordination_office", False),
    ],
)
async def test_personal_contact_and_id_fields_only_for_roles_that_need_them(
    session, authorizer, role, sees_personal_data
):
    dept = await factories.department(session)
    user = await factories.user(session, authorizer, role=role, dept=dept)

    shown = personal("430902199001011234", scope_of(user, authorizer))

    assert shown == ("430902199001011234" if sees_personal_data else None)
