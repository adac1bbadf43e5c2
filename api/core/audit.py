"""The audit trail: an append-only table of security-relevant events.

Every sign-in, failed sign-in, policy change, denied access, export and credit lookup is
one row (who, department, when, what, outcome, client address). Rows are only ever added;
``purge`` removes rows older than the retention period (at least 180 days) and nothing else.
Other subgraphs call ``record(session, ...)`` inside their own unit of work.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel, col, delete, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core.models import str_enum, utcnow

MIN_RETENTION_DAYS = 180


class AuditAction(StrEnum):
    SIGN_IN = "SIGN_IN"
    SIGN_IN_FAILED = "SIGN_IN_FAILED"
    SIGN_OUT = "SIGN_OUT"
    PASSWORD_CHANGE = "PASSWORD_CHANGE"  # noqa: S105 - an event name, not a password
    DEPARTMENT_SWITCH = "DEPARTMENT_SWITCH"
    POLICY_CHANGE = "POLICY_CHANGE"
    ACCOUNT_CHANGE = "ACCOUNT_CHANGE"
    API_KEY_CHANGE = "API_KEY_CHANGE"
    ACCESS_DENIED = "ACCESS_DENIED"
    EXPORT = "EXPORT"
    CREDIT_LOOKUP = "CREDIT_LOOKUP"
    # Reading other departments' records with a city-wide right (lookup logs, case files).
    CITY_WIDE_READ = "CITY_WIDE_READ"
    DEAD_LETTER_RETRY = "DEAD_LETTER_RETRY"


class AuditOutcome(StrEnum):
    SUCCESS = "SUCCESS"
    FAILURE = "FAILURE"
    DENIED = "DENIED"


class AuditEntry(SQLModel, table=True):
    __tablename__ = "access_audit"
    __table_args__ = (sa.Index("ix_access_audit_at", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    actor: str | None = Field(default=None, max_length=64, index=True)
    department_id: str | None = Field(default=None, max_length=64)
    action: AuditAction = Field(sa_type=str_enum(AuditAction), index=True)
    target: str = Field(default="", max_length=255)
    outcome: AuditOutcome = Field(sa_type=str_enum(AuditOutcome))
    client_address: str | None = Field(default=None, max_length=64)
    detail: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)


@dataclass(frozen=True)
class Actor:
    """Who did it, from where (the principal may be absent: a failed sign-in)."""

    username: str | None = None
    department_id: str | None = None
    client_address: str | None = None


async def record(
    session: AsyncSession,
    *,
    actor: Actor,
    action: AuditAction,
    outcome: AuditOutcome,
    target: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one audit row in the caller's transaction."""
    entry = AuditEntry(
        actor=actor.username,
        department_id=actor.department_id,
        client_address=actor.client_address,
        action=action,
        outcome=outcome,
        target=target[:255],
        detail=detail or {},
    )
    session.add(entry)
    await session.flush()
    return entry


# The denials of the request being served (``Context.denials``); services note refusals they
# alone can see (an object outside the caller's scope) without knowing the GraphQL context.
_request_denials: ContextVar[list[dict[str, Any]] | None] = ContextVar(
    "request_denials", default=None
)


def collect_denials(denials: list[dict[str, Any]]) -> None:
    """Make ``denials`` the list this request's ``note_out_of_scope`` calls append to."""
    _request_denials.set(denials)


def note_out_of_scope(kind: str, object_id: object) -> None:
    """An existing object was asked for (read by id, or changed) outside the caller's scope.

    It answers as not found; the unit of work audits it as a denied access with the object.
    Outside a request (tests calling services, outbox handlers) nothing is noted.
    """
    denials = _request_denials.get()
    if denials is not None:
        denials.append(
            {"field": kind, "reason": "OUT_OF_SCOPE", "needs": "", "object": f"{kind}:{object_id}"}
        )


async def record_committed(
    session: AsyncSession,
    *,
    actor: Actor,
    action: AuditAction,
    target: str,
    detail: dict[str, Any] | None = None,
) -> None:
    """An audited read (an export, a city-wide read): one row, committed at once, since a
    query's session ends without a commit."""
    await record(
        session,
        actor=actor,
        action=action,
        outcome=AuditOutcome.SUCCESS,
        target=target,
        detail=detail,
    )
    await session.commit()


@dataclass(frozen=True)
class AuditFilter:
    actor: str | None = None
    department_id: str | None = None
    action: AuditAction | None = None
    outcome: AuditOutcome | None = None
    since: datetime | None = None
    until: datetime | None = None


async def list_entries(
    session: AsyncSession, *, filters: AuditFilter, before_id: int | None, limit: int
) -> list[AuditEntry]:
    """Newest first; ``before_id`` is the cursor (the id of the last row already seen)."""
    stmt = select(AuditEntry).order_by(col(AuditEntry.id).desc()).limit(limit)
    if before_id is not None:
        stmt = stmt.where(col(AuditEntry.id) < before_id)
    if filters.actor:
        stmt = stmt.where(AuditEntry.actor == filters.actor)
    if filters.department_id:
        stmt = stmt.where(AuditEntry.department_id == filters.department_id)
    if filters.action:
        stmt = stmt.where(AuditEntry.action == filters.action)
    if filters.outcome:
        stmt = stmt.where(AuditEntry.outcome == filters.outcome)
    if filters.since:
        stmt = stmt.where(col(AuditEntry.at) >= filters.since)
    if filters.until:
        stmt = stmt.where(col(AuditEntry.at) < filters.until)
    return list((await session.exec(stmt)).all())


async def purge(
    session: AsyncSession, *, older_than_days: int = MIN_RETENTION_DAYS, now: datetime | None = None
) -> int:
    """Remove rows older than the retention period; refuses a period under 180 days."""
    if older_than_days < MIN_RETENTION_DAYS:
        msg = f"audit rows are kept at least {MIN_RETENTION_DAYS} days"
        raise ValueError(msg)
    cutoff = (now or utcnow()) - timedelta(days=older_than_days)
    result = await session.exec(delete(AuditEntry).where(col(AuditEntry.at) < cutoff))
    return int(result.rowcount or 0)
