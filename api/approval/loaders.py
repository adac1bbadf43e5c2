"""Per-request DataLoaders of the approval subgraph."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader

from api.approval import services
from api.approval.models import Application


@dataclass
class ApprovalLoaders:
    session: AsyncSession
    application: DataLoader[int, Application | None] = field(init=False)
    applications_by_matter: DataLoader[int, list[Application]] = field(init=False)
    applications_by_applicant: DataLoader[str, list[Application]] = field(init=False)

    def __post_init__(self) -> None:
        async def load(ids: list[int]) -> list[Application | None]:
            return await services.applications_by_ids(session=self.session, ids=ids)

        async def by_matter(ids: list[int]) -> list[list[Application]]:
            return await services.applications_by_matter_ids(session=self.session, matter_ids=ids)

        async def by_applicant(codes: list[str]) -> list[list[Application]]:
            return await services.applications_by_applicant_codes(session=self.session, codes=codes)

        self.application = DataLoader(load_fn=load)
        self.applications_by_matter = DataLoader(load_fn=by_matter)
        self.applications_by_applicant = DataLoader(load_fn=by_applicant)
