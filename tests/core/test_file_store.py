"""File stores (api/core/files.py): the local directory and the shared database, and
`shenguan files migrate` between them."""

from __future__ import annotations

import asyncio
import hashlib
import os
import subprocess
import sys

import pytest

from api.core.config import ROOT_DIR, get_settings
from api.core.db import make_engine
from api.core.files import (
    DatabaseFileStore,
    LocalFileStore,
    default_store,
    migrate_files,
)

PDF = b"%PDF-1.4\n" + b"x" * 2500 + b"\n%%EOF\n"


async def test_a_file_stored_by_one_process_is_read_by_another_through_the_database(
    database_url,
):
    # Two hosts: each its own engine (connection pool) on the one shared database.
    first, second = make_engine(database_url), make_engine(database_url)
    try:
        writer = DatabaseFileStore(first, chunk_bytes=1000)  # three chunks
        reader = DatabaseFileStore(second)
        stored = await writer.put(PDF, "application/pdf")
        again = await reader.put(PDF, "application/pdf")  # the same bytes: stored once

        assert stored.sha256 == hashlib.sha256(PDF).hexdigest() == again.sha256
        assert (stored.size, stored.content_type) == (len(PDF), "application/pdf")
        assert await reader.get(stored.sha256) == PDF
        assert await reader.get("0" * 64) is None
        assert [d async for d in reader.digests() if d[0] == stored.sha256] == [
            (stored.sha256, "application/pdf")
        ]
    finally:
        await first.dispose()
        await second.dispose()


async def test_migrate_copies_what_the_target_lacks_and_a_second_run_copies_nothing(
    engine, tmp_path
):
    local = LocalFileStore(tmp_path / "files")
    database = DatabaseFileStore(engine)
    png = b"\x89PNG\r\n\x1a\n" + os.urandom(64)
    pdf = b"%PDF-1.4\n" + os.urandom(64) + b"\n%%EOF\n"
    for data, kind in ((png, "image/png"), (pdf, "application/pdf")):
        await local.put(data, kind)

    first = await migrate_files(local, database)
    second = await migrate_files(local, database)
    back = LocalFileStore(tmp_path / "elsewhere")
    returned = await migrate_files(database, back)

    assert (first.copied, second.copied, second.present) == (2, 0, 2)
    digest = hashlib.sha256(png).hexdigest()
    assert await database.get(digest) == png
    assert returned.copied >= 2  # the shared test database may hold other tests' files
    assert await back.get(hashlib.sha256(pdf).hexdigest()) == pdf


def test_the_store_is_chosen_by_setting(monkeypatch):
    assert isinstance(default_store(), LocalFileStore)
    monkeypatch.setattr(get_settings(), "file_store", "postgresql")
    with pytest.raises(RuntimeError, match="PostgreSQL"):
        default_store()  # the settings' database is SQLite
    monkeypatch.setattr(get_settings(), "database_url", "postgresql+asyncpg://db/shenguan")
    monkeypatch.setattr("api.core.db.get_engine", lambda: None)
    assert isinstance(default_store(), DatabaseFileStore)
    monkeypatch.setattr(get_settings(), "file_store", "s3")
    with pytest.raises(RuntimeError, match="SHENGUAN_FILE_STORE"):
        default_store()


async def _read_back(url: str, sha256: str) -> bytes | None:
    engine = make_engine(url)
    try:
        return await DatabaseFileStore(engine).get(sha256)
    finally:
        await engine.dispose()


def test_the_files_migrate_command_moves_the_local_files_into_the_database(database_url, tmp_path):
    var = tmp_path / "var"
    data = b"%PDF-1.4\n" + os.urandom(128) + b"\n%%EOF\n"
    digest = hashlib.sha256(data).hexdigest()
    LocalFileStore._write(LocalFileStore(var / "files").path_of(digest), data)
    env = {**os.environ, "DATABASE_URL": database_url, "SHENGUAN_VAR_DIR": str(var)}

    done = subprocess.run(
        [sys.executable, "-m", "api.cli", "files", "migrate", "--to", "postgresql"],
        cwd=ROOT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert "复制 1 个文件" in done.stdout
    assert asyncio.run(_read_back(database_url, digest)) == data
