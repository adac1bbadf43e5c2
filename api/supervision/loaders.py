"""Per-request DataLoaders of the supervision subgraph."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader

from api.supervision import services
from api.supervision.models import Finding


@dataclass
class SupervisionLoaders:
    session: AsyncSession
    finding: DataLoader[int, Finding | None] = field(init=False)
    findings_by_application: DataLoader[int, list[Finding]] = field(init=False)

    def __post_init__(self) -> None:
        async def load(ids: list[int]) -> list[Finding | None]:
            return await services.findings_by_ids(session=self.session, ids=ids)

        async def by_application(ids: list[int]) -> list[list[Finding]]:
            return await services.findings_by_application_ids(
                session=self.session, application_ids=ids
            )

        self.finding = DataLoader(load_fn=load)
        self.findings_by_application = DataLoader(load_fn=by_application)
