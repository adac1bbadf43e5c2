"""Approval quality (审批质量): findings within 3/6/12 months after completion."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import col, or_
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import (
    Application,
    ApplicationStatus,
    Feedback,
    HandlingMode,
)
from api.approval.services import facilitation
from api.core.clock import (
    local_date,
)
from api.core.scope import Scope

QUALITY_WINDOWS = (3, 6, 12)  # months after completion


FALSE_COMMITMENT = "FALSE_COMMITMENT"  # supervision's result type for a false commitment


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass
class QualityFigures:
    """Per matter and approving department: licences with an abnormal finding within 3, 6 and
    12 months of completion; 告知承诺 acceptances whose commitment was found false."""

    matter_id: int
    department_id: int | None
    licences: int = 0
    abnormal_within: dict[int, int] | None = None
    commitments: int = 0
    false_commitments: int = 0

    def share(self, count: int, base: int) -> float | None:
        return round(count / base, 4) if base else None


async def approval_quality(
    *,
    session: AsyncSession,
    scope: Scope,
    matter_id: int | None = None,
    department_id: int | None = None,
) -> list[QualityFigures]:
    """One query: the licences and commitments with their abnormal feedback (outer join)."""
    stmt = (
        sa.select(
            col(Application.id),
            col(Application.matter_id),
            col(Application.approving_department_id),
            col(Application.status),
            col(Application.handling_mode),
            col(Application.completed_at),
            col(Feedback.found_on),
            col(Feedback.result_type),
        )
        .outerjoin(
            Feedback,
            sa.and_(
                col(Feedback.application_id) == Application.id, col(Feedback.abnormal).is_(True)
            ),
        )
        .where(
            or_(
                col(Application.status) == ApplicationStatus.APPROVED,
                sa.and_(
                    col(Application.handling_mode) == HandlingMode.NOTIFY_AND_COMMIT,
                    col(Application.accepted_at).is_not(None),
                ),
            )
        )
        .order_by(col(Application.matter_id), col(Application.id))
    )
    if not scope.city_wide:
        stmt = stmt.where(col(Application.approving_department_id) == scope.department_id)
    if matter_id is not None:
        stmt = stmt.where(col(Application.matter_id) == matter_id)
    if department_id is not None:
        stmt = stmt.where(col(Application.approving_department_id) == department_id)
    per_application: dict[int, list[Any]] = {}
    # sqlmodel's typed select() stops at four columns; this one has eight.
    for row in (await session.exec(stmt)).all():  # type: ignore[call-overload]
        per_application.setdefault(int(row[0] or 0), []).append(row)
    figures: dict[tuple[int, int | None], QualityFigures] = {}
    # A commitment found false by a verification task (核查不实) counts like the finding.
    untruthful = await facilitation.untruthful_application_ids(session, list(per_application))
    for application_id, rows in per_application.items():
        _, matter, department = rows[0][:3]
        entry = figures.setdefault(
            (matter, department),
            QualityFigures(matter, department, abnormal_within=dict.fromkeys(QUALITY_WINDOWS, 0)),
        )
        _tally(entry, rows, application_id in untruthful)
    return [figures[key] for key in sorted(figures, key=lambda k: (k[0], k[1] or 0))]


def _tally(entry: QualityFigures, rows: Sequence[Any], found_false: bool = False) -> None:
    """Count one application (its rows: one per abnormal feedback, or one without)."""
    status, mode, completed_at = rows[0][3:6]
    found = [(r[6], r[7]) for r in rows if r[6] is not None]
    if status == ApplicationStatus.APPROVED and completed_at is not None:
        entry.licences += 1
        done = local_date(completed_at)
        windows = entry.abnormal_within or {}
        for months in QUALITY_WINDOWS:
            end = add_months(done, months)
            if any(done <= day <= end for day, _ in found):
                windows[months] += 1
    if mode == HandlingMode.NOTIFY_AND_COMMIT:
        entry.commitments += 1
        if found_false or any(kind == FALSE_COMMITMENT for _, kind in found):
            entry.false_commitments += 1
