"""Audited credit lookups: the subject query, the acceptance check, exports; the lookup log.

Every lookup states a purpose (and, where it serves one, the application) and writes a
``credit_lookup_log`` row that is committed at once: a lookup is on record even when the
rest of the request fails, and even though it is a read. The log is listed per application
(案卷评查) and per department (考核), and exported to a spreadsheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import bindparam, insert, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from api.core import accounts, events
from api.core.auth import Principal
from api.core.clock import LOCAL_TZ, utcnow
from api.core.credit_ticket import CreditTicket, sign_ticket
from api.core.errors import FieldIssue, ValidationFailed
from api.core.scope import Scope
from api.core.tracking_ticket import PURPOSE as TRACKING_PURPOSE
from api.credit import services
from api.credit.models import CreditRecord, LookupChannel, LookupLog, RecordCategory, Subject
from api.credit.services import determination, identity, spreadsheets
from api.credit.services.determination import Assessment, ModeDecision

MAX_PAGE = 100
LOOKUP_TOPIC = "credit.lookup.recorded"
MAX_EXPORT_ROWS = 10_000
MAX_EXPORT_SUBJECTS = 100

CHANNEL_LABELS = {
    LookupChannel.QUERY: "信用查询",
    LookupChannel.CHECK: "受理核查",
    LookupChannel.EXPORT: "导出",
    LookupChannel.BROWSE: "浏览",
    LookupChannel.TRACKING: "办件跟踪",
}


@dataclass(frozen=True)
class LookupRequest:
    principal: Principal
    purpose: str | None
    application_id: int | None = None


@dataclass(frozen=True)
class CheckOutcome:
    lookup: LookupLog
    subject: Subject | None
    assessment: Assessment
    modes: list[ModeDecision]
    ticket: str


def _purpose_issues(purpose: str | None) -> list[FieldIssue]:
    if purpose is None or not purpose.strip():
        return [FieldIssue("purpose", "PURPOSE_REQUIRED", "查询信用信息须说明查询目的")]
    if len(purpose.strip()) > 300:  # noqa: PLR2004
        return [FieldIssue("purpose", "TOO_LONG", "查询目的不能超过300字")]
    return []


async def _log(
    session: AsyncSession,
    request: LookupRequest,
    subject_codes: Sequence[str],
    channel: LookupChannel,
) -> list[LookupLog]:
    rows = [
        LookupLog(
            user_id=request.principal.user_id,
            username=request.principal.username,
            department_id=int(request.principal.department_id),
            subject_code=code,
            purpose=(request.purpose or "").strip(),
            application_id=request.application_id,
            channel=channel,
        )
        for code in subject_codes
    ]
    if request.application_id is not None:
        number = await _known_application_number(session, request.application_id)
        for row in rows:
            row.application_number = number
    session.add_all(rows)
    await session.flush()
    for row in rows:
        if row.application_id is not None:
            # Case-file review and assessment (coordination) count lookups per application.
            await events.emit(
                session,
                topic=LOOKUP_TOPIC,
                key=str(row.id),
                payload={
                    "lookup_id": row.id,
                    "application_id": row.application_id,
                    "department_id": row.department_id,
                    "subject_code": row.subject_code,
                    "channel": row.channel.value,
                    "purpose": row.purpose,
                    "looked_up_at": row.looked_up_at.isoformat(),
                },
            )
    # Committed now: the lookup stays on record whatever happens to the rest of the request.
    await session.commit()
    return rows


async def _log_many(
    session: AsyncSession,
    request: LookupRequest,
    subject_codes: Sequence[str],
    channel: LookupChannel,
) -> None:
    """Many rows in one statement (executemany); committed at once like every lookup."""
    now = utcnow()
    await session.exec(
        insert(LookupLog),
        params=[
            {
                "user_id": request.principal.user_id,
                "username": request.principal.username,
                "department_id": int(request.principal.department_id),
                "subject_code": code,
                "purpose": (request.purpose or "").strip(),
                "application_id": request.application_id,
                "channel": channel,
                "looked_up_at": now,
            }
            for code in subject_codes
        ],
    )
    await session.commit()


async def log_browse(
    *, session: AsyncSession, principal: Principal, subject_codes: Sequence[str]
) -> None:
    """Credit data read through the federated graph (credit and coordination users only)."""
    await _log_many(session, LookupRequest(principal, None), subject_codes, LookupChannel.BROWSE)


async def log_tracking(
    *, session: AsyncSession, principal: Principal, items: Sequence[tuple[int, str]]
) -> None:
    """Applicants' current credit read while following applications (办件跟踪): one row per
    (application, subject), purpose 办件跟踪, announced like every lookup naming an application."""
    for application_id, code in items:
        request = LookupRequest(principal, TRACKING_PURPOSE, application_id)
        await _log(session, request, [code], LookupChannel.TRACKING)


async def look_up_subject(
    *, session: AsyncSession, request: LookupRequest, code: str | None
) -> tuple[LookupLog, Subject | None]:
    issues = _purpose_issues(request.purpose)
    key = identity.checked_subject_key(code, "creditCode", issues)
    if issues:
        raise ValidationFailed(issues)
    assert key is not None  # noqa: S101 - checked above
    (row,) = await _log(session, request, [key], LookupChannel.QUERY)
    return row, await session.get(Subject, key)


async def credit_check(
    *,
    session: AsyncSession,
    request: LookupRequest,
    subject_code: str | None,
    today: date | None = None,
) -> CheckOutcome:
    """The acceptance check: level, list entries, explanation, admitted modes, a signed ticket."""
    issues = _purpose_issues(request.purpose)
    if request.application_id is None:
        issues.append(FieldIssue("applicationId", "REQUIRED", "请指明本次核查服务的办件"))
    key = identity.checked_subject_key(subject_code, "subjectCode", issues)
    if issues:
        raise ValidationFailed(issues)
    assert key is not None  # noqa: S101 - checked above
    assert request.application_id is not None  # noqa: S101 - checked above
    (lookup,) = await _log(session, request, [key], LookupChannel.CHECK)
    (assessment,) = await determination.refresh(session=session, codes=[key], today=today)
    await session.commit()  # a determination that moved is stored (and its event emitted)
    policy = await determination.handling_policy(session)
    breach_rows = (
        await session.exec(
            select(CreditRecord).where(
                CreditRecord.subject_code == key,
                CreditRecord.category == RecordCategory.COMMITMENT_BREACH,
            )
        )
    ).all()
    breaches = determination.commitment_breaches(breach_rows, assessment.determined_on)
    modes = determination.decide_modes(assessment, policy, breaches)
    assert lookup.id is not None  # noqa: S101 - flushed rows have ids
    ticket = sign_ticket(
        CreditTicket(
            lookup_id=lookup.id,
            subject_code=key,
            application_id=request.application_id,
            level=assessment.level.value,
            joint_punished=assessment.joint_punished,
            allowed_modes=tuple(d.mode.value for d in modes if d.allowed),
            checked_at=utcnow().replace(microsecond=0),
            refusals=tuple((d.mode.value, d.reason or "") for d in modes if not d.allowed),
        )
    )
    return CheckOutcome(
        lookup=lookup,
        subject=await session.get(Subject, key),
        assessment=assessment,
        modes=modes,
        ticket=ticket,
    )


async def export_credit_report(
    *,
    session: AsyncSession,
    request: LookupRequest,
    subject_codes: Sequence[str],
    today: date | None = None,
) -> bytes:
    """A spreadsheet of subjects' levels and causes; one log row per subject exported."""
    issues = _purpose_issues(request.purpose)
    if not subject_codes:
        issues.append(FieldIssue("subjectCodes", "REQUIRED", "请选择要导出的信用主体"))
    if len(subject_codes) > MAX_EXPORT_SUBJECTS:
        issues.append(FieldIssue("subjectCodes", "TOO_MANY", "一次至多导出100个主体"))
    keys: list[str] = []
    for index, code in enumerate(subject_codes):
        key = identity.checked_subject_key(code, f"subjectCodes[{index}]", issues)
        if key is not None:
            keys.append(key)
    if issues:
        raise ValidationFailed(issues)
    keys = list(dict.fromkeys(keys))
    await _log_many(session, request, keys, LookupChannel.EXPORT)
    subjects = {
        s.credit_code: s
        for s in (
            await session.exec(select(Subject).where(col(Subject.credit_code).in_(keys)))
        ).all()
    }
    assessments = await determination.assess_many(session=session, codes=keys, today=today)
    rows: list[list[spreadsheets.Cell]] = []
    for assessment in assessments:
        subject = subjects.get(assessment.subject_code)
        rows.append(
            [
                assessment.subject_code,
                subject.name if subject else "（未登记）",
                subject.id_number_masked if subject and subject.id_number_masked else "",
                determination.LEVEL_LABELS[assessment.level],
                assessment.score,
                "是" if assessment.joint_punished else "否",
                assessment.summary,
                "；".join(c.rule.name for c in assessment.causes),
            ]
        )
    return spreadsheets.write_workbook(
        "信用报告",
        [
            "主体代码",
            "名称",
            "身份证号码（脱敏）",
            "信用等级",
            "分数",
            "联合惩戒",
            "认定说明",
            "触发规则",
        ],
        rows,
    )


