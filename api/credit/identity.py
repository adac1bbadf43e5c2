"""Natural persons' ID numbers: looked up by keyed hash, shown masked, decrypted only on permission.

- ``id_number_hash``: HMAC-SHA256 under a key derived from ``SHENGUAN_SECRET_KEY``; finds a
  person by number without storing the number in clear.
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
import hashlib
import hmac

from cryptography.fernet import Fernet

from api.core.config import get_settings
from api.core.identifiers import id_number_problem, mask_id_number, uscc_problem

NATURAL_PERSON_PREFIX = "NP"


def _derived(purpose: str) -> bytes:
    secret = get_settings().effective_secret_key().encode()
    return hmac.new(secret, purpose.encode(), hashlib.sha256).digest()


def id_number_hash(number: str) -> str:
    return hmac.new(_derived("credit:id-number:hash"), number.encode(), hashlib.sha256).hexdigest()


def natural_person_key(number: str) -> str:
    return NATURAL_PERSON_PREFIX + id_number_hash(number)[:16].upper()


def _fernet() -> Fernet:
    return Fernet(base64.urlsafe_b64encode(_derived("credit:id-number:encryption")))


def encrypt_id_number(number: str) -> str:
    return _fernet().encrypt(number.encode()).decode()


def decrypt_id_number(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()


def is_natural_person_key(code: str) -> bool:
    return (
        len(code) == 18  # noqa: PLR2004
        and code.startswith(NATURAL_PERSON_PREFIX)
        and all(c in "0123456789ABCDEF" for c in code[2:])
    )


def normalise(code: str) -> str:
    return code.strip().upper()


def subject_key(code: str) -> str | None:
    """The subject key for a USCC, a natural-person key or an ID number; None if none fits."""
    value = normalise(code)
    if uscc_problem(value) is None or is_natural_person_key(value):
        return value
    if id_number_problem(value) is None:
        return natural_person_key(value)
    return None


__all__ = [
    "decrypt_id_number",
    "encrypt_id_number",
    "id_number_hash",
    "is_natural_person_key",
    "mask_id_number",
    "natural_person_key",
    "normalise",
    "subject_key",
]
