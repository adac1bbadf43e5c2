"""Content-addressed file storage: a file is stored once, under the SHA-256 of its bytes.

Uploads arrive through GraphQL as base64 text (it passes through the federation gateway
unchanged); ``decode_upload`` turns it into bytes, ``sniff`` checks the type by content
(magic numbers, never the file name), and ``await default_store().put(...)`` stores it in
the store ``SHENGUAN_FILE_STORE`` names: ``local`` (default; ``SHENGUAN_VAR_DIR/files/ab/cd/
<sha256>``, written atomically) or ``postgresql`` (chunks in the shared database, so every
host serves every file). ``shenguan files migrate --to postgresql`` copies the files of one
store into the other (docs/OPERATIONS.md).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import os
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Final, Protocol

import filetype
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import Field, SQLModel

from api.core.clock import utcnow
from api.core.config import get_settings
from api.core.errors import FieldIssue, ValidationFailed

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
CHUNK_BYTES: Final = 1024 * 1024
SHA256_HEX: Final = 64
POSTGRESQL: Final = "postgresql"
DOCUMENT_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg"})


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    content_type: str


def decode_upload(text: str, field: str, *, max_bytes: int = MAX_UPLOAD_BYTES) -> bytes:
    """Base64 (optionally a ``data:...;base64,`` URL) → bytes, or fail naming ``field``."""
    if text.startswith("data:") and "," in text:
        text = text.split(",", 1)[1]
    # base64 grows by 4/3: refuse oversize input before decoding it.
    if len(text) > (max_bytes * 4) // 3 + 8:
        raise ValidationFailed.single(
            field, "FILE_TOO_LARGE", f"文件不得超过 {max_bytes // 1048576} MB"
        )
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationFailed.single(
            field, "INVALID_BASE64", "文件内容不是有效的 base64 编码"
        ) from None
    if not data:
        raise ValidationFailed.single(field, "EMPTY_FILE", "文件为空")
    if len(data) > max_bytes:
        raise ValidationFailed.single(
            field, "FILE_TOO_LARGE", f"文件不得超过 {max_bytes // 1048576} MB"
        )
    return data


def sniff(data: bytes) -> str | None:
    """The MIME type the content itself declares (magic numbers), or None."""
    kind = filetype.guess(data)
    return None if kind is None else str(kind.mime)


def require_type(data: bytes, field: str, allowed: frozenset[str] = DOCUMENT_TYPES) -> str:
    content_type = sniff(data)
    if content_type not in allowed:
        raise ValidationFailed.single(field, "FILE_TYPE", "仅支持 PDF、PNG 或 JPEG 文件")
    return content_type


class FileStore(Protocol):
    """Where uploaded files live, by the SHA-256 of their bytes (``SHENGUAN_FILE_STORE``)."""

    name: str

    async def put(self, data: bytes, content_type: str) -> StoredFile: ...

    async def get(self, sha256: str) -> bytes | None: ...

    async def digests(self) -> AsyncIterator[tuple[str, str]]:
        """Every stored file's (sha256, content type), for ``shenguan files migrate``."""
        yield ("", "")  # pragma: no cover - a protocol's body


def default_store() -> FileStore:
    """The configured store: ``local`` (default) or ``postgresql`` (the shared database)."""
    settings = get_settings()
    if settings.file_store == "local":
        return LocalFileStore.default()
    if settings.file_store == POSTGRESQL:
        from api.core.db import get_engine, is_sqlite  # noqa: PLC0415 - an import cycle

        if is_sqlite(settings.effective_database_url):
            # A request's own transaction holds SQLite's write lock: the store's would wait.
            msg = "SHENGUAN_FILE_STORE=postgresql needs DATABASE_URL on PostgreSQL"
            raise RuntimeError(msg)
        return DatabaseFileStore(get_engine())
    msg = f"SHENGUAN_FILE_STORE must be local or {POSTGRESQL}, not {settings.file_store!r}"
    raise RuntimeError(msg)


def store_named(name: str) -> FileStore:
    if name == "local":
        return LocalFileStore.default()
    if name in {POSTGRESQL, "database"}:
        from api.core.db import get_engine  # noqa: PLC0415

        return DatabaseFileStore(get_engine())
    msg = f"no file store named {name!r} (local, {POSTGRESQL})"
    raise ValueError(msg)


