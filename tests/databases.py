"""Throw-away databases for tests: a SQLite file or a fresh PostgreSQL database per use.

`SHENGUAN_TEST_DB=sqlite` (default) or `postgresql`; PostgreSQL runs on
`SHENGUAN_TEST_PG_URL` (default: the machine's server, database `test`, trust auth).

`fresh_database` is empty; `migrated_database` is what `migrate()` leaves (every Alembic head
plus the default policy and holiday calendar), copied from a template that this process
migrated once: `CREATE DATABASE … TEMPLATE` on PostgreSQL, SQLite's backup API on SQLite.
Running the 40-odd migrations costs seconds per database; a copy costs a fraction of one.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import asyncpg

from api.core.migrate import migrate

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


# This process's migrated template: a database name (PostgreSQL) or a file path (SQLite).
_template: dict[str, str] = {}


def _migrated_template() -> str:
    kind = backend()
    if kind in _template:
        return _template[kind]
    if kind == "postgresql":
        name = f"shenguan_tpl_{uuid.uuid4().hex[:12]}"
        asyncio.run(_pg_admin(f'CREATE DATABASE "{name}"'))
        _template[kind] = name
        base, _, _ = PG_ADMIN_URL.rpartition("/")
        url = f"{base}/{name}"
    else:
        path = Path(tempfile.mkdtemp(prefix="shenguan-template-")) / "template.db"
        _template[kind] = str(path)
        url = f"sqlite+aiosqlite:///{path}"
    try:
        migrate(url)
    except BaseException:
        drop_templates()  # never hand out a half-migrated copy
        raise
    return _template[kind]


def drop_templates() -> None:
    """Drop this process's templates (tests/conftest.py calls it as pytest finishes)."""
    name = _template.pop("postgresql", None)
    if name is not None:
        asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    path = _template.pop("sqlite", None)
    if path is not None:
        shutil.rmtree(Path(path).parent, ignore_errors=True)


@contextmanager
def migrated_database(tmp_dir: Path) -> Iterator[str]:
    """Yield the URL of a new database as `migrate()` leaves it; drop it afterwards."""
    template = _migrated_template()
    if backend() == "postgresql":
        name = f"shenguan_t_{uuid.uuid4().hex[:12]}"
        # No session may be connected to the template: migrate() disposed of its engine.
        asyncio.run(_pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        base, _, _ = PG_ADMIN_URL.rpartition("/")
        try:
            yield f"{base}/{name}"
        finally:
            asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    else:
        path = tmp_dir / f"shenguan-{uuid.uuid4().hex[:8]}.db"
        # The backup API copies a consistent image even with the template in WAL mode.
        source, target = sqlite3.connect(template), sqlite3.connect(path)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        yield f"sqlite+aiosqlite:///{path}"
