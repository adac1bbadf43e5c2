"""The message centre: each live inbox event is also a message that names its case, read or
unread per user (``message_models``). ``post`` writes the message and notifies the inbox in
the caller's transaction, so a tab that hears the event finds the message."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import Application, LinkageEntry, Push
from api.approval.models.messages import InboxMessage, InboxMessageRead
from api.core import live
from api.core.errors import ValidationFailed
from api.core.models import utcnow
from api.core.pagination import keyset_page


@dataclass(frozen=True)
class ShownMessage:
    message: InboxMessage
    read_at: datetime | None


@dataclass(frozen=True)
class MessagePage:
    rows: Sequence[ShownMessage]
    total: int
    has_next: bool


async def _matter_name(session: AsyncSession, application: Application) -> str:
    """The matter's name as pushed (the push content), else as the list in force names it."""
    pushed = (
        await session.exec(
            select(Push.content).where(Push.application_id == application.id).limit(1)
        )
    ).first()
    if isinstance(pushed, dict) and pushed.get("matter_name"):
        return str(pushed["matter_name"])
    entry = (
        await session.exec(
            select(LinkageEntry.approval_matter_name)
            .where(LinkageEntry.approval_matter_id == application.matter_id)
            .order_by(col(LinkageEntry.id).desc())
            .limit(1)
        )
    ).first()
    return str(entry or "")


async def post(
    session: AsyncSession,
    *,
    department_id: int,
    kind: str,
    ref_id: int,
    application_id: int | None = None,
    matter_name: str | None = None,
) -> None:
    """Write the department's message for ``kind``/``ref_id`` (once) and tell its inbox."""
    from api.approval.services import application_number_of  # noqa: PLC0415 - services imports us

    exists = (
        await session.exec(
            select(InboxMessage.id).where(
                InboxMessage.department_id == department_id,
                InboxMessage.kind == kind,
                InboxMessage.ref_id == ref_id,
            )
        )
    ).first()
    if exists is None:
        message = InboxMessage(department_id=department_id, kind=kind, ref_id=ref_id)
        application = (
            await session.get(Application, application_id) if application_id is not None else None
        )
        if application is not None and application.id is not None:
            message.application_id = application.id
            message.application_number = application_number_of(
                application.id, application.submitted_at
            )
            message.applicant_name = application.applicant_name[:200]
            message.matter_name = (matter_name or await _matter_name(session, application))[:200]
        session.add(message)
        await session.flush()
    await live.notify(session, live.inbox_channel(department_id), f"{kind}:{ref_id}")


def _listed(department_id: int, username: str) -> Any:
    read = sa.and_(
        col(InboxMessageRead.message_id) == col(InboxMessage.id),
        col(InboxMessageRead.username) == username,
    )
    return (
        select(InboxMessage, col(InboxMessageRead.read_at))
        .outerjoin(InboxMessageRead, read)
        .where(col(InboxMessage.department_id) == department_id)
    )


async def messages_for(
    *,
    session: AsyncSession,
    department_id: int,
    username: str,
    unread_only: bool = False,
    first: int = 20,
    after: int | None = None,
) -> MessagePage:
    """The department's messages as ``username`` has read them, newest first."""
    stmt = _listed(department_id, username)
    if unread_only:
        stmt = stmt.where(col(InboxMessageRead.read_at).is_(None))
    page = await keyset_page(
        session, stmt, col(InboxMessage.id), first=first, after=after, newest_first=True
    )
    shown = [ShownMessage(message=m, read_at=r) for m, r in page.rows]
    return MessagePage(rows=shown, total=page.total, has_next=page.has_next)


async def unread_count(*, session: AsyncSession, department_id: int, username: str) -> int:
    stmt = _listed(department_id, username).where(col(InboxMessageRead.read_at).is_(None))
    count = select(sa.func.count()).select_from(stmt.subquery())
    return int((await session.exec(count)).one())


async def mark_read(
    *, session: AsyncSession, message_id: int, department_id: int, username: str
) -> ShownMessage:
    """Mark one of the department's messages read for ``username`` (the first time counts)."""
    message = await session.get(InboxMessage, message_id)
    if message is None or message.department_id != department_id:
        raise ValidationFailed.single("messageId", "NOT_FOUND", "消息不存在")
    stmt = select(InboxMessageRead).where(
        InboxMessageRead.message_id == message_id, InboxMessageRead.username == username
    )
    read = (await session.exec(stmt)).first()
    if read is None:
        read = InboxMessageRead(message_id=message_id, username=username, read_at=utcnow())
        session.add(read)
        await session.flush()
    return ShownMessage(message=message, read_at=read.read_at)


async def mark_all_read(*, session: AsyncSession, department_id: int, username: str) -> int:
    """Mark every unread message of the department read for ``username``; how many were."""
    unread = _listed(department_id, username).where(col(InboxMessageRead.read_at).is_(None))
    ids = [m.id for m, _ in (await session.exec(unread)).all()]
    now = utcnow()
    session.add_all(
        InboxMessageRead(message_id=i, username=username, read_at=now) for i in ids if i
    )
    await session.flush()
    return len(ids)