class LocalFileStore:
    """``SHENGUAN_VAR_DIR/files/ab/cd/<sha256>``, written atomically (one host, or a
    directory every host mounts at the same path)."""

    name = "local"

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def default(cls) -> LocalFileStore:
        return cls(get_settings().var_dir / "files")

    def path_of(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    async def put(self, data: bytes, content_type: str) -> StoredFile:
        digest = hashlib.sha256(data).hexdigest()
        await asyncio.to_thread(self._write, self.path_of(digest), data)
        return StoredFile(sha256=digest, size=len(data), content_type=content_type)

    async def get(self, sha256: str) -> bytes | None:
        return await asyncio.to_thread(self._read, self.path_of(sha256))

    @staticmethod
    def _write(target: Path, data: bytes) -> None:
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            Path(tmp).replace(target)

    @staticmethod
    def _read(path: Path) -> bytes | None:
        return path.read_bytes() if path.exists() else None

    async def digests(self) -> AsyncIterator[tuple[str, str]]:
        paths = await asyncio.to_thread(self._listed)
        for path in paths:
            data = await asyncio.to_thread(path.read_bytes)
            yield path.name, sniff(data) or "application/octet-stream"

    def _listed(self) -> list[Path]:
        if not self.root.exists():
            return []
        return [
            p
            for p in sorted(self.root.glob("??/??/*"))
            if p.is_file() and len(p.name) == SHA256_HEX
        ]


class StoredFileRecord(SQLModel, table=True):
    """A file in the database store: its size and type; the bytes in ``core_file_chunk``."""

    __tablename__ = "core_file"

    sha256: str = Field(primary_key=True, max_length=64)
    size: int
    content_type: str = Field(max_length=100)
    chunks: int
    created_at: datetime = Field(default_factory=utcnow)


class FileChunk(SQLModel, table=True):
    __tablename__ = "core_file_chunk"

    sha256: str = Field(primary_key=True, max_length=64, foreign_key="core_file.sha256")
    seq: int = Field(primary_key=True)
    data: bytes = Field(sa_type=sa.LargeBinary)


class DatabaseFileStore:
    """Files as rows of the shared database (``core_file`` + 1 MB ``core_file_chunk`` rows),
    so every host serves every file. Each ``put`` is its own short transaction on the
    process's engine (meant for PostgreSQL: on SQLite it would wait for the request's own
    write lock)."""

    name = POSTGRESQL

    def __init__(self, engine: AsyncEngine, *, chunk_bytes: int = CHUNK_BYTES) -> None:
        self.engine = engine
        self.chunk_bytes = chunk_bytes

    async def put(self, data: bytes, content_type: str) -> StoredFile:
        digest = hashlib.sha256(data).hexdigest()
        stored = StoredFile(sha256=digest, size=len(data), content_type=content_type)
        file_table = StoredFileRecord.__table__  # type: ignore[attr-defined]
        chunk_table = FileChunk.__table__  # type: ignore[attr-defined]
        pieces = [data[i : i + self.chunk_bytes] for i in range(0, len(data), self.chunk_bytes)]
        try:
            async with self.engine.begin() as conn:
                exists = await conn.scalar(
                    sa.select(file_table.c.sha256).where(file_table.c.sha256 == digest)
                )
                if exists is not None:
                    return stored
                await conn.execute(
                    file_table.insert().values(
                        sha256=digest,
                        size=len(data),
                        content_type=content_type,
                        chunks=len(pieces),
                        created_at=utcnow(),
                    )
                )
                await conn.execute(
                    chunk_table.insert(),
                    [{"sha256": digest, "seq": n, "data": p} for n, p in enumerate(pieces)],
                )
        except IntegrityError:
            # Another process stored the same bytes at the same moment: they are there.
            if await self.get(digest) is None:
                raise
        return stored

    async def get(self, sha256: str) -> bytes | None:
        file_table = StoredFileRecord.__table__  # type: ignore[attr-defined]
        chunk_table = FileChunk.__table__  # type: ignore[attr-defined]
        async with self.engine.connect() as conn:
            chunks = await conn.scalar(
                sa.select(file_table.c.chunks).where(file_table.c.sha256 == sha256)
            )
            if chunks is None:
                return None
            rows = await conn.execute(
                sa.select(chunk_table.c.data)
                .where(chunk_table.c.sha256 == sha256)
                .order_by(chunk_table.c.seq)
            )
            return b"".join(bytes(r[0]) for r in rows)

    async def digests(self) -> AsyncIterator[tuple[str, str]]:
        file_table = StoredFileRecord.__table__  # type: ignore[attr-defined]
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                sa.select(file_table.c.sha256, file_table.c.content_type).order_by(
                    file_table.c.sha256
                )
            )
            for sha256, content_type in rows.all():
                yield str(sha256), str(content_type)


@dataclass(frozen=True)
class Migrated:
    copied: int
    present: int


async def migrate_files(source: FileStore, target: FileStore) -> Migrated:
    """Copy every file of ``source`` that ``target`` lacks (by hash; the source keeps its
    copy). Running it again copies nothing."""
    copied = present = 0
    async for sha256, content_type in source.digests():
        if await target.get(sha256) is not None:
            present += 1
            continue
        data = await source.get(sha256)
        if data is None or hashlib.sha256(data).hexdigest() != sha256:
            continue  # vanished or damaged: nothing trustworthy to copy
        await target.put(data, content_type)
        copied += 1
    return Migrated(copied=copied, present=present)


@dataclass(frozen=True)
class Upload:
    """A file as it arrives in an input: its name and base64 content."""

    file_name: str
    content_base64: str


@dataclass(frozen=True)
class StoredUpload:
    name: str
    stored: StoredFile


async def store_upload(
    upload: Upload, field: str, issues: list[FieldIssue], store: FileStore | None = None
) -> StoredUpload | None:
    """Decode, check by content (PDF/PNG/JPEG) and store one upload; problems are added to
    ``issues`` under ``field.fileName`` / ``field.contentBase64`` (nothing stored then)."""
    name = upload.file_name.strip()
    if not name:
        issues.append(FieldIssue(f"{field}.fileName", "REQUIRED", "请填写文件名"))
    try:
        data = decode_upload(upload.content_base64, f"{field}.contentBase64")
        content_type = require_type(data, f"{field}.contentBase64")
    except ValidationFailed as exc:
        issues.extend(exc.issues)
        return None
    if not name:
        return None
    return StoredUpload(name[:200], await (store or default_store()).put(data, content_type))
