"""Subject keys: how every subgraph names a legal or natural person the same way.

A legal person's key is its USCC. A natural person's key is ``NP`` + the first 16 hex
characters (upper case) of an HMAC-SHA256 of the resident ID number under a key derived from
``SHENGUAN_SECRET_KEY``: stable, 18 characters like a USCC, and useless for recovering the
number without the server's secret. Credit keys its subjects (``Subject.creditCode``) by it,
signs credit tickets with it and announces ``credit.level.changed`` with it; approval
stores it next to the raw number of an application so that both sides meet on one key.

Changing ``SHENGUAN_SECRET_KEY`` therefore changes natural persons' keys: rotate it with a
re-keying job, never by hand. Nothing here logs; nothing echoes a number.
"""

from __future__ import annotations

import hashlib
import hmac

from api.core.config import get_settings
from api.core.identifiers import ID_NUMBER_LENGTH, id_number_problem, uscc_problem

NATURAL_PERSON_PREFIX = "NP"


def derived_key(purpose: str) -> bytes:
    secret = get_settings().effective_secret_key().encode()
    return hmac.new(secret, purpose.encode(), hashlib.sha256).digest()


def id_number_hash(number: str) -> str:
    return hmac.new(
        derived_key("credit:id-number:hash"), number.encode(), hashlib.sha256
    ).hexdigest()


def natural_person_key(number: str) -> str:
    return NATURAL_PERSON_PREFIX + id_number_hash(number)[:16].upper()


def is_natural_person_key(code: str) -> bool:
    return (
        len(code) == ID_NUMBER_LENGTH
        and code.startswith(NATURAL_PERSON_PREFIX)
        and all(c in "0123456789ABCDEF" for c in code[2:])
    )


def normalise(code: str) -> str:
    return code.strip().upper()


def subject_key(code: str, *, natural_person: bool | None = None) -> str | None:
    """The subject key for a USCC, a natural-person key or an ID number; None if none fits.

    Both codes have 18 characters and some ID numbers also pass the USCC check digit: when
    the applicant's kind is known it decides; when not, a valid ID number is read as one, so a
    person's number never becomes a key in clear.
    """
    value = normalise(code)
    if is_natural_person_key(value):
        return value
    if natural_person is not False and id_number_problem(value) is None:
        return natural_person_key(value)
    if natural_person is not True and uscc_problem(value) is None:
        return value
    return None
