"""Supervision business rules. No Strawberry here: tests call these directly.

A supervising department records inspection and spot-check results, administrative
measures, enforcement results and abnormal credit information against an application that
was pushed to it, or against a subject; each is emitted as ``supervision.finding.recorded``
(approval files the abnormal ones in the approving department's inbox; credit aggregates).
Policy notices go to every department linked to the matters they name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import col, or_, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core import events, files
from api.core.audit import note_out_of_scope
from api.core.clock import local_today, utcnow
from api.core.errors import FieldIssue, ValidationFailed
from api.core.identifiers import id_number_problem, uscc_problem
from api.core.loaders import fetch_many_per_key, fetch_one_per_key
from api.core.models import User
from api.core.pagination import MAX_PAGE, keyset_page
from api.core.pagination import KeysetPage as Page
from api.core.scope import Scope
from api.supervision.models import (
    Finding,
    FindingCreate,
    LinkedMatter,
    NoticeAttachment,
    NoticeDelivery,
    PolicyNotice,
    PolicyNoticeCreate,
    ReceivedPush,
    ResultType,
)

MAX_ATTACHMENTS = 10


# Results issued as a numbered decision: the credit record and the approving side cite it.
DOCUMENTED_RESULTS = frozenset({ResultType.PENALIZED, ResultType.LICENCE_REVOKED})
MAX_DOCUMENT_NUMBER = 100


def _field_issues(data: FindingCreate) -> list[FieldIssue]:
    """What is wrong with the fields themselves, before anything is looked up."""
    issues: list[FieldIssue] = []
    if not data.summary.strip():
        issues.append(FieldIssue("summary", "REQUIRED", "请填写检查结果摘要"))
    if data.found_on > local_today():
        issues.append(FieldIssue("foundOn", "IN_FUTURE", "检查日期不能晚于今天"))
    subject_code = data.subject_code.strip().upper()
    if data.application_id is None and not subject_code:
        issues.append(FieldIssue("applicationId", "REQUIRED", "请指定所涉办件或行政相对人"))
    if subject_code and uscc_problem(subject_code) and id_number_problem(subject_code):
        issues.append(
            FieldIssue("subjectCode", "INVALID_SUBJECT_CODE", "统一社会信用代码或身份证号码不正确")
        )
    if data.abnormal and data.result_type == ResultType.NO_ABNORMALITY:
        issues.append(FieldIssue("resultType", "CONTRADICTION", "异常结果须注明处理结果类别"))
    document_number = data.document_number.strip()
    if data.result_type in DOCUMENTED_RESULTS and not document_number:
        issues.append(
            FieldIssue("documentNumber", "REQUIRED", "行政处罚、吊销许可须填写决定书文号")
        )
    if len(document_number) > MAX_DOCUMENT_NUMBER:
        issues.append(FieldIssue("documentNumber", "TOO_LONG", "文书编号不能超过100字"))
    return issues


async def record_finding(
    *,
    session: AsyncSession,
    data: FindingCreate,
    recorded_by: str = "",
    require_push: bool = True,
) -> Finding:
    """Record a finding; ``require_push``: the application must have been pushed to the
    recording department (off only for history imported before the list existed)."""
    issues = _field_issues(data)
    subject_code = data.subject_code.strip().upper()
    document_number = data.document_number.strip()
    received: ReceivedPush | None = None
    if data.application_id is not None:
        received = (
            await session.exec(
                select(ReceivedPush)
                .where(
                    ReceivedPush.application_id == data.application_id,
                    ReceivedPush.department_id == data.department_id,
                )
                .limit(1)
            )
        ).first()
        if received is None and require_push:
            issues.append(
                FieldIssue("applicationId", "NOT_PUSHED", "该办件未推送至本部门，不能登记监管结果")
            )
    if issues:
        raise ValidationFailed(issues)
    finding = Finding.model_validate(
        data,
        update={
            "summary": data.summary.strip(),
            "document_number": document_number,
            "subject_code": subject_code or (received.applicant_code if received else ""),
            "approving_department_id": received.approving_department_id if received else None,
            "recorded_by": recorded_by,
        },
    )
    session.add(finding)
    await session.flush()
    await events.emit(
        session,
        topic="supervision.finding.recorded",
        key=str(finding.id),
        payload={
            "finding_id": finding.id,
            "application_id": finding.application_id,
            "subject_code": finding.subject_code,
            "department_id": finding.department_id,
            "kind": finding.kind.value,
            "abnormal": finding.abnormal,
            "result_type": finding.result_type.value,
            "found_on": finding.found_on.isoformat(),
            "recorded_at": finding.created_at.isoformat(),
            "summary": finding.summary,
            "measures": finding.measures,
            "document_number": finding.document_number,
        },
    )
    return finding


def finding_scope(scope: Scope) -> Any:
    """Findings a department made, or that concern its approvals."""
    if scope.city_wide:
        return sa.true()
    return or_(
        Finding.department_id == scope.department_id,
        Finding.approving_department_id == scope.department_id,
    )


async def list_findings(
    *,
    session: AsyncSession,
    scope: Scope | None = None,
    application_id: int | None = None,
    limit: int = MAX_PAGE,
    offset: int = 0,
) -> Sequence[Finding]:
    stmt = select(Finding)
    if scope is not None:
        stmt = stmt.where(finding_scope(scope))
    if application_id is not None:
        stmt = stmt.where(Finding.application_id == application_id)
    stmt = stmt.order_by(col(Finding.id)).offset(offset).limit(min(max(limit, 0), MAX_PAGE))
    return (await session.exec(stmt)).all()


async def findings_by_ids(
    *, session: AsyncSession, ids: Sequence[int], scope: Scope | None = None
) -> list[Finding | None]:
    """Findings by id; with a ``scope``, one outside it is ``None`` (not found)."""
    where = [finding_scope(scope)] if scope is not None else []
    return await fetch_one_per_key(session, Finding, Finding.id, ids, where=where)


async def findings_by_application_ids(
    *, session: AsyncSession, application_ids: Sequence[int], scope: Scope | None = None
) -> list[list[Finding]]:
    return await fetch_many_per_key(
        session,
        Finding,
        Finding.application_id,
        application_ids,
        where=[finding_scope(scope)] if scope is not None else [],
        order_by=[col(Finding.id)],
    )


# ---------------------------------------------------------------- replicas from events


async def store_received_push(session: AsyncSession, payload: dict[str, Any]) -> None:
    push_id = int(payload["push_id"])
    known_new = events.take_absent(session, ReceivedPush, push_id)  # a batch preload's finding
    held = select(ReceivedPush.id).where(ReceivedPush.push_id == push_id)
    if not known_new and (await session.exec(held)).first() is not None:
        return
    approving = payload.get("approving_department_id")
    await events.insert_later(  # with the outbox run's other rows: one insert per run
        session,
        ReceivedPush,
        {
            "push_id": push_id,
            "application_id": int(payload["application_id"]),
            "department_id": int(payload["department_id"]),
            "approving_department_id": int(approving) if approving is not None else None,
            "applicant_code": str(payload.get("applicant_code") or ""),
            "stage": str(payload["stage"]),
        },
    )


async def store_published_list(session: AsyncSession, payload: dict[str, Any]) -> None:
    version = int(payload["version"])
    held = select(LinkedMatter.id).where(LinkedMatter.version == version).limit(1)
    if (await session.exec(held)).first() is not None:
        return
    for entry in payload["entries"]:
        session.add(
            LinkedMatter(
                version=version,
                linkage_id=int(entry["linkage_id"]),
                approval_matter_id=int(entry["approval_matter_id"]),
                approving_department_id=int(entry["approving_department_id"]),
                supervision_matter_id=int(entry["supervision_matter_id"]),
                supervising_department_id=int(entry["supervising_department_id"]),
            )
        )
    await session.flush()


# ---------------------------------------------------------------- policy notices


async def announce_notice(
    *,
    session: AsyncSession,
    data: PolicyNoticeCreate,
    from_department_id: int,
    announced_by: str,
    attachments: Sequence[files.Upload] = (),
) -> PolicyNotice:
    """Either side announces a change; every department linked to the matters receives it,
    with the attached files (the circular itself), under the list version in force."""
    issues: list[FieldIssue] = []
    if not data.title.strip():
        issues.append(FieldIssue("title", "REQUIRED", "请填写通知标题"))
    if not data.body.strip():
        issues.append(FieldIssue("body", "REQUIRED", "请填写变化内容"))
    if not data.matter_ids:
        issues.append(FieldIssue("matterIds", "REQUIRED", "请选择受影响的事项"))
    if len(attachments) > MAX_ATTACHMENTS:
        issues.append(FieldIssue("attachments", "TOO_MANY", f"附件不能超过{MAX_ATTACHMENTS}个"))
    stored = [
        await files.store_upload(upload, f"attachments.{index}", issues)
        for index, upload in enumerate(attachments[:MAX_ATTACHMENTS])
    ]
    if issues:
        raise ValidationFailed(issues)
    version = (await session.exec(select(sa.func.max(LinkedMatter.version)))).one()
    in_force = select(sa.func.max(LinkedMatter.version)).scalar_subquery()
    links = (
        await session.exec(
            select(LinkedMatter).where(
                LinkedMatter.version == in_force,
                or_(
                    col(LinkedMatter.approval_matter_id).in_(data.matter_ids),
                    col(LinkedMatter.supervision_matter_id).in_(data.matter_ids),
                ),
            )
        )
    ).all()
    if not links:
        raise ValidationFailed.single("matterIds", "NOT_LINKED", "所选事项不在现行审管联动清单中")
    notice = PolicyNotice(
        title=data.title.strip(),
        body=data.body.strip(),
        change_kind=data.change_kind,
        effective_on=data.effective_on,
        matter_ids=sorted(set(data.matter_ids)),
        from_department_id=from_department_id,
        announced_by=announced_by,
        list_version=int(version) if version is not None else None,
    )
    session.add(notice)
    await session.flush()
    assert notice.id is not None  # noqa: S101
    for upload in stored:
        if upload is not None:
            session.add(
                NoticeAttachment(
                    notice_id=notice.id,
                    file_name=upload.name,
                    content_type=upload.stored.content_type,
                    size=upload.stored.size,
                    sha256=upload.stored.sha256,
                )
            )
    recipients = {link.approving_department_id for link in links} | {
        link.supervising_department_id for link in links
    }
    recipients.discard(from_department_id)
    for department_id in sorted(recipients):
        session.add(NoticeDelivery(notice_id=notice.id, department_id=department_id))
    await session.flush()
    return notice


async def received_notices(
    *, session: AsyncSession, department_id: int, first: int = MAX_PAGE, after: int | None = None
) -> Page[PolicyNotice]:
    stmt = (
        select(PolicyNotice)
        .join(NoticeDelivery, col(NoticeDelivery.notice_id) == col(PolicyNotice.id))
        .where(NoticeDelivery.department_id == department_id)
    )
    return await keyset_page(session, stmt, col(PolicyNotice.id), first=first, after=after)


async def recipients_by_notice_ids(
    *, session: AsyncSession, ids: Sequence[int]
) -> list[list[NoticeDelivery]]:
    return await fetch_many_per_key(
        session,
        NoticeDelivery,
        NoticeDelivery.notice_id,
        ids,
        order_by=[col(NoticeDelivery.department_id)],
    )


async def link_notice_to_list_version(
    *, session: AsyncSession, notice_id: int, list_version: int, department_id: int
) -> PolicyNotice:
    """Record which published list version a change of law or policy caused (once)."""
    notice = await session.get(PolicyNotice, notice_id)
    if notice is None or notice.from_department_id != department_id:
        raise ValidationFailed.single("noticeId", "NOT_FOUND", "通知不存在")
    if notice.caused_list_version is not None:
        raise ValidationFailed.single(
            "noticeId", "ALREADY_LINKED", f"该通知已关联清单第{notice.caused_list_version}版"
        )
    known = (
        await session.exec(select(LinkedMatter.id).where(LinkedMatter.version == list_version))
    ).first()
    if known is None:
        raise ValidationFailed.single("listVersion", "UNKNOWN_LIST_VERSION", "清单版本不存在")
    notice.caused_list_version = list_version
    session.add(notice)
    await session.flush()
    return notice


async def issued_notices(
    *, session: AsyncSession, department_id: int, first: int = MAX_PAGE, after: int | None = None
) -> Page[PolicyNotice]:
    """The notices a department issued (its view of who has read them)."""
    stmt = select(PolicyNotice).where(PolicyNotice.from_department_id == department_id)
    return await keyset_page(session, stmt, col(PolicyNotice.id), first=first, after=after)


async def mark_notice_read(
    *, session: AsyncSession, notice_id: int, department_id: int, username: str, user_id: int
) -> NoticeDelivery:
    """The caller's department has read a notice it received (the first reading is kept)."""
    stmt = (
        select(NoticeDelivery)
        .where(NoticeDelivery.notice_id == notice_id, NoticeDelivery.department_id == department_id)
        .with_for_update()
    )
    delivery = (await session.exec(stmt)).first()
    if delivery is None:
        if await session.get(PolicyNotice, notice_id) is not None:
            note_out_of_scope("policy_notice", notice_id)
        raise ValidationFailed.single("noticeId", "NOT_FOUND", "通知不存在")
    if delivery.read_at is None:
        user = await session.get(User, user_id)
        delivery.read_at = utcnow()
        delivery.read_by = username
        delivery.reader_name = (user.display_name if user else "") or username
        session.add(delivery)
        await session.flush()
    return delivery


