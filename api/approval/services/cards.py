"""Yellow and red cards (黄牌/红牌) as lists."""

from __future__ import annotations

from collections.abc import Sequence

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
from api.approval.services.escalation import card_scope_clause
from api.core.loaders import fetch_many_per_key
from api.core.pagination import MAX_PAGE, keyset_page
from api.core.pagination import KeysetPage as Page
from api.core.scope import Scope


async def cards_by_push_ids(
    *, session: AsyncSession, ids: Sequence[int]
) -> list[list[EscalationCard]]:
    return await fetch_many_per_key(
        session, EscalationCard, EscalationCard.push_id, ids, order_by=[col(EscalationCard.id)]
    )


async def escalation_cards(
    *,
    session: AsyncSession,
    scope: Scope,
    color: CardColor | None = None,
    department_id: int | None = None,
    first: int = MAX_PAGE,
    after: int | None = None,
) -> Page[EscalationCard]:
    """Card history (考核): a department sees cards on itself or on pushes it sent."""
    stmt = select(EscalationCard).where(
        card_scope_clause(None if scope.city_wide else scope.department_id)
    )
    if color is not None:
        stmt = stmt.where(EscalationCard.color == color)
    if department_id is not None:
        stmt = stmt.where(EscalationCard.department_id == department_id)
    return await keyset_page(session, stmt, col(EscalationCard.id), first=first, after=after)


async def red_card_board(
    *,
    session: AsyncSession,
    open_only: bool = True,
    first: int = MAX_PAGE,
    after: int | None = None,
) -> Page[EscalationCard]:
    """The coordination office's board: red cards city-wide (by default only still open ones)."""
    stmt = select(EscalationCard).where(EscalationCard.color == CardColor.RED)
    if open_only:
        still_open = select(Push.id).where(
            or_(
                sa.and_(
                    col(Push.state) == PushState.AWAITING_CLAIM,
                    col(Push.id) == EscalationCard.push_id,
                    col(EscalationCard.stage) == CardStage.CLAIM,
                ),
                sa.and_(
                    col(Push.feedback_state) == FeedbackState.OPEN,
                    col(Push.id) == EscalationCard.push_id,
                    col(EscalationCard.stage) == CardStage.FEEDBACK,
                ),
            )
        )
        stmt = stmt.where(sa.exists(still_open))
    return await keyset_page(session, stmt, col(EscalationCard.id), first=first, after=after)