# --- the log -----------------------------------------------------------------------------


@dataclass(frozen=True)
class LogFilter:
    """Which lookups of the log a reading or an export covers: those the scope sees, narrowed
    to an application, a department and a period of days (each when given)."""

    scope: Scope
    application_id: int | None = None
    department_id: int | None = None
    since: date | None = None
    until: date | None = None


def _log_query(where: LogFilter) -> SelectOfScalar[LookupLog]:
    stmt = select(LookupLog)
    if not where.scope.city_wide:
        stmt = stmt.where(LookupLog.department_id == where.scope.department_id)
    if where.application_id is not None:
        stmt = stmt.where(LookupLog.application_id == where.application_id)
    if where.department_id is not None:
        stmt = stmt.where(LookupLog.department_id == where.department_id)
    # Days are the city's (Asia/Shanghai), as on screen and in the export.
    if where.since is not None:
        start = datetime.combine(where.since, time(), tzinfo=LOCAL_TZ).astimezone(UTC)
        stmt = stmt.where(col(LookupLog.looked_up_at) >= start)
    if where.until is not None:
        day_after = where.until + timedelta(days=1)
        end = datetime.combine(day_after, time(), tzinfo=LOCAL_TZ).astimezone(UTC)
        stmt = stmt.where(col(LookupLog.looked_up_at) < end)
    return stmt.order_by(col(LookupLog.id).desc())


