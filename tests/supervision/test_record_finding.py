"""Findings are recorded against a pushed application (or a subject); abnormal ones reach the
approving department's feedback inbox through the outbox."""

from datetime import date

from sqlmodel import select

from api.approval import services as approval
from api.approval.loaders import ApprovalLoaders
from api.approval.models import DocumentKind, LegalDocumentCreate
from api.approval.schema import schema as approval_schema
from api.core.events import OutboxMessage
from api.supervision.loaders import SupervisionLoaders
from api.supervision.models import Finding
from api.supervision.schema import schema
from tests import factories
from tests.graphql import run

RECORD = """
mutation Record($input: RecordFindingInput!) {
  recordFinding(input: $input) {
    __typename
    ... on Finding { kind abnormal resultType measures summary subjectCode recordedBy }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
FEEDBACK = """
{ feedbackInbox(first: 10) {
    totalCount
    edges { node { kind abnormal resultType summary foundOn subjectCode
                   fromDepartment { id } application { id status } } } } }
"""
PUSHES = """
query($id: ID!) { application(id: $id) { pushes { stage feedbackState } } }
"""


async def _pushed_and_completed(session, authorizer):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    supervising = await factories.department(session)
    liaison = await factories.user(
        session, authorizer, role="supervision_liaison", dept=supervising
    )
    mat = await factories.matter(session, approving)
    await factories.publish_list(session, [factories.published_entry(mat, supervising)])
    subj = await factories.subject(session)
    app = await factories.application(session, mat, subj)
    actor = approval.Actor(clerk.username, int(clerk.department_id))
    await approval.accept_application(
        session=session,
        application_id=app.id,
        handling_mode=approval.HandlingMode.NORMAL,
        credit_ticket=factories.credit_ticket(app),
        actor=actor,
    )
    await approval.complete_application(
        session=session,
        application_id=app.id,
        outcome=approval.Outcome.APPROVED,
        documents=[LegalDocumentCreate(kind=DocumentKind.LICENCE, number="L-1")],
        actor=actor,
    )
    await factories.deliver(session)  # supervision learns of the pushes
    return clerk, liaison, supervising.id, app.id, subj.credit_code


async def test_an_abnormal_finding_reaches_the_approving_departments_inbox(session, authorizer):
    clerk, liaison, supervising_id, app_id, code = await _pushed_and_completed(session, authorizer)

    recorded = await run(
        schema,
        SupervisionLoaders,
        RECORD,
        session=session,
        authorizer=authorizer,
        principal=liaison,
        variables={
            "input": {
                "applicationId": str(app_id),
                "kind": "SPOT_CHECK",
                "abnormal": True,
                "resultType": "RECTIFICATION_ORDERED",
                "measures": "责令十日内整改",
                "summary": "从业人员健康证明过期",
                "foundOn": "2026-06-18",
            }
        },
    )
    await factories.deliver(session)
    await session.commit()
    inbox = await run(
        approval_schema,
        ApprovalLoaders,
        FEEDBACK,
        session=session,
        authorizer=authorizer,
        principal=clerk,
    )
    pushes = await run(
        approval_schema,
        ApprovalLoaders,
        PUSHES,
        session=session,
        authorizer=authorizer,
        principal=clerk,
        variables={"id": str(app_id)},
    )

    assert recorded.data == {
        "recordFinding": {
            "__typename": "Finding",
            "kind": "SPOT_CHECK",
            "abnormal": True,
            "resultType": "RECTIFICATION_ORDERED",
            "measures": "责令十日内整改",
            "summary": "从业人员健康证明过期",
            "subjectCode": code,
            "recordedBy": liaison.username,
        }
    }
    assert inbox.data == {
        "feedbackInbox": {
            "totalCount": 1,
            "edges": [
                {
                    "node": {
                        "kind": "SPOT_CHECK",
                        "abnormal": True,
                        "resultType": "RECTIFICATION_ORDERED",
                        "summary": "从业人员健康证明过期",
                        "foundOn": "2026-06-18",
                        "subjectCode": code,
                        "fromDepartment": {"id": str(supervising_id)},
                        "application": {"id": str(app_id), "status": "APPROVED"},
                    }
                }
            ],
        }
    }
    assert pushes.data == {
        "application": {
            "pushes": [
                {"stage": "ACCEPTED", "feedbackState": "NOT_REQUIRED"},
                {"stage": "COMPLETED", "feedbackState": "ABNORMAL_REPORTED"},
            ]
        }
    }


async def test_a_penalty_is_refused_without_its_decision_number_and_nothing_is_recorded(
    session, authorizer
):
    _, liaison, _, app_id, _ = await _pushed_and_completed(session, authorizer)
    findings_before = len((await session.exec(select(Finding))).all())
    messages_before = len((await session.exec(select(OutboxMessage))).all())

    refused = await run(
        schema,
        SupervisionLoaders,
        RECORD,
        session=session,
        authorizer=authorizer,
        principal=liaison,
        variables={
            "input": {
                "applicationId": str(app_id),
                "kind": "ENFORCEMENT_RESULT",
                "abnormal": True,
                "resultType": "LICENCE_REVOKED",
                "documentNumber": "  ",
                "summary": "吊销许可",
                "foundOn": "2026-06-18",
            }
        },
    )

    assert refused.data == {
        "recordFinding": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "documentNumber",
                    "code": "REQUIRED",
                    "message": "行政处罚、吊销许可须填写决定书文号",
                }
            ],
        }
    }
    assert len((await session.exec(select(Finding))).all()) == findings_before
    assert len((await session.exec(select(OutboxMessage))).all()) == messages_before


async def test_a_finding_keeps_its_document_number_and_announces_it(session, authorizer):
    _, liaison, _, app_id, _ = await _pushed_and_completed(session, authorizer)

    recorded = await run(
        schema,
        SupervisionLoaders,
        "mutation($input: RecordFindingInput!) { recordFinding(input: $input) "
        "{ ... on Finding { id documentNumber measures } } }",
        session=session,
        authorizer=authorizer,
        principal=liaison,
        variables={
            "input": {
                "applicationId": str(app_id),
                "kind": "ENFORCEMENT_RESULT",
                "abnormal": True,
                "resultType": "PENALIZED",
                "measures": "罚款五千元",
                "documentNumber": " 益市监罚〔2026〕16号 ",
                "summary": "超范围经营",
                "foundOn": "2026-06-18",
            }
        },
    )
    messages = (
        await session.exec(
            select(OutboxMessage).where(OutboxMessage.topic == "supervision.finding.recorded")
        )
    ).all()

    finding = recorded.data["recordFinding"]
    assert finding["documentNumber"] == "益市监罚〔2026〕16号"
    assert finding["measures"] == "罚款五千元"
    announced = [m.payload for m in messages if m.payload["finding_id"] == int(finding["id"])]
    assert [(p["document_number"], p["measures"]) for p in announced] == [
        ("益市监罚〔2026〕16号", "罚款五千元")
    ]


async def test_a_normal_result_needs_no_feedback(session, authorizer):
    clerk, liaison, _, app_id, _ = await _pushed_and_completed(session, authorizer)

    await run(
        schema,
        SupervisionLoaders,
        RECORD,
        session=session,
        authorizer=authorizer,
        principal=liaison,
        variables={
            "input": {
                "applicationId": str(app_id),
                "kind": "INSPECTION",
                "summary": "检查未发现问题",
                "foundOn": "2026-06-18",
            }
        },
    )
    await factories.deliver(session)
    inbox = await run(
        approval_schema,
        ApprovalLoaders,
        FEEDBACK,
        session=session,
        authorizer=authorizer,
        principal=clerk,
    )

    assert inbox.data == {"feedbackInbox": {"totalCount": 0, "edges": []}}


async def test_a_department_the_application_was_not_pushed_to_cannot_record_against_it(
    session, authorizer
):
    _, _, _, app_id, _ = await _pushed_and_completed(session, authorizer)
    other = await factories.department(session)
    stranger = await factories.user(session, authorizer, role="supervision_liaison", dept=other)

    result = await run(
        schema,
        SupervisionLoaders,
        RECORD,
        session=session,
        authorizer=authorizer,
        principal=stranger,
        variables={
            "input": {
                "applicationId": str(app_id),
                "kind": "INSPECTION",
                "summary": "检查",
                "foundOn": "2026-06-18",
            }
        },
    )

    assert result.data == {
        "recordFinding": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "applicationId",
                    "code": "NOT_PUSHED",
                    "message": "该办件未推送至本部门，不能登记监管结果",
                }
            ],
        }
    }


async def test_an_abnormal_finding_against_a_subject_reaches_its_approving_departments(
    session, authorizer
):
    clerk, liaison, _, _, code = await _pushed_and_completed(session, authorizer)

    await run(
        schema,
        SupervisionLoaders,
        RECORD,
        session=session,
        authorizer=authorizer,
        principal=liaison,
        variables={
            "input": {
                "subjectCode": code,
                "kind": "ENFORCEMENT_RESULT",
                "abnormal": True,
                "resultType": "PENALIZED",
                "documentNumber": "益市监罚〔2026〕15号",
                "summary": "无证经营罚款五千元",
                "foundOn": date(2026, 7, 1).isoformat(),
            }
        },
    )
    await factories.deliver(session)
    inbox = await run(
        approval_schema,
        ApprovalLoaders,
        FEEDBACK,
        session=session,
        authorizer=authorizer,
        principal=clerk,
    )

    assert [e["node"]["summary"] for e in inbox.data["feedbackInbox"]["edges"]] == [
        "无证经营罚款五千元"
    ]
    assert inbox.data["feedbackInbox"]["edges"][0]["node"]["application"] is None
