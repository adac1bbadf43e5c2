"""Everything a set of linkages refers to, loaded in one statement per table.

Publication and the Excel export both flatten linkages into rows; this keeps them at a
fixed number of SQL statements however many linkages there are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.catalog.models import BasisDocument, Department, Linkage, Matter, Person, Section

T = TypeVar("T", Matter, Department, Section, Person, BasisDocument)


@dataclass(frozen=True)
class Side:
    department: Department
    section: Section
    person: Person


@dataclass(frozen=True)
class LinkageView:
    linkage: Linkage
    approval_matter: Matter
    supervision_matter: Matter
    approving: Side
    supervising: Side
    basis_document: BasisDocument | None


async def _by_id(session: AsyncSession, model: type[T], ids: set[int]) -> dict[int, T]:
    if not ids:
        return {}
    rows = (await session.exec(select(model).where(col(model.id).in_(ids)))).all()
    return {row.id: row for row in rows if row.id is not None}


async def views_of(*, session: AsyncSession, linkages: Sequence[Linkage]) -> list[LinkageView]:
    matters = await _by_id(
        session,
        Matter,
        {x.approval_matter_id for x in linkages} | {x.supervision_matter_id for x in linkages},
    )
    departments = await _by_id(
        session,
        Department,
        {x.approving_department_id for x in linkages}
        | {x.supervising_department_id for x in linkages},
    )
    sections = await _by_id(
        session,
        Section,
        {x.approving_section_id for x in linkages} | {x.supervising_section_id for x in linkages},
    )
    people = await _by_id(
        session,
        Person,
        {x.approving_person_id for x in linkages} | {x.supervising_person_id for x in linkages},
    )
    documents = await _by_id(
        session, BasisDocument, {x.basis_document_id for x in linkages if x.basis_document_id}
    )
    return [
        LinkageView(
            linkage=x,
            approval_matter=matters[x.approval_matter_id],
            supervision_matter=matters[x.supervision_matter_id],
            approving=Side(
                departments[x.approving_department_id],
                sections[x.approving_section_id],
                people[x.approving_person_id],
            ),
            supervising=Side(
                departments[x.supervising_department_id],
                sections[x.supervising_section_id],
                people[x.supervising_person_id],
            ),
            basis_document=documents.get(x.basis_document_id) if x.basis_document_id else None,
        )
        for x in linkages
    ]
