"""Assessment (考核): a versioned scoring scheme ranks departments per period.

A scheme is weights per indicator; the coordination office publishes a new version to change
them (earlier versions stay, so a past ranking can be reproduced). Without a version named, a
ranking uses the version in force at its calculation time (``as_of``): the weights of its day.
Each indicator is a rate in [0, 1] where higher is better; a department's score is the
weighted mean of the indicators it has data for, times 100 (an indicator without data — no
pushes received, no acceptances — neither helps nor hurts). Departments without any
indicator rank last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.coordination.models import DepartmentFact, SchemeVersion
from api.coordination.services import statistics
from api.coordination.services.statistics import Figures, Period
from api.core.clock import utcnow
from api.core.errors import FieldIssue, ValidationFailed

INDICATORS: Final = {
    "claim_on_time_rate": "按时认领率",
    "claim_rate": "认领率",
    "on_time_feedback_rate": "按时反馈率",
    "credit_check_rate": "受理信用核查率",
    "no_overdue_rate": "无逾期率",
}
# The built-in version 0 scores the on-time rates (docs/statistics.md); the plain claim rate
# stays an indicator a published version may weigh.
DEFAULT_WEIGHTS: Final = {
    "claim_on_time_rate": 30.0,
    "claim_rate": 0.0,
    "on_time_feedback_rate": 30.0,
    "credit_check_rate": 20.0,
    "no_overdue_rate": 20.0,
}
MAX_WEIGHT: Final = 1000.0


def indicator_value(figures: Figures, indicator: str) -> float | None:
    value: float | None = getattr(figures, indicator)
    return value


@dataclass(frozen=True)
class RankedDepartment:
    rank: int
    department_id: int
    department_name: str
    score: float | None
    values: dict[str, float | None]
    figures: Figures


@dataclass(frozen=True)
class Ranking:
    period: Period
    scheme: SchemeVersion
    rows: list[RankedDepartment]
    calculated_at: datetime  # the instant the figures are taken at (statistics ``as_of``)


def score(values: dict[str, float | None], weights: dict[str, float]) -> float | None:
    present = [(weights[k], v) for k, v in values.items() if v is not None and weights.get(k)]
    total = sum(w for w, _ in present)
    if total == 0:
        return None
    return round(100.0 * sum(w * v for w, v in present) / total, 2)


async def current_scheme(*, session: AsyncSession) -> SchemeVersion:
    """The latest version; version 1 with the default weights when none was published."""
    stmt = select(SchemeVersion).order_by(col(SchemeVersion.version).desc()).limit(1)
    latest = (await session.exec(stmt)).first()
    if latest is not None:
        return latest
    return SchemeVersion(
        version=0, weights=dict(DEFAULT_WEIGHTS), note="默认方案", created_by="system"
    )


async def scheme_in_force(*, session: AsyncSession, at: datetime) -> SchemeVersion:
    """The latest version published by ``at``; the built-in default before any."""
    stmt = (
        select(SchemeVersion)
        .where(col(SchemeVersion.created_at) <= at)
        .order_by(col(SchemeVersion.version).desc())
        .limit(1)
    )
    found = (await session.exec(stmt)).first()
    if found is not None:
        return found
    return SchemeVersion(
        version=0, weights=dict(DEFAULT_WEIGHTS), note="默认方案", created_by="system"
    )


async def scheme_versions(*, session: AsyncSession) -> Sequence[SchemeVersion]:
    stmt = select(SchemeVersion).order_by(col(SchemeVersion.version).desc())
    return (await session.exec(stmt)).all()


async def scheme_by_version(*, session: AsyncSession, version: int) -> SchemeVersion | None:
    stmt = select(SchemeVersion).where(SchemeVersion.version == version)
    return (await session.exec(stmt)).first()


async def publish_scheme(
    *, session: AsyncSession, weights: dict[str, float], note: str, actor: str
) -> SchemeVersion:
    issues = [
        FieldIssue("weights", "UNKNOWN_INDICATOR", f"未知指标：{name}")
        for name in weights
        if name not in INDICATORS
    ]
    issues += [
        FieldIssue("weights", "INVALID_WEIGHT", f"权重须在0至{MAX_WEIGHT:g}之间：{name}")
        for name, weight in weights.items()
        if not 0 <= weight <= MAX_WEIGHT
    ]
    if not issues and sum(weights.values()) <= 0:
        issues.append(FieldIssue("weights", "NO_WEIGHT", "至少一个指标的权重须大于0"))
    if len(note) > 500:  # noqa: PLR2004
        issues.append(FieldIssue("note", "TOO_LONG", "说明不能超过500字"))
    if issues:
        raise ValidationFailed(issues)
    previous = await current_scheme(session=session)
    row = SchemeVersion(
        version=previous.version + 1,
        weights={name: float(weights.get(name, 0.0)) for name in INDICATORS},
        note=note.strip(),
        created_by=actor,
    )
    session.add(row)
    await session.flush()
    return row


async def department_names(*, session: AsyncSession, ids: Sequence[int]) -> dict[int, str]:
    stmt = select(DepartmentFact).where(col(DepartmentFact.department_id).in_(list(ids)))
    names = {d.department_id: d.name for d in (await session.exec(stmt)).all()}
    return {i: names.get(i, f"部门{i}") for i in ids}


async def issuing_office(*, session: AsyncSession, department_id: str) -> str:
    """The department a report is issued by: the one the caller acts for (the office), by
    name when a published list named it, otherwise the configured issuing office — never an
    internal number."""
    from api.core.config import get_settings  # noqa: PLC0415 - settings read per call

    if department_id.isdigit():
        known = await session.get(DepartmentFact, int(department_id))
        if known is not None:
            return known.name
    return get_settings().assessment_issuer


async def rank(
    *,
    session: AsyncSession,
    period: Period,
    scheme: SchemeVersion,
    as_of: datetime | None = None,
) -> Ranking:
    moment = as_of or utcnow()
    figures = await statistics.compute(session, period, by_department=True, as_of=moment)
    names = await department_names(session=session, ids=sorted(figures))
    scored = []
    for dept_id, fig in figures.items():
        values = {name: indicator_value(fig, name) for name in INDICATORS}
        scored.append((score(values, scheme.weights), dept_id, values, fig))
    scored.sort(key=lambda s: (s[0] is None, -(s[0] or 0.0), s[1]))
    rows = [
        RankedDepartment(
            rank=position,
            department_id=dept_id,
            department_name=names[dept_id],
            score=value,
            values=values,
            figures=fig,
        )
        for position, (value, dept_id, values, fig) in enumerate(scored, start=1)
    ]
    return Ranking(period=period, scheme=scheme, rows=rows, calculated_at=moment)
