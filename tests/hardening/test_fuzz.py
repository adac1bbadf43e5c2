"""Fuzzing: hypothesis-graphql writes valid queries and mutations for every subgraph schema
and runs them in-process as anonymous and as signed-in users of several roles.

Every answer must be data or errors of the known kinds (authentication, permission, limits,
bad input, validation); an internal error is a bug the fuzzer found. In production mode
nothing internal may leave unmasked.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import graphql
import pytest
from argon2 import PasswordHasher
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import from_schema

from api.core import auth
from api.core.config import get_settings
from api.core.db import SerialSession
from api.core.production import MASKED_MESSAGE, is_known_error
from api.registry import NAMES as SUBGRAPHS
from tests import factories
from tests.graphql import run

# Modest for CI on two cores, but every subgraph, role and mode gets its own run.
EXAMPLES = 25
ROLES = ("anonymous", "coordination_office", "approval_clerk", "supervision_liaison")
# Federation plumbing: the gateway sends `_entities` only keys the subgraphs handed out.
SKIPPED_ROOT_FIELDS = {"_entities", "_service"}

SCALARS = {
    "Date": st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)).map(
        lambda d: graphql.StringValueNode(value=d.isoformat())
    ),
    "DateTime": st.datetimes(
        dt.datetime(2000, 1, 1),  # noqa: DTZ001 - hypothesis takes naive bounds
        dt.datetime(2100, 1, 1),  # noqa: DTZ001
        timezones=st.just(dt.UTC),
    ).map(lambda d: graphql.StringValueNode(value=d.isoformat())),
}


def _subgraph(name: str):
    schema = importlib.import_module(f"api.{name}.schema").schema
    loaders = importlib.import_module(f"api.{name}.loaders")
    factory = next(
        getattr(loaders, attr)
        for attr in dir(loaders)
        if attr.endswith("Loaders")
        and attr != "Loaders"
        and getattr(loaders, attr).__module__ == loaders.__name__
    )
    return schema, factory


def _root_fields(schema) -> list[str]:
    gql = schema._schema
    names = []
    for root in (gql.query_type, gql.mutation_type):
        if root is not None:
            names += [n for n in root.fields if n not in SKIPPED_ROOT_FIELDS]
    return names


def _documents(name: str):
    schema, _ = _subgraph(name)
    return from_schema(schema._schema, fields=_root_fields(schema), custom_scalars=SCALARS)


async def _principal(session, authorizer, role):
    if role == "anonymous":
        return None
    dept = await factories.department(session)
    return await factories.user(session, authorizer, role=role, dept=dept)


def _unexpected(errors) -> list[str]:
    return [f"{e.message} at {e.path}" for e in errors or [] if not is_known_error(e)]


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch):
    """Every example signs a user up; argon2's production cost would dominate the run."""
    monkeypatch.setattr(
        auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


@asynccontextmanager
async def _isolated(engine) -> AsyncIterator[SerialSession]:
    """One rolled-back transaction per example, as each real request has its own session."""
    async with engine.connect() as connection:
        transaction = await connection.begin()
        session = SerialSession(
            bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
        )
        try:
            yield session
        finally:
            await session.close()
            await transaction.rollback()


async def _run_example(subgraph, role, document, engine, authorizer):
    schema, loaders = _subgraph(subgraph)
    async with _isolated(engine) as session:
        principal = await _principal(session, authorizer, role)
        return await run(
            schema, loaders, document, session=session, authorizer=authorizer, principal=principal
        )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("subgraph", SUBGRAPHS)
@FUZZ
@given(data=st.data())
async def test_generated_operations_answer_only_with_known_errors(
    subgraph, role, data, engine, authorizer
):
    document = data.draw(_documents(subgraph), label="document")
    result = await _run_example(subgraph, role, document, engine, authorizer)
    assert _unexpected(result.errors) == [], document


@pytest.mark.parametrize("subgraph", SUBGRAPHS)
@FUZZ
@given(data=st.data())
async def test_generated_operations_never_leak_an_internal_error_in_production(
    subgraph, data, engine, authorizer, monkeypatch
):
    monkeypatch.setattr(get_settings(), "env", "production")
    document = data.draw(_documents(subgraph), label="document")
    result = await _run_example(subgraph, "coordination_office", document, engine, authorizer)
    for error in result.errors or []:
        assert is_known_error(error) or (
            error.message == MASKED_MESSAGE and set(error.extensions) == {"code", "requestId"}
        ), (document, error.formatted)
