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
            "meeting_id": None,
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


async def test_any_offline_push_recorded_at_a_joint_meeting_is_claimed_there_once(
    session, authorizer
):
    _, [push] = await _pushed(session, authorizer, channel="LETTER")
    payload = {
        "push_id": push.id,
        "meeting_id": 7,
        "department_id": push.department_id,
        "application_id": push.application_id,
        "claimed_at": "2026-11-20T02:00:00+00:00",  # when the meeting was held
        "recorded_at": "2026-11-21T10:00:00+08:00",
        "recorded_by": "coord",
    }

    first = await services.claim_at_meeting(session, payload)
    again = await services.claim_at_meeting(session, payload)

    assert (
        first.state,
        first.claim_method,
        first.claim_meeting_id,
        first.claimed_at.isoformat(),
        first.claimed_by,
        first.claim_note,
    ) == (
        PushState.CLAIMED,
        Channel.JOINT_MEETING,
        7,
        "2026-11-20T02:00:00+00:00",
        "coord",
        "联席会议 #7",
    )
    assert again is None
    claimed = await _messages(session, "approval.push.claimed", push.id)
    assert [(m["channel"], m["meeting_id"], m["claimed_at"]) for m in claimed] == [
        ("JOINT_MEETING", 7, "2026-11-20T02:00:00+00:00")
    ]


async def test_an_online_push_is_never_claimed_at_a_meeting(session, authorizer):
    _, [push] = await _pushed(session, authorizer, channel="ONLINE")
    payload = {"push_id": push.id, "meeting_id": 7, "claimed_at": "2026-11-20T02:00:00+00:00"}

    assert await services.claim_at_meeting(session, payload) is None
    assert push.claim_method == Channel.ONLINE
