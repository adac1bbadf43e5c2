"""SMS state of pushes and cards: sent, waiting, retrying, or 未送达 with the last error.

A push's reminder (``push:<id>``) and a card's messages (``card:<id>:liaison`` and, for red,
``card:<id>:head``) are sent by the outbox consumer ``approval.sms`` while it handles the
push's or card's event. The state is read from what the system already records: the sent
message (``approval_sms_message``) if there is one, else the event's delivery (``core_outbox``):
pending without an attempt → waiting; pending after failed attempts → retrying, with the
last error and the next attempt; dead → 未送达 with the last error (an administrator can
send it round again); delivered without a message → nothing was sent (no mobile known).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import CardColor, EscalationCard, Push
from api.approval.models.sms import SmsMessage
from api.core.events import OutboxMessage, OutboxStatus

PUSH_TOPIC = "approval.push.created"
CARD_TOPIC = "approval.escalation.raised"


class SmsState(StrEnum):
    SENT = "SENT"  # 已发送
    QUEUED = "QUEUED"  # 待发送
    RETRYING = "RETRYING"  # 发送失败，重试中
    UNDELIVERED = "UNDELIVERED"  # 未送达（死信）
    NOT_SENT = "NOT_SENT"  # 未发送：未登记手机号


class SmsRole(StrEnum):
    LIAISON = "LIAISON"  # 接收联络员
    HEAD = "HEAD"  # 部门负责人


@dataclass(frozen=True)
class Delivery:
    role: SmsRole
    state: SmsState
    recipient_name: str
    attempts: int = 0
    last_error: str | None = None
    sent_at: datetime | None = None
    next_attempt_at: datetime | None = None


_WRAPPED = re.compile(r"^\w+\((['\"])(?P<text>.*)\1\)$", re.DOTALL)


def readable_error(error: str | None) -> str | None:
    """The outbox keeps ``repr(exc)``; show the message (``SmsError('短信服务拒绝…')``)."""
    if not error:
        return None
    found = _WRAPPED.match(error.strip())
    return found.group("text") if found else error


def _state(
    role: SmsRole, name: str, sent: SmsMessage | None, event: OutboxMessage | None
) -> Delivery:
    if sent is not None:
        return Delivery(role, SmsState.SENT, sent.recipient_name or name, sent_at=sent.sent_at)
    if event is None or event.status == OutboxStatus.DELIVERED:
        return Delivery(role, SmsState.NOT_SENT, name)
    error = readable_error(event.last_error)
    if event.status == OutboxStatus.DEAD:
        return Delivery(role, SmsState.UNDELIVERED, name, event.attempts, error)
    if event.attempts == 0:
        return Delivery(role, SmsState.QUEUED, name, next_attempt_at=event.next_attempt_at)
    return Delivery(
        role, SmsState.RETRYING, name, event.attempts, error, None, event.next_attempt_at
    )


async def _sent(session: AsyncSession, keys: Sequence[str]) -> dict[str, SmsMessage]:
    if not keys:
        return {}
    rows = (await session.exec(select(SmsMessage).where(col(SmsMessage.key).in_(list(keys))))).all()
    return {row.key: row for row in rows}


async def _events(
    session: AsyncSession, topic: str, keys: Sequence[str]
) -> dict[str, OutboxMessage]:
    if not keys:
        return {}
    rows = (
        await session.exec(
            select(OutboxMessage)
            .where(OutboxMessage.topic == topic, col(OutboxMessage.key).in_(list(keys)))
            .order_by(col(OutboxMessage.id))
        )
    ).all()
    return {row.key: row for row in rows}  # the latest event of a key wins


async def push_deliveries(session: AsyncSession, pushes: Sequence[Push]) -> list[Delivery]:
    """The reminder SMS of each push (to the receive liaison), in the order given."""
    ids = [str(p.id) for p in pushes]
    sent = await _sent(session, [f"push:{i}" for i in ids])
    events = await _events(session, PUSH_TOPIC, ids)
    return [
        _state(
            SmsRole.LIAISON,
            p.receive_liaison_name,
            sent.get(f"push:{p.id}"),
            events.get(str(p.id)) if p.receive_liaison_mobile else None,
        )
        for p in pushes
    ]


async def card_deliveries(
    session: AsyncSession, cards: Sequence[EscalationCard]
) -> list[list[Delivery]]:
    """Each card's messages: the liaison's, and for a red card the department head's."""
    ids = [str(c.id) for c in cards]
    keys = [f"card:{i}:{role}" for i in ids for role in ("liaison", "head")]
    sent = await _sent(session, keys)
    events = await _events(session, CARD_TOPIC, ids)
    found: list[list[Delivery]] = []
    for card in cards:
        event = events.get(str(card.id))
        roles = [(SmsRole.LIAISON, "liaison", card.liaison_name)]
        if card.color == CardColor.RED:
            roles.append((SmsRole.HEAD, "head", "部门负责人"))
        found.append(
            [
                _state(role, name, sent.get(f"card:{card.id}:{key}"), event)
                for role, key, name in roles
            ]
        )
    return found


async def cards_by_ids(session: AsyncSession, ids: Sequence[int]) -> list[EscalationCard | None]:
    rows = (await session.exec(select(EscalationCard).where(col(EscalationCard.id).in_(ids)))).all()
    by_id = {row.id: row for row in rows}
    return [by_id.get(i) for i in ids]
