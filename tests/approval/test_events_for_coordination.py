"""Approval announces claims and feedback, and takes claims recorded at a joint meeting."""

from datetime import datetime

from sqlmodel import col, select

from api.approval import services
from api.approval.models import Channel, PushState
from api.core.clock import LOCAL_TZ
from api.core.events import OutboxMessage
from tests.approval.test_claim_push import _pushed


async def _messages(session, topic: str, push_id: int) -> list[dict]:
    rows = await session.exec(
        select(OutboxMessage)
        .where(OutboxMessage.topic == topic, OutboxMessage.key.startswith(str(push_id)))
        .order_by(col(OutboxMessage.id))
    )
    return [m.payload for m in rows.all() if m.payload["push_id"] == push_id]


async def test_a_created_push_carries_its_time_and_feedback_deadline(session, authorizer):
    _, pushes = await _pushed(session, authorizer, channel="ONLINE", complete=True)
    completed = next(p for p in pushes if p.stage.value == "COMPLETED")

    [payload] = await _messages(session, "approval.push.created", completed.id)

    assert payload["created_at"] == completed.pushed_at.isoformat()
    claim_due = datetime.fromisoformat(payload["claim_due_at"])
    assert claim_due.date() == completed.claim_due
    due = datetime.fromisoformat(payload["feedback_due_at"])
    assert (due.date(), due.utcoffset()) == (
        completed.feedback_due,
        datetime.now(LOCAL_TZ).utcoffset(),
    )


async def test_a_manual_claim_is_announced(session, authorizer):
    liaison, [push] = await _pushed(session, authorizer, channel="LETTER")

    claimed = await services.claim_push(
        session=session,
        push_id=push.id,
        method=Channel.LETTER,
        note="收到书面函件",
        actor=services.Actor(liaison.username, int(liaison.department_id)),
    )

    assert await _messages(session, "approval.push.claimed", push.id) == [
        {
            "push_id": push.id,
            "claimed_at": claimed.claimed_at.isoformat(),
            "claimed_by": liaison.username,
            "channel": "LETTER",
        }
    ]


async def test_a_no_abnormality_close_is_announced_as_feedback(session, authorizer):
    liaison, pushes = await _pushed(session, authorizer, channel="ONLINE", complete=True)
    completed = next(p for p in pushes if p.stage.value == "COMPLETED")

    closed = await services.close_without_abnormality(
        session=session,
        push_id=completed.id,
        actor=services.Actor(liaison.username, int(liaison.department_id)),
    )

    assert await _messages(session, "approval.feedback.recorded", completed.id) == [
        {
            "push_id": completed.id,
            "fed_back_at": closed.feedback_closed_at.isoformat(),
            "application_id": completed.application_id,
            "department_id": completed.department_id,
            "finding_id": None,
            "result": "NO_ABNORMALITY",
        }
    ]


async def test_an_exchange_recorded_at_a_joint_meeting_claims_the_push_once(session, authorizer):
    _, [push] = await _pushed(session, authorizer, channel="JOINT_MEETING")
    payload = {
        "push_id": push.id,
        "meeting_id": 7,
        "department_id": push.department_id,
        "application_id": push.application_id,
        "recorded_at": "2026-11-20T10:00:00+08:00",
        "recorded_by": "coord",
    }

    first = await services.claim_at_meeting(session, payload)
    again = await services.claim_at_meeting(session, payload)

    assert (first.state, first.claim_method, first.claimed_by, first.claim_note) == (
        PushState.CLAIMED,
        Channel.JOINT_MEETING,
        "coord",
        "联席会议 #7",
    )
    assert again is None
    assert [m["channel"] for m in await _messages(session, "approval.push.claimed", push.id)] == [
        "JOINT_MEETING"
    ]
