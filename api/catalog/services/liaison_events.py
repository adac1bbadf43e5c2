"""``catalog.liaison.appointed``: approval's copy of who is a department's liaison, and when.

Emitted in the same transaction as its cause (payload in docs/EVENTS.md): when a liaison is
named (the new assignment, and the previous one whose period it closes), when the person of
an open or future assignment changes name or mobile, and for every liaison of the listed
departments at each publication (so a replica that missed one is whole again).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.catalog.models import LiaisonAssignment, Person
from api.core import events

TOPIC = "catalog.liaison.appointed"


def is_current(row: LiaisonAssignment, day: date) -> bool:
    """Periods are whole days, both ends included; ``until`` is null while open-ended."""
    return row.since <= day and (row.until is None or row.until >= day)


async def announce(session: AsyncSession, row: LiaisonAssignment, person: Person) -> None:
    await events.emit(
        session,
        topic=TOPIC,
        key=str(row.id),
        payload={
            "assignment_id": row.id,
            "department_id": row.department_id,
            "kind": row.kind.value,
            "person_id": person.id,
            "name": person.name,
            "mobile": person.mobile or "",
            "valid_from": row.since.isoformat(),
            "valid_until": row.until.isoformat() if row.until else None,
        },
    )


async def announce_person(session: AsyncSession, person: Person, today: date) -> None:
    """The person's name or mobile changed: re-announce their open and future assignments."""
    rows = (
        await session.exec(
            select(LiaisonAssignment).where(
                LiaisonAssignment.person_id == person.id,
                (col(LiaisonAssignment.until).is_(None)) | (col(LiaisonAssignment.until) >= today),
            )
        )
    ).all()
    for row in rows:
        await announce(session, row, person)


async def announce_departments(
    session: AsyncSession, department_ids: Sequence[int], today: date
) -> None:
    """Every open or future assignment of these departments (at publication)."""
    stmt = (
        select(LiaisonAssignment, Person)
        .join(Person, col(Person.id) == col(LiaisonAssignment.person_id))
        .where(
            col(LiaisonAssignment.department_id).in_(department_ids),
            (col(LiaisonAssignment.until).is_(None)) | (col(LiaisonAssignment.until) >= today),
        )
        .order_by(col(LiaisonAssignment.id))
    )
    for row, person in (await session.exec(stmt)).all():
        await announce(session, row, person)
