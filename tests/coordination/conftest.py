"""Coordination's tests commit real events through the outbox; they get a database of their own,
so those committed messages are never delivered again by another package's tests (SQLite
reuses row ids after a rollback, so a stray event could name another test's push)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from api.core.db import make_engine
from tests.databases import migrated_database


@pytest.fixture(scope="package")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with migrated_database(tmp_path_factory.mktemp("coordination-db")) as url:
        yield url


@pytest.fixture(scope="package")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(database_url)
    yield engine
    await engine.dispose()
