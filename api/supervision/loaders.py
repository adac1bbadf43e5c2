"""Per-request DataLoaders of the supervision subgraph (scoped ones made per scope)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader

from api.core.loaders import display_name_loader
from api.core.scope import Scope
from api.supervision import services
from api.supervision.models import Finding, NoticeAttachment, NoticeDelivery


@dataclass
class SupervisionLoaders:
    session: AsyncSession
    finding: DataLoader[int, Finding | None] = field(init=False)
    notice_recipients: DataLoader[int, list[NoticeDelivery]] = field(init=False)
    notice_attachments: DataLoader[int, list[NoticeAttachment]] = field(init=False)
    display_name: DataLoader[str, str] = field(init=False)
    _by_application: dict[Scope, DataLoader[int, list[Finding]]] = field(default_factory=dict)
    _in_scope: dict[Scope, DataLoader[int, Finding | None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        async def load(ids: list[int]) -> list[Finding | None]:
            return await services.findings_by_ids(session=self.session, ids=ids)

        async def recipients(ids: list[int]) -> list[list[NoticeDelivery]]:
            return await services.recipients_by_notice_ids(session=self.session, ids=ids)

        self.finding = DataLoader(load_fn=load)

        async def attachments(ids: list[int]) -> list[list[NoticeAttachment]]:
            return await services.attachments_by_notice_ids(session=self.session, ids=ids)

        self.notice_recipients = DataLoader(load_fn=recipients)
        self.notice_attachments = DataLoader(load_fn=attachments)
        self.display_name = display_name_loader(self.session)

    def finding_in(self, scope: Scope) -> DataLoader[int, Finding | None]:
        """Findings by id within ``scope`` (entity references): one query per batch."""
        if scope not in self._in_scope:

            async def in_scope(ids: list[int]) -> list[Finding | None]:
                return await services.findings_by_ids(session=self.session, ids=ids, scope=scope)

            self._in_scope[scope] = DataLoader(load_fn=in_scope)
        return self._in_scope[scope]

    def findings_by_application(self, scope: Scope) -> DataLoader[int, list[Finding]]:
        if scope not in self._by_application:

            async def by_application(ids: list[int]) -> list[list[Finding]]:
                return await services.findings_by_application_ids(
                    session=self.session, application_ids=ids, scope=scope
                )

            self._by_application[scope] = DataLoader(load_fn=by_application)
        return self._by_application[scope]
