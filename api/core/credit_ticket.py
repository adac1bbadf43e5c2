"""Credit-check tickets: the credit subgraph's signed answer that approval can verify.

At acceptance the clerk runs ``creditCheck`` in the credit subgraph (logged, with a stated
purpose). Its answer carries a ticket: a short-lived signed statement of the subject's level,
joint-punishment status and the handling modes its credit admits, bound to one application.
``acceptApplication`` in approval verifies the ticket instead of reading credit's tables, so
no subgraph reads another's data, and a clerk cannot skip or forge the check.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt

from api.core.clock import utcnow
from api.core.config import get_settings

_AUDIENCE = "shenguan:approval:accept"
_ALGORITHM = "HS256"
TICKET_TTL = timedelta(minutes=30)


@dataclass(frozen=True)
class CreditTicket:
    lookup_id: int
    subject_code: str
    application_id: int
    level: str
    joint_punished: bool
    allowed_modes: tuple[str, ...]
    checked_at: datetime
    # Why credit refused each other mode, in its words (citing the entry or record).
    refusals: tuple[tuple[str, str], ...] = ()


class InvalidTicketError(Exception):
    pass


def _key() -> str:
    return get_settings().effective_secret_key() + ":credit-ticket"


def sign_ticket(ticket: CreditTicket) -> str:
    payload = {
        "aud": _AUDIENCE,
        "lid": ticket.lookup_id,
        "sub": ticket.subject_code,
        "app": ticket.application_id,
        "lvl": ticket.level,
        "jp": ticket.joint_punished,
        "modes": list(ticket.allowed_modes),
        "why": dict(ticket.refusals),
        "iat": ticket.checked_at,
        "exp": ticket.checked_at + TICKET_TTL,
    }
    return jwt.encode(payload, _key(), algorithm=_ALGORITHM)


def verify_ticket(token: str, *, subject_code: str, application_id: int) -> CreditTicket:
    """The ticket's claims, if it is genuine, unexpired and about this application."""
    try:
        # Expiry is checked against the platform's clock (api/core/clock.py), not the OS's.
        claims = jwt.decode(
            token,
            _key(),
            algorithms=[_ALGORITHM],
            audience=_AUDIENCE,
            options={"verify_exp": False, "verify_iat": False, "require": ["exp", "iat"]},
        )
        if int(claims["exp"]) < utcnow().timestamp():
            raise jwt.ExpiredSignatureError
    except jwt.PyJWTError as exc:
        raise InvalidTicketError("信用核查凭证无效或已过期，请重新核查") from exc
    if claims["sub"] != subject_code or int(claims["app"]) != application_id:
        raise InvalidTicketError("信用核查凭证与本办件不符，请重新核查")
    return CreditTicket(
        lookup_id=int(claims["lid"]),
        subject_code=str(claims["sub"]),
        application_id=int(claims["app"]),
        level=str(claims["lvl"]),
        joint_punished=bool(claims["jp"]),
        allowed_modes=tuple(claims["modes"]),
        checked_at=datetime.fromtimestamp(int(claims["iat"]), UTC),
        refusals=tuple((str(k), str(v)) for k, v in (claims.get("why") or {}).items()),
    )
