"""Coordination Query fields (thin: check, call a service, map)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import date, datetime
from typing import Annotated, Any, TypeVar

import strawberry

from api.coordination import services
from api.coordination.services import actions, assessment, casefile, reports, statistics
from api.coordination.services.statistics import CITY, Period
from api.coordination.types import (
    Assessment,
    AssessmentResult,
    AssessmentScheme,
    CaseFile,
    CoordinationFile,
    CoordinationFileResult,
    Escalation,
    EscalationAction,
    EscalationActionPage,
    EscalationStatus,
    LinkageStatistics,
    LinkageStatisticsSeries,
    Meeting,
    MeetingStatus,
    StatisticsCase,
    StatisticsCases,
    StatisticsCasesResult,
    StatisticsFigure,
    StatisticsGrouping,
    StatisticsResult,
    StatisticsSeriesResult,
)
from api.core import accounts
from api.core.audit import Actor, AuditAction, record_committed
from api.core.authz import requires
from api.core.clock import utcnow
from api.core.errors import NotFoundError, ValidationFailed, parse_id
from api.core.kit import Info, lookup_id, validation_result
from api.core.scope import Scope
from api.core.stubs import Department

MAX_PERIOD_DAYS = 3 * 366
MAX_CASES = 500
AsOf = Annotated[
    date | None, strawberry.argument(description="统计时点（该日结束时；默认现在），不早于 until")
]
MIN_YEAR, MAX_YEAR = 2000, 2100
RowT = TypeVar("RowT")
NodeT = TypeVar("NodeT")


def period_of(since: date, until: date) -> Period:
    for name, day in (("since", since), ("until", until)):
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise ValidationFailed.single(
                name, "OUT_OF_RANGE", f"日期须在{MIN_YEAR}年至{MAX_YEAR}年之间"
            )
    if until < since:
        raise ValidationFailed.single("until", "INVALID_PERIOD", "截止日期不能早于起始日期")
    if (until - since).days > MAX_PERIOD_DAYS:
        raise ValidationFailed.single("until", "PERIOD_TOO_LONG", "统计期间不能超过三年")
    return Period(since, until)


async def ranking_for(
    info: Info, since: date, until: date, version: int | None, as_of: date | None
) -> assessment.Ranking:
    """The ranking as calculated at ``as_of`` (default now): its figures as of then and, unless
    a version is named, the scheme version in force then."""
    session = info.context.session
    period = period_of(since, until)
    moment = as_of_of(period, as_of)
    if version is None:
        scheme = await assessment.scheme_in_force(session=session, at=moment)
    else:
        found = await assessment.scheme_by_version(session=session, version=version)
        if found is None:
            raise ValidationFailed.single("schemeVersion", "NOT_FOUND", "考核方案版本不存在")
        scheme = found
    return await assessment.rank(session=session, period=period, scheme=scheme, as_of=moment)


async def audit_export(info: Info, target: str, detail: dict[str, Any]) -> None:
    """Exports are audited and the row committed at once (a query otherwise rolls back)."""
    await audit_read(info, AuditAction.EXPORT, target, detail)


async def audit_read(info: Info, action: AuditAction, target: str, detail: dict[str, Any]) -> None:
    ctx = info.context
    principal = ctx.principal
    await record_committed(
        ctx.session,
        actor=Actor(principal.username, principal.department_id, ctx.client_address),
        action=action,
        target=target,
        detail=detail,
    )


def as_of_of(period: Period, as_of: date | None) -> datetime:
    """The instant figures are taken at: the end of the ``asOf`` day (China time), never later
    than now; now when not given. It may not fall before the period ends."""
    now = utcnow()
    if as_of is None:
        return now
    if as_of < period.until:
        raise ValidationFailed.single("asOf", "BEFORE_PERIOD_END", "统计时点不能早于统计期间末日")
    return min(Period(as_of, as_of).end, now)


def _scope(info: Info) -> Scope:
    scope: Scope = info.context.scope
    return scope


async def _listed(
    info: Info,
    list_rows: Callable[..., Awaitable[Sequence[RowT]]],
    to_node: Callable[[RowT], NodeT],
    status: Any,
    first: int,
    offset: int,
) -> list[NodeT]:
    """One page of the rows the caller's scope sees (``list_rows``, a service listing meetings
    or escalations in ``status``), as nodes. The GraphQL status enum is the model's own."""
    rows = await list_rows(
        session=info.context.session, scope=_scope(info), status=status, limit=first, offset=offset
    )
    return [to_node(r) for r in rows]


