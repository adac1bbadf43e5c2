"""Per-request DataLoaders of the approval subgraph.

Lists seen through another subgraph's entity (``Matter.applications``) are filtered in SQL by
the caller's scope: those loaders are made per scope (one per request in practice).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader

from api.approval import services
from api.approval.models import (
    Application,
    EscalationCard,
    LegalDocument,
    LinkageEntry,
    MeasureRecord,
    Push,
)
from api.approval.models.facilitation import Commitment, MissingItem, VerificationTask
from api.approval.services import delivery, facilitation
from api.approval.services.delivery import Delivery
from api.core.loaders import display_name_loader
from api.core.scope import Scope


@dataclass
class ApprovalLoaders:
    session: AsyncSession
    application: DataLoader[int, Application | None] = field(init=False)
    documents_by_application: DataLoader[int, list[LegalDocument]] = field(init=False)
    pushes_by_application: DataLoader[int, list[Push]] = field(init=False)
    push: DataLoader[int, Push | None] = field(init=False)
    responsibilities_by_push: DataLoader[int, list[LinkageEntry]] = field(init=False)
    cards_by_push: DataLoader[int, list[EscalationCard]] = field(init=False)
    measures_by_application: DataLoader[int, list[MeasureRecord]] = field(init=False)
    missing_items_by_application: DataLoader[int, list[MissingItem]] = field(init=False)
    commitment_by_application: DataLoader[int, Commitment | None] = field(init=False)
    verifications_by_application: DataLoader[int, list[VerificationTask]] = field(init=False)
    push_sms: DataLoader[int, Delivery] = field(init=False)
    card_sms: DataLoader[int, list[Delivery]] = field(init=False)
    display_name: DataLoader[str, str] = field(init=False)
    _by_matter: dict[Scope, DataLoader[int, list[Application]]] = field(default_factory=dict)
    _in_scope: dict[Scope, DataLoader[int, Application | None]] = field(default_factory=dict)
    _by_applicant: dict[Scope, DataLoader[str, list[Application]]] = field(default_factory=dict)
    _covered: dict[Scope, DataLoader[int, bool]] = field(default_factory=dict)

    def _people_loaders(self) -> None:
        self.display_name = display_name_loader(self.session)

    def __post_init__(self) -> None:
        async def load(ids: list[int]) -> list[Application | None]:
            return await services.applications_by_ids(session=self.session, ids=ids)

        async def documents(ids: list[int]) -> list[list[LegalDocument]]:
            return await services.documents_by_application_ids(session=self.session, ids=ids)

        async def pushes(ids: list[int]) -> list[list[Push]]:
            return await services.pushes_by_application_ids(session=self.session, ids=ids)

        self.application = DataLoader(load_fn=load)
        self._people_loaders()
        self.documents_by_application = DataLoader(load_fn=documents)

        async def push(ids: list[int]) -> list[Push | None]:
            return await services.pushes_by_ids(session=self.session, ids=ids)

        async def responsibilities(ids: list[int]) -> list[list[LinkageEntry]]:
            return await services.responsibilities_by_push_ids(session=self.session, ids=ids)

        async def cards(ids: list[int]) -> list[list[EscalationCard]]:
            return await services.cards_by_push_ids(session=self.session, ids=ids)

        async def measures(ids: list[int]) -> list[list[MeasureRecord]]:
            return await services.measures_by_application_ids(session=self.session, ids=ids)

        self.measures_by_application = DataLoader(load_fn=measures)
        self._facilitation_loaders()
        self.pushes_by_application = DataLoader(load_fn=pushes)
        self.push = DataLoader(load_fn=push)
        self.responsibilities_by_push = DataLoader(load_fn=responsibilities)
        self.cards_by_push = DataLoader(load_fn=cards)

        async def push_sms(ids: list[int]) -> list[Delivery]:
            rows = await self.push.load_many(ids)  # shares the push loader's batch
            found = await delivery.push_deliveries(self.session, [r for r in rows if r])
            by_id = dict(zip([r.id for r in rows if r], found, strict=True))
            none = Delivery(delivery.SmsRole.LIAISON, delivery.SmsState.NOT_SENT, "")
            return [by_id.get(i, none) for i in ids]

        async def card_sms(ids: list[int]) -> list[list[Delivery]]:
            rows = await delivery.cards_by_ids(self.session, ids)
            found = await delivery.card_deliveries(self.session, [r for r in rows if r])
            by_id = dict(zip([r.id for r in rows if r], found, strict=True))
            return [by_id.get(i, []) for i in ids]

        self.push_sms = DataLoader(load_fn=push_sms)
        self.card_sms = DataLoader(load_fn=card_sms)

    def _facilitation_loaders(self) -> None:
        async def missing(ids: list[int]) -> list[list[MissingItem]]:
            return await facilitation.items_by_application_ids(self.session, ids)

        async def commitments(ids: list[int]) -> list[Commitment | None]:
            return await facilitation.commitments_by_application_ids(self.session, ids)

        async def verifications(ids: list[int]) -> list[list[VerificationTask]]:
            return await facilitation.tasks_by_application_ids(self.session, ids)

        self.missing_items_by_application = DataLoader(load_fn=missing)
        self.commitment_by_application = DataLoader(load_fn=commitments)
        self.verifications_by_application = DataLoader(load_fn=verifications)

    def application_in(self, scope: Scope) -> DataLoader[int, Application | None]:
        """Applications by id within ``scope`` (entity references): one query per batch."""
        if scope not in self._in_scope:

            async def in_scope(ids: list[int]) -> list[Application | None]:
                return await services.applications_by_ids(
                    session=self.session, ids=ids, scope=scope
                )

            self._in_scope[scope] = DataLoader(load_fn=in_scope)
        return self._in_scope[scope]

    def applications_by_matter(self, scope: Scope) -> DataLoader[int, list[Application]]:
        if scope not in self._by_matter:

            async def by_matter(ids: list[int]) -> list[list[Application]]:
                return await services.applications_by_matter_ids(
                    session=self.session, matter_ids=ids, scope=scope
                )

            self._by_matter[scope] = DataLoader(load_fn=by_matter)
        return self._by_matter[scope]

    def applications_by_applicant(self, scope: Scope) -> DataLoader[str, list[Application]]:
        if scope not in self._by_applicant:

            async def by_applicant(codes: list[str]) -> list[list[Application]]:
                return await services.applications_by_applicant_codes(
                    session=self.session, codes=codes, scope=scope
                )

            self._by_applicant[scope] = DataLoader(load_fn=by_applicant)
        return self._by_applicant[scope]

    def application_in_scope(self, scope: Scope) -> DataLoader[int, bool]:
        """Whether the scope covers each application (one SQL statement per batch)."""
        if scope not in self._covered:

            async def covered(ids: list[int]) -> list[bool]:
                return await services.application_ids_in_scope(
                    session=self.session, ids=ids, scope=scope
                )

            self._covered[scope] = DataLoader(load_fn=covered)
        return self._covered[scope]
