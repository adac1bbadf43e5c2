"""Run a subgraph schema in-process, with a real session, authorizer and principal."""

from __future__ import annotations

from typing import Any

from strawberry.federation import Schema
from strawberry.types import ExecutionResult

from api.core.auth import Principal
from api.core.authz import Authorizer
from api.core.context import Context
from api.core.db import SerialSession


async def run(
    schema: Schema,
    loaders_factory: Any,
    query: str,
    *,
    session: SerialSession,
    authorizer: Authorizer,
    principal: Principal | None,
    variables: dict[str, Any] | None = None,
) -> ExecutionResult:
    # As in production, an operation starts from committed data: the set-up is committed (to
    # the test's outer transaction, still rolled back at the end), so a query's rollback or a
    # refused mutation does not undo it.
    await session.commit()
    context = Context(
        request=None,  # type: ignore[arg-type]
        response=None,
        session=session,
        principal=principal,
        authorizer=authorizer,
        loaders=loaders_factory(session),
    )
    return await schema.execute(query, variable_values=variables, context_value=context)
