"""Per-request DataLoaders: one SQL statement per batch of keys, never one per object."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader

from api.catalog import services
from api.catalog.models import (
    BasisDocument,
    ChangedEntity,
    ChangeRecord,
    Department,
    LiaisonAssignment,
    Matter,
    Person,
    Position,
    Section,
)
from api.catalog.services import linkages
from api.core.loaders import display_name_loader

ValueT = TypeVar("ValueT")


def _loader(
    session: AsyncSession,
    fetch: Callable[..., Awaitable[Sequence[ValueT]]],
    keyword: str = "ids",
) -> DataLoader[int, ValueT]:
    async def load(keys: list[int]) -> list[ValueT]:
        return list(await fetch(session=session, **{keyword: keys}))

    return DataLoader(load_fn=load)


def _history(session: AsyncSession, entity: ChangedEntity) -> DataLoader[int, list[ChangeRecord]]:
    async def load(keys: list[int]) -> list[list[ChangeRecord]]:
        return await services.changes_of(session=session, entity=entity, ids=keys)

    return DataLoader(load_fn=load)


@dataclass
class CatalogLoaders:
    session: AsyncSession
    department: DataLoader[int, Department | None] = field(init=False)
    matter: DataLoader[int, Matter | None] = field(init=False)
    section: DataLoader[int, Section | None] = field(init=False)
    person: DataLoader[int, Person | None] = field(init=False)
    basis_document: DataLoader[int, BasisDocument | None] = field(init=False)
    sections_of_department: DataLoader[int, list[Section]] = field(init=False)
    people_of_section: DataLoader[int, list[Person]] = field(init=False)
    positions_of_person: DataLoader[int, list[Position]] = field(init=False)
    liaisons_of_department: DataLoader[int, list[LiaisonAssignment]] = field(init=False)
    history_of_linkage: DataLoader[int, list[ChangeRecord]] = field(init=False)
    history_of_matter: DataLoader[int, list[ChangeRecord]] = field(init=False)
    display_name: DataLoader[str, str] = field(init=False)
    history_of_person: DataLoader[int, list[ChangeRecord]] = field(init=False)
    history_of_section: DataLoader[int, list[ChangeRecord]] = field(init=False)

    def __post_init__(self) -> None:
        s = self.session
        self.display_name = display_name_loader(s)
        self.department = _loader(s, services.departments_by_ids)
        self.matter = _loader(s, services.matters_by_ids)
        self.section = _loader(s, services.sections_by_ids)
        self.person = _loader(s, services.people_by_ids)
        self.basis_document = _loader(s, linkages.basis_documents_by_ids)
        self.sections_of_department = _loader(s, services.sections_of, "department_ids")
        self.people_of_section = _loader(s, services.people_of, "section_ids")
        self.positions_of_person = _loader(s, services.positions_of, "person_ids")
        self.liaisons_of_department = _loader(s, services.liaisons_of, "department_ids")
        self.history_of_linkage = _history(s, ChangedEntity.LINKAGE)
        self.history_of_matter = _history(s, ChangedEntity.MATTER)
        self.history_of_person = _history(s, ChangedEntity.PERSON)
        self.history_of_section = _history(s, ChangedEntity.SECTION)
