"""Counts for the administrator's workbench (工作台): accounts locked now, policy changes."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core.clock import utcnow
from api.core.models import LoginState, PolicyVersion


async def count_locked_accounts(session: AsyncSession) -> int:
    """Accounts locked by failed sign-ins whose lock has not run out yet."""
    stmt = (
        select(sa.func.count())
        .select_from(LoginState)
        .where(col(LoginState.locked_until) > utcnow())
    )
    return int((await session.exec(stmt)).one())


async def count_policy_changes(session: AsyncSession, *, within_days: int) -> int:
    """Policy versions saved in the last ``within_days``."""
    since = utcnow() - timedelta(days=within_days)
    stmt = (
        select(sa.func.count())
        .select_from(PolicyVersion)
        .where(col(PolicyVersion.created_at) >= since)
    )
    return int((await session.exec(stmt)).one())
