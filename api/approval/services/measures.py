"""Credit measures proposed and decided at acceptance, and their statistics."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import (
    CreditMeasure,
    HandlingMode,
    MeasureDecision,
    MeasureKind,
    MeasureRecord,
    SkipReason,
)
from api.approval.services.common import MEASURE_NAMES, applicant_key_of, get_application
from api.core.credit_ticket import InvalidTicketError, verify_ticket
from api.core.errors import ValidationFailed
from api.core.loaders import fetch_many_per_key
from api.core.scope import Scope


@dataclass(frozen=True)
class MeasureSkip:
    """Why the clerk did not apply a proposed measure (a reason from the list, free text)."""

    reason: SkipReason | None = None
    note: str = ""
    stricter_review: bool = True  # a required restriction is applied unless declined


Decision = tuple[CreditMeasure, MeasureKind, MeasureDecision, SkipReason | None, str]


def propose_measures(
    level: str,
    joint_punished: bool,
    allowed_modes: Sequence[str],
) -> list[tuple[CreditMeasure, MeasureKind]]:
    """What the credit ticket admits (incentives) or requires (stricter review)."""
    if level == "DISHONEST" or joint_punished:
        return [(CreditMeasure.STRICTER_REVIEW, MeasureKind.RESTRICTION)]
    return [
        (CreditMeasure(mode), MeasureKind.INCENTIVE)
        for mode in allowed_modes
        if mode != HandlingMode.NORMAL.value
    ]


def decide_measures(
    proposals: Sequence[tuple[CreditMeasure, MeasureKind]],
    handling_mode: HandlingMode,
    skip: MeasureSkip,
) -> list[Decision]:
    """The chosen incentive (or the stricter review) is applied; other proposals are skipped
    and need a reason. Incentives are alternatives: applying one skips none of the others."""
    incentives = [m for m, k in proposals if k == MeasureKind.INCENTIVE]
    applied_incentive = next((m for m in incentives if m.value == handling_mode.value), None)
    decisions: list[Decision] = []
    skipped: list[tuple[CreditMeasure, MeasureKind]] = []
    if applied_incentive is not None:
        decisions.append(
            (applied_incentive, MeasureKind.INCENTIVE, MeasureDecision.APPLIED, None, "")
        )
    else:
        skipped += [(m, MeasureKind.INCENTIVE) for m in incentives]
    for measure, kind in proposals:
        if kind == MeasureKind.RESTRICTION:
            if skip.stricter_review:
                decisions.append((measure, kind, MeasureDecision.APPLIED, None, ""))
            else:
                skipped.append((measure, kind))
    if not skipped:
        return decisions
    names = "、".join(MEASURE_NAMES[m] for m, _ in skipped)
    if skip.reason is None:
        raise ValidationFailed.single(
            "skipReason", "SKIP_REASON_REQUIRED", f"未适用“{names}”，须选择理由"
        )
    if skip.reason == SkipReason.OTHER and not skip.note.strip():
        raise ValidationFailed.single("skipNote", "REQUIRED", "理由为“其他”时须填写说明")
    return decisions + [
        (m, k, MeasureDecision.SKIPPED, skip.reason, skip.note.strip()[:500]) for m, k in skipped
    ]


async def proposed_measures(
    session: AsyncSession, application_id: int, credit_ticket: str, scope: Scope
) -> list[tuple[CreditMeasure, MeasureKind]]:
    application = await get_application(session, application_id, scope)
    try:
        ticket = verify_ticket(
            credit_ticket, subject_code=applicant_key_of(application), application_id=application_id
        )
    except InvalidTicketError as exc:
        raise ValidationFailed.single("creditTicket", "INVALID_CREDIT_TICKET", str(exc)) from None
    return propose_measures(ticket.level, ticket.joint_punished, ticket.allowed_modes)


@dataclass(frozen=True)
class MeasureCount:
    matter_id: int
    department_id: int | None
    measure: CreditMeasure
    kind: MeasureKind
    applied: int
    skipped: int


def _count_of(decision: MeasureDecision) -> Any:
    return sa.func.sum(sa.case((col(MeasureRecord.decision) == decision, 1), else_=0))


async def measure_statistics(
    *,
    session: AsyncSession,
    scope: Scope,
    matter_id: int | None = None,
    department_id: int | None = None,
) -> list[MeasureCount]:
    """How often each incentive or restriction was applied or skipped, per matter and
    department (one GROUP BY in SQL)."""
    keys = (
        col(MeasureRecord.matter_id),
        col(MeasureRecord.department_id),
        col(MeasureRecord.measure),
        col(MeasureRecord.kind),
    )
    stmt = (
        sa.select(*keys, _count_of(MeasureDecision.APPLIED), _count_of(MeasureDecision.SKIPPED))
        .group_by(*keys)
        .order_by(*keys)
    )
    if not scope.city_wide:
        stmt = stmt.where(col(MeasureRecord.department_id) == scope.department_id)
    if matter_id is not None:
        stmt = stmt.where(col(MeasureRecord.matter_id) == matter_id)
    if department_id is not None:
        stmt = stmt.where(col(MeasureRecord.department_id) == department_id)
    # sqlmodel's typed select() stops at four columns; this one has six.
    rows = (await session.exec(stmt)).all()  # type: ignore[call-overload]
    return [
        MeasureCount(
            matter_id=int(m),
            department_id=int(d) if d is not None else None,
            measure=CreditMeasure(me),
            kind=MeasureKind(k),
            applied=int(a or 0),
            skipped=int(sk or 0),
        )
        for m, d, me, k, a, sk in rows
    ]


async def measures_by_application_ids(
    *, session: AsyncSession, ids: Sequence[int]
) -> list[list[MeasureRecord]]:
    return await fetch_many_per_key(
        session, MeasureRecord, MeasureRecord.application_id, ids, order_by=[col(MeasureRecord.id)]
    )
