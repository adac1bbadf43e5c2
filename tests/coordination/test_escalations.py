"""Escalations: raised with a statement and attachments, assigned, discussed in a meeting and
decided by the coordination office; the parties see the decision, others do not see it."""

import base64
import hashlib

import pytest

from tests import factories
from tests.coordination.helpers import execute

RAISE = """
mutation($input: RaiseEscalationInput!) {
  raiseEscalation(input: $input) {
    __typename
    ... on Escalation { id status raisingDepartment { id } parties { id }
                        attachments { id filename contentType size sha256 } }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
ASSIGN = 'mutation($id: ID!) { assignEscalation(id: $id, assignee: "李协调") { __typename } }'
CONVENE = """
mutation($input: ConveneMeetingInput!) { conveneMeeting(input: $input) { ... on Meeting { id } } }
"""
SCHEDULE = """
mutation($id: ID!, $m: ID!) { scheduleEscalation(id: $id, meetingId: $m) { __typename } }
"""
DECIDE = """
mutation($id: ID!) {
  decideEscalation(id: $id, decision: "由市场监管局负责事中监管") {
    __typename ... on ValidationErrors { errors { code } }
  }
}
"""
ESCALATION = """
query($id: ID!) {
  escalation(id: $id) {
    status assignee decision meetingId raisedByName
    transitions { status actor actorName note durationSeconds }
  }
}
"""
ATTACHMENT = (
    "query($id: ID!) { escalationAttachment(id: $id) { filename mediaType contentBase64 } }"
)


@pytest.fixture
async def parties(session, authorizer):
    office = await factories.department(session, "协调办提请测试")
    raiser = await factories.department(session, "提请部门")
    party = await factories.department(session, "争议相对部门")
    outsider = await factories.department(session, "无关部门")
    return {
        "office": await factories.user(
            session, authorizer, role="coordination_office", dept=office, display_name="协调办 周平"
        ),
        "raiser": await factories.user(
            session, authorizer, role="department_head", dept=raiser, display_name="提请部门 陈立"
        ),
        "party": await factories.user(session, authorizer, role="supervision_liaison", dept=party),
        "outsider": await factories.user(
            session, authorizer, role="department_head", dept=outsider
        ),
        "party_dept": party,
    }


async def test_an_escalation_runs_from_statement_to_a_decision_the_parties_see(
    session, authorizer, parties
):
    pdf = factories.pdf_bytes()
    raised = await execute(
        session,
        authorizer,
        parties["raiser"],
        RAISE,
        input={
            "kind": "RESPONSIBILITY_DISPUTE",
            "title": "食品经营许可事中监管责任争议",
            "statement": "审批与监管部门对监管责任理解不一致，提请协调小组研究。",
            "partyDepartmentIds": [str(parties["party_dept"].id)],
            "refKind": "LINKAGE",
            "refId": "12",
            "attachments": [
                {"filename": "情况说明.pdf", "contentBase64": base64.b64encode(pdf).decode()}
            ],
        },
    )
    escalation = raised["raiseEscalation"]
    attachment = escalation["attachments"][0]
    assert escalation == {
        "__typename": "Escalation",
        "id": escalation["id"],
        "status": "SUBMITTED",
        "raisingDepartment": {"id": parties["raiser"].department_id},
        "parties": [{"id": str(parties["party_dept"].id)}],
        "attachments": [
            {
                "id": attachment["id"],
                "filename": "情况说明.pdf",
                "contentType": "application/pdf",
                "size": len(pdf),
                "sha256": hashlib.sha256(pdf).hexdigest(),
            }
        ],
    }
    office = parties["office"]
    meeting = await execute(
        session,
        authorizer,
        office,
        CONVENE,
        input={
            "title": "协调小组专题会议",
            "scheduledAt": "2026-07-01T02:00:00Z",
            "participants": [{"departmentId": office.department_id}],
        },
    )
    await execute(session, authorizer, office, ASSIGN, id=escalation["id"])
    await execute(
        session,
        authorizer,
        office,
        SCHEDULE,
        id=escalation["id"],
        m=meeting["conveneMeeting"]["id"],
    )
    decided = await execute(session, authorizer, office, DECIDE, id=escalation["id"])
    twice = await execute(session, authorizer, office, DECIDE, id=escalation["id"])
    seen_by_party = await execute(
        session, authorizer, parties["party"], ESCALATION, id=escalation["id"]
    )
    seen_by_outsider = await execute(
        session, authorizer, parties["outsider"], ESCALATION, id=escalation["id"]
    )
    file_for_party = await execute(
        session, authorizer, parties["party"], ATTACHMENT, id=attachment["id"]
    )
    file_for_outsider = await execute(
        session, authorizer, parties["outsider"], ATTACHMENT, id=attachment["id"]
    )

    assert decided == {"decideEscalation": {"__typename": "Escalation"}}
    assert twice == {
        "decideEscalation": {
            "__typename": "ValidationErrors",
            "errors": [{"code": "ALREADY_DECIDED"}],
        }
    }
    found = seen_by_party["escalation"]
    durations = [t.pop("durationSeconds") for t in found["transitions"]]
    assert all(d >= 0 for d in durations)
    assert found == {
        "status": "DECIDED",
        "assignee": "李协调",
        "decision": "由市场监管局负责事中监管",
        "meetingId": meeting["conveneMeeting"]["id"],
        # People are shown by name; the account stays for the record.
        "raisedByName": "提请部门 陈立",
        "transitions": [
            {
                "status": "SUBMITTED",
                "actor": parties["raiser"].username,
                "actorName": "提请部门 陈立",
                "note": "",
            },
            {
                "status": "ASSIGNED",
                "actor": office.username,
                "actorName": "协调办 周平",
                "note": "李协调",
            },
            {
                "status": "IN_DISCUSSION",
                "actor": office.username,
                "actorName": "协调办 周平",
                "note": "协调小组专题会议",
            },
            {"status": "DECIDED", "actor": office.username, "actorName": "协调办 周平", "note": ""},
        ],
    }
    assert seen_by_outsider == {"escalation": None}
    assert file_for_party == {
        "escalationAttachment": {
            "filename": "情况说明.pdf",
            "mediaType": "application/pdf",
            "contentBase64": base64.b64encode(pdf).decode(),
        }
    }
    assert file_for_outsider == {"escalationAttachment": None}


async def test_an_escalation_without_a_statement_or_with_a_bad_file_is_refused(
    session, authorizer, parties
):
    data = await execute(
        session,
        authorizer,
        parties["raiser"],
        RAISE,
        input={
            "kind": "POLICY_CONFLICT",
            "title": "政策冲突",
            "statement": " ",
            "attachments": [{"filename": "a.exe", "contentBase64": "TVqQAAMAAAAEAAAA"}],
        },
    )
    assert data == {
        "raiseEscalation": {
            "__typename": "ValidationErrors",
            "errors": [
                {"field": "statement", "code": "REQUIRED", "message": "不能为空"},
                {
                    "field": "attachments.0.contentBase64",
                    "code": "FILE_TYPE",
                    "message": "仅支持 PDF、PNG 或 JPEG 文件",
                },
            ],
        }
    }
