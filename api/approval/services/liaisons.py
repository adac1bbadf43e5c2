"""Approval's copy of catalog's liaisons (``catalog.liaison.appointed``, docs/EVENTS.md).

A push, and its SMS, go to the receive liaison current on the day of the push; overdue
reminders and cards to the one current when they are sent. Periods are whole local days;
on a day the current assignment of a kind is the one with the latest ``valid_from`` not
after it, so a successor named ahead of time takes over on its first day and not before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import Liaison, Push

RECEIVE = "RECEIVE"
HEAD = "HEAD"  # the department head: red cards text them too


@dataclass(frozen=True)
class Contact:
    name: str
    mobile: str


async def store(session: AsyncSession, payload: dict[str, Any], *, message_id: int) -> bool:
    """Upsert one assignment; a message older than the one applied last changes nothing."""
    assignment_id = int(payload["assignment_id"])
    row = await session.get(Liaison, assignment_id)
    if row is not None and row.message_id > message_id:
        return False
    until = payload.get("valid_until")
    if row is None:
        row = Liaison(
            assignment_id=assignment_id,
            department_id=0,
            kind="",
            person_id=0,
            name="",
            valid_from=date.min,
            message_id=message_id,
        )
    row.department_id = int(payload["department_id"])
    row.kind = str(payload["kind"])
    row.person_id = int(payload["person_id"])
    row.name = str(payload["name"])
    row.mobile = str(payload.get("mobile") or "")
    row.valid_from = date.fromisoformat(str(payload["valid_from"]))
    row.valid_until = date.fromisoformat(str(until)) if until else None
    row.message_id = message_id
    session.add(row)
    await session.flush()
    return True


async def current(
    session: AsyncSession, department_id: int, day: date, kind: str = RECEIVE
) -> Contact | None:
    """The department's liaison of ``kind`` on ``day``; None if catalog named none yet."""
    stmt = (
        select(Liaison)
        .where(
            Liaison.department_id == department_id,
            Liaison.kind == kind,
            col(Liaison.valid_from) <= day,
        )
        .order_by(col(Liaison.valid_from).desc(), col(Liaison.assignment_id).desc())
        .limit(1)
    )
    row = (await session.exec(stmt)).first()
    return Contact(row.name, row.mobile) if row is not None else None


async def for_push(session: AsyncSession, push: Push, day: date) -> Contact:
    """Whom to text about ``push`` on ``day``: the liaison current then, else whom the push
    notified (a database whose copy was never filled)."""
    found = await current(session, push.department_id, day)
    return found or Contact(push.receive_liaison_name, push.receive_liaison_mobile)
