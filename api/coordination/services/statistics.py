"""Linkage statistics from the fact store, aggregated in SQL, per department or city-wide.

One code path serves SQLite and PostgreSQL. Percentiles use the nearest-rank definition
(what PostgreSQL's ``percentile_disc`` returns): the smallest value whose rank ``r`` among
``n`` ordered values satisfies ``r / n >= p``. It is written with window functions
(``row_number()`` and ``count(*)`` over a partition) and integer arithmetic, so it needs no
``percentile_disc`` (PostgreSQL only) and no ``ceil`` (absent from many SQLite builds).

Periods are calendar days in China Standard Time (UTC+8), both ends included. Every
department-side measure takes the department from the role it plays: pushes sent and
acceptances by the approving department, pushes received, claims and feedback by the
receiving department, findings by the department that recorded them.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

import sqlalchemy as sa
from sqlmodel.ext.asyncio.session import AsyncSession

from api.coordination.models import ApplicationFact, FindingFact, LinkageFact, LookupFact, PushFact
from api.core.clock import utcnow

CST = timezone(timedelta(hours=8), "CST")
SPECIAL_MODES = ("MISSING_DOCUMENTS", "NOTIFY_AND_COMMIT", "GREEN_CHANNEL")
# Claim methods in report order: 推送即认领, 书面函件, 自建系统, 联席会议.
CLAIM_METHODS = ("ONLINE", "LETTER", "OWN_SYSTEM", "JOINT_MEETING")
CITY = 0  # the group key of city-wide figures

_push = PushFact.__table__  # type: ignore[attr-defined]
_app = ApplicationFact.__table__  # type: ignore[attr-defined]
_finding = FindingFact.__table__  # type: ignore[attr-defined]
_linkage = LinkageFact.__table__  # type: ignore[attr-defined]
_lookup = LookupFact.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Period:
    since: date
    until: date

    @property
    def start(self) -> datetime:
        return datetime.combine(self.since, time(), tzinfo=CST).astimezone(UTC)

    @property
    def end(self) -> datetime:
        """The first instant after the period."""
        return datetime.combine(self.until + timedelta(days=1), time(), tzinfo=CST).astimezone(UTC)


@dataclass
class ModeFigures:
    handling_mode: str
    applications: int = 0
    with_findings: int = 0
    with_abnormal_findings: int = 0


class Figure(enum.Enum):
    """A count whose cases can be listed (docs/statistics.md defines each one)."""

    PUSHES_RECEIVED = "pushes_received"
    RECEIVED_AT_ACCEPTANCE = "received_at_acceptance"
    RECEIVED_AT_COMPLETION = "received_at_completion"
    PUSHES_CLAIMED = "pushes_claimed"
    CLAIMS_DUE = "claims_due"
    CLAIMED_ON_TIME = "claimed_on_time"
    CLAIMED_LATE = "claimed_late"
    FEEDBACK_LIMITED = "feedback_limited"
    FEEDBACK_DUE = "feedback_due"
    FEEDBACK_ON_TIME = "feedback_on_time"
    CLOSED_LATE = "closed_late"
    OVERDUE = "overdue"
    OPEN_OVERDUE = "open_overdue"
    ABNORMAL_RESULTS = "abnormal_results"
    ACCEPTANCES = "acceptances"
    ACCEPTANCES_WITH_CREDIT_CHECK = "acceptances_with_credit_check"
    FACILITATION_APPLIED = "facilitation_applied"
    FACILITATION_SKIPPED = "facilitation_skipped"


def _claimed(as_of: datetime) -> Any:
    return sa.and_(_push.c.claimed_at.is_not(None), _push.c.claimed_at < as_of)


def _claimed_late(as_of: datetime) -> Any:
    return sa.and_(
        _claimed(as_of),
        _push.c.channel != "ONLINE",
        _push.c.claim_due_at.is_not(None),
        _push.c.claimed_at > _push.c.claim_due_at,
    )


def _claim_overdue(as_of: datetime) -> Any:
    return sa.and_(sa.not_(_claimed(as_of)), _push.c.claim_due_at < as_of)


def _fed_back(as_of: datetime) -> Any:
    return sa.and_(_push.c.fed_back_at.is_not(None), _push.c.fed_back_at < as_of)


def _limited() -> Any:
    return _push.c.feedback_due_at.is_not(None)


def _feedback_overdue(as_of: datetime) -> Any:
    return sa.and_(_limited(), sa.not_(_fed_back(as_of)), _push.c.feedback_due_at < as_of)


# Each push figure is one predicate over the push fact, as of an instant: the count sums it,
# the case list selects by it (one SQL path for both, on every database).
PUSH_FIGURES: dict[Figure, Any] = {
    Figure.PUSHES_RECEIVED: lambda _as_of: sa.true(),
    Figure.RECEIVED_AT_ACCEPTANCE: lambda _as_of: _push.c.stage == "ACCEPTED",
    Figure.RECEIVED_AT_COMPLETION: lambda _as_of: _push.c.stage == "COMPLETED",
    Figure.PUSHES_CLAIMED: _claimed,
    Figure.CLAIMS_DUE: lambda as_of: sa.or_(_claimed(as_of), _claim_overdue(as_of)),
    Figure.CLAIMED_ON_TIME: lambda as_of: sa.and_(_claimed(as_of), sa.not_(_claimed_late(as_of))),
    Figure.CLAIMED_LATE: _claimed_late,
    Figure.FEEDBACK_LIMITED: lambda _as_of: _limited(),
    Figure.FEEDBACK_DUE: lambda as_of: sa.and_(
        _limited(), sa.or_(_fed_back(as_of), _push.c.feedback_due_at < as_of)
    ),
    Figure.FEEDBACK_ON_TIME: lambda as_of: sa.and_(
        _limited(), _fed_back(as_of), _push.c.fed_back_at <= _push.c.feedback_due_at
    ),
    Figure.CLOSED_LATE: lambda as_of: sa.and_(
        _limited(), _fed_back(as_of), _push.c.fed_back_at > _push.c.feedback_due_at
    ),
    Figure.OVERDUE: _feedback_overdue,
    Figure.OPEN_OVERDUE: lambda as_of: sa.or_(_claim_overdue(as_of), _feedback_overdue(as_of)),
    Figure.ABNORMAL_RESULTS: lambda as_of: sa.and_(
        _fed_back(as_of), _push.c.feedback_result == "ABNORMAL_REPORTED"
    ),
}


def _credit_checked() -> Any:
    return (
        sa.select(_lookup.c.lookup_id)
        .where(_lookup.c.application_id == _app.c.application_id, _lookup.c.channel == "CHECK")
        .exists()
    )


# Application figures: acceptances in the period, by the approving department.
APPLICATION_FIGURES: dict[Figure, Any] = {
    Figure.ACCEPTANCES: lambda _as_of: sa.true(),
    Figure.ACCEPTANCES_WITH_CREDIT_CHECK: lambda _as_of: _credit_checked(),
    Figure.FACILITATION_APPLIED: lambda _as_of: _app.c.facilitation_applied > 0,
    Figure.FACILITATION_SKIPPED: lambda _as_of: _app.c.facilitation_skipped > 0,
}


@dataclass
class Figures:
    """Every measure of one department (or of the city) over one period."""

    department_id: int | None
    linkages_in_force: int = 0
    pushes_sent: int = 0
    pushes_received: int = 0
    received_at_acceptance: int = 0
    received_at_completion: int = 0
    pushes_claimed: int = 0
    # Claimed pushes by claim method (every method of CLAIM_METHODS, zero included).
    claims_by_method: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(CLAIM_METHODS, 0)
    )
    claims_due: int = 0
    claimed_on_time: int = 0
    claimed_late: int = 0
    feedback_limited: int = 0
    closed_late: int = 0
    open_overdue: int = 0
    abnormal_results: int = 0
    facilitation_applied: int = 0
    facilitation_skipped: int = 0
    claim_p50_seconds: int | None = None
    claim_p90_seconds: int | None = None
    feedback_p50_seconds: int | None = None
    feedback_p90_seconds: int | None = None
    feedback_due: int = 0
    feedback_on_time: int = 0
    overdue: int = 0
    acceptances: int = 0
    acceptances_with_credit_check: int = 0
    findings_by_kind: dict[str, int] = field(default_factory=dict)
    abnormal_findings: int = 0
    modes: dict[str, ModeFigures] = field(default_factory=dict)

    @property
    def claim_rate(self) -> float | None:
        return _ratio(self.pushes_claimed, self.pushes_received)

    @property
    def claim_on_time_rate(self) -> float | None:
        """Claimed on time ÷ claims due (claimed, or unclaimed past the claim due date)."""
        return _ratio(self.claimed_on_time, self.claims_due)

    @property
    def on_time_feedback_rate(self) -> float | None:
        return _ratio(self.feedback_on_time, self.feedback_due)

    @property
    def credit_check_rate(self) -> float | None:
        return _ratio(self.acceptances_with_credit_check, self.acceptances)

    @property
    def no_overdue_rate(self) -> float | None:
        rate = _ratio(self.overdue, self.pushes_received)
        return None if rate is None else 1.0 - rate


async def _run(session: AsyncSession, stmt: Any) -> list[tuple[Any, ...]]:
    """The rows of a Core statement, through the session (same transaction, and serialised
    with the request's other statements by ``SerialSession``)."""
    return [tuple(row) for row in (await session.execute(stmt)).all()]


def _ratio(part: int, whole: int) -> float | None:
    return None if whole == 0 else part / whole


def _group(column: Any, by_department: bool) -> Any:
    return column if by_department else sa.literal(CITY)


def _keys(column: Any, by_department: bool) -> list[Any]:
    """GROUP BY the department, or nothing extra city-wide (a constant needs no grouping)."""
    return [column] if by_department else []


def _in_scope(column: Any, department_id: int | None) -> list[Any]:
    return [] if department_id is None else [column == department_id]


def months_of(period: Period) -> list[Period]:
    """The calendar months the period touches, each clipped to the period."""
    out: list[Period] = []
    first = period.since
    while first <= period.until:
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        out.append(Period(first, min(period.until, following - timedelta(days=1))))
        first = following
    return out


class _Collector:
    def __init__(
        self,
        by_department: bool,
        department_id: int | None,
        months: list[Period] | None = None,
    ) -> None:
        self.by_department = by_department
        self.department_id = department_id
        self.months = months
        self.figures: dict[int, Figures] = {}

    def group(self, department: Any, when: Any, *, day: bool = False) -> tuple[Any, list[Any]]:
        """The group key column (labelled ``g``) of a statement and its GROUP BY terms: the
        department (``department``), the month index of ``when`` (a timestamp, or a CST date
        when ``day``), or the constant ``CITY``. Rows are already limited to the period."""
        if self.months is not None:
            return self.month_index(when, day=day).label("g"), [sa.literal_column("g")]
        if self.by_department:
            return department.label("g"), [department]
        return sa.literal(CITY).label("g"), []

    def partition(self, department: Any, when: Any) -> list[Any]:
        if self.months is not None:
            return [self.month_index(when)]
        return [department] if self.by_department else []

    def month_index(self, when: Any, *, day: bool = False) -> Any:
        assert self.months is not None  # noqa: S101 - only called when grouping by month
        last = len(self.months) - 1
        whens = [
            (when <= month.until if day else when < month.end, index)
            for index, month in enumerate(self.months)
        ]
        return sa.case(*whens, else_=last)

    def at(self, key: Any) -> Figures:
        key = int(key)
        if key not in self.figures:
            dept = key if self.by_department else self.department_id
            self.figures[key] = Figures(department_id=dept)
        return self.figures[key]


async def compute(
    session: AsyncSession,
    period: Period,
    *,
    department_id: int | None = None,
    by_department: bool = False,
    as_of: datetime | None = None,
) -> dict[int, Figures]:
    """Figures per department (``by_department``) or one entry for the scope (key ``CITY``
    when city-wide, else the department's figures under ``CITY`` as well)."""
    out = _Collector(by_department, department_id)
    if not by_department:
        out.at(CITY)
    await _linkages(session, period, out)
    await _measures(session, period, out, as_of or utcnow())
    return out.figures


async def compute_by_month(
    session: AsyncSession,
    period: Period,
    *,
    department_id: int | None = None,
    as_of: datetime | None = None,
) -> list[tuple[Period, Figures]]:
    """The figures of every calendar month of the period (clipped to it), for one department
    or city-wide; months without activity have zero figures. The same statements as
    ``compute``, grouped by the month of each measure's own date, plus one for the list
    versions."""
    months = months_of(period)
    out = _Collector(by_department=False, department_id=department_id, months=months)
    for index in range(len(months)):
        out.at(index)
    await _linkages_by_month(session, out, months)
    await _measures(session, period, out, as_of or utcnow())
    return [(month, out.figures[index]) for index, month in enumerate(months)]


async def _measures(session: AsyncSession, period: Period, out: _Collector, now: datetime) -> None:
    await _pushes(session, period, out, now)
    await _claim_methods(session, period, out)
    await _percentiles(session, period, out, "claim_seconds", "claim")
    await _percentiles(session, period, out, "feedback_seconds", "feedback")
    await _acceptances(session, period, out, now)
    await _findings(session, period, out)
    await _modes(session, period, out)


def _linkage_sides() -> Any:
    """Each linkage row once per department on it (approving, and supervising if another)."""
    return sa.union_all(
        sa.select(
            _linkage.c.approving_department_id.label("dept"),
            _linkage.c.linkage_id,
            _linkage.c.list_version,
        ),
        sa.select(
            _linkage.c.supervising_department_id.label("dept"),
            _linkage.c.linkage_id,
            _linkage.c.list_version,
        ).where(_linkage.c.supervising_department_id != _linkage.c.approving_department_id),
    ).subquery()


async def _linkages(session: AsyncSession, period: Period, out: _Collector) -> None:
    latest = (
        sa.select(sa.func.max(_linkage.c.list_version))
        .where(_linkage.c.published_at < period.end)
        .scalar_subquery()
    )
    if out.by_department or out.department_id is not None:
        sides = _linkage_sides()
        group = sides.c.dept if out.by_department else sa.literal(CITY)
        stmt = sa.select(group, sa.func.count()).where(
            sides.c.list_version == latest, *_in_scope(sides.c.dept, out.department_id)
        )
        if out.by_department:
            stmt = stmt.group_by(sides.c.dept)
        for key, count in await _run(session, stmt):
            out.at(key).linkages_in_force = int(count)
        return
    city = sa.select(sa.func.count()).where(_linkage.c.list_version == latest)
    out.at(CITY).linkages_in_force = int((await _run(session, city))[0][0])


async def _linkages_by_month(session: AsyncSession, out: _Collector, months: list[Period]) -> None:
    """Linkages in force at the end of each month: every list version published before the
    period ends with its size (one grouped statement; for one department a second counts
    its side of each version), then per month the latest version published before it ends."""
    versions = (
        sa.select(_linkage.c.list_version, sa.func.min(_linkage.c.published_at), sa.func.count())
        .where(_linkage.c.published_at < months[-1].end)
        .group_by(_linkage.c.list_version)
    )
    published: dict[int, datetime] = {}
    counts: dict[int, int] = {}
    for version, at, count in await _run(session, versions):
        published[int(version)] = _aware(at)
        counts[int(version)] = int(count)
    if out.department_id is not None and published:
        sides = _linkage_sides()
        own = (
            sa.select(sides.c.list_version, sa.func.count())
            .where(sides.c.dept == out.department_id)
            .group_by(sides.c.list_version)
        )
        counts = {int(version): int(count) for version, count in await _run(session, own)}
    for index, month in enumerate(months):
        in_force = [version for version, at in published.items() if at < month.end]
        if in_force:
            out.at(index).linkages_in_force = counts.get(max(in_force), 0)


def _aware(value: Any) -> datetime:
    """Timestamps come back naive from SQLite (stored as UTC) and aware from PostgreSQL."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _period_pushes(period: Period) -> list[Any]:
    return [_push.c.created_at >= period.start, _push.c.created_at < period.end]


async def _pushes(session: AsyncSession, period: Period, out: _Collector, now: datetime) -> None:
    # Sent: by the approving department of the pushed application.
    joined = _push.join(_app, _app.c.application_id == _push.c.application_id)
    group, keys = out.group(_app.c.approving_department_id, _push.c.created_at)
    sent = (
        sa.select(group, sa.func.count())
        .select_from(joined)
        .where(
            *_period_pushes(period), *_in_scope(_app.c.approving_department_id, out.department_id)
        )
        .group_by(*keys)
    )
    for key, count in await _run(session, sent):
        out.at(key).pushes_sent = int(count)

    # Every push figure: by the receiving department, one sum per predicate.
    group, keys = out.group(_push.c.department_id, _push.c.created_at)
    figures_of = list(PUSH_FIGURES)
    received = (
        sa.select(
            group,
            *(sa.func.sum(sa.case((PUSH_FIGURES[f](now), 1), else_=0)) for f in figures_of),
        )
        .where(*_period_pushes(period), *_in_scope(_push.c.department_id, out.department_id))
        .group_by(*keys)
    )
    for key, *counts in await _run(session, received):
        figures = out.at(key)
        for figure, count in zip(figures_of, counts, strict=True):
            setattr(figures, figure.value, int(count or 0))
    if not out.by_department and out.department_id is None:
        # City-wide every push is both sent and received.
        for figures in out.figures.values():
            figures.pushes_sent = figures.pushes_received


async def _claim_methods(session: AsyncSession, period: Period, out: _Collector) -> None:
    """Claims of the period's pushes by method, by the receiving department. A fact from
    before the method was recorded counts under its channel (an online one: 推送即认领)."""
    method = sa.func.coalesce(_push.c.claim_method, _push.c.channel)
    group, keys = out.group(_push.c.department_id, _push.c.created_at)
    stmt = (
        sa.select(group, method, sa.func.count())
        .where(
            _push.c.claimed_at.is_not(None),
            *_period_pushes(period),
            *_in_scope(_push.c.department_id, out.department_id),
        )
        .group_by(*keys, method)
    )
    for key, name, count in await _run(session, stmt):
        if name is not None:
            counts = out.at(key).claims_by_method
            counts[str(name)] = counts.get(str(name), 0) + int(count)


async def _percentiles(
    session: AsyncSession, period: Period, out: _Collector, column: str, prefix: str
) -> None:
    value = _push.c[column]
    group, _ = out.group(_push.c.department_id, _push.c.created_at)
    partition = out.partition(_push.c.department_id, _push.c.created_at)
    ranked = (
        sa.select(
            group,
            value.label("v"),
            sa.func.row_number().over(partition_by=partition, order_by=value).label("rn"),
            sa.func.count().over(partition_by=partition).label("n"),
        )
        .where(
            value.is_not(None),
            *_period_pushes(period),
            *_in_scope(_push.c.department_id, out.department_id),
        )
        .subquery()
    )

    def nearest_rank(percent: int) -> Any:
        return sa.func.min(sa.case((ranked.c.rn * 100 >= percent * ranked.c.n, ranked.c.v)))

    stmt = sa.select(ranked.c.g, nearest_rank(50), nearest_rank(90)).group_by(ranked.c.g)
    for key, p50, p90 in await _run(session, stmt):
        figures = out.at(key)
        setattr(figures, f"{prefix}_p50_seconds", int(p50))
        setattr(figures, f"{prefix}_p90_seconds", int(p90))


def _period_acceptances(period: Period, department_id: int | None) -> list[Any]:
    return [
        _app.c.accepted_at >= period.start,
        _app.c.accepted_at < period.end,
        *_in_scope(_app.c.approving_department_id, department_id),
    ]


async def _acceptances(
    session: AsyncSession, period: Period, out: _Collector, now: datetime
) -> None:
    group, keys = out.group(_app.c.approving_department_id, _app.c.accepted_at)
    figures_of = list(APPLICATION_FIGURES)
    stmt = (
        sa.select(
            group,
            *(sa.func.sum(sa.case((APPLICATION_FIGURES[f](now), 1), else_=0)) for f in figures_of),
        )
        .where(*_period_acceptances(period, out.department_id))
        .group_by(*keys)
    )
    for key, *counts in await _run(session, stmt):
        figures = out.at(key)
        for figure, count in zip(figures_of, counts, strict=True):
            setattr(figures, figure.value, int(count or 0))


async def _findings(session: AsyncSession, period: Period, out: _Collector) -> None:
    group, keys = out.group(_finding.c.department_id, _finding.c.found_on, day=True)
    stmt = (
        sa.select(
            group,
            _finding.c.kind,
            sa.func.count(),
            sa.func.sum(sa.case((_finding.c.abnormal.is_(True), 1), else_=0)),
        )
        .where(
            _finding.c.found_on >= period.since,
            _finding.c.found_on <= period.until,
            *_in_scope(_finding.c.department_id, out.department_id),
        )
        .group_by(*keys, _finding.c.kind)
    )
    by_key: dict[int, dict[str, int]] = defaultdict(dict)
    for key, kind, count, abnormal in await _run(session, stmt):
        figures = out.at(key)
        by_key[int(key)][str(kind)] = int(count)
        figures.abnormal_findings += int(abnormal or 0)
    for key, kinds in by_key.items():
        out.at(key).findings_by_kind = dict(sorted(kinds.items()))


async def _modes(session: AsyncSession, period: Period, out: _Collector) -> None:
    def finding_exists(*extra: Any) -> Any:
        return (
            sa.select(_finding.c.finding_id)
            .where(_finding.c.application_id == _app.c.application_id, *extra)
            .exists()
        )

    group, keys = out.group(_app.c.approving_department_id, _app.c.accepted_at)
    stmt = (
        sa.select(
            group,
            _app.c.handling_mode,
            sa.func.count(),
            sa.func.sum(sa.case((finding_exists(), 1), else_=0)),
            sa.func.sum(sa.case((finding_exists(_finding.c.abnormal.is_(True)), 1), else_=0)),
        )
        .where(
            *_period_acceptances(period, out.department_id),
            _app.c.handling_mode.in_(SPECIAL_MODES),
        )
        .group_by(*keys, _app.c.handling_mode)
    )
    for key, mode, count, with_findings, abnormal in await _run(session, stmt):
        out.at(key).modes[str(mode)] = ModeFigures(
            handling_mode=str(mode),
            applications=int(count),
            with_findings=int(with_findings or 0),
            with_abnormal_findings=int(abnormal or 0),
        )


class Grouping(enum.Enum):
    DEPARTMENT = "DEPARTMENT"
    MONTH = "MONTH"


@dataclass(frozen=True)
class SeriesRow:
    period: Period
    figures: Figures


async def series(
    session: AsyncSession,
    period: Period,
    *,
    by: Grouping,
    department_id: int | None = None,
    as_of: datetime | None = None,
) -> list[SeriesRow]:
    """The period's figures by department (those with any activity or linkage, by id; only
    ``department_id`` when given) or by calendar month (every month, oldest first)."""
    if by is Grouping.MONTH:
        months = await compute_by_month(session, period, department_id=department_id, as_of=as_of)
        return [SeriesRow(month, figures) for month, figures in months]
    figures = await compute(
        session, period, department_id=department_id, by_department=True, as_of=as_of
    )
    return [SeriesRow(period, figures[key]) for key in sorted(figures)]


@dataclass(frozen=True)
class CaseRow:
    """One push (push figures) or one application (acceptance figures) behind a figure."""

    application_id: int | None
    push_id: int | None
    department_id: int | None
    stage: str | None = None
    channel: str | None = None
    at: datetime | None = None  # pushed (push figures) or accepted (acceptance figures)
    claim_due_at: datetime | None = None
    claimed_at: datetime | None = None
    feedback_due_at: datetime | None = None
    fed_back_at: datetime | None = None
    feedback_result: str | None = None
    handling_mode: str | None = None


def _optional(value: Any) -> datetime | None:
    return None if value is None else _aware(value)


async def cases(
    session: AsyncSession,
    period: Period,
    figure: Figure,
    *,
    department_id: int | None,
    as_of: datetime | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[int, list[CaseRow]]:
    """The pushes or applications a figure counts, with the same predicate and period as the
    count (``compute``), oldest first; and how many there are in all."""
    now = as_of or utcnow()
    if figure in PUSH_FIGURES:
        where = [
            *_period_pushes(period),
            *_in_scope(_push.c.department_id, department_id),
            PUSH_FIGURES[figure](now),
        ]
        total = sa.select(sa.func.count()).select_from(_push).where(*where)
        stmt = (
            sa.select(
                _push.c.application_id,
                _push.c.push_id,
                _push.c.department_id,
                _push.c.stage,
                _push.c.channel,
                _push.c.created_at,
                _push.c.claim_due_at,
                _push.c.claimed_at,
                _push.c.feedback_due_at,
                _push.c.fed_back_at,
                _push.c.feedback_result,
            )
            .where(*where)
            .order_by(_push.c.created_at, _push.c.push_id)
            .limit(limit)
            .offset(offset)
        )
        rows = [
            CaseRow(
                application_id=app_id,
                push_id=push_id,
                department_id=dept,
                stage=stage,
                channel=channel,
                at=_optional(created),
                claim_due_at=_optional(claim_due),
                claimed_at=_optional(claimed),
                feedback_due_at=_optional(feedback_due),
                fed_back_at=_optional(fed_back),
                feedback_result=result,
            )
            for (
                app_id,
                push_id,
                dept,
                stage,
                channel,
                created,
                claim_due,
                claimed,
                feedback_due,
                fed_back,
                result,
            ) in await _run(session, stmt)
        ]
    else:
        where = [*_period_acceptances(period, department_id), APPLICATION_FIGURES[figure](now)]
        total = sa.select(sa.func.count()).select_from(_app).where(*where)
        stmt = (
            sa.select(
                _app.c.application_id,
                _app.c.approving_department_id,
                _app.c.accepted_at,
                _app.c.handling_mode,
            )
            .where(*where)
            .order_by(_app.c.accepted_at, _app.c.application_id)
            .limit(limit)
            .offset(offset)
        )
        rows = [
            CaseRow(
                application_id=app_id,
                push_id=None,
                department_id=dept,
                at=_optional(accepted),
                handling_mode=mode,
            )
            for app_id, dept, accepted, mode in await _run(session, stmt)
        ]
    count = int((await _run(session, total))[0][0])
    return count, rows
