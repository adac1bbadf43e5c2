"""Follow-up of 容缺受理 and 告知承诺 (tables in ``facilitation_models``). No Strawberry here.

``accept_application`` asks ``prepare_acceptance`` to check what the clerk records with the
handling mode (before anything is written) and ``record_acceptance`` to store it;
``complete_application`` asks ``check_completion`` (no outstanding item unless waived) and,
for an approved 告知承诺 application, ``open_verifications`` (one task per supervising
department of the list in force). A 不实 result emits ``approval.commitment.found_false``,
which credit turns into a 信用承诺失信 record.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import Application, ApplicationStatus, HandlingMode, LinkageEntry
from api.approval.models.facilitation import (
    Commitment,
    ItemState,
    MissingItem,
    MissingItemReminder,
    VerificationResult,
    VerificationTask,
)
from api.approval.services import liaisons
from api.core import events, files, live
from api.core.audit import note_out_of_scope
from api.core.clock import local_date, local_today, utcnow
from api.core.config import get_settings
from api.core.errors import FieldIssue, ValidationFailed
from api.core.loaders import fetch_many_per_key, fetch_one_per_key
from api.core.pagination import keyset_page
from api.core.scope import Scope
from api.core.workdays import add_working_days

FOUND_FALSE = "approval.commitment.found_false"
MISSING_ITEM_OVERDUE = "approval.missing_item.overdue"
MAX_ITEMS = 30
MAX_DAYS = 60
PUSH_LIAISON = "PUSH"  # catalog.liaison.appointed kind
ITEM_STATE_NAMES = {
    ItemState.OUTSTANDING: "待补正",
    ItemState.SUPPLIED: "已补正",
    ItemState.WAIVED: "免于补正",
}
RESULT_NAMES = {VerificationResult.TRUTHFUL: "属实", VerificationResult.UNTRUTHFUL: "不实"}


@dataclass(frozen=True)
class MissingItemDraft:
    """A material the clerk accepts as missing; ``days`` overrides the setting."""

    name: str
    days: int | None = None


@dataclass(frozen=True)
class CommitmentDraft:
    text: str
    file_name: str
    content_base64: str


@dataclass(frozen=True)
class PreparedAcceptance:
    items: tuple[tuple[str, int], ...] = ()
    commitment: tuple[str, str, files.StoredFile] | None = None


async def _store(data: bytes, field: str) -> files.StoredFile:
    content_type = files.require_type(data, field)
    return await files.default_store().put(data, content_type)


MAX_NAME = 200
MAX_TEXT = 4000


def _check_items(
    handling_mode: HandlingMode, missing_items: Sequence[MissingItemDraft], issues: list[FieldIssue]
) -> list[tuple[str, int]]:
    if handling_mode != HandlingMode.MISSING_DOCUMENTS:
        if missing_items:
            issues.append(
                FieldIssue("missingItems", "NOT_APPLICABLE", "只有容缺受理才登记所缺材料")
            )
        return []
    if not missing_items:
        issues.append(
            FieldIssue("missingItems", "REQUIRED", "容缺受理须逐项登记所缺材料及补正期限")
        )
    if len(missing_items) > MAX_ITEMS:
        issues.append(FieldIssue("missingItems", "TOO_MANY", f"所缺材料至多登记{MAX_ITEMS}项"))
    default_days = get_settings().missing_item_days
    items: list[tuple[str, int]] = []
    seen: set[str] = set()
    for index, item in enumerate(missing_items[:MAX_ITEMS]):
        field = f"missingItems[{index}]"
        name = item.name.strip()
        if not name:
            issues.append(FieldIssue(f"{field}.name", "REQUIRED", "请填写所缺材料名称"))
        elif len(name) > MAX_NAME:
            issues.append(FieldIssue(f"{field}.name", "TOO_LONG", "材料名称至多200字"))
        elif name in seen:
            issues.append(FieldIssue(f"{field}.name", "DUPLICATE", "所缺材料重复登记"))
        seen.add(name)
        days = default_days if item.days is None else item.days
        if not 1 <= days <= MAX_DAYS:
            issues.append(
                FieldIssue(f"{field}.days", "OUT_OF_RANGE", f"补正期限应为1至{MAX_DAYS}个工作日")
            )
        items.append((name, days))
    return items


def _check_commitment(
    handling_mode: HandlingMode, commitment: CommitmentDraft | None, issues: list[FieldIssue]
) -> tuple[str, str, bytes] | None:
    if handling_mode != HandlingMode.NOTIFY_AND_COMMIT:
        if commitment is not None:
            issues.append(FieldIssue("commitment", "NOT_APPLICABLE", "只有告知承诺才登记承诺书"))
        return None
    if commitment is None:
        issues.append(
            FieldIssue("commitment", "REQUIRED", "告知承诺须登记承诺内容并上传签署的承诺书")
        )
        return None
    before = len(issues)
    text = commitment.text.strip()
    if not text:
        issues.append(FieldIssue("commitment.text", "REQUIRED", "请填写承诺内容"))
    elif len(text) > MAX_TEXT:
        issues.append(FieldIssue("commitment.text", "TOO_LONG", "承诺内容至多4000字"))
    name = commitment.file_name.strip()
    if not name:
        issues.append(FieldIssue("commitment.fileName", "REQUIRED", "请填写承诺书文件名"))
    if not commitment.content_base64:
        issues.append(FieldIssue("commitment.contentBase64", "REQUIRED", "请上传签署的承诺书"))
    if len(issues) > before:
        return None
    data = files.decode_upload(commitment.content_base64, "commitment.contentBase64")
    files.require_type(data, "commitment.contentBase64")
    return text, name[:MAX_NAME], data


async def prepare_acceptance(
    handling_mode: HandlingMode,
    missing_items: Sequence[MissingItemDraft],
    commitment: CommitmentDraft | None,
) -> PreparedAcceptance:
    """Check what comes with the handling mode; raise naming the fields, write nothing
    (a commitment's file is stored by its hash only once everything else is valid)."""
    issues: list[FieldIssue] = []
    items = _check_items(handling_mode, missing_items, issues)
    checked = _check_commitment(handling_mode, commitment, issues)
    if issues:
        raise ValidationFailed(issues)
    stored = None
    if checked is not None:
        text, name, data = checked
        stored = (text, name, await _store(data, "commitment.contentBase64"))
    return PreparedAcceptance(items=tuple(items), commitment=stored)


async def record_acceptance(
    session: AsyncSession, application: Application, prepared: PreparedAcceptance, username: str
) -> None:
    """Store the missing items (due dates in working days from acceptance) and commitment."""
    assert application.id is not None  # noqa: S101 - loaded rows have ids
    accepted = local_date(application.accepted_at) if application.accepted_at else local_today()
    for name, days in prepared.items:
        session.add(
            MissingItem(
                application_id=application.id,
                department_id=application.approving_department_id,
                name=name,
                days=days,
                due_on=await add_working_days(session, accepted, days),
                recorded_by=username,
            )
        )
    if prepared.commitment is not None:
        text, file_name, stored = prepared.commitment
        session.add(
            Commitment(
                application_id=application.id,
                text=text,
                file_name=file_name,
                file_sha256=stored.sha256,
                file_type=stored.content_type,
                file_size=stored.size,
                recorded_by=username,
            )
        )
    await session.flush()


# ---------------------------------------------------------------- 容缺: follow-up


async def items_of(session: AsyncSession, application_id: int) -> Sequence[MissingItem]:
    stmt = (
        select(MissingItem)
        .where(MissingItem.application_id == application_id)
        .order_by(col(MissingItem.id))
    )
    return (await session.exec(stmt)).all()


async def check_completion(session: AsyncSession, application: Application) -> None:
    """No completion while a material is outstanding (supplied or waived with a reason)."""
    assert application.id is not None  # noqa: S101
    outstanding = [
        item
        for item in await items_of(session, application.id)
        if item.state == ItemState.OUTSTANDING
    ]
    if not outstanding:
        return
    names = "、".join(f"“{i.name}”（应于{i.due_on.isoformat()}前补正）" for i in outstanding)
    raise ValidationFailed.single(
        "missingItems",
        "MISSING_ITEMS_OUTSTANDING",
        f"容缺材料{names}尚未补正：补正或登记免于补正的理由后方可办结",
    )


async def _own_item(
    session: AsyncSession, item_id: int, department_id: int
) -> tuple[MissingItem, Application]:
    stmt = (
        select(MissingItem, Application)
        .join(Application, col(Application.id) == MissingItem.application_id)
        .where(MissingItem.id == item_id)
        .with_for_update()
    )
    found = (await session.exec(stmt)).first()
    if found is None or found[1].approving_department_id != department_id:
        if found is not None:
            note_out_of_scope("missing_item", item_id)
        raise ValidationFailed.single("itemId", "NOT_FOUND", "容缺材料不存在")
    item, application = found
    if item.state != ItemState.OUTSTANDING:
        raise ValidationFailed.single(
            "itemId",
            "ILLEGAL_TRANSITION",
            f"该材料已{ITEM_STATE_NAMES[item.state]}，不能再次处理",
        )
    if application.status != ApplicationStatus.ACCEPTED:
        raise ValidationFailed.single(
            "itemId", "ILLEGAL_TRANSITION", "办件已办结，容缺材料不能再处理"
        )
    return item, application


async def _close_item(
    session: AsyncSession,
    item_id: int,
    department_id: int,
    state: ItemState,
    username: str,
    note: str,
) -> MissingItem:
    """Close an outstanding item of the department as ``state`` (who, when, note)."""
    item, _ = await _own_item(session, item_id, department_id)
    item.state = state
    item.closed_at = utcnow()
    item.closed_by = username
    item.note = note.strip()[:500]
    session.add(item)
    await session.flush()
    return item


async def supply_item(
    session: AsyncSession, *, item_id: int, note: str, username: str, department_id: int
) -> MissingItem:
    """The applicant supplied the material: the item is closed (who, when, note)."""
    return await _close_item(session, item_id, department_id, ItemState.SUPPLIED, username, note)


async def waive_item(
    session: AsyncSession, *, item_id: int, reason: str, username: str, department_id: int
) -> MissingItem:
    """The material is no longer required: recorded as waived, with the reason."""
    if not reason.strip():
        raise ValidationFailed.single("reason", "REQUIRED", "免于补正须说明理由")
    return await _close_item(session, item_id, department_id, ItemState.WAIVED, username, reason)


def overdue_clause(today: date) -> Any:
    return sa.and_(col(MissingItem.state) == ItemState.OUTSTANDING, col(MissingItem.due_on) < today)


async def emit_missing_item_reminders(session: AsyncSession, today: date) -> int:
    """Daily: each overdue item is reminded once a day (a reminder row, counted on the item,
    and an event whose consumer texts the approving department's push liaison)."""
    stmt = (
        select(MissingItem, Application)
        .join(Application, col(Application.id) == MissingItem.application_id)
        .where(overdue_clause(today), col(Application.status) == ApplicationStatus.ACCEPTED)
        .order_by(col(MissingItem.id))
    )
    sent = 0
    for item, application in (await session.exec(stmt)).all():
        if item.last_reminded_on is not None and item.last_reminded_on >= today:
            continue
        assert item.id is not None  # noqa: S101
        session.add(MissingItemReminder(item_id=item.id, day=today))
        item.reminders += 1
        item.last_reminded_on = today
        session.add(item)
        await session.flush()
        await events.emit(
            session,
            topic=MISSING_ITEM_OVERDUE,
            key=f"{item.id}:{today.isoformat()}",
            payload={
                "item_id": item.id,
                "application_id": item.application_id,
                "department_id": item.department_id,
                "name": item.name,
                "due_on": item.due_on.isoformat(),
                "day": today.isoformat(),
                "applicant_name": application.applicant_name,
            },
        )
        if item.department_id is not None:
            await live.notify(session, live.inbox_channel(item.department_id), f"MISSING:{item.id}")
        sent += 1
    return sent


async def missing_item_contact(
    session: AsyncSession, department_id: int, day: date
) -> liaisons.Contact | None:
    """Whom an overdue item's reminder texts: the approving department's push liaison."""
    return await liaisons.current(session, department_id, day, kind=PUSH_LIAISON)


@dataclass(frozen=True)
class FollowUpFigures:
    """容缺 and 告知承诺 follow-up of one approving department (or the whole city)."""

    items: int = 0
    outstanding: int = 0
    overdue: int = 0
    supplied: int = 0
    waived: int = 0
    reminders: int = 0
    verifications: int = 0
    verifications_open: int = 0
    verifications_overdue: int = 0
    truthful: int = 0
    untruthful: int = 0


def _count(condition: Any) -> Any:
    return sa.func.sum(sa.case((condition, 1), else_=0))


async def follow_up(
    session: AsyncSession, scope: Scope, department_id: int | None, today: date | None = None
) -> FollowUpFigures:
    """Counts in two statements: the items, and the verification tasks sent or received."""
    day = today or local_today()
    dept = department_id if scope.city_wide else scope.department_id
    items = sa.select(
        sa.func.count(),
        _count(col(MissingItem.state) == ItemState.OUTSTANDING),
        _count(overdue_clause(day)),
        _count(col(MissingItem.state) == ItemState.SUPPLIED),
        _count(col(MissingItem.state) == ItemState.WAIVED),
        sa.func.coalesce(sa.func.sum(col(MissingItem.reminders)), 0),
    )
    tasks = sa.select(
        sa.func.count(),
        _count(col(VerificationTask.result).is_(None)),
        _count(sa.and_(col(VerificationTask.result).is_(None), col(VerificationTask.due_on) < day)),
        _count(col(VerificationTask.result) == VerificationResult.TRUTHFUL),
        _count(col(VerificationTask.result) == VerificationResult.UNTRUTHFUL),
    )
    if dept is not None:
        items = items.where(col(MissingItem.department_id) == dept)
        tasks = tasks.where(
            sa.or_(
                col(VerificationTask.department_id) == dept,
                col(VerificationTask.from_department_id) == dept,
            )
        )
    # sqlmodel's typed select() stops at four columns; these have five and six.
    i = (await session.exec(items)).one()  # type: ignore[call-overload]
    t = (await session.exec(tasks)).one()  # type: ignore[call-overload]
    return FollowUpFigures(
        items=int(i[0] or 0),
        outstanding=int(i[1] or 0),
        overdue=int(i[2] or 0),
        supplied=int(i[3] or 0),
        waived=int(i[4] or 0),
        reminders=int(i[5] or 0),
        verifications=int(t[0] or 0),
        verifications_open=int(t[1] or 0),
        verifications_overdue=int(t[2] or 0),
        truthful=int(t[3] or 0),
        untruthful=int(t[4] or 0),
    )


# ---------------------------------------------------------------- 告知承诺: verification


async def open_verifications(
    session: AsyncSession, application: Application, entries: Sequence[LinkageEntry]
) -> list[VerificationTask]:
    """On completion (approved, 告知承诺): one task per supervising department of the list."""
    if (
        application.handling_mode != HandlingMode.NOTIFY_AND_COMMIT
        or application.status != ApplicationStatus.APPROVED
    ):
        return []
    assert application.id is not None  # noqa: S101
    completed = local_date(application.completed_at) if application.completed_at else local_today()
    due = await add_working_days(session, completed, get_settings().verification_days)
    tasks: list[VerificationTask] = []
    seen: set[int] = set()
    for entry in entries:
        if entry.supervising_department_id in seen:
            continue
        seen.add(entry.supervising_department_id)
        tasks.append(
            VerificationTask(
                application_id=application.id,
                department_id=entry.supervising_department_id,
                from_department_id=application.approving_department_id,
                linkage_id=entry.linkage_id,
                list_version=entry.version,
                due_on=due,
            )
        )
    session.add_all(tasks)
    await session.flush()
    for task in tasks:
        channel = live.inbox_channel(task.department_id)
        await live.notify(session, channel, f"VERIFICATION:{task.id}")
    return tasks


@dataclass(frozen=True)
class VerificationDraft:
    result: VerificationResult
    evidence: str
    document_number: str = ""
    file_name: str = ""
    content_base64: str = ""


async def record_verification(
    session: AsyncSession,
    *,
    task_id: int,
    draft: VerificationDraft,
    username: str,
    department_id: int,
    matter_name: str = "",
) -> VerificationTask:
    """The supervising department's result closes its task; 不实 goes to credit."""
    stmt = (
        select(VerificationTask)
        .where(VerificationTask.id == task_id, VerificationTask.department_id == department_id)
        .with_for_update()
    )
    task = (await session.exec(stmt)).first()
    if task is None:
        exists = (
            await session.exec(select(VerificationTask.id).where(VerificationTask.id == task_id))
        ).first()
        if exists is not None:
            note_out_of_scope("verification_task", task_id)
        raise ValidationFailed.single("taskId", "NOT_FOUND", "核查任务不存在")
    if task.result is not None:
        raise ValidationFailed.single(
            "taskId", "ILLEGAL_TRANSITION", f"该核查已办结（{RESULT_NAMES[task.result]}）"
        )
    issues: list[FieldIssue] = []
    if not draft.evidence.strip():
        issues.append(FieldIssue("evidence", "REQUIRED", "请填写核查情况及证据"))
    if draft.result == VerificationResult.UNTRUTHFUL and not draft.document_number.strip():
        issues.append(
            FieldIssue("documentNumber", "REQUIRED", "核查不实须填写核查意见书（文书）编号")
        )
    if draft.content_base64 and not draft.file_name.strip():
        issues.append(FieldIssue("fileName", "REQUIRED", "请填写证据文件名"))
    if issues:
        raise ValidationFailed(issues)
    if draft.content_base64:
        data = files.decode_upload(draft.content_base64, "contentBase64")
        stored = await _store(data, "contentBase64")
        task.evidence_file_name = draft.file_name.strip()[:200]
        task.evidence_sha256 = stored.sha256
        task.evidence_type = stored.content_type
        task.evidence_size = stored.size
    task.result = draft.result
    task.evidence = draft.evidence.strip()[:2000]
    task.document_number = draft.document_number.strip()[:100]
    task.verified_by = username
    task.verified_at = utcnow()
    session.add(task)
    await session.flush()
    if draft.result == VerificationResult.UNTRUTHFUL:
        await _emit_found_false(session, task, matter_name)
    return task


async def _emit_found_false(
    session: AsyncSession, task: VerificationTask, matter_name: str
) -> None:
    application = await session.get(Application, task.application_id)
    assert application is not None  # noqa: S101 - a task's application exists (FK)
    commitment = (
        await session.exec(
            select(Commitment).where(Commitment.application_id == task.application_id)
        )
    ).first()
    if not matter_name:
        entry = (
            await session.exec(
                select(LinkageEntry).where(
                    LinkageEntry.version == task.list_version,
                    LinkageEntry.linkage_id == task.linkage_id,
                )
            )
        ).first()
        matter_name = entry.approval_matter_name if entry else ""
    verified = task.verified_at or utcnow()
    await events.emit(
        session,
        topic=FOUND_FALSE,
        key=str(task.id),
        payload={
            "task_id": task.id,
            "application_id": task.application_id,
            "applicant_code": application.applicant_code,
            "applicant_key": application.applicant_key,
            "applicant_name": application.applicant_name,
            "matter_id": application.matter_id,
            "matter_name": matter_name,
            "department_id": task.department_id,
            "approving_department_id": task.from_department_id,
            "document_number": task.document_number,
            "evidence": task.evidence,
            "commitment": commitment.text[:500] if commitment else "",
            "found_on": local_date(verified).isoformat(),
            "verified_at": verified.isoformat(),
        },
    )


async def verification_inbox(
    session: AsyncSession,
    *,
    department_id: int,
    open_only: bool | None = None,
    first: int = 20,
    after: int | None = None,
) -> tuple[Sequence[VerificationTask], int, bool]:
    stmt = select(VerificationTask).where(VerificationTask.department_id == department_id)
    if open_only is not None:
        clause = col(VerificationTask.result).is_(None)
        stmt = stmt.where(clause if open_only else sa.not_(clause))
    page = await keyset_page(session, stmt, col(VerificationTask.id), first=first, after=after)
    return page.rows, page.total, page.has_next


async def verification_file(
    session: AsyncSession, task_id: int, department_id: int | None
) -> tuple[VerificationTask, bytes] | None:
    """The evidence file of a task: for the checking or the approving department (or, with
    ``None``, the coordination office)."""
    task = await session.get(VerificationTask, task_id)
    if task is None or task.evidence_sha256 is None:
        return None
    if department_id is not None and department_id not in (
        task.department_id,
        task.from_department_id,
    ):
        note_out_of_scope("verification_task", task_id)
        return None
    data = await files.default_store().get(task.evidence_sha256)
    return (task, data) if data is not None else None


# ---------------------------------------------------------------- loaders


async def items_by_application_ids(
    session: AsyncSession, ids: Sequence[int]
) -> list[list[MissingItem]]:
    return await fetch_many_per_key(
        session, MissingItem, MissingItem.application_id, ids, order_by=[col(MissingItem.id)]
    )


async def commitments_by_application_ids(
    session: AsyncSession, ids: Sequence[int]
) -> list[Commitment | None]:
    return await fetch_one_per_key(session, Commitment, Commitment.application_id, ids)


async def tasks_by_application_ids(
    session: AsyncSession, ids: Sequence[int]
) -> list[list[VerificationTask]]:
    return await fetch_many_per_key(
        session,
        VerificationTask,
        VerificationTask.application_id,
        ids,
        order_by=[col(VerificationTask.id)],
    )


async def untruthful_application_ids(session: AsyncSession, ids: Sequence[int]) -> set[int]:
    """Applications whose commitment a supervising department found false (不实)."""
    if not ids:
        return set()
    stmt = select(VerificationTask.application_id).where(
        col(VerificationTask.application_id).in_(ids),
        col(VerificationTask.result) == VerificationResult.UNTRUTHFUL,
    )
    return {int(i) for i in (await session.exec(stmt)).all()}


async def commitment_bytes(commitment: Commitment) -> bytes | None:
    return await files.default_store().get(commitment.file_sha256)


def now_local_day(moment: datetime | None) -> date:
    return local_date(moment) if moment is not None else local_today()