async def notice_visible(session: AsyncSession, notice_id: int, department_id: int) -> bool:
    """Issued by the department or delivered to it."""
    notice = await session.get(PolicyNotice, notice_id)
    if notice is None:
        return False
    if notice.from_department_id == department_id:
        return True
    delivered = (
        await session.exec(
            select(NoticeDelivery.id).where(
                NoticeDelivery.notice_id == notice_id,
                NoticeDelivery.department_id == department_id,
            )
        )
    ).first()
    return delivered is not None


@dataclass(frozen=True)
class AttachmentContent:
    attachment: NoticeAttachment
    data: bytes


async def attachment_content(
    *, session: AsyncSession, attachment_id: int, scope: Scope
) -> AttachmentContent | None:
    """A notice's attachment: for the issuing and the receiving departments (or city-wide
    readers); anyone else gets not-found, audited."""
    attachment = await session.get(NoticeAttachment, attachment_id)
    if attachment is None:
        return None
    if not scope.city_wide and not await notice_visible(
        session, attachment.notice_id, scope.department_id
    ):
        note_out_of_scope("notice_attachment", attachment_id)
        return None
    data = await files.default_store().get(attachment.sha256)
    return AttachmentContent(attachment, data) if data is not None else None


async def attachments_by_notice_ids(
    *, session: AsyncSession, ids: Sequence[int]
) -> list[list[NoticeAttachment]]:
    return await fetch_many_per_key(
        session,
        NoticeAttachment,
        NoticeAttachment.notice_id,
        ids,
        order_by=[col(NoticeAttachment.id)],
    )


async def get_notice(*, session: AsyncSession, notice_id: int) -> PolicyNotice:
    notice = await session.get(PolicyNotice, notice_id)
    if notice is None:
        raise ValidationFailed.single("noticeId", "NOT_FOUND", "通知不存在")
    return notice
