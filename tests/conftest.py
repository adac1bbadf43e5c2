"""Fixtures: one migrated database per run, and one rolled-back transaction per test."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

# Settings are read once per process: fix the key before anything imports them.
os.environ.setdefault("SHENGUAN_SECRET_KEY", "test-secret-key-with-enough-length-0123456789")
# Test users share ids across rolled-back tests (SQLite reuses them): no account bucket may
# run dry across the suite. tests/hardening/test_ratelimit.py sets small limits itself.
os.environ.setdefault("SHENGUAN_RATE_LIMIT_BURST", "1000000")
os.environ.setdefault(
    "SHENGUAN_VAR_DIR", str(Path(__file__).resolve().parent.parent / "var" / "test")
)

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine
from xdist.scheduler import LoadScopeScheduling

from api import registry
from api.core.authz import Authorizer
from api.core.db import SerialSession, make_engine
from tests.databases import backend, drop_templates, migrated_database

FAULTS = Path(__file__).resolve().parent / "faults"

# Every table on SQLModel.metadata, as Alembic's env.py sees it (tests/core/test_migrations.py).
registry.import_models()


def pytest_report_header() -> str:
    return f"database backend: {backend()}"


def pytest_unconfigure() -> None:
    drop_templates()


GATEWAY = Path(__file__).resolve().parent / "gateway"
ROOT = Path(__file__).resolve().parent.parent


def xdist_group(nodeid: str) -> str:
    """The group of a test for `pytest -n 2` (`make test-sqlite PYTEST_WORKERS=2`).

    Every test of tests/gateway shares the demo stack of its conftest, which a worker starts
    once; the fault tests share one private PostgreSQL cluster; every other module stays on
    one worker, so its module-scoped fixtures (a scenario's whole stack and story) are built
    once and its tests run in order.
    """
    module = nodeid.partition("::")[0]
    path = (ROOT / module).resolve()
    if GATEWAY in path.parents:
        return "demo-stack"
    if FAULTS in path.parents:
        return "faults"
    return module


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """Schedule by :func:`xdist_group`. pytest-xdist's own ``--dist loadgroup`` reads
    ``xdist_group`` marks by rewriting ``item._nodeid``, which pytest 9 no longer has (node
    ids are structured), so its groups never reach the scheduler; a scope scheduler whose
    scope is our group does the same thing through a public hook."""

    class GroupScheduling(LoadScopeScheduling):  # type: ignore[misc]  # xdist ships no types
        def _split_scope(self, nodeid: str) -> str:
            return xdist_group(nodeid)

    return GroupScheduling(config, log)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with migrated_database(tmp_path_factory.mktemp("db")) as url:
        yield url


@pytest.fixture(scope="session")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
async def session(engine: AsyncEngine) -> AsyncIterator[SerialSession]:
    """A session inside a transaction that is rolled back after the test."""
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


@pytest.fixture
async def authorizer(engine: AsyncEngine) -> Authorizer:
    """A fresh enforcer whose changes stay in memory (role grants made by factories)."""
    authorizer = await Authorizer.from_engine(engine)
    authorizer.enforcer.enable_auto_save(False)  # noqa: FBT003 - pycasbin API
    return authorizer


class StatementCounter:
    def __init__(self) -> None:
        self.count = 0
        self.statements: list[str] = []

    def __call__(self, _conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.strip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN")):
            return
        self.count += 1
        self.statements.append(statement)


@pytest.fixture
def count_statements(engine: AsyncEngine) -> Iterator[StatementCounter]:
    counter = StatementCounter()
    event.listen(engine.sync_engine, "before_cursor_execute", counter)
    yield counter
    event.remove(engine.sync_engine, "before_cursor_execute", counter)
