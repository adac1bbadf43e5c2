"""Supervision business rules. No Strawberry here: tests call these directly."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core.errors import FieldIssue, ValidationFailed
from api.core.loaders import many_per_key, one_per_key
from api.supervision.models import Finding, FindingCreate

MAX_PAGE = 100


async def record_finding(*, session: AsyncSession, data: FindingCreate) -> Finding:
    issues: list[FieldIssue] = []
    if not data.summary.strip():
        issues.append(FieldIssue("summary", "REQUIRED", "请填写检查结果摘要"))
    if data.found_on > datetime.now(UTC).date():
        issues.append(FieldIssue("foundOn", "IN_FUTURE", "检查日期不能晚于今天"))
    if issues:
        raise ValidationFailed(issues)
    finding = Finding.model_validate(data, update={"summary": data.summary.strip()})
    session.add(finding)
    await session.flush()
    return finding


async def list_findings(
    *,
    session: AsyncSession,
    application_id: int | None = None,
    limit: int = MAX_PAGE,
    offset: int = 0,
) -> Sequence[Finding]:
    stmt = select(Finding)
    if application_id is not None:
        stmt = stmt.where(Finding.application_id == application_id)
    stmt = stmt.order_by(col(Finding.id)).offset(offset).limit(min(max(limit, 0), MAX_PAGE))
    return (await session.exec(stmt)).all()


async def findings_by_ids(*, session: AsyncSession, ids: Sequence[int]) -> list[Finding | None]:
    rows = (await session.exec(select(Finding).where(col(Finding.id).in_(ids)))).all()
    return one_per_key(rows, ids, lambda r: r.id)


async def findings_by_application_ids(
    *, session: AsyncSession, application_ids: Sequence[int]
) -> list[list[Finding]]:
    stmt = (
        select(Finding)
        .where(col(Finding.application_id).in_(application_ids))
        .order_by(col(Finding.id))
    )
    rows = (await session.exec(stmt)).all()
    return many_per_key(rows, application_ids, lambda r: r.application_id)
