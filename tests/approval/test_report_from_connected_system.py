"""Connected approval systems report accept/complete with idempotency keys."""

from sqlalchemy import func
from sqlmodel import select

from api.approval.loaders import ApprovalLoaders
from api.approval.models import Application, Push
from api.approval.schema import schema
from api.core.events import OutboxMessage
from api.core.subject_keys import natural_person_key
from tests import factories
from tests.graphql import run

REPORT_ACCEPT = """
mutation Report($input: ReportAcceptanceInput!) {
  reportAcceptance(input: $input) {
    __typename
    ... on Application {
      id status sourceSystem externalId applicantIdentifier applicant { creditCode }
    }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
REPORT_COMPLETE = """
mutation Report($input: ReportCompletionInput!) {
  reportCompletion(input: $input) {
    __typename
    ... on Application { id status }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""


async def _system(session, authorizer):
    approving = await factories.department(session)
    system = await factories.user(
        session, authorizer, role="connected_system", dept=approving, username=None
    )
    supervising = [await factories.department(session) for _ in range(2)]
    mat = await factories.matter(session, approving)
    await factories.publish_list(session, [factories.published_entry(mat, d) for d in supervising])
    return system, mat.id


async def _count(session, model, *where):
    return (await session.exec(select(func.count()).select_from(model).where(*where))).one()


async def test_the_same_idempotency_key_twice_creates_one_application_and_one_push_set(
    session, authorizer
):
    system, matter_id = await _system(session, authorizer)
    person = factories.id_number()
    variables = {
        "input": {
            "idempotencyKey": "k-0001",
            "externalId": "HN-2026-000123",
            "matterId": str(matter_id),
            "applicantKind": "NATURAL_PERSON",
            "applicantCode": person,
            "applicantName": "张三",
        }
    }

    first = await run(
        schema,
        ApprovalLoaders,
        REPORT_ACCEPT,
        session=session,
        authorizer=authorizer,
        principal=system,
        variables=variables,
    )
    second = await run(
        schema,
        ApprovalLoaders,
        REPORT_ACCEPT,
        session=session,
        authorizer=authorizer,
        principal=system,
        variables=variables,
    )

    expected = {
        "reportAcceptance": {
            "__typename": "Application",
            "id": first.data["reportAcceptance"]["id"],
            "status": "ACCEPTED",
            "sourceSystem": system.username,
            "externalId": "HN-2026-000123",
            # The connected system holds no personal-data right: the number stays masked,
            # and the applicant is named by its subject key (never the number).
            "applicantIdentifier": person[:6] + "********" + person[-4:],
            "applicant": {"creditCode": natural_person_key(person)},
        }
    }
    assert first.data == expected
    assert second.data == expected
    app_id = int(first.data["reportAcceptance"]["id"])
    assert await _count(session, Application, Application.external_id == "HN-2026-000123") == 1
    assert await _count(session, Push, Push.application_id == app_id) == 2
    assert (
        await _count(
            session,
            OutboxMessage,
            OutboxMessage.topic == "approval.application.accepted",
            OutboxMessage.key == str(app_id),
        )
        == 1
    )


async def test_completion_report_with_a_repeated_key_completes_once(session, authorizer):
    system, matter_id = await _system(session, authorizer)
    code = factories.uscc()
    accepted = await run(
        schema,
        ApprovalLoaders,
        REPORT_ACCEPT,
        session=session,
        authorizer=authorizer,
        principal=system,
        variables={
            "input": {
                "idempotencyKey": "a-1",
                "externalId": "EXT-9",
                "matterId": str(matter_id),
                "applicantCode": code,
                "applicantName": "益阳某公司",
            }
        },
    )
    app_id = int(accepted.data["reportAcceptance"]["id"])
    completion = {
        "input": {
            "idempotencyKey": "c-1",
            "externalId": "EXT-9",
            "outcome": "APPROVED",
            "documents": [{"kind": "LICENCE", "number": "L-9"}],
        }
    }

    results = [
        await run(
            schema,
            ApprovalLoaders,
            REPORT_COMPLETE,
            session=session,
            authorizer=authorizer,
            principal=system,
            variables=completion,
        )
        for _ in range(2)
    ]

    assert [r.data for r in results] == [
        {"reportCompletion": {"__typename": "Application", "id": str(app_id), "status": "APPROVED"}}
    ] * 2
    assert await _count(session, Push, Push.application_id == app_id) == 4


async def test_an_invalid_id_number_is_refused_naming_the_field(session, authorizer):
    system, matter_id = await _system(session, authorizer)
    good = factories.id_number()
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")  # any other check digit is wrong

    result = await run(
        schema,
        ApprovalLoaders,
        REPORT_ACCEPT,
        session=session,
        authorizer=authorizer,
        principal=system,
        variables={
            "input": {
                "idempotencyKey": "x",
                "externalId": "E",
                "matterId": str(matter_id),
                "applicantKind": "NATURAL_PERSON",
                "applicantCode": bad,
                "applicantName": "李四",
            }
        },
    )

    assert result.data == {
        "reportAcceptance": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "applicantCode",
                    "code": "INVALID_ID_NUMBER",
                    "message": "身份证号码校验位不正确",
                }
            ],
        }
    }
