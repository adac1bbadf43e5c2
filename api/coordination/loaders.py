"""Per-request DataLoaders of the coordination subgraph (one statement per relation)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlmodel import SQLModel, col
from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader

from api.coordination.models import (
    AgendaItem,
    Decision,
    EscalationAction,
    EscalationActionLinkage,
    EscalationAttachment,
    EscalationTransition,
    MeetingExchange,
    MeetingParticipant,
)
from api.core.loaders import display_name_loader, fetch_many_per_key

RowT = TypeVar("RowT", bound=SQLModel)


def _by_parent(
    session: AsyncSession, model: type[RowT], parent: Any, order: Any
) -> DataLoader[int, list[RowT]]:
    """Each parent's rows of ``model`` (``parent`` is the foreign key), by ``order``, then id."""

    async def load(ids: list[int]) -> list[list[RowT]]:
        return await fetch_many_per_key(
            session,
            model,
            parent,
            ids,
            order_by=[col(order), col(model.id)],  # type: ignore[attr-defined]
        )

    return DataLoader(load_fn=load)


@dataclass
class CoordinationLoaders:
    session: AsyncSession
    participants: DataLoader[int, list[MeetingParticipant]] = field(init=False)
    agenda: DataLoader[int, list[AgendaItem]] = field(init=False)
    decisions: DataLoader[int, list[Decision]] = field(init=False)
    exchanges: DataLoader[int, list[MeetingExchange]] = field(init=False)
    transitions: DataLoader[int, list[EscalationTransition]] = field(init=False)
    attachments: DataLoader[int, list[EscalationAttachment]] = field(init=False)
    actions: DataLoader[int, list[EscalationAction]] = field(init=False)
    action_linkages: DataLoader[int, list[EscalationActionLinkage]] = field(init=False)
    display_name: DataLoader[str, str] = field(init=False)

    def __post_init__(self) -> None:
        s = self.session
        self.participants = _by_parent(
            s, MeetingParticipant, MeetingParticipant.meeting_id, MeetingParticipant.department_id
        )
        self.agenda = _by_parent(s, AgendaItem, AgendaItem.meeting_id, AgendaItem.position)
        self.decisions = _by_parent(s, Decision, Decision.meeting_id, Decision.due_on)
        self.exchanges = _by_parent(
            s, MeetingExchange, MeetingExchange.meeting_id, MeetingExchange.recorded_at
        )
        self.transitions = _by_parent(
            s, EscalationTransition, EscalationTransition.escalation_id, EscalationTransition.at
        )
        self.attachments = _by_parent(
            s, EscalationAttachment, EscalationAttachment.escalation_id, EscalationAttachment.id
        )
        self.actions = _by_parent(
            s, EscalationAction, EscalationAction.escalation_id, EscalationAction.created_at
        )
        self.action_linkages = _by_parent(
            s,
            EscalationActionLinkage,
            EscalationActionLinkage.action_id,
            EscalationActionLinkage.linkage_id,
        )
        self.display_name = display_name_loader(s)
