"""Escalation cards (黄牌 / 红牌) on the claim and feedback time limits of pushes.

A time limit is a number of working days (the linkage's claim or feedback days); it ends at
the close of office hours on the due day. Time is counted in working hours: only the office
hours (``SHENGUAN_OFFICE_HOURS_START``–``_END``, local time) of working days on the holiday
calendar count. A push turns yellow when ``SHENGUAN_ESCALATION_YELLOW_RATIO`` (0.5) of its
limit has elapsed and red at ``SHENGUAN_ESCALATION_RED_RATIO`` (0.9). Each card is a row
(the history: which push, which stage, which department, when) raised once, and emits
``approval.escalation.raised`` in the same transaction: the SMS sender writes to the liaison
(yellow and red) and to the department head (red); coordination's board reads red cards.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import col, or_, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import (
    CardColor,
    CardStage,
    EscalationCard,
    FeedbackState,
    Push,
    PushState,
)
from api.approval.services import messages
from api.core import events
from api.core.clock import LOCAL_TZ
from api.core.config import get_settings
from api.core.workdays import DayKind, is_working_day, overrides_between

SECONDS_PER_HOUR = 3600


@dataclass(frozen=True)
class OfficeHours:
    start: time
    end: time

    @classmethod
    def from_settings(cls) -> OfficeHours:
        settings = get_settings()
        return cls(settings.office_hours_start, settings.office_hours_end)


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored one is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def working_seconds(
    start: datetime, end: datetime, overrides: dict[date, DayKind], hours: OfficeHours
) -> float:
    """Office-hour seconds of working days between ``start`` and ``end``."""
    lo_all = _aware(start).astimezone(LOCAL_TZ)
    hi_all = _aware(end).astimezone(LOCAL_TZ)
    total = 0.0
    day = lo_all.date()
    while day <= hi_all.date():
        if is_working_day(day, overrides):
            opens = datetime.combine(day, hours.start, LOCAL_TZ)
            closes = datetime.combine(day, hours.end, LOCAL_TZ)
            lo, hi = max(opens, lo_all), min(closes, hi_all)
            if hi > lo:
                total += (hi - lo).total_seconds()
        day += timedelta(days=1)
    return total


def limit_end(due: date, hours: OfficeHours) -> datetime:
    """A time limit ends when the office closes on its due day."""
    return datetime.combine(due, hours.end, LOCAL_TZ)


def _open_limits(push: Push) -> list[tuple[CardStage, date]]:
    limits: list[tuple[CardStage, date]] = []
    if push.state == PushState.AWAITING_CLAIM:
        limits.append((CardStage.CLAIM, push.claim_due))
    if push.feedback_state == FeedbackState.OPEN and push.feedback_due is not None:
        limits.append((CardStage.FEEDBACK, push.feedback_due))
    return limits


async def raise_cards(session: AsyncSession, now: datetime) -> list[EscalationCard]:
    """Raise every card now due on an open time limit; cards already raised stay as they are."""
    settings = get_settings()
    thresholds = (
        (CardColor.YELLOW, settings.escalation_yellow_ratio),
        (CardColor.RED, settings.escalation_red_ratio),
    )
    hours = OfficeHours.from_settings()
    stmt = (
        select(Push)
        .where(
            or_(
                col(Push.state) == PushState.AWAITING_CLAIM,
                col(Push.feedback_state) == FeedbackState.OPEN,
            ),
            col(Push.pushed_at) <= now,
        )
        .order_by(col(Push.id))
    )
    pushes = (await session.exec(stmt)).all()
    if not pushes:
        return []
    raised = await _raised(session, [p.id for p in pushes if p.id is not None])
    first_day = min(_aware(p.pushed_at).astimezone(LOCAL_TZ).date() for p in pushes)
    last_day = max(
        max(_aware(now).astimezone(LOCAL_TZ).date(), p.claim_due, p.feedback_due or p.claim_due)
        for p in pushes
    )
    overrides = await overrides_between(session, first_day, last_day)
    cards: list[EscalationCard] = []
    for push in pushes:
        assert push.id is not None  # noqa: S101 - loaded rows have ids
        for stage, due in _open_limits(push):
            limit = working_seconds(push.pushed_at, limit_end(due, hours), overrides, hours)
            elapsed = working_seconds(push.pushed_at, now, overrides, hours)
            ratio = elapsed / limit if limit > 0 else 1.0
            for color, threshold in thresholds:
                if ratio < threshold or (push.id, stage, color) in raised:
                    continue
                card = EscalationCard(
                    push_id=push.id,
                    stage=stage,
                    color=color,
                    department_id=push.department_id,
                    from_department_id=push.from_department_id,
                    liaison_name=push.receive_liaison_name,
                    list_version=push.list_version,
                    limit_hours=round(limit / SECONDS_PER_HOUR, 2),
                    elapsed_hours=round(elapsed / SECONDS_PER_HOUR, 2),
                    due_on=due,
                    raised_at=now,
                )
                session.add(card)
                cards.append(card)
    await session.flush()
    by_id = {p.id: p for p in pushes}
    for card in cards:
        await events.emit(
            session,
            topic="approval.escalation.raised",
            key=str(card.id),
            payload=card_payload(card),
        )
        if card.color == CardColor.RED:
            # The receiving department's inbox (its head among its users) hears it live.
            push = by_id[card.push_id]
            await messages.post(
                session,
                department_id=card.department_id,
                kind="CARD",
                ref_id=int(card.id or 0),
                application_id=push.application_id,
                matter_name=str(push.content.get("matter_name") or ""),
            )
    return cards


def card_payload(card: EscalationCard) -> dict[str, Any]:
    return {
        "card_id": card.id,
        "push_id": card.push_id,
        "stage": card.stage.value,
        "color": card.color.value,
        "department_id": card.department_id,
        "approving_department_id": card.from_department_id,
        "list_version": card.list_version,
        "due_on": card.due_on.isoformat(),
        "limit_hours": card.limit_hours,
        "elapsed_hours": card.elapsed_hours,
        "raised_at": _aware(card.raised_at).isoformat(),
    }


async def _raised(
    session: AsyncSession, push_ids: Sequence[int]
) -> set[tuple[int, CardStage, CardColor]]:
    stmt = select(EscalationCard.push_id, EscalationCard.stage, EscalationCard.color).where(
        col(EscalationCard.push_id).in_(push_ids)
    )
    return {(int(p), CardStage(s), CardColor(c)) for p, s, c in (await session.exec(stmt)).all()}


def card_scope_clause(department_id: int | None) -> Any:
    """Cards a department sees: raised on it, or on pushes it sent (None: city-wide)."""
    if department_id is None:
        return sa.true()
    return or_(
        EscalationCard.department_id == department_id,
        EscalationCard.from_department_id == department_id,
    )
