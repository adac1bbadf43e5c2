"""Joint meetings: convened with participants and agenda, minutes, decisions with owners and
due dates and their follow-up; any offline push exchanged at a held meeting is recorded
(claimed there) and announced to the approval side; a department that takes no part does not
see it."""

from datetime import UTC, datetime

import pytest
from sqlmodel import select

from api.coordination.models import Meeting
from api.coordination.services import facts
from api.core.events import OutboxMessage
from tests import factories
from tests.coordination.helpers import execute

CONVENE = """
mutation($input: ConveneMeetingInput!) {
  conveneMeeting(input: $input) {
    __typename
    ... on Meeting { id title status convener { id } participants { department { id } personName }
                     agenda { position title kind refId application { id } finding { id } } }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
MINUTES = """
mutation($id: ID!) {
  recordMeetingMinutes(
    meetingId: $id, minutes: "议定：明确责任分工", heldAt: "2026-06-02T02:00:00Z"
  ) {
    ... on Meeting { status minutes heldAt }
  }
}
"""
DECIDE = """
mutation($id: ID!, $owner: ID!) {
  addMeetingDecision(meetingId: $id, text: "补充工作交付书", ownerDepartmentId: $owner,
                     dueOn: "2026-06-30") {
    __typename
    ... on MeetingDecision { id text owner { id } dueOn status }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
FOLLOW_UP = """
mutation($id: ID!, $status: DecisionStatus!, $note: String!) {
  followUpMeetingDecision(decisionId: $id, status: $status, note: $note) {
    __typename
    ... on MeetingDecision { status followUp overdue }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
EXCHANGE = """
mutation($id: ID!, $push: ID!) {
  recordMeetingExchange(meetingId: $id, pushId: $push, summary: "会上交换办件信息") {
    __typename
    ... on MeetingExchange { pushId department { id } summary }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
MEETING = """
query($id: ID!) {
  meeting(id: $id) { title status decisions { text status } exchanges { pushId } }
}
"""


@pytest.fixture
async def parties(session, authorizer):
    office_dept = await factories.department(session, "协调办会议测试")
    member = await factories.department(session, "参会部门")
    outsider = await factories.department(session, "未参会部门")
    return {
        "office": await factories.user(
            session, authorizer, role="coordination_office", dept=office_dept
        ),
        "member": await factories.user(session, authorizer, role="department_head", dept=member),
        "outsider": await factories.user(
            session, authorizer, role="department_head", dept=outsider
        ),
        "member_dept": member,
    }


def _input(member_id):
    return {
        "title": "2026年第二季度审管联动联席会议",
        "scheduledAt": "2026-06-02T02:00:00Z",
        "participants": [
            {"departmentId": str(member_id), "personName": "王敏"},
            {"departmentId": str(member_id), "personName": "王敏"},
        ],
        "agenda": [
            {"title": "食品经营许可办件推送", "kind": "APPLICATION", "refId": "41"},
            {"title": "抽查发现的问题", "kind": "FINDING", "refId": "7"},
            {"title": "其他事项"},
        ],
    }


async def test_a_meeting_is_convened_held_decided_and_followed_up(session, authorizer, parties):
    office, member = parties["office"], parties["member"]
    member_id = parties["member_dept"].id
    convened = await execute(session, authorizer, office, CONVENE, input=_input(member_id))
    meeting = convened["conveneMeeting"]
    assert meeting == {
        "__typename": "Meeting",
        "id": meeting["id"],
        "title": "2026年第二季度审管联动联席会议",
        "status": "PLANNED",
        "convener": {"id": office.department_id},
        "participants": [{"department": {"id": str(member_id)}, "personName": "王敏"}],
        "agenda": [
            {
                "position": 1,
                "title": "食品经营许可办件推送",
                "kind": "APPLICATION",
                "refId": "41",
                "application": {"id": "41"},
                "finding": None,
            },
            {
                "position": 2,
                "title": "抽查发现的问题",
                "kind": "FINDING",
                "refId": "7",
                "application": None,
                "finding": {"id": "7"},
            },
            {
                "position": 3,
                "title": "其他事项",
                "kind": "OTHER",
                "refId": None,
                "application": None,
                "finding": None,
            },
        ],
    }
    held = await execute(session, authorizer, office, MINUTES, id=meeting["id"])
    assert held == {
        "recordMeetingMinutes": {
            "status": "HELD",
            "minutes": "议定：明确责任分工",
            "heldAt": "2026-06-02T02:00:00+00:00",
        }
    }
    decided = await execute(
        session, authorizer, office, DECIDE, id=meeting["id"], owner=str(member_id)
    )
    decision = decided["addMeetingDecision"]
    refused = await execute(
        session, authorizer, member, FOLLOW_UP, id=decision["id"], status="DROPPED", note=""
    )
    done = await execute(
        session, authorizer, member, FOLLOW_UP, id=decision["id"], status="DONE", note="已补充"
    )
    seen_by_member = await execute(session, authorizer, member, MEETING, id=meeting["id"])
    seen_by_outsider = await execute(
        session, authorizer, parties["outsider"], MEETING, id=meeting["id"]
    )

    assert refused["followUpMeetingDecision"] == {
        "__typename": "ValidationErrors",
        "errors": [{"field": "note", "code": "REQUIRED", "message": "不再落实须说明理由"}],
    }
    assert done == {
        "followUpMeetingDecision": {
            "__typename": "MeetingDecision",
            "status": "DONE",
            "followUp": "已补充",
            "overdue": False,
        }
    }
    assert seen_by_member == {
        "meeting": {
            "title": "2026年第二季度审管联动联席会议",
            "status": "CLOSED",
            "decisions": [{"text": "补充工作交付书", "status": "DONE"}],
            "exchanges": [],
        }
    }
    assert seen_by_outsider == {"meeting": None}


async def test_any_offline_push_is_claimed_at_a_held_meeting_once_and_announced(
    session, authorizer, parties
):
    office, member_id = parties["office"], parties["member_dept"].id
    meeting = (await execute(session, authorizer, office, CONVENE, input=_input(member_id)))[
        "conveneMeeting"
    ]
    now = datetime.now(UTC)
    pushes = (
        (8_100_001, "LETTER", "2026-06-01T01:00:00+00:00"),
        (8_100_002, "ONLINE", "2026-06-01T01:00:00+00:00"),
        (8_100_003, "OWN_SYSTEM", "2026-06-03T01:00:00+00:00"),  # after the meeting
        (8_100_004, "JOINT_MEETING", "2026-06-01T01:00:00+00:00"),
    )
    for push_id, channel, created_at in pushes:
        await facts.record_push(
            session,
            {
                "push_id": push_id,
                "application_id": 41,
                "department_id": member_id,
                "stage": "ACCEPTED",
                "channel": channel,
                "created_at": created_at,
            },
            emitted_at=now,
        )
    await facts.record_claim(
        session,
        {"push_id": 8_100_004, "claimed_at": "2026-06-01T05:00:00+00:00", "channel": "LETTER"},
    )

    def exchange(push_id):
        return execute(session, authorizer, office, EXCHANGE, id=meeting["id"], push=str(push_id))

    def refused(code, message):
        return {
            "recordMeetingExchange": {
                "__typename": "ValidationErrors",
                "errors": [{"field": field_of(code), "code": code, "message": message}],
            }
        }

    def field_of(code):
        return "meetingId" if code == "NOT_HELD" else "pushId"

    not_held = await exchange(8_100_001)
    await execute(session, authorizer, office, MINUTES, id=meeting["id"])
    recorded = await exchange(8_100_001)

    assert not_held == refused("NOT_HELD", "会议尚未召开（录入纪要后方可登记会上认领的推送）")
    assert recorded == {
        "recordMeetingExchange": {
            "__typename": "MeetingExchange",
            "pushId": "8100001",
            "department": {"id": str(member_id)},
            "summary": "会上交换办件信息",
        }
    }
    assert await exchange(8_100_001) == refused("ALREADY_RECORDED", "该推送已在会议中登记")
    assert await exchange(8_100_002) == refused("ONLINE_PUSH", "线上推送即认领，无需会上登记")
    assert await exchange(8_100_003) == refused(
        "PUSHED_AFTER_MEETING", "该推送晚于会议召开时间，不能在本次会议上认领"
    )
    assert await exchange(8_100_004) == refused("ALREADY_CLAIMED", "该推送已认领")
    assert await exchange(8_199_999) == refused("NOT_FOUND", "推送不存在")
    message = (
        await session.exec(
            select(OutboxMessage).where(
                OutboxMessage.topic == "coordination.meeting.exchange_recorded"
            )
        )
    ).one()
    meeting_row = await session.get(Meeting, int(meeting["id"]))
    assert message.payload == {
        "push_id": 8_100_001,
        "meeting_id": meeting_row.id,
        "department_id": member_id,
        "application_id": 41,
        "claimed_at": "2026-06-02T02:00:00+00:00",  # when the meeting was held
        "recorded_at": message.payload["recorded_at"],
        "recorded_by": office.username,
    }
    assert datetime.fromisoformat(message.payload["recorded_at"]) >= now


async def test_only_the_convening_department_edits_a_meeting(session, authorizer, parties):
    meeting = (
        await execute(
            session,
            authorizer,
            parties["office"],
            CONVENE,
            input=_input(parties["member_dept"].id),
        )
    )["conveneMeeting"]
    data = await execute(
        session,
        authorizer,
        parties["member"],
        DECIDE,
        id=meeting["id"],
        owner=str(parties["member_dept"].id),
    )
    assert data == {
        "addMeetingDecision": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "meetingId",
                    "code": "NOT_FOUND",
                    "message": "会议不存在或不由本部门召集",
                }
            ],
        }
    }


async def test_a_page_of_meetings_costs_one_statement_per_relation(
    session, authorizer, parties, count_statements
):
    office, member_id = parties["office"], parties["member_dept"].id
    for _ in range(3):
        await execute(session, authorizer, office, CONVENE, input=_input(member_id))
    query = """
    { meetings { title participants { personName } agenda { title } decisions { text }
                 exchanges { pushId } } }
    """
    count_statements.count = 0
    count_statements.statements.clear()

    data = await execute(session, authorizer, office, query)

    assert len(data["meetings"]) >= 3
    selects = [s for s in count_statements.statements if s.lstrip().upper().startswith("SELECT")]
    # The page, then participants, agenda, decisions and exchanges once each for all meetings.
    assert len(selects) == 5, selects


async def test_a_time_without_offset_is_china_standard_time_and_far_years_are_refused(
    session, authorizer, parties
):
    query = """
    mutation($input: ConveneMeetingInput!) {
      conveneMeeting(input: $input) {
        ... on Meeting { scheduledAt }
        ... on ValidationErrors { errors { field code message } }
      }
    }
    """
    local = _input(parties["member_dept"].id) | {"scheduledAt": "2026-06-02T10:00:00"}
    far = _input(parties["member_dept"].id) | {"scheduledAt": "0001-01-01T00:00:00"}

    assert await execute(session, authorizer, parties["office"], query, input=local) == {
        "conveneMeeting": {"scheduledAt": "2026-06-02T02:00:00+00:00"}
    }
    assert await execute(session, authorizer, parties["office"], query, input=far) == {
        "conveneMeeting": {
            "errors": [
                {
                    "field": "scheduledAt",
                    "code": "OUT_OF_RANGE",
                    "message": "时间须在2000年至2100年之间",
                }
            ]
        }
    }
