"""A lost database connection is told apart from bugs and answered SERVICE_UNAVAILABLE, in
development and in production, without the driver's message (the real outage, PostgreSQL
stopped under the stack, is tests/faults/test_database_restart.py)."""

from __future__ import annotations

import asyncpg
import pytest
import strawberry
from sqlalchemy import exc as sa_exc

from api.core.config import get_settings
from api.core.outage import UNAVAILABLE_CODE, UNAVAILABLE_MESSAGE, is_database_unavailable
from api.core.production import is_known_error
from api.core.schema import build_schema


def _wrapped(driver_error: Exception, *, invalidated: bool = False) -> sa_exc.DBAPIError:
    """What SQLAlchemy raises around a driver error (``orig``), as in a real statement."""
    wrapped = sa_exc.DBAPIError.instance(
        "SELECT secret_column FROM approval_application WHERE id = $1",
        (42,),
        driver_error,
        Exception,
        connection_invalidated=invalidated,
    )
    wrapped.__cause__ = driver_error
    return wrapped


@pytest.mark.parametrize(
    "error",
    [
        _wrapped(asyncpg.exceptions.ConnectionDoesNotExistError("connection was closed")),
        _wrapped(asyncpg.exceptions.AdminShutdownError("terminating connection")),
        _wrapped(asyncpg.exceptions.CannotConnectNowError("the database system is starting up")),
        _wrapped(Exception("anything"), invalidated=True),
        ConnectionRefusedError(111, "Connect call failed ('127.0.0.1', 5432)"),
        sa_exc.TimeoutError("QueuePool limit of size 10 overflow 10 reached"),
        asyncpg.exceptions.InterfaceError("connection is closed"),
    ],
)
def test_a_lost_connection_is_recognised(error):
    assert is_database_unavailable(error)


@pytest.mark.parametrize(
    "error",
    [
        _wrapped(asyncpg.exceptions.UniqueViolationError("duplicate key")),
        _wrapped(asyncpg.exceptions.UndefinedColumnError("column does not exist")),
        asyncpg.exceptions.InterfaceError("cannot perform operation: another is in progress"),
        FileNotFoundError(2, "No such file"),
        ValueError("a bug"),
        None,
    ],
)
def test_bugs_and_constraint_violations_are_not_an_outage(error):
    assert not is_database_unavailable(error)


@strawberry.type
class Query:
    @strawberry.field
    def broken(self) -> int:
        raise _wrapped(asyncpg.exceptions.ConnectionDoesNotExistError("connection was closed"))


SCHEMA = build_schema(query=Query)


class _Context:
    session = None
    denials: list[object] = []  # read by UnitOfWork
    after_commit: list[object] = []


@pytest.mark.parametrize("environment", ["development", "production"])
async def test_the_client_gets_service_unavailable_and_no_sql(environment, monkeypatch):
    monkeypatch.setattr(get_settings(), "env", environment)

    class Session:
        async def rollback(self) -> None:
            return None

    context = _Context()
    context.session = Session()  # type: ignore[assignment]
    result = await SCHEMA.execute("{ broken }", context_value=context)

    (error,) = result.errors
    assert error.message == UNAVAILABLE_MESSAGE
    assert error.extensions["code"] == UNAVAILABLE_CODE
    assert error.extensions["requestId"]
    formatted = str(error.formatted)
    assert "secret_column" not in formatted
    assert "asyncpg" not in formatted
    assert is_known_error(error)  # production passes it through unmasked