def _statistics_scope(
    info: Info, since: date, until: date, department_id: strawberry.ID | None
) -> tuple[Period, int | None]:
    """The period and the department of a statistics request: the one asked for, else the
    city for a city-wide scope and the caller's own department otherwise. Raises
    ``ValidationFailed`` for bad input and ``NotFoundError`` for a department out of scope."""
    scope = _scope(info)
    period = period_of(since, until)
    if department_id is not None:
        dept: int | None = parse_id(department_id, "departmentId")
    else:
        dept = None if scope.city_wide else scope.department_id
    if dept is not None and not scope.covers_department(dept):
        raise NotFoundError
    return period, dept


@strawberry.type
class CoordinationQuery:
    @strawberry.field(
        description="联席会议（本部门召集或参加的；协调办为全市；每页至多100条）",
        extensions=requires("meeting", "read"),
    )
    async def meetings(
        self,
        info: Info,
        status: MeetingStatus | None = None,
        first: int = 100,
        offset: int = 0,
    ) -> list[Meeting]:
        return await _listed(info, services.list_meetings, Meeting.from_row, status, first, offset)

    @strawberry.field(description="一次联席会议", extensions=requires("meeting", "read"))
    async def meeting(self, info: Info, id: strawberry.ID) -> Meeting | None:  # noqa: A002
        meeting_id = lookup_id(id)
        if meeting_id is None:
            return None
        row = await services.get_meeting(
            session=info.context.session, scope=_scope(info), meeting_id=meeting_id
        )
        return None if row is None else Meeting.from_row(row)

    @strawberry.field(
        description="提请事项（本部门提请或涉及的；协调办为全市；每页至多100条）",
        extensions=requires("escalation", "read"),
    )
    async def escalations(
        self,
        info: Info,
        status: EscalationStatus | None = None,
        first: int = 100,
        offset: int = 0,
    ) -> list[Escalation]:
        return await _listed(
            info, services.list_escalations, Escalation.from_row, status, first, offset
        )

    @strawberry.field(description="一个提请事项", extensions=requires("escalation", "read"))
    async def escalation(self, info: Info, id: strawberry.ID) -> Escalation | None:  # noqa: A002
        escalation_id = lookup_id(id)
        if escalation_id is None:
            return None
        row = await services.get_escalation(
            session=info.context.session, scope=_scope(info), escalation_id=escalation_id
        )
        return None if row is None else Escalation.from_row(row)

    @strawberry.field(
        description=(
            "逾期的落实事项（完成时限已过仍在落实中，时限早者在前）：协调办为全市，"
            "其他部门为本部门负责的；每页至多100条"
        ),
        extensions=requires("escalation", "read"),
    )
    async def overdue_escalation_actions(
        self, info: Info, first: int = 100, offset: int = 0
    ) -> EscalationActionPage:
        total, pairs = await actions.overdue_actions(
            session=info.context.session,
            scope=_scope(info),
            limit=max(first, 0),
            offset=max(offset, 0),
        )
        return EscalationActionPage(
            total_count=total,
            items=[EscalationAction.from_row(a, escalation=e) for a, e in pairs],
        )

    @strawberry.field(
        description="下载会议纪要文件（召集部门与参会部门；其他部门为 null）",
        extensions=requires("meeting", "read"),
    )
    async def meeting_minutes_file(
        self, info: Info, meeting_id: strawberry.ID
    ) -> CoordinationFile | None:
        try:
            mid = parse_id(meeting_id, "meetingId")
        except ValidationFailed:
            return None
        found = await services.minutes_file(
            session=info.context.session, scope=_scope(info), meeting_id=mid
        )
        if found is None:
            return None
        meeting, content = found
        return CoordinationFile.from_bytes(
            meeting.minutes_file_name or "", meeting.minutes_type or "", content
        )

    @strawberry.field(description="下载提请事项的附件", extensions=requires("escalation", "read"))
    async def escalation_attachment(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
    ) -> CoordinationFile | None:
        try:
            attachment, content = await services.attachment_content(
                session=info.context.session,
                scope=_scope(info),
                attachment_id=parse_id(id, "id"),
            )
        except (NotFoundError, ValidationFailed):
            return None
        return CoordinationFile.from_bytes(attachment.filename, attachment.content_type, content)

    @strawberry.field(
        description="审管联动统计：不指定部门时，协调办为全市、其他用户为本部门",
        extensions=requires("statistics", "read"),
    )
    @validation_result
    async def linkage_statistics(
        self,
        info: Info,
        since: date,
        until: date,
        department_id: strawberry.ID | None = None,
        as_of: AsOf = None,
    ) -> StatisticsResult | None:
        try:
            period, dept = _statistics_scope(info, since, until, department_id)
            moment = as_of_of(period, as_of)
        except NotFoundError:
            return None
        figures = await statistics.compute(
            info.context.session, period, department_id=dept, as_of=moment
        )
        return LinkageStatistics.from_figures(period, figures[CITY])

    @strawberry.field(
        description=(
            "一个统计数字背后的推送或受理件（与 linkageStatistics 同一口径；每页至多500条）"
        ),
        extensions=requires("statistics", "read"),
    )
    @validation_result
    async def statistics_cases(
        self,
        info: Info,
        figure: StatisticsFigure,
        since: date,
        until: date,
        department_id: strawberry.ID | None = None,
        as_of: date | None = None,
        first: int = 100,
        offset: int = 0,
    ) -> StatisticsCasesResult | None:
        try:
            period, dept = _statistics_scope(info, since, until, department_id)
            moment = as_of_of(period, as_of)
            if not 1 <= first <= MAX_CASES:
                raise ValidationFailed.single("first", "OUT_OF_RANGE", f"每页1至{MAX_CASES}条")
            if offset < 0:
                raise ValidationFailed.single("offset", "OUT_OF_RANGE", "偏移量不能为负数")
        except NotFoundError:
            return None
        chosen = statistics.Figure(figure)
        total, rows = await statistics.cases(
            info.context.session,
            period,
            chosen,
            department_id=dept,
            as_of=moment,
            limit=first,
            offset=offset,
        )
        return StatisticsCases(
            figure=chosen,
            since=period.since,
            until=period.until,
            as_of=moment,
            department=None if dept is None else Department(id=strawberry.ID(str(dept))),
            total_count=total,
            cases=[StatisticsCase.from_row(r) for r in rows],
        )

    @strawberry.field(
        description=(
            "分部门或分月份的审管联动统计（一次分组查询）：部门用户只得到本部门，"
            "协调办为全市或所指定的部门"
        ),
        extensions=requires("statistics", "read"),
    )
    @validation_result
    async def linkage_statistics_series(
        self,
        info: Info,
        since: date,
        until: date,
        by: StatisticsGrouping,
        department_id: strawberry.ID | None = None,
        as_of: AsOf = None,
    ) -> StatisticsSeriesResult | None:
        try:
            period, dept = _statistics_scope(info, since, until, department_id)
            moment = as_of_of(period, as_of)
        except NotFoundError:
            return None
        grouping = statistics.Grouping(by)
        rows = await statistics.series(
            info.context.session, period, by=grouping, department_id=dept, as_of=moment
        )
        return LinkageStatisticsSeries.from_rows(period, grouping, dept, rows)

    @strawberry.field(
        description="分部门或分月份的审管联动统计导出为 Excel（留痕）",
        extensions=requires("statistics", "read"),
    )
    @validation_result
    async def linkage_statistics_series_workbook(
        self,
        info: Info,
        since: date,
        until: date,
        by: StatisticsGrouping,
        department_id: strawberry.ID | None = None,
    ) -> CoordinationFileResult | None:
        try:
            period, dept = _statistics_scope(info, since, until, department_id)
        except NotFoundError:
            return None
        session = info.context.session
        grouping = statistics.Grouping(by)
        rows = await statistics.series(session, period, by=grouping, department_id=dept)
        ids = {r.figures.department_id for r in rows} | {dept}
        names = await assessment.department_names(
            session=session, ids=sorted(i for i in ids if i is not None)
        )
        content = reports.series_workbook(
            rows,
            by=grouping,
            period=period,
            names=names,
            scope_name="全市" if dept is None else names[dept],
        )
        kind = "按月份" if grouping is statistics.Grouping.MONTH else "按部门"
        name = f"联动统计_{kind}_{since.isoformat()}_{until.isoformat()}.xlsx"
        await audit_export(info, name, {"by": grouping.value, "department_id": dept})
        return CoordinationFile.from_bytes(name, reports.XLSX_MEDIA_TYPE, content)

    @strawberry.field(
        description="考核方案的全部版本（新版本在前）", extensions=requires("assessment", "read")
    )
    async def assessment_schemes(self, info: Info) -> list[AssessmentScheme]:
        rows = await assessment.scheme_versions(session=info.context.session)
        return [AssessmentScheme.from_row(r) for r in rows]

    @strawberry.field(
        description="部门考核排名（默认现行方案）", extensions=requires("assessment", "read")
    )
    @validation_result
    async def assessment(
        self,
        info: Info,
        since: date,
        until: date,
        scheme_version: int | None = None,
        as_of: AsOf = None,
    ) -> AssessmentResult:
        ranking = await ranking_for(info, since, until, scheme_version, as_of)
        return Assessment.from_ranking(ranking)

    @strawberry.field(
        description="考核排名导出为 Excel（留痕）", extensions=requires("assessment", "export")
    )
    @validation_result
    async def assessment_workbook(
        self,
        info: Info,
        since: date,
        until: date,
        scheme_version: int | None = None,
        as_of: AsOf = None,
    ) -> CoordinationFileResult:
        ranking = await ranking_for(info, since, until, scheme_version, as_of)
        content = reports.workbook(ranking)
        name = reports.report_filename("排名", since, until) + ".xlsx"
        await audit_export(info, name, {"scheme_version": ranking.scheme.version})
        return CoordinationFile.from_bytes(name, reports.XLSX_MEDIA_TYPE, content)

    @strawberry.field(
        description="考核报告（PDF，含图表，供市协调小组；留痕）",
        extensions=requires("assessment", "export"),
    )
    @validation_result
    async def assessment_report(
        self,
        info: Info,
        since: date,
        until: date,
        scheme_version: int | None = None,
        as_of: AsOf = None,
    ) -> CoordinationFileResult:
        ranking = await ranking_for(info, since, until, scheme_version, as_of)
        issuer = await assessment.issuing_office(
            session=info.context.session, department_id=info.context.principal.department_id
        )
        principal = info.context.principal
        names = await accounts.display_names(
            session=info.context.session, usernames=[principal.username]
        )
        content = reports.pdf_report(
            ranking,
            generated_at=utcnow(),
            generated_by=f"{names[principal.username]}（{issuer}）",
            issuer=issuer,
        )
        name = reports.report_filename("报告", since, until) + ".pdf"
        await audit_export(info, name, {"scheme_version": ranking.scheme.version})
        return CoordinationFile.from_bytes(name, reports.PDF_MEDIA_TYPE, content)

    @strawberry.field(
        description="案卷评查：一个办件的时间线、推送、认领、反馈、信用查询和法律文书",
        extensions=requires("case_file", "read"),
    )
    async def case_file(
        self,
        info: Info,
        application_id: strawberry.ID,
    ) -> CaseFile | None:
        data = await _case(info, application_id)
        if data is None:
            return None
        if _scope(info).city_wide:
            await audit_read(
                info,
                AuditAction.CITY_WIDE_READ,
                f"case_file:{data.application.application_id}",
                {"application_id": data.application.application_id},
            )
        return CaseFile.from_data(data)

    @strawberry.field(
        description="案卷评查导出为 Excel（留痕）", extensions=requires("case_file", "read")
    )
    async def case_file_workbook(
        self,
        info: Info,
        application_id: strawberry.ID,
    ) -> CoordinationFile | None:
        data = await _case(info, application_id)
        if data is None:
            return None
        name = f"案卷_{data.application.application_id}.xlsx"
        content = casefile.workbook(data)
        await audit_export(info, name, {"application_id": data.application.application_id})
        return CoordinationFile.from_bytes(name, reports.XLSX_MEDIA_TYPE, content)


async def _case(info: Info, application_id: strawberry.ID) -> casefile.CaseFile | None:
    try:
        app_id = parse_id(application_id, "applicationId")
    except ValidationFailed:
        return None
    return await casefile.case_file(
        session=info.context.session, scope=_scope(info), application_id=app_id
    )
