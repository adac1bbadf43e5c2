"""Files on the approval side's documents: legal documents (许可证, 不予许可决定书) attached at
completion, the signed receipt (签收回执) of an offline claim, and the letter or own-system
hand-over the approving side sent for an offline push (函号, date, file).

Files are stored once under their SHA-256 (``api/core/files.py``), their type checked by
content. A legal document's file is read by the approving department and by every department
that received the completion push carrying it; a push's files by both sides of the push. Anyone
else gets not-found (audited as an out-of-scope refusal); the coordination office reads all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import Application, Channel, LegalDocument, Push, PushStage
from api.core import files
from api.core.audit import note_out_of_scope
from api.core.clock import local_date, local_today, utcnow
from api.core.errors import FieldIssue, ValidationFailed
from api.core.scope import Scope

OFFLINE_DISPATCH = frozenset({Channel.LETTER, Channel.OWN_SYSTEM})
MAX_NUMBER = 100
MAX_NOTE = 500


class PushFileKind(StrEnum):
    RECEIPT = "RECEIPT"  # 签收回执（认领时监管部门上传）
    DISPATCH = "DISPATCH"  # 发送的函件或交接单（审批部门上传）


# An upload as it arrives, and as stored (api/core/files.py).
FileDraft = files.Upload
NamedFile = files.StoredUpload


@dataclass(frozen=True)
class FileContent:
    file_name: str
    content_type: str
    sha256: str
    data: bytes


async def check_file(draft: FileDraft, field: str, issues: list[FieldIssue]) -> NamedFile | None:
    return await files.store_upload(draft, field, issues)


def attach_to_document(row: LegalDocument, upload: NamedFile | None) -> None:
    if upload is None:
        return
    row.file_name = upload.name
    row.file_sha256 = upload.stored.sha256
    row.file_type = upload.stored.content_type
    row.file_size = upload.stored.size


async def _read(
    sha256: str | None, name: str | None, content_type: str | None
) -> FileContent | None:
    if not sha256:
        return None
    data = await files.default_store().get(sha256)
    if data is None:
        return None
    return FileContent(name or sha256, content_type or "application/octet-stream", sha256, data)


async def legal_document_file(
    session: AsyncSession, document_id: int, scope: Scope
) -> FileContent | None:
    """The file of a legal document: for the approving department, the departments its
    completion push went to, and city-wide readers; otherwise not found."""
    document = await session.get(LegalDocument, document_id)
    if document is None or not document.file_sha256:
        return None
    if not scope.city_wide:
        application = await session.get(Application, document.application_id)
        owner = application is not None and (
            application.approving_department_id == scope.department_id
        )
        received = (
            await session.exec(
                select(Push.id).where(
                    Push.application_id == document.application_id,
                    Push.stage == PushStage.COMPLETED,
                    Push.department_id == scope.department_id,
                )
            )
        ).first()
        if not owner and received is None:
            note_out_of_scope("legal_document", document_id)
            return None
    return await _read(document.file_sha256, document.file_name, document.file_type)


async def push_file(
    session: AsyncSession, push_id: int, kind: PushFileKind, scope: Scope
) -> FileContent | None:
    """A push's receipt or dispatch file: for its two departments (or city-wide readers)."""
    push = await session.get(Push, push_id)
    if push is None:
        return None
    if not scope.city_wide and scope.department_id not in (
        push.department_id,
        push.from_department_id,
    ):
        note_out_of_scope("push", push_id)
        return None
    if kind == PushFileKind.RECEIPT:
        return await _read(
            push.claim_receipt_sha256, push.claim_receipt_name, push.claim_receipt_type
        )
    return await _read(push.dispatch_sha256, push.dispatch_file_name, push.dispatch_type)


def attach_receipt(push: Push, upload: NamedFile | None) -> None:
    if upload is None:
        return
    push.claim_receipt_name = upload.name
    push.claim_receipt_sha256 = upload.stored.sha256
    push.claim_receipt_type = upload.stored.content_type
    push.claim_receipt_size = upload.stored.size


@dataclass(frozen=True)
class DispatchDraft:
    channel: Channel
    number: str
    sent_on: date
    note: str = ""
    file: FileDraft | None = None


def _dispatch_issues(draft: DispatchDraft, push: Push) -> list[FieldIssue]:
    issues: list[FieldIssue] = []
    if draft.channel not in OFFLINE_DISPATCH:
        issues.append(FieldIssue("channel", "NOT_OFFLINE", "发送方式应为书面函件或部门自建系统"))
    number = draft.number.strip()
    if not number:
        issues.append(FieldIssue("number", "REQUIRED", "请填写函号或交接编号"))
    elif len(number) > MAX_NUMBER:
        issues.append(FieldIssue("number", "TOO_LONG", f"函号不能超过{MAX_NUMBER}字"))
    if draft.sent_on > local_today():
        issues.append(FieldIssue("sentOn", "IN_FUTURE", "发送日期不能晚于今天"))
    elif draft.sent_on < local_date(push.pushed_at):
        issues.append(FieldIssue("sentOn", "BEFORE_PUSH", "发送日期不能早于推送日期"))
    if len(draft.note) > MAX_NOTE:
        issues.append(FieldIssue("note", "TOO_LONG", f"说明不能超过{MAX_NOTE}字"))
    return issues


async def record_dispatch(
    *, session: AsyncSession, push_id: int, draft: DispatchDraft, username: str, department_id: int
) -> Push:
    """The approving department records how it sent an offline push (once)."""
    stmt = (
        select(Push)
        .where(Push.id == push_id, Push.from_department_id == department_id)
        .with_for_update()
    )
    push = (await session.exec(stmt)).first()
    if push is None:
        if (await session.exec(select(Push.id).where(Push.id == push_id))).first() is not None:
            note_out_of_scope("push", push_id)
        raise ValidationFailed.single("pushId", "NOT_FOUND", "推送不存在")
    if push.channel == Channel.ONLINE:
        raise ValidationFailed.single("pushId", "ONLINE_PUSH", "本平台推送即送达，无需登记线下发送")
    if push.dispatch_channel is not None:
        raise ValidationFailed.single("pushId", "ALREADY_RECORDED", "该推送已登记发送记录")
    issues: list[FieldIssue] = _dispatch_issues(draft, push)
    number = draft.number.strip()
    upload = await check_file(draft.file, "file", issues) if draft.file else None
    if issues:
        raise ValidationFailed(issues)
    push.dispatch_channel = draft.channel
    push.dispatch_number = number
    push.dispatch_on = draft.sent_on
    push.dispatch_note = draft.note.strip()
    if upload is not None:
        push.dispatch_file_name = upload.name
        push.dispatch_sha256 = upload.stored.sha256
        push.dispatch_type = upload.stored.content_type
        push.dispatch_size = upload.stored.size
    push.dispatched_by = username
    push.dispatched_at = utcnow()
    session.add(push)
    await session.flush()
    return push
