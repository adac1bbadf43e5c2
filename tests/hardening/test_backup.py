"""Backup and restore round trip: the restored (previously empty) database gives the same
answers to the same GraphQL queries, on SQLite (online backup API) and PostgreSQL
(pg_dump/pg_restore custom format). The commands run as `shenguan backup/restore`."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

from api import demo
from api.approval.loaders import ApprovalLoaders
from api.approval.schema import schema as approval
from api.catalog.loaders import CatalogLoaders
from api.catalog.schema import schema as catalog
from api.core.accounts import departments_of
from api.core.auth import Principal, get_user_by_username
from api.core.authz import Authorizer
from api.core.db import make_engine, session_scope
from api.core.migrate import migrate
from api.credit.loaders import CreditLoaders
from api.credit.schema import schema as credit
from api.supervision.loaders import SupervisionLoaders
from api.supervision.schema import schema as supervision
from tests.databases import fresh_database
from tests.graphql import run

QUERIES = [
    (
        catalog,
        CatalogLoaders,
        "{ departments { id name level } matters { id code name kind department { id } } }",
    ),
    (
        approval,
        ApprovalLoaders,
        (
            "{ applications { id applicantName status submittedAt "
            "matter { id } applicant { creditCode } } }"
        ),
    ),
    (supervision, SupervisionLoaders, "{ findings { id kind abnormal summary foundOn } }"),
    (credit, CreditLoaders, "{ subjects { creditCode name kind creditRecords { title } } }"),
]


async def answers(url: str) -> list[dict]:
    engine = make_engine(url)
    try:
        authorizer = await Authorizer.from_engine(engine)
        results = []
        async with session_scope(engine) as session:
            user = await get_user_by_username(session, "coord")
            assert user is not None
            assert user.id is not None
            [dept] = await departments_of(session=session, username="coord")
            principal = Principal(user_id=user.id, username="coord", department_id=dept)
            for schema, loaders, query in QUERIES:
                result = await run(
                    schema,
                    loaders,
                    query,
                    session=session,
                    authorizer=authorizer,
                    principal=principal,
                )
                assert result.errors is None, result.errors
                results.append(result.data)
        return results
    finally:
        await engine.dispose()


def shenguan(*args: str, url: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DATABASE_URL=url)
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )


def test_a_restored_backup_answers_the_same_graph_queries(tmp_path: Path):
    # Sync: creating and migrating databases runs event loops of its own.
    path = tmp_path / "shenguan.backup"
    with fresh_database(tmp_path) as source:
        migrate(source)
        asyncio.run(_seed(source))
        before = asyncio.run(answers(source))
        shenguan("backup", str(path), url=source)
    assert all(any(v for v in data.values()) for data in before), before
    assert path.stat().st_size > 0

    with fresh_database(tmp_path) as target:
        restored = shenguan("restore", str(path), url=target)
        assert restored.stdout.startswith("已从")
        assert asyncio.run(answers(target)) == before


async def _seed(url: str) -> None:
    engine = make_engine(url)
    try:
        async with session_scope(engine) as session:
            await demo.load_demo(session)
    finally:
        await engine.dispose()
