"""Per-request DataLoaders of the credit subgraph."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader

from api.core.auth import Principal
from api.core.loaders import display_name_loader, fetch_many_per_key
from api.credit import services
from api.credit.models import (
    CreditRecord,
    CreditRecordRevision,
    DeterminationEntry,
    JointPunishment,
    Subject,
)
from api.credit.services import determination, history, lookups
from api.credit.services.determination import Assessment


@dataclass
class CreditLoaders:
    session: AsyncSession
    subject: DataLoader[str, Subject | None] = field(init=False)
    records_by_subject: DataLoader[str, list[CreditRecord]] = field(init=False)
    revisions_by_record: DataLoader[int, list[CreditRecordRevision]] = field(init=False)
    punishments_by_subject: DataLoader[str, list[JointPunishment]] = field(init=False)
    assessment: DataLoader[str, Assessment] = field(init=False)
    determinations_by_subject: DataLoader[str, list[DeterminationEntry]] = field(init=False)
    display_name: DataLoader[str, str] = field(init=False)
    _browse_log: DataLoader[str, None] | None = field(init=False, default=None)
    _tracking_log: DataLoader[tuple[int, str], None] | None = field(init=False, default=None)

    def tracking_log(self, principal: Principal) -> DataLoader[tuple[int, str], None]:
        """Log each (application, applicant) whose current credit a request reads, once."""
        if self._tracking_log is None:
            session = self.session

            async def log(items: list[tuple[int, str]]) -> list[None]:
                await lookups.log_tracking(session=session, principal=principal, items=items)
                return [None] * len(items)

            self._tracking_log = DataLoader(load_fn=log)
        return self._tracking_log

    def browse_log(self, principal: Principal) -> DataLoader[str, None]:
        """Log the subjects whose credit a request reads: one INSERT per request batch."""
        if self._browse_log is None:
            session = self.session

            async def log(codes: list[str]) -> list[None]:
                await lookups.log_browse(session=session, principal=principal, subject_codes=codes)
                return [None] * len(codes)

            self._browse_log = DataLoader(load_fn=log)
        return self._browse_log

    def __post_init__(self) -> None:
        session = self.session

        async def load(codes: list[str]) -> list[Subject | None]:
            return await services.subjects_by_codes(session=session, codes=codes)

        async def records(codes: list[str]) -> list[list[CreditRecord]]:
            return await services.records_by_subject_codes(session=session, codes=codes)

        async def revisions(ids: list[int]) -> list[list[CreditRecordRevision]]:
            return await services.revisions_by_record_ids(session=session, ids=ids)

        async def punishments(codes: list[str]) -> list[list[JointPunishment]]:
            return await fetch_many_per_key(
                session,
                JointPunishment,
                JointPunishment.subject_code,
                codes,
                order_by=[col(JointPunishment.starts_on), col(JointPunishment.id)],
            )

        async def assessments(codes: list[str]) -> list[Assessment]:
            return await determination.assess_many(session=session, codes=codes)

        self.subject = DataLoader(load_fn=load)
        self.records_by_subject = DataLoader(load_fn=records)
        self.revisions_by_record = DataLoader(load_fn=revisions)
        self.punishments_by_subject = DataLoader(load_fn=punishments)

        async def determinations(codes: list[str]) -> list[list[DeterminationEntry]]:
            found = await history.entries(session, codes)
            return [found[code] for code in codes]

        self.assessment = DataLoader(load_fn=assessments)
        self.determinations_by_subject = DataLoader(load_fn=determinations)
        self.display_name = display_name_loader(session)
