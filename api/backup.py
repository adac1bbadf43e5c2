"""Backup and restore of the product database (``shenguan backup PATH`` / ``restore PATH``).

- SQLite: Python's online backup API (``sqlite3.Connection.backup``): a consistent copy
  while the subgraphs keep serving; restore copies the file back page by page.
- PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore`` (the client tools of the
  server's major version must be on PATH); restore goes into an empty database.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url


class BackupError(RuntimeError):
    pass


def _sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite"):
        return None
    if not parsed.database or parsed.database == ":memory:":
        raise BackupError("an in-memory SQLite database cannot be backed up")
    return Path(parsed.database)


def _libpq_url(url: str) -> str:
    """The URL without SQLAlchemy's driver suffix, as pg_dump and pg_restore read it."""
    parsed = make_url(url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed (PostgreSQL client tools)")
    return path


def _copy_sqlite(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def backup(url: str, path: Path) -> None:
    """Write a backup of the database at ``url`` to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if (database := _sqlite_path(url)) is not None:
        if not database.exists():
            raise BackupError(f"no database at {database}")
        if path.exists():
            path.unlink()
        _copy_sqlite(database, path)
        return
    subprocess.run(  # noqa: S603 - fixed argv, no shell
        [_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={path}", _libpq_url(url)],
        check=True,
        capture_output=True,
    )


def restore(url: str, path: Path) -> None:
    """Restore ``path`` into the (empty) database at ``url``."""
    if not path.exists():
        raise BackupError(f"no backup at {path}")
    if (database := _sqlite_path(url)) is not None:
        database.parent.mkdir(parents=True, exist_ok=True)
        _copy_sqlite(path, database)
        return
    result = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [
            _tool("pg_restore"),
            "--no-owner",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={_libpq_url(url)}",
            str(path),
        ],
        check=False,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BackupError(result.stderr.strip() or "pg_restore failed")
