"""Per-request DataLoaders of the credit subgraph."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader

from api.credit import services
from api.credit.models import CreditRecord, Subject


@dataclass
class CreditLoaders:
    session: AsyncSession
    subject: DataLoader[str, Subject | None] = field(init=False)
    records_by_subject: DataLoader[str, list[CreditRecord]] = field(init=False)

    def __post_init__(self) -> None:
        async def load(codes: list[str]) -> list[Subject | None]:
            return await services.subjects_by_codes(session=self.session, codes=codes)

        async def records(codes: list[str]) -> list[list[CreditRecord]]:
            return await services.records_by_subject_codes(session=self.session, codes=codes)

        self.subject = DataLoader(load_fn=load)
        self.records_by_subject = DataLoader(load_fn=records)