async def list_lookups(
    *, session: AsyncSession, where: LogFilter, limit: int = MAX_PAGE, offset: int = 0
) -> Sequence[LookupLog]:
    stmt = _log_query(where)
    return (await session.exec(stmt.offset(offset).limit(min(max(limit, 0), MAX_PAGE)))).all()


async def _known_application_number(session: AsyncSession, application_id: int) -> str | None:
    """The 办件编号 an earlier lookup of the application got from its acceptance, if any."""
    stmt = (
        select(LookupLog.application_number)
        .where(col(LookupLog.application_id) == application_id)
        .where(col(LookupLog.application_number).is_not(None))
        .limit(1)
    )
    return (await session.exec(stmt)).first()


async def note_application_number(
    *, session: AsyncSession, application_id: int, number: str
) -> None:
    """The 办件编号 onto the application's lookups, when approval accepts it (the lookups
    before acceptance knew only approval's internal id)."""
    # In an outbox batch, one executemany for the run's accepted applications.
    await events.execute_later(
        session,
        _NOTE_NUMBER,
        LookupLog.__table__,  # type: ignore[attr-defined]
        {"wanted_application_id": application_id, "number": number},
    )


_NOTE_NUMBER = (
    update(LookupLog)
    .where(col(LookupLog.application_id) == bindparam("wanted_application_id"))
    .where(col(LookupLog.application_number).is_(None))
    .values(application_number=bindparam("number"))
)


async def export_lookups(*, session: AsyncSession, where: LogFilter) -> bytes:
    stmt = _log_query(where)
    rows = (await session.exec(stmt.limit(MAX_EXPORT_ROWS))).all()
    # People by name and department, never by account or internal number.
    people = await accounts.display_names(session=session, usernames=[r.username for r in rows])
    departments = {
        d: await services.department_name(session, d) for d in {r.department_id for r in rows}
    }
    return spreadsheets.write_workbook(
        "信用查询记录",
        ["编号", "查询时间", "查询人", "部门", "主体代码", "查询目的", "办件编号", "方式"],
        (
            [
                r.id,
                r.looked_up_at.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M:%S"),
                people[r.username],
                departments[r.department_id],
                r.subject_code,
                r.purpose,
                r.application_number or "",
                CHANNEL_LABELS[r.channel],
            ]
            for r in rows
        ),
    )
