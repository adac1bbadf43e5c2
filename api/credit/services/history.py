"""Determination history: every determination of a subject is kept.

The table is ``credit_determination_history``.

``determination.refresh`` appends an entry whenever a subject's outcome (level, score,
joint-punishment status, rule version) or its grounds (the rules that fired and the records
and list entries behind them) change; entries are never updated or deleted. Each entry holds
a copy of those records as they read when it was decided, so a later repair or withdrawal
does not rewrite what a reviewer sees for that day. ``as_of`` reads the entry in force at
the end of a given day: the newest one determined on or before it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core.clock import utcnow
from api.credit.models import CreditLevel, DeterminationEntry

if TYPE_CHECKING:
    from datetime import datetime

    from api.credit.services.determination import Assessment

MAX_ENTRIES = 200  # one subject's history in one read (newest first)


def _record(record: Any) -> dict[str, Any]:
    return {
        "id": record.id,
        "category": record.category.value,
        "title": record.title,
        "source": record.source,
        "decided_on": record.decided_on.isoformat(),
        "valid_until": record.valid_until.isoformat() if record.valid_until else None,
    }


def _punishment(entry: Any) -> dict[str, Any]:
    return {
        "id": entry.id,
        "source_document": entry.source_document,
        "measures": entry.measures,
        "starts_on": entry.starts_on.isoformat(),
        "ends_on": entry.ends_on.isoformat() if entry.ends_on else None,
    }


def grounds(assessment: Assessment) -> list[dict[str, Any]]:
    """The rules that fired and what made them fire, as JSON (what the entry stores)."""
    causes = [
        {
            "code": c.rule.code,
            "name": c.rule.name,
            "condition": c.rule.condition.value,
            "score_delta": c.rule.score_delta,
            "forces_level": c.rule.forces_level.value if c.rule.forces_level else None,
            "records": [_record(r) for r in c.records],
            "punishments": [_punishment(p) for p in c.punishments],
        }
        for c in assessment.causes
    ]
    # Normalised as the JSON column hands it back, so a stored entry compares equal.
    normalised: list[dict[str, Any]] = json.loads(json.dumps(causes, ensure_ascii=False))
    return normalised


def _outcome(
    level: CreditLevel, score: int, joint_punished: bool, version: int, causes: Any
) -> tuple[Any, ...]:
    return (CreditLevel(level), int(score), bool(joint_punished), int(version), causes)


def unchanged(entry: DeterminationEntry | None, assessment: Assessment) -> bool:
    """True when ``entry`` already records this outcome on these grounds."""
    if entry is None:
        return False
    return _outcome(
        entry.level, entry.score, entry.joint_punished, entry.rule_version, entry.causes
    ) == _outcome(
        assessment.level,
        assessment.score,
        assessment.joint_punished,
        assessment.rule_set.version,
        grounds(assessment),
    )


async def latest(session: AsyncSession, codes: Sequence[str]) -> dict[str, DeterminationEntry]:
    """The newest entry of each subject (one statement)."""
    if not codes:
        return {}
    newest = (
        select(sa.func.max(DeterminationEntry.id))
        .where(col(DeterminationEntry.subject_code).in_(list(codes)))
        .group_by(col(DeterminationEntry.subject_code))
    )
    rows = (
        await session.exec(select(DeterminationEntry).where(col(DeterminationEntry.id).in_(newest)))
    ).all()
    return {row.subject_code: row for row in rows}


def append(
    session: AsyncSession,
    assessment: Assessment,
    *,
    previous_level: CreditLevel | None,
    at: datetime | None = None,
) -> DeterminationEntry:
    row = DeterminationEntry(
        subject_code=assessment.subject_code,
        determined_at=at or utcnow(),
        determined_on=assessment.determined_on,
        rule_version=assessment.rule_set.version,
        level=assessment.level,
        score=assessment.score,
        joint_punished=assessment.joint_punished,
        summary=assessment.summary[:1000],
        causes=grounds(assessment),
        previous_level=previous_level,
    )
    session.add(row)
    return row


async def entries(
    session: AsyncSession, codes: Sequence[str], *, limit: int = MAX_ENTRIES
) -> dict[str, list[DeterminationEntry]]:
    """Each subject's entries, newest first (at most ``limit`` each)."""
    found: dict[str, list[DeterminationEntry]] = {code: [] for code in codes}
    rows = (
        await session.exec(
            select(DeterminationEntry)
            .where(col(DeterminationEntry.subject_code).in_(list(codes)))
            .order_by(col(DeterminationEntry.subject_code), col(DeterminationEntry.id).desc())
        )
    ).all()
    for row in rows:
        bucket = found[row.subject_code]
        if len(bucket) < limit:
            bucket.append(row)
    return found


async def as_of(session: AsyncSession, code: str, on: date) -> DeterminationEntry | None:
    """The determination in force at the end of ``on`` (None before the first one)."""
    stmt = (
        select(DeterminationEntry)
        .where(
            DeterminationEntry.subject_code == code,
            col(DeterminationEntry.determined_on) <= on,
        )
        .order_by(col(DeterminationEntry.determined_on).desc(), col(DeterminationEntry.id).desc())
        .limit(1)
    )
    return (await session.exec(stmt)).first()
