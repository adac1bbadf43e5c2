"""The monthly summary (月度汇总) each supervising department receives.

On the first working day of a month (holiday calendar), the daily job writes, for every
supervising department of the list in force and every department that received a push in
the previous month, one summary: counts (pushes; every claim, by method, and the late ones;
feedback closed without abnormality and with abnormal results; items still open past their
due day at the month's end), and a spreadsheet of the month's pushes, claims, overdue items
and feedback in which every late item is marked (a 逾期 column and a highlighted row). One
per department and month (a unique pair): a second run, or a second worker, writes nothing.
The department finds it in ``monthlySummaries`` (and the live inbox hears ``SUMMARY:<id>``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from openpyxl import Workbook
from openpyxl.styles import PatternFill
from sqlmodel import col, or_, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import (
    Channel,
    FeedbackState,
    LinkageEntry,
    LinkageListVersion,
    MonthlySummary,
    Push,
    PushState,
)
from api.approval.services import messages
from api.approval.services.pushes import push_names
from api.core.clock import LOCAL_TZ
from api.core.spreadsheets import neutralise, workbook_bytes
from api.core.workdays import is_working_day, overrides_between

STATE_NAMES = {PushState.AWAITING_CLAIM: "待认领", PushState.CLAIMED: "已认领"}
FEEDBACK_NAMES = {
    FeedbackState.NOT_REQUIRED: "无需反馈",
    FeedbackState.OPEN: "待反馈",
    FeedbackState.NO_ABNORMALITY: "无异常办结",
    FeedbackState.ABNORMAL_REPORTED: "已反馈异常",
}
METHOD_NAMES = {
    Channel.ONLINE: "推送即认领",
    Channel.OWN_SYSTEM: "部门自建系统",
    Channel.LETTER: "书面函件",
    Channel.JOINT_MEETING: "联席会议",
}
LATE_FILL = PatternFill(fill_type="solid", start_color="FFFFC7CE", end_color="FFFFC7CE")
COLUMNS = (
    "类别",
    "监管码",
    "推送时间",
    "环节",
    "事项",
    "申请人",
    "认领状态",
    "认领时间",
    "认领期限",
    "反馈状态",
    "反馈办结时间",
    "反馈期限",
    "逾期",
)


async def is_first_working_day(session: AsyncSession, day: date) -> bool:
    overrides = await overrides_between(session, day.replace(day=1), day)
    if not is_working_day(day, overrides):
        return False
    return not any(is_working_day(day.replace(day=n), overrides) for n in range(1, day.day))


def previous_month(day: date) -> tuple[date, date]:
    last = day.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


def _bounds(first: date, last: date) -> tuple[datetime, datetime]:
    start = datetime(first.year, first.month, first.day, tzinfo=LOCAL_TZ)
    end = datetime(last.year, last.month, last.day, tzinfo=LOCAL_TZ) + timedelta(days=1)
    return start.astimezone(UTC), end.astimezone(UTC)


def _day(moment: datetime) -> date:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(LOCAL_TZ).date()


def lateness(push: Push, last: date) -> str:
    """How ``push`` is late as seen at the end of ``last`` (the month's last day), or ""."""
    marks = []
    if push.claimed_at is not None and _day(push.claimed_at) > push.claim_due:
        marks.append("逾期认领")
    elif (push.claimed_at is None or _day(push.claimed_at) > last) and push.claim_due <= last:
        marks.append("逾期未认领")
    due = push.feedback_due
    if due is not None:
        closed = push.feedback_closed_at
        if closed is not None and _day(closed) <= last and _day(closed) > due:
            marks.append("逾期反馈")
        elif (closed is None or _day(closed) > last) and due <= last:
            marks.append("逾期未反馈")
    return "、".join(marks)


@dataclass(frozen=True)
class MonthRows:
    pushes: Sequence[Push]
    claims: Sequence[Push]
    overdue: Sequence[Push]
    feedback: Sequence[Push]
    last: date = date.max  # the month's last day: lateness is judged at its end

    @property
    def claims_by_method(self) -> dict[str, int]:
        counts = {method.value: 0 for method in METHOD_NAMES}
        for push in self.claims:
            if push.claim_method is not None:
                counts[push.claim_method.value] += 1
        return counts

    @property
    def late_claims(self) -> list[Push]:
        return [
            p for p in self.claims if p.claimed_at is not None and _day(p.claimed_at) > p.claim_due
        ]

    def closed(self, state: FeedbackState) -> list[Push]:
        return [p for p in self.feedback if p.feedback_state == state]


async def month_rows(
    session: AsyncSession, department_id: int, first: date, last: date
) -> MonthRows:
    start, end = _bounds(first, last)
    mine = select(Push).where(Push.department_id == department_id).order_by(col(Push.id))

    async def rows(*conditions: Any) -> Sequence[Push]:
        return (await session.exec(mine.where(*conditions))).all()

    after_month = last + timedelta(days=1)
    return MonthRows(
        pushes=await rows(col(Push.pushed_at) >= start, col(Push.pushed_at) < end),
        # Every claim, 推送即认领 included (the method is counted apart).
        claims=await rows(col(Push.claimed_at) >= start, col(Push.claimed_at) < end),
        # Overdue at the month's end: a claim or feedback due in or before the month, not
        # done by its due day.
        overdue=await rows(
            col(Push.pushed_at) < end,
            or_(
                sa.and_(
                    col(Push.claim_due) < after_month,
                    or_(col(Push.claimed_at).is_(None), col(Push.claimed_at) >= end),
                ),
                sa.and_(
                    col(Push.feedback_due) < after_month,
                    or_(
                        col(Push.feedback_closed_at).is_(None),
                        col(Push.feedback_closed_at) >= end,
                    ),
                ),
            ),
        ),
        feedback=await rows(
            col(Push.feedback_closed_at) >= start, col(Push.feedback_closed_at) < end
        ),
        last=last,
    )


def _local(moment: datetime | None) -> str:
    if moment is None:
        return ""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")


def _row(category: str, push: Push, last: date) -> list[object]:
    return [
        category,
        push.supervision_code or "",
        _local(push.pushed_at),
        "受理" if push.stage.value == "ACCEPTED" else "办结",
        *push_names(push),
        STATE_NAMES[push.state],
        _local(push.claimed_at),
        push.claim_due.isoformat(),
        FEEDBACK_NAMES[push.feedback_state],
        _local(push.feedback_closed_at),
        push.feedback_due.isoformat() if push.feedback_due else "",
        lateness(push, last),
    ]


def workbook(first: date, rows: MonthRows) -> bytes:
    book = Workbook()
    totals = book.active
    assert totals is not None  # noqa: S101 - a new workbook has one sheet
    totals.title = "汇总"
    totals.append(["月份", first.strftime("%Y-%m")])
    totals.append(["推送", len(rows.pushes)])
    totals.append(["认领", len(rows.claims)])
    by_method = rows.claims_by_method
    for method, name in METHOD_NAMES.items():
        totals.append([f"其中：{name}", by_method[method.value]])
    totals.append(["逾期认领", len(rows.late_claims)])
    totals.append(["反馈办结", len(rows.feedback)])
    totals.append(["其中：无异常办结", len(rows.closed(FeedbackState.NO_ABNORMALITY))])
    totals.append(["其中：反馈异常", len(rows.closed(FeedbackState.ABNORMAL_REPORTED))])
    totals.append(["月末逾期未办", len(rows.overdue)])
    detail = book.create_sheet("明细")
    detail.append(list(COLUMNS))
    for category, items in (
        ("推送", rows.pushes),
        ("认领", rows.claims),
        ("逾期", rows.overdue),
        ("反馈", rows.feedback),
    ):
        for push in items:
            values = _row(category, push, rows.last)
            detail.append([neutralise(v) for v in values])
            if values[-1]:  # a late item: the whole row is highlighted
                for cell in detail[detail.max_row]:
                    cell.fill = LATE_FILL
    return workbook_bytes(book)


async def _departments(session: AsyncSession, start: datetime, end: datetime) -> list[int]:
    in_force = select(sa.func.max(LinkageListVersion.version)).scalar_subquery()
    listed = select(LinkageEntry.supervising_department_id).where(LinkageEntry.version == in_force)
    pushed = select(Push.department_id).where(
        col(Push.pushed_at) >= start, col(Push.pushed_at) < end
    )
    found = set((await session.exec(listed)).all()) | set((await session.exec(pushed)).all())
    return sorted(int(d) for d in found)


async def send_monthly_summaries(session: AsyncSession, today: date) -> int:
    """On the first working day of a month: one summary per department of last month."""
    if not await is_first_working_day(session, today):
        return 0
    first, last = previous_month(today)
    start, end = _bounds(first, last)
    done = set(
        (
            await session.exec(
                select(MonthlySummary.department_id).where(MonthlySummary.month == first)
            )
        ).all()
    )
    written = 0
    for department_id in await _departments(session, start, end):
        if department_id in done:
            continue
        rows = await month_rows(session, department_id, first, last)
        summary = MonthlySummary(
            department_id=department_id,
            month=first,
            pushes=len(rows.pushes),
            claims=len(rows.claims),
            overdue=len(rows.overdue),
            feedback=len(rows.feedback),
            claims_by_method=rows.claims_by_method,
            late_claims=len(rows.late_claims),
            closed_without_abnormality=len(rows.closed(FeedbackState.NO_ABNORMALITY)),
            abnormal_feedback=len(rows.closed(FeedbackState.ABNORMAL_REPORTED)),
            workbook=workbook(first, rows),
        )
        session.add(summary)
        await session.flush()
        await messages.post(
            session, department_id=department_id, kind="SUMMARY", ref_id=int(summary.id or 0)
        )
        written += 1
    return written
