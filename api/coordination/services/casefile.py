"""Case-file review (案卷评查): everything the fact store knows about one application.

Timeline, pushes with their claims and feedback, findings, credit lookups and legal
documents, in one object and one spreadsheet. Each push carries what it recorded when it was
routed: the list version, whom it notified (the export masks the mobile) and both sides'
responsible sections and people in that version. A department sees the case file of an
application it approved or received a push of; the coordination office every one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any

from openpyxl import Workbook
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.coordination.models import ApplicationFact, FindingFact, LookupFact, PushFact
from api.core.identifiers import mask_mobile, masked_subject_code
from api.core.scope import Scope
from api.core.spreadsheets import append_text_row, workbook_bytes


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    what: str
    department_id: int | None
    detail: str


@dataclass(frozen=True)
class CaseFile:
    application: ApplicationFact
    pushes: Sequence[PushFact]
    findings: Sequence[FindingFact]
    lookups: Sequence[LookupFact]

    @property
    def timeline(self) -> list[TimelineEntry]:
        app = self.application
        entries: list[TimelineEntry] = []
        dept = app.approving_department_id
        if app.accepted_at:
            entries.append(TimelineEntry(app.accepted_at, "受理", dept, app.handling_mode or ""))
        if app.completed_at:
            entries.append(TimelineEntry(app.completed_at, "办结", dept, app.outcome or ""))
        for p in self.pushes:
            if p.created_at:
                stage = p.stage or ""
                entries.append(TimelineEntry(p.created_at, "推送", p.department_id, stage))
            if p.claimed_at:
                entries.append(
                    TimelineEntry(p.claimed_at, "认领", p.department_id, claim_detail(p))
                )
            if p.fed_back_at:
                entries.append(TimelineEntry(p.fed_back_at, "反馈", p.department_id, ""))
        entries.extend(
            TimelineEntry(
                datetime.combine(f.found_on, time(), tzinfo=UTC),
                "监管结果",
                f.department_id,
                f.kind,
            )
            for f in self.findings
        )
        entries.extend(
            TimelineEntry(x.looked_up_at, "信用查询", x.department_id, x.channel)
            for x in self.lookups
        )
        return sorted(entries, key=lambda e: (e.at, e.what))


CLAIM_METHOD_NAMES = {
    "ONLINE": "推送即认领",
    "LETTER": "书面函件",
    "OWN_SYSTEM": "自建系统",
    "JOINT_MEETING": "联席会议",
}


def claim_detail(push: PushFact) -> str:
    """The claim method's code, and the meeting it was claimed at (``JOINT_MEETING #7``)."""
    method = push.claim_method or ""
    return f"{method} #{push.claim_meeting_id}" if push.claim_meeting_id else method


def responsible_people(push: PushFact) -> str:
    """审批 科室/责任人 → 监管 科室/责任人, one linkage per line (the export's cell)."""
    return "\n".join(
        f"{r.get('approving_section_name', '')}/{r.get('approving_person_name', '')}"
        f" → {r.get('supervising_section_name', '')}/{r.get('supervising_person_name', '')}"
        for r in push.responsibilities
    )


async def case_file(*, session: AsyncSession, scope: Scope, application_id: int) -> CaseFile | None:
    app = await session.get(ApplicationFact, application_id)
    if app is None:
        return None
    pushes = (
        await session.exec(
            select(PushFact)
            .where(PushFact.application_id == application_id)
            .order_by(col(PushFact.created_at), col(PushFact.push_id))
        )
    ).all()
    involved = {app.approving_department_id, *(p.department_id for p in pushes)}
    if not scope.city_wide and scope.department_id not in involved:
        return None
    findings = (
        await session.exec(
            select(FindingFact)
            .where(FindingFact.application_id == application_id)
            .order_by(col(FindingFact.found_on), col(FindingFact.finding_id))
        )
    ).all()
    lookups = (
        await session.exec(
            select(LookupFact)
            .where(LookupFact.application_id == application_id)
            .order_by(col(LookupFact.looked_up_at), col(LookupFact.lookup_id))
        )
    ).all()
    return CaseFile(application=app, pushes=pushes, findings=findings, lookups=lookups)


def _cell(value: Any) -> Any:
    """A time as the naive UTC datetime a spreadsheet stores (text is neutralised on append)."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("是" if value else "否")


def workbook(case: CaseFile) -> bytes:
    book = Workbook()
    app = case.application
    sheets: list[tuple[str, list[str], list[list[Any]]]] = [
        (
            "办件",
            [
                "办件编号",
                "事项",
                "审批部门",
                "申请人代码",
                "申请人",
                "受理方式",
                "受理时间",
                "办结时间",
                "结果",
            ],
            [
                [
                    app.application_id,
                    app.matter_name or app.matter_id,
                    app.approving_department_id,
                    masked_subject_code(app.applicant_code),
                    app.applicant_name,
                    app.handling_mode,
                    app.accepted_at,
                    app.completed_at,
                    app.outcome,
                ]
            ],
        ),
        (
            "时间线",
            ["时间(UTC)", "环节", "部门", "说明"],
            [[e.at, e.what, e.department_id, e.detail] for e in case.timeline],
        ),
        (
            "推送认领反馈",
            [
                "推送编号",
                "接收部门",
                "环节",
                "渠道",
                "推送时间",
                "认领时间",
                "反馈期限",
                "反馈时间",
                "按时",
                "认领方式",
                "认领会议",
                "清单版本",
                "通知联络员",
                "联络员手机",
                "责任科室/责任人（审批 → 监管）",
            ],
            [
                [
                    p.push_id,
                    p.department_id,
                    p.stage,
                    p.channel,
                    p.created_at,
                    p.claimed_at,
                    p.feedback_due_at,
                    p.fed_back_at,
                    _yes_no(p.feedback_on_time),
                    CLAIM_METHOD_NAMES.get(p.claim_method or "", p.claim_method or ""),
                    p.claim_meeting_id,
                    p.list_version,
                    p.liaison_name,
                    mask_mobile(p.liaison_mobile or ""),
                    responsible_people(p),
                ]
                for p in case.pushes
            ],
        ),
        (
            "监管结果",
            ["编号", "部门", "类别", "异常", "结果类型", "日期", "摘要"],
            [
                [
                    f.finding_id,
                    f.department_id,
                    f.kind,
                    "是" if f.abnormal else "否",
                    f.result_type,
                    f.found_on,
                    f.summary,
                ]
                for f in case.findings
            ],
        ),
        (
            "信用查询",
            ["编号", "部门", "主体代码", "方式", "时间", "目的"],
            [
                [x.lookup_id, x.department_id, x.subject_code, x.channel, x.looked_up_at, x.purpose]
                for x in case.lookups
            ],
        ),
        (
            "法律文书",
            ["类别", "文号", "有效期起", "有效期止"],
            [
                [d.get("kind"), d.get("number"), d.get("valid_from"), d.get("valid_until")]
                for d in app.legal_documents
            ],
        ),
    ]
    first = True
    for title, header, rows in sheets:
        sheet = book.active if first else book.create_sheet(title)
        assert sheet is not None  # noqa: S101 - a new workbook always has one sheet
        sheet.title = title
        first = False
        sheet.append(header)
        for row in rows:
            append_text_row(sheet, [_cell(v) for v in row])
    return workbook_bytes(book)
