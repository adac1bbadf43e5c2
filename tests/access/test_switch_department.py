from api.core.accounts import sign_in
from api.core.auth import authenticate
from api.core.authz import assign_role
from tests import factories
from tests.access.helpers import access

SWITCH = """
mutation($d: ID!) {
  switchDepartment(departmentId: $d) {
    __typename
    ... on SignInPayload { token departmentId departmentIds }
    ... on ValidationErrors { errors { field code } }
  }
}
"""


async def test_switching_to_a_department_with_a_role_opens_a_new_session(session, authorizer):
    home = await factories.department(session)
    other = await factories.department(session)
    user = await factories.user(session, authorizer, role="approval_clerk", dept=home)
    await assign_role(
        session=session, username=user.username, role="department_head", department_id=str(other.id)
    )
    signed = await sign_in(
        session=session,
        username=user.username,
        password=factories.PASSWORD,
        department_id=str(home.id),
    )

    result = await access(
        SWITCH,
        session=session,
        authorizer=authorizer,
        principal=signed.principal,
        variables={"d": str(other.id)},
    )

    payload = result.data["switchDepartment"]
    switched = await authenticate(session, payload.pop("token"))
    assert payload == {
        "__typename": "SignInPayload",
        "departmentId": str(other.id),
        "departmentIds": sorted([str(home.id), str(other.id)]),
    }
    assert switched.department_id == str(other.id)
    assert await authenticate(session, signed.token) is None


async def test_switching_to_a_department_without_a_role_is_refused(session, authorizer):
    home = await factories.department(session)
    foreign = await factories.department(session)
    user = await factories.user(session, authorizer, role="approval_clerk", dept=home)
    signed = await sign_in(session=session, username=user.username, password=factories.PASSWORD)

    result = await access(
        SWITCH,
        session=session,
        authorizer=authorizer,
        principal=signed.principal,
        variables={"d": str(foreign.id)},
    )

    assert result.data == {
        "switchDepartment": {
            "__typename": "ValidationErrors",
            "errors": [{"field": "departmentId", "code": "NOT_MEMBER"}],
        }
    }
    assert (await authenticate(session, signed.token)).department_id == str(home.id)
