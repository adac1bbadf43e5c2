"""Completion: legal documents, a second push set, feedback due; illegal steps refused."""

from sqlmodel import select

from api.approval import services
from api.approval.loaders import ApprovalLoaders
from api.approval.models import Push
from api.approval.schema import schema
from api.core.clock import local_today
from api.core.workdays import add_working_days
from tests import factories
from tests.graphql import run

COMPLETE = """
mutation Complete($input: CompleteApplicationInput!) {
  completeApplication(input: $input) {
    __typename
    ... on Application {
      status completedBy refusalReason
      legalDocuments { kind number validFrom validUntil }
      pushes { stage state feedbackState feedbackDue matterName applicantName
               legalDocuments { kind number validUntil } }
    }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""

LICENCE = {
    "kind": "LICENCE",
    "number": "JY14309000001234",
    "validFrom": "2026-03-02",
    "validUntil": "2031-03-01",
}


async def _accepted(session, authorizer):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    supervising = await factories.department(session)
    mat = await factories.matter(session, approving, name="食品经营许可")
    await factories.publish_list(
        session, [factories.published_entry(mat, supervising, feedback_days=10)]
    )
    subj = await factories.subject(session)
    app = await factories.application(session, mat, subj)
    await services.accept_application(
        session=session,
        application_id=app.id,
        handling_mode=services.HandlingMode.NORMAL,
        credit_ticket=factories.credit_ticket(app),
        actor=services.Actor(clerk.username, int(clerk.department_id)),
    )
    return clerk, app


async def _complete(session, authorizer, clerk, app, **fields):
    variables = {
        "input": {
            "applicationId": str(app.id),
            "outcome": "APPROVED",
            "documents": [LICENCE],
            **fields,
        }
    }
    return await run(
        schema,
        ApprovalLoaders,
        COMPLETE,
        session=session,
        authorizer=authorizer,
        principal=clerk,
        variables=variables,
    )


async def test_approval_pushes_the_legal_documents_and_opens_feedback(session, authorizer):
    clerk, app = await _accepted(session, authorizer)

    result = await _complete(session, authorizer, clerk, app)

    due = await add_working_days(session, local_today(), 10)
    assert result.errors is None
    assert result.data == {
        "completeApplication": {
            "__typename": "Application",
            "status": "APPROVED",
            "completedBy": clerk.username,
            "refusalReason": None,
            "legalDocuments": [
                {
                    "kind": "LICENCE",
                    "number": "JY14309000001234",
                    "validFrom": "2026-03-02",
                    "validUntil": "2031-03-01",
                }
            ],
            "pushes": [
                {
                    "stage": "ACCEPTED",
                    "state": "CLAIMED",
                    "feedbackState": "NOT_REQUIRED",
                    "feedbackDue": None,
                    "matterName": "食品经营许可",
                    "applicantName": app.applicant_name,
                    "legalDocuments": [],
                },
                {
                    "stage": "COMPLETED",
                    "state": "CLAIMED",
                    "feedbackState": "OPEN",
                    "feedbackDue": due.isoformat(),
                    "matterName": "食品经营许可",
                    "applicantName": app.applicant_name,
                    "legalDocuments": [
                        {
                            "kind": "LICENCE",
                            "number": "JY14309000001234",
                            "validUntil": "2031-03-01",
                        }
                    ],
                },
            ],
        }
    }


async def test_completing_a_submitted_application_is_an_illegal_transition(session, authorizer):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    mat = await factories.matter(session, approving)
    await factories.publish_list(
        session, [factories.published_entry(mat, await factories.department(session))]
    )
    app = await factories.application(session, mat, await factories.subject(session))

    result = await _complete(session, authorizer, clerk, app)

    assert result.data == {
        "completeApplication": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "applicationId",
                    "code": "ILLEGAL_TRANSITION",
                    "message": "办件当前状态为“已申报”，只有已受理的办件可以办结",
                }
            ],
        }
    }


async def test_completing_twice_is_an_illegal_transition_and_pushes_once(session, authorizer):
    clerk, app = await _accepted(session, authorizer)
    await _complete(session, authorizer, clerk, app)

    result = await _complete(
        session, authorizer, clerk, app, outcome="REFUSED", refusalReason="材料不全"
    )

    assert result.data == {
        "completeApplication": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "applicationId",
                    "code": "ILLEGAL_TRANSITION",
                    "message": "办件当前状态为“已办结（准予）”，只有已受理的办件可以办结",
                }
            ],
        }
    }
    stages = (await session.exec(select(Push.stage).where(Push.application_id == app.id))).all()
    assert sorted(stages) == ["ACCEPTED", "COMPLETED"]


async def test_refusal_needs_a_reason_and_a_decision_document(session, authorizer):
    clerk, app = await _accepted(session, authorizer)

    result = await _complete(
        session,
        authorizer,
        clerk,
        app,
        outcome="REFUSED",
        documents=[
            {
                "kind": "REFUSAL_DECISION",
                "number": " ",
                "validFrom": "2026-03-02",
                "validUntil": "2026-03-01",
            }
        ],
    )

    assert result.data == {
        "completeApplication": {
            "__typename": "ValidationErrors",
            "errors": [
                {"field": "refusalReason", "code": "REQUIRED", "message": "不予许可须说明理由"},
                {"field": "documents.0.number", "code": "REQUIRED", "message": "请填写文书编号"},
                {
                    "field": "documents.0.validUntil",
                    "code": "BEFORE_START",
                    "message": "有效期止早于有效期起",
                },
            ],
        }
    }


async def test_a_refused_application_is_pushed_but_needs_no_feedback(session, authorizer):
    clerk, app = await _accepted(session, authorizer)

    result = await _complete(
        session,
        authorizer,
        clerk,
        app,
        outcome="REFUSED",
        refusalReason="选址不符合规划",
        documents=[{"kind": "REFUSAL_DECISION", "number": "益审不许〔2026〕3号"}],
    )

    assert result.data["completeApplication"]["status"] == "REFUSED"
    assert [
        (p["stage"], p["feedbackState"]) for p in result.data["completeApplication"]["pushes"]
    ] == [("ACCEPTED", "NOT_REQUIRED"), ("COMPLETED", "NOT_REQUIRED")]
