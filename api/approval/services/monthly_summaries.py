"""Stored monthly summaries (月度汇总) a department may read."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import (
    MonthlySummary,
)
from api.core.pagination import MAX_PAGE
from api.core.scope import Scope


async def monthly_summaries(session: AsyncSession, scope: Scope) -> Sequence[MonthlySummary]:
    """Newest first; a department sees its own, the coordination office every one (≤ 100)."""
    stmt = select(MonthlySummary).order_by(col(MonthlySummary.id).desc()).limit(MAX_PAGE)
    if not scope.city_wide:
        stmt = stmt.where(MonthlySummary.department_id == scope.department_id)
    return (await session.exec(stmt)).all()


async def monthly_summary(
    session: AsyncSession, summary_id: int, scope: Scope
) -> MonthlySummary | None:
    row = await session.get(MonthlySummary, summary_id)
    if row is None or not scope.covers_department(row.department_id):
        return None
    return row
