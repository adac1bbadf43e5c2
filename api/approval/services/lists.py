"""Lists and inboxes: applications, received pushes and feedback, overdue pushes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import col, or_, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import (
    Application,
    ApplicationStatus,
    Feedback,
    FeedbackState,
    Push,
    PushState,
)
from api.approval.models.facilitation import ItemState, MissingItem
from api.approval.services.common import application_scope, push_scope
from api.core import events
from api.core.clock import (
    LOCAL_TZ,
    local_date,
    local_today,
)
from api.core.pagination import MAX_PAGE, keyset_page
from api.core.pagination import KeysetPage as Page
from api.core.scope import Scope


async def list_applications(
    *,
    session: AsyncSession,
    scope: Scope | None = None,
    matter_id: int | None = None,
    status: ApplicationStatus | None = None,
    applicant: str | None = None,
    applicant_code: str | None = None,
    submitted_since: date | None = None,
    submitted_until: date | None = None,
    missing_items_outstanding: bool = False,
    newest_first: bool = False,
    limit: int = MAX_PAGE,
    offset: int = 0,
) -> Sequence[Application]:
    """Applications in scope, filtered as the console's query form asks: the applicant's name
    (contains), its code (exact), the Asia/Shanghai days of submission (inclusive), and (for the
    workbench's 容缺待补正材料) those with a 容缺 material still outstanding."""
    stmt = select(Application)
    if scope is not None:
        stmt = stmt.where(application_scope(scope))
    if matter_id is not None:
        stmt = stmt.where(Application.matter_id == matter_id)
    if status is not None:
        stmt = stmt.where(Application.status == status)
    if applicant and applicant.strip():
        stmt = stmt.where(col(Application.applicant_name).contains(applicant.strip()))
    if applicant_code and applicant_code.strip():
        stmt = stmt.where(Application.applicant_code == applicant_code.strip().upper())
    if submitted_since is not None:
        stmt = stmt.where(col(Application.submitted_at) >= local_midnight(submitted_since))
    if submitted_until is not None:
        next_day = local_midnight(submitted_until + timedelta(days=1))
        stmt = stmt.where(col(Application.submitted_at) < next_day)
    if missing_items_outstanding:
        waiting = select(MissingItem.application_id).where(
            col(MissingItem.state) == ItemState.OUTSTANDING
        )
        stmt = stmt.where(col(Application.id).in_(waiting))
    order = col(Application.id).desc() if newest_first else col(Application.id)
    stmt = stmt.order_by(order).offset(max(offset, 0))
    return (await session.exec(stmt.limit(min(max(limit, 0), MAX_PAGE)))).all()


def local_midnight(day: date) -> datetime:
    """The first moment of an Asia/Shanghai day, in UTC."""
    return datetime.combine(day, time(0), tzinfo=LOCAL_TZ).astimezone(UTC)


def application_number_of(application_id: int, submitted_at: datetime) -> str:
    """The 办件编号 people read and say: SP, the Asia/Shanghai day of submission, a serial."""
    return f"SP{local_date(submitted_at):%Y%m%d}{application_id:06d}"


def overdue_clause(today: date) -> Any:
    return or_(
        sa.and_(col(Push.state) == PushState.AWAITING_CLAIM, col(Push.claim_due) < today),
        sa.and_(col(Push.feedback_state) == FeedbackState.OPEN, col(Push.feedback_due) < today),
    )


async def received_feedback(
    *,
    session: AsyncSession,
    department_id: int,
    abnormal: bool | None = None,
    first: int = MAX_PAGE,
    after: int | None = None,
) -> Page[Feedback]:
    stmt = select(Feedback).where(Feedback.to_department_id == department_id)
    if abnormal is not None:
        stmt = stmt.where(Feedback.abnormal == abnormal)
    return await keyset_page(session, stmt, col(Feedback.id), first=first, after=after)


async def overdue_pushes(
    *,
    session: AsyncSession,
    scope: Scope,
    today: date | None = None,
    first: int = MAX_PAGE,
    after: int | None = None,
) -> Page[Push]:
    stmt = select(Push).where(overdue_clause(today or local_today()), push_scope(scope))
    return await keyset_page(session, stmt, col(Push.id), first=first, after=after)


async def emit_overdue_reminders(session: AsyncSession, today: date) -> int:
    """Daily: one reminder event per overdue push (the SMS handler sends it once per day)."""
    stmt = select(Push).where(overdue_clause(today)).order_by(col(Push.id))
    pushes = (await session.exec(stmt)).all()
    for push in pushes:
        await events.emit(
            session,
            topic="approval.push.overdue",
            key=f"{push.id}:{today.isoformat()}",
            payload={
                "push_id": push.id,
                "department_id": push.department_id,
                "day": today.isoformat(),
                "claim_overdue": push.state == PushState.AWAITING_CLAIM,
            },
        )
    return len(pushes)
