"""Case-file review: one application's timeline, pushes, claims, feedback, credit lookups and
legal documents from the fact store, as an object and as one spreadsheet."""

import base64
import io
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from api.coordination.services import facts
from tests import factories
from tests.coordination.helpers import execute

APP = 8_200_001
CASE = """
query($id: ID!) {
  caseFile(applicationId: $id) {
    application { id } matterName approvingDepartment { id } applicantName handlingMode outcome
    timeline { at what department { id } detail }
    pushes { pushId department { id } channel pushedAt claimedAt feedbackDueAt fedBackAt
             feedbackOnTime }
    findings { finding { id } kind abnormal foundOn }
    creditLookups { lookupId channel purpose }
    legalDocuments { kind number validFrom validUntil }
  }
}
"""
RESPONSIBILITY = {
    "linkage_id": 8_200_501,
    "supervision_matter_name": "食品经营监督检查",
    "approving_section_name": "审批一科",
    "approving_person_name": "周敏",
    "approving_office_phone": "0737-4221101",
    "supervising_section_name": "食品科",
    "supervising_person_name": "陈刚",
    "supervising_office_phone": "0737-4222201",
}
WHO_WAS_RESPONSIBLE = """
query($id: ID!) {
  caseFile(applicationId: $id) {
    pushes { listVersion claimMethod claimMeetingId liaisonName liaisonMobile
             responsibilities { linkageId supervisionMatterName approvingSectionName
                                approvingPersonName approvingOfficePhone supervisingSectionName
                                supervisingPersonName supervisingOfficePhone } }
  }
}
"""
WORKBOOK = "query($id: ID!) { caseFileWorkbook(applicationId: $id) { filename contentBase64 } }"


@pytest.fixture
async def case(session):
    approving, supervising = 8_200_101, 8_200_102
    await facts.record_application(
        session,
        {
            "application_id": APP,
            "matter_id": 3,
            "applicant_code": "91430900MA4T00009X",
            "applicant_name": "益阳案卷测试有限公司",
            "handling_mode": "NOTIFY_AND_COMMIT",
            "accepted_at": "2026-05-01T01:00:00+00:00",
            "approving_department_id": approving,
            "list_version": 1,
        },
    )
    await facts.record_lookup(
        session,
        {
            "lookup_id": 8_200_201,
            "application_id": APP,
            "department_id": approving,
            "subject_code": "91430900MA4T00009X",
            "channel": "CHECK",
            "purpose": "受理审核",
            "looked_up_at": "2026-05-01T00:55:00+00:00",
        },
    )
    await facts.record_push(
        session,
        {
            "push_id": 8_200_301,
            "application_id": APP,
            "department_id": supervising,
            "stage": "ACCEPTED",
            "channel": "LETTER",
            "created_at": "2026-05-01T01:00:05+00:00",
            "feedback_due_at": "2026-05-08T16:00:00+00:00",
            "list_version": 3,
            "linkage_id": 8_200_501,
            "receive_liaison_name": "王芳",
            "receive_liaison_mobile": "13907371001",
            "responsibilities": [RESPONSIBILITY],
        },
        emitted_at=datetime.now(UTC),
    )
    await facts.record_claim(
        session,
        {
            "push_id": 8_200_301,
            "claimed_at": "2026-05-02T03:00:00+00:00",
            "channel": "JOINT_MEETING",
            "meeting_id": 8_200_601,
        },
    )
    await facts.record_feedback(
        session, {"push_id": 8_200_301, "fed_back_at": "2026-05-07T08:00:00+00:00"}
    )
    await facts.record_application(
        session,
        {
            "application_id": APP,
            "matter_name": "食品经营许可",
            "outcome": "APPROVED",
            "completed_at": "2026-05-03T02:00:00+00:00",
            "legal_documents": [
                {
                    "kind": "LICENCE",
                    "number": "JY14309000099999",
                    "valid_from": "2026-05-03",
                    "valid_until": "2031-05-02",
                }
            ],
        },
    )
    await facts.record_finding(
        session,
        {
            "finding_id": 8_200_401,
            "application_id": APP,
            "department_id": supervising,
            "kind": "SPOT_CHECK",
            "abnormal": True,
            "found_on": "2026-05-06",
            "summary": "承诺事项未兑现",
        },
    )
    await session.commit()  # a query's unit of work rolls back what is not committed
    return approving, supervising


