from api.catalog.loaders import CatalogLoaders
from api.catalog.schema import schema
from api.core.auth import decode_token
from tests import factories
from tests.graphql import run

SIGN_IN = """
mutation SignIn($username: String!, $password: String!) {
  signIn(username: $username, password: $password) {
    __typename
    ... on SignInPayload { token username departmentId }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""


async def test_sign_in_returns_a_token_for_the_users_department(session, authorizer):
    dept = await factories.department(session)
    user = await factories.user(session, authorizer, role="approval_clerk", dept=dept)

    result = await run(
        schema,
        CatalogLoaders,
        SIGN_IN,
        session=session,
        authorizer=authorizer,
        principal=None,
        variables={"username": user.username, "password": factories.PASSWORD},
    )

    assert result.errors is None
    payload = result.data["signIn"]
    assert payload["__typename"] == "SignInPayload"
    assert payload["username"] == user.username
    assert payload["departmentId"] == str(dept.id)
    assert decode_token(payload["token"]) == user


async def test_wrong_password_and_unknown_user_get_the_same_answer(session, authorizer):
    dept = await factories.department(session)
    user = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    answers = []
    for username, password in ((user.username, "wrong-Pass1"), ("nobody", factories.PASSWORD)):
        result = await run(
            schema,
            CatalogLoaders,
            SIGN_IN,
            session=session,
            authorizer=authorizer,
            principal=None,
            variables={"username": username, "password": password},
        )
        answers.append(result.data)
    expected = {
        "signIn": {
            "__typename": "ValidationErrors",
            "errors": [
                {"field": "password", "code": "BAD_CREDENTIALS", "message": "用户名或密码不正确"}
            ],
        }
    }
    assert answers == [expected, expected]
