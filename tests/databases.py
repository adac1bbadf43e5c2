"""Throw-away databases for tests: a SQLite file or a fresh PostgreSQL database per use.

`SHENGUAN_TEST_DB=sqlite` (default) or `postgresql`; PostgreSQL runs on
`SHENGUAN_TEST_PG_URL` (default: the machine's server, database `test`, trust auth).
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import asyncpg

PG_ADMIN_URL = os.environ.get(
    "SHENGUAN_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)


def backend() -> str:
    return os.environ.get("SHENGUAN_TEST_DB", "sqlite")


def _plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


async def _pg_admin(sql: str) -> None:
    conn = await asyncpg.connect(_plain(PG_ADMIN_URL))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@contextmanager
def fresh_database(tmp_dir: Path) -> Iterator[str]:
    """Yield the SQLAlchemy URL of a new, empty database; drop it afterwards."""
    if backend() == "postgresql":
        name = f"shenguan_t_{uuid.uuid4().hex[:12]}"
        asyncio.run(_pg_admin(f'CREATE DATABASE "{name}"'))
        base, _, _ = PG_ADMIN_URL.rpartition("/")
        try:
            yield f"{base}/{name}"
        finally:
            asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    else:
        path = tmp_dir / f"shenguan-{uuid.uuid4().hex[:8]}.db"
        yield f"sqlite+aiosqlite:///{path}"
