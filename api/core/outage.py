"""The database went away: clients get ``SERVICE_UNAVAILABLE``, never the driver's message.

A PostgreSQL restart (or failover) breaks the connections in every process's pool. Each
request that meets a broken connection fails; the pool (``pool_pre_ping``) replaces the
connection for the next one, so the processes recover without a restart. What the client
must see meanwhile is an error it can act on: the code ``SERVICE_UNAVAILABLE`` ("try again
later"), with the request id; the SQL, the parameters and the driver's text stay in the
server log. A mutation that failed this way wrote nothing (its transaction never committed);
one whose COMMIT itself was cut off is reported the same way, and a retry is safe because
every state transition refuses to happen twice (``ILLEGAL_TRANSITION``).

- ``DatabaseOutage``: a schema extension mapping such errors in a GraphQL result.
- ``unavailable_response``: the same answer when the failure happens before execution (the
  session check in ``get_context``), as JSON with status 503.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any, Final

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import GraphQLError
from sqlalchemy import exc as sa_exc
from starlette.responses import JSONResponse
from strawberry.extensions import SchemaExtension
from strawberry.types.execution import ExecutionResult as StrawberryExecutionResult

logger = logging.getLogger("shenguan.errors")

UNAVAILABLE_CODE: Final = "SERVICE_UNAVAILABLE"
UNAVAILABLE_MESSAGE: Final = "服务暂时不可用（数据库连接中断），请稍后重试"


def _causes(exc: BaseException | None) -> Iterator[BaseException]:
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        orig = getattr(exc, "orig", None)  # SQLAlchemy's DBAPIError wraps the driver's error
        if isinstance(orig, BaseException) and id(orig) not in seen:
            yield from _causes(orig)
        exc = exc.__cause__ or exc.__context__


def is_database_unavailable(exc: BaseException | None) -> bool:
    """The connection to the database is gone or cannot be made (not a bug, not bad input)."""
    import asyncpg  # noqa: PLC0415 - only PostgreSQL deployments have these errors

    for cause in _causes(exc):
        if isinstance(cause, sa_exc.DBAPIError) and cause.connection_invalidated:
            return True
        if isinstance(cause, sa_exc.TimeoutError):  # no connection from the pool in time
            return True
        if isinstance(
            cause,
            asyncpg.PostgresConnectionError  # the server closed or refused the connection
            | asyncpg.exceptions.OperatorInterventionError  # shutting down, starting up
            | ConnectionError  # refused, reset
            | TimeoutError,  # connecting timed out
        ):
            return True
        if isinstance(cause, asyncpg.InterfaceError) and "closed" in str(cause):
            return True
    return False


def unavailable_error(error: GraphQLError, request_id: str) -> GraphQLError:
    return GraphQLError(
        UNAVAILABLE_MESSAGE,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions={"code": UNAVAILABLE_CODE, "requestId": request_id},
    )


class DatabaseOutage(SchemaExtension):
    """Replace errors caused by a lost database connection with ``SERVICE_UNAVAILABLE``."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if not isinstance(result, GraphQLExecutionResult | StrawberryExecutionResult):
            return
        if not result.errors:
            return
        from api.core.production import request_id_of  # noqa: PLC0415 - avoids a cycle

        request_id = request_id_of(self.execution_context.context)
        errors = []
        for error in result.errors:
            if is_database_unavailable(error.original_error):
                logger.warning(
                    "request %s: database unavailable at %s: %s",
                    request_id,
                    error.path,
                    error.message.splitlines()[0] if error.message else "",
                )
                errors.append(unavailable_error(error, request_id))
            else:
                errors.append(error)
        result.errors = errors


def unavailable_response(request_id: str | None) -> JSONResponse:
    body: dict[str, Any] = {
        "data": None,
        "errors": [
            {
                "message": UNAVAILABLE_MESSAGE,
                "extensions": {"code": UNAVAILABLE_CODE, "requestId": request_id or ""},
            }
        ],
    }
    return JSONResponse(body, status_code=503, headers={"retry-after": "5"})
