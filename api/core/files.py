"""Content-addressed file storage: a file is stored once, under the SHA-256 of its bytes.

Uploads arrive through GraphQL as base64 text (it passes through the federation gateway
unchanged); ``decode_upload`` turns it into bytes, ``sniff`` checks the type by content
(magic numbers, never the file name), and ``FileStore.put`` writes it under
``SHENGUAN_VAR_DIR/files/ab/cd/<sha256>`` atomically.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import filetype

from api.core.config import get_settings
from api.core.errors import FieldIssue, ValidationFailed

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
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


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def default(cls) -> FileStore:
        return cls(get_settings().var_dir / "files")

    def path_of(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def put(self, data: bytes, content_type: str) -> StoredFile:
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_of(digest)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            Path(tmp).replace(target)
        return StoredFile(sha256=digest, size=len(data), content_type=content_type)

    def get(self, sha256: str) -> bytes | None:
        path = self.path_of(sha256)
        return path.read_bytes() if path.exists() else None


@dataclass(frozen=True)
class Upload:
    """A file as it arrives in an input: its name and base64 content."""

    file_name: str
    content_base64: str


@dataclass(frozen=True)
class StoredUpload:
    name: str
    stored: StoredFile


def store_upload(
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
    return StoredUpload(name[:200], (store or FileStore.default()).put(data, content_type))
