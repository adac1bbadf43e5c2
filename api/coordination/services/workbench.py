"""Counts for the workbench (工作台): escalations waiting at a step, meetings coming up.

One statement per count, scoped like the list it clicks through to (``escalations``,
``meetings``): the coordination office city-wide, anyone else its own department's."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.coordination.models import Escalation, EscalationStatus, Meeting, MeetingStatus
from api.coordination.services import _visible_escalations, _visible_meetings
from api.core.clock import utcnow
from api.core.scope import Scope


async def count_escalations(
    *, session: AsyncSession, scope: Scope, status: EscalationStatus | None = None
) -> int:
    """Escalations in scope (optionally at one status): what ``escalations`` would list."""
    stmt = select(sa.func.count()).select_from(Escalation).where(*_visible_escalations(scope))
    if status is not None:
        stmt = stmt.where(Escalation.status == status)
    return int((await session.exec(stmt)).one())


async def count_meetings_due(*, session: AsyncSession, scope: Scope, within_days: int) -> int:
    """Joint meetings still planned (not yet held) that are scheduled before ``within_days``
    from now, including those whose date has passed without minutes."""
    horizon = utcnow() + timedelta(days=within_days)
    stmt = (
        select(sa.func.count())
        .select_from(Meeting)
        .where(
            *_visible_meetings(scope),
            Meeting.status == MeetingStatus.PLANNED,
            col(Meeting.scheduled_at) < horizon,
        )
    )
    return int((await session.exec(stmt)).one())
