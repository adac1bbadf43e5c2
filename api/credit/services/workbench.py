"""Counts for the credit officer's workbench (工作台): joint punishments about to end (to be
extended or left to lapse), credit records about to expire, rule sets published lately.

Credit data is city-wide (no department scope); one statement per count."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core.clock import local_today, utcnow
from api.credit.models import CreditRecord, JointPunishment, RecordStatus, RuleSetVersion


def punishment_ending_conditions(within_days: int) -> list[sa.ColumnElement[bool]]:
    """Joint punishments in force today whose end date falls within ``within_days``: what the
    count counts and the punishments list filters on (its tile clicks through to it)."""
    today = local_today()
    return [
        col(JointPunishment.revoked_at).is_(None),
        col(JointPunishment.starts_on) <= today,
        col(JointPunishment.ends_on) >= today,
        col(JointPunishment.ends_on) <= today + timedelta(days=within_days),
    ]


def record_expiring_conditions(within_days: int) -> list[sa.ColumnElement[bool]]:
    """Active credit records whose validity ends within ``within_days`` (from today): what the
    count counts and the subjects list filters on."""
    today = local_today()
    return [
        col(CreditRecord.status) == RecordStatus.ACTIVE,
        col(CreditRecord.valid_until) >= today,
        col(CreditRecord.valid_until) <= today + timedelta(days=within_days),
    ]


async def count_punishments_ending(*, session: AsyncSession, within_days: int) -> int:
    """Joint punishments in force today whose end date falls within ``within_days``."""
    stmt = (
        select(sa.func.count())
        .select_from(JointPunishment)
        .where(*punishment_ending_conditions(within_days))
    )
    return int((await session.exec(stmt)).one())


async def count_records_expiring(*, session: AsyncSession, within_days: int) -> int:
    """Active credit records whose validity ends within ``within_days`` (from today)."""
    stmt = (
        select(sa.func.count())
        .select_from(CreditRecord)
        .where(*record_expiring_conditions(within_days))
    )
    return int((await session.exec(stmt)).one())


async def count_rule_changes(*, session: AsyncSession, within_days: int) -> int:
    """Determination rule sets published in the last ``within_days``."""
    since = utcnow() - timedelta(days=within_days)
    stmt = (
        select(sa.func.count())
        .select_from(RuleSetVersion)
        .where(col(RuleSetVersion.published_at) >= since)
    )
    return int((await session.exec(stmt)).one())
