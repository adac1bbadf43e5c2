"""Per-request DataLoaders: one SQL statement per batch of keys, never one per object."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader

from api.catalog import services
from api.catalog.models import Department, Matter


@dataclass
class CatalogLoaders:
    session: AsyncSession
    department: DataLoader[int, Department | None] = field(init=False)
    matter: DataLoader[int, Matter | None] = field(init=False)

    def __post_init__(self) -> None:
        async def load_departments(ids: list[int]) -> list[Department | None]:
            return await services.departments_by_ids(session=self.session, ids=ids)

        async def load_matters(ids: list[int]) -> list[Matter | None]:
            return await services.matters_by_ids(session=self.session, ids=ids)

        self.department = DataLoader(load_fn=load_departments)
        self.matter = DataLoader(load_fn=load_matters)
