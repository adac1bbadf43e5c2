"""Running the access schema in-process, as the tests of each operation do."""

from __future__ import annotations

from typing import Any

from strawberry.types import ExecutionResult

from api.access.loaders import AccessLoaders
from api.access.schema import schema
from api.core.auth import Principal
from api.core.authz import Authorizer
from api.core.db import SerialSession
from tests.graphql import run

SIGN_IN = """
mutation SignIn($username: String!, $password: String!, $departmentId: ID) {
  signIn(username: $username, password: $password, departmentId: $departmentId) {
    __typename
    ... on SignInPayload { token username departmentId departmentIds mustChangePassword }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""


async def access(
    query: str,
    *,
    session: SerialSession,
    authorizer: Authorizer,
    principal: Principal | None = None,
    variables: dict[str, Any] | None = None,
) -> ExecutionResult:
    return await run(
        schema,
        AccessLoaders,
        query,
        session=session,
        authorizer=authorizer,
        principal=principal,
        variables=variables,
    )
