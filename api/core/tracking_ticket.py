"""Tracking tickets: approval's signed word that a caller may follow an application's applicant.

A clerk following an application (办件跟踪) may read the applicant's current credit. Credit
cannot see approval's tables, and subgraphs never trust the gateway, so approval signs a
short-lived ticket — this application, this subject key, this user in this department — only
for a caller whose responsibility scope covers the application. Credit's
``Application.applicantCredit`` requires it (federation ``@requires``), verifies it against the
caller's own session, and logs the read as a credit lookup (purpose 办件跟踪).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt

from api.core.config import get_settings

_AUDIENCE = "shenguan:credit:tracking"
_ALGORITHM = "HS256"
TICKET_TTL = timedelta(minutes=5)
PURPOSE = "办件跟踪"


@dataclass(frozen=True)
class TrackingTicket:
    application_id: int
    subject_code: str
    username: str
    department_id: int


class InvalidTrackingTicketError(Exception):
    pass


def _key() -> str:
    return get_settings().effective_secret_key() + ":tracking-ticket"


def sign_tracking_ticket(ticket: TrackingTicket, *, now: datetime | None = None) -> str:
    issued = (now or datetime.now(UTC)).replace(microsecond=0)
    payload = {
        "aud": _AUDIENCE,
        "app": ticket.application_id,
        "sub": ticket.subject_code,
        "usr": ticket.username,
        "dep": ticket.department_id,
        "iat": issued,
        "exp": issued + TICKET_TTL,
    }
    return jwt.encode(payload, _key(), algorithm=_ALGORITHM)


def verify_tracking_ticket(
    token: str, *, application_id: int, username: str, department_id: int
) -> TrackingTicket:
    """The ticket, if genuine, unexpired, about this application and issued to this caller."""
    try:
        claims = jwt.decode(token, _key(), algorithms=[_ALGORITHM], audience=_AUDIENCE)
    except jwt.PyJWTError as exc:
        raise InvalidTrackingTicketError from exc
    ticket = TrackingTicket(
        application_id=int(claims["app"]),
        subject_code=str(claims["sub"]),
        username=str(claims["usr"]),
        department_id=int(claims["dep"]),
    )
    if (ticket.application_id, ticket.username, ticket.department_id) != (
        application_id,
        username,
        department_id,
    ):
        raise InvalidTrackingTicketError
    return ticket