async def test_the_case_file_holds_the_whole_history_in_order(session, authorizer, case):
    approving, supervising = case
    office = await factories.user(
        session, authorizer, role="coordination_office", dept=await factories.department(session)
    )
    data = await execute(session, authorizer, office, CASE, id=str(APP))
    a, s = {"id": str(approving)}, {"id": str(supervising)}
    assert data == {
        "caseFile": {
            "application": {"id": str(APP)},
            "matterName": "食品经营许可",
            "approvingDepartment": a,
            "applicantName": "益阳案卷测试有限公司",
            "handlingMode": "NOTIFY_AND_COMMIT",
            "outcome": "APPROVED",
            "timeline": [
                {
                    "at": "2026-05-01T00:55:00+00:00",
                    "what": "信用查询",
                    "department": a,
                    "detail": "CHECK",
                },
                {
                    "at": "2026-05-01T01:00:00+00:00",
                    "what": "受理",
                    "department": a,
                    "detail": "NOTIFY_AND_COMMIT",
                },
                {
                    "at": "2026-05-01T01:00:05+00:00",
                    "what": "推送",
                    "department": s,
                    "detail": "ACCEPTED",
                },
                {
                    "at": "2026-05-02T03:00:00+00:00",
                    "what": "认领",
                    "department": s,
                    "detail": "JOINT_MEETING #8200601",
                },
                {
                    "at": "2026-05-03T02:00:00+00:00",
                    "what": "办结",
                    "department": a,
                    "detail": "APPROVED",
                },
                {
                    "at": "2026-05-06T00:00:00+00:00",
                    "what": "监管结果",
                    "department": s,
                    "detail": "SPOT_CHECK",
                },
                {"at": "2026-05-07T08:00:00+00:00", "what": "反馈", "department": s, "detail": ""},
            ],
            "pushes": [
                {
                    "pushId": "8200301",
                    "department": s,
                    "channel": "LETTER",
                    "pushedAt": "2026-05-01T01:00:05+00:00",
                    "claimedAt": "2026-05-02T03:00:00+00:00",
                    "feedbackDueAt": "2026-05-08T16:00:00+00:00",
                    "fedBackAt": "2026-05-07T08:00:00+00:00",
                    "feedbackOnTime": True,
                }
            ],
            "findings": [
                {
                    "finding": {"id": "8200401"},
                    "kind": "SPOT_CHECK",
                    "abnormal": True,
                    "foundOn": "2026-05-06",
                }
            ],
            "creditLookups": [{"lookupId": "8200201", "channel": "CHECK", "purpose": "受理审核"}],
            "legalDocuments": [
                {
                    "kind": "LICENCE",
                    "number": "JY14309000099999",
                    "validFrom": "2026-05-03",
                    "validUntil": "2031-05-02",
                }
            ],
        }
    }


async def test_the_case_file_export_has_one_sheet_per_part(session, authorizer, case):
    office = await factories.user(
        session, authorizer, role="coordination_office", dept=await factories.department(session)
    )
    data = await execute(session, authorizer, office, WORKBOOK, id=str(APP))
    book = load_workbook(io.BytesIO(base64.b64decode(data["caseFileWorkbook"]["contentBase64"])))
    assert data["caseFileWorkbook"]["filename"] == f"案卷_{APP}.xlsx"
    assert book.sheetnames == ["办件", "时间线", "推送认领反馈", "监管结果", "信用查询", "法律文书"]
    assert [r[1] for r in book["时间线"].iter_rows(min_row=2, values_only=True)] == [
        "信用查询",
        "受理",
        "推送",
        "认领",
        "办结",
        "监管结果",
        "反馈",
    ]
    assert list(book["法律文书"].iter_rows(min_row=2, values_only=True)) == [
        ("LICENCE", "JY14309000099999", "2026-05-03", "2031-05-02")
    ]
    [header, push] = book["推送认领反馈"].iter_rows(values_only=True)
    assert dict(zip(header[9:], push[9:], strict=True)) == {
        "认领方式": "联席会议",
        "认领会议": 8_200_601,
        "清单版本": 3,
        "通知联络员": "王芳",
        "联络员手机": "139****1001",
        "责任科室/责任人（审批 → 监管）": "审批一科/周敏 → 食品科/陈刚",
    }


async def test_each_push_shows_whom_it_notified_and_who_was_responsible_then(
    session, authorizer, case
):
    office = await factories.user(
        session, authorizer, role="coordination_office", dept=await factories.department(session)
    )
    liaison = await factories.user(
        session,
        authorizer,
        role="supervision_liaison",
        dept=type("Dept", (), {"id": case[1]})(),
    )
    pushes = {}
    for who in (office, liaison):
        data = await execute(session, authorizer, who, WHO_WAS_RESPONSIBLE, id=str(APP))
        pushes[who.username] = data["caseFile"]["pushes"]

    def push(mobile):
        return [
            {
                "listVersion": 3,
                "claimMethod": "JOINT_MEETING",
                "claimMeetingId": "8200601",
                "liaisonName": "王芳",
                "liaisonMobile": mobile,
                "responsibilities": [
                    {
                        "linkageId": "8200501",
                        "supervisionMatterName": "食品经营监督检查",
                        "approvingSectionName": "审批一科",
                        "approvingPersonName": "周敏",
                        "approvingOfficePhone": "0737-4221101",
                        "supervisingSectionName": "食品科",
                        "supervisingPersonName": "陈刚",
                        "supervisingOfficePhone": "0737-4222201",
                    }
                ],
            }
        ]

    # Only roles with the personal-data right see the whole mobile.
    assert pushes == {office.username: push("139****1001"), liaison.username: push("13907371001")}


async def test_a_department_not_involved_does_not_see_the_case_file(session, authorizer, case):
    head = await factories.user(
        session, authorizer, role="department_head", dept=await factories.department(session)
    )
    involved = await factories.user(
        session,
        authorizer,
        role="supervision_liaison",
        dept=type("Dept", (), {"id": case[1]})(),
    )
    assert await execute(session, authorizer, head, CASE, id=str(APP)) == {"caseFile": None}
    seen = await execute(session, authorizer, involved, CASE, id=str(APP))
    assert seen["caseFile"]["application"] == {"id": str(APP)}
