"""`shenguan create-admin`: the first administrator of an empty database, refused twice."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from api.core.accounts import departments_of, sign_in
from api.core.db import make_engine, session_scope
from tests.databases import fresh_database

PASSWORD = "First@Admin2026"


def create_admin(
    url: str, *args: str, password: str = PASSWORD
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DATABASE_URL=url, SHENGUAN_ADMIN_PASSWORD=password)
    return subprocess.run(
        [sys.executable, "-m", "api.cli", "create-admin", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


async def _signs_in(url: str, username: str, password: str) -> tuple[bool, list[str]]:
    engine = make_engine(url)
    try:
        async with session_scope(engine) as session:
            signed = await sign_in(session=session, username=username, password=password)
            departments = await departments_of(session=session, username=username)
            return signed.user.must_change_password, departments
    finally:
        await engine.dispose()


@pytest.fixture
def empty_database(tmp_path: Path) -> str:
    with fresh_database(tmp_path) as url:
        yield url  # type: ignore[misc]


def test_create_admin_on_an_empty_database_makes_an_account_that_signs_in(
    empty_database: str,
) -> None:
    weak = create_admin(empty_database, "root", password="123")
    assert weak.returncode == 1
    assert "initialPassword" in weak.stderr  # nothing written: the same name is still free
    done = create_admin(empty_database, "root")
    assert done.returncode == 0, done.stderr
    assert "已创建系统管理员 root" in done.stdout
    must_change, departments = asyncio.run(_signs_in(empty_database, "root", PASSWORD))
    # The operator chose the password: no forced change; the role is held on the platform.
    assert (must_change, departments) == (False, ["0"])


def test_create_admin_is_refused_when_an_administrator_exists(empty_database: str) -> None:
    assert create_admin(empty_database, "root").returncode == 0
    refused = create_admin(empty_database, "second")
    assert refused.returncode == 1
    assert "已有系统管理员（root）" in refused.stderr
    forced = create_admin(empty_database, "second", "--force")
    assert forced.returncode == 0, forced.stderr
    assert asyncio.run(_signs_in(empty_database, "second", PASSWORD)) == (False, ["0"])
