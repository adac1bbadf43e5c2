"""Natural persons' ID numbers: looked up by keyed hash, shown masked, decrypted only on permission.

- ``id_number_hash`` (in ``api/core/subject_keys.py``, shared with approval): HMAC-SHA256
  under a key derived from ``SHENGUAN_SECRET_KEY``; finds a person by number without storing
  the number in clear.
- ``natural_person_key``: ``NP`` + the first 16 hex characters of that hash, upper case. It is
  the subject's federation key (``Subject.creditCode``): stable, 18 characters like a USCC, and
  useless for recovering the number without the server's secret.
- ``encrypt_id_number`` / ``decrypt_id_number``: Fernet (AES-128-CBC + HMAC) under a second
  derived key; only the ``subject_identity/read`` field decrypts.

Changing ``SHENGUAN_SECRET_KEY`` therefore changes natural persons' keys: rotate it with a
re-keying job, never by hand. Nothing here logs; error messages never echo a number.
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet

from api.core.errors import FieldIssue
from api.core.identifiers import mask_id_number
from api.core.subject_keys import (
    NATURAL_PERSON_PREFIX,
    derived_key,
    id_number_hash,
    is_natural_person_key,
    natural_person_key,
    normalise,
    subject_key,
)

INVALID_SUBJECT_CODE = "应为有效的统一社会信用代码或身份证号码"


def checked_subject_key(code: str | None, field: str, issues: list[FieldIssue]) -> str | None:
    """The subject key of ``code`` (``subject_key``), or None with an issue naming ``field``
    appended to ``issues`` when it is neither a valid USCC nor a valid ID number."""
    key = subject_key(code or "")
    if key is None:
        issues.append(FieldIssue(field, "INVALID_SUBJECT_CODE", INVALID_SUBJECT_CODE))
    return key


def _fernet() -> Fernet:
    return Fernet(base64.urlsafe_b64encode(derived_key("credit:id-number:encryption")))


def encrypt_id_number(number: str) -> str:
    return _fernet().encrypt(number.encode()).decode()


def decrypt_id_number(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()


__all__ = [
    "NATURAL_PERSON_PREFIX",
    "checked_subject_key",
    "decrypt_id_number",
    "encrypt_id_number",
    "id_number_hash",
    "is_natural_person_key",
    "mask_id_number",
    "natural_person_key",
    "normalise",
    "subject_key",
]
