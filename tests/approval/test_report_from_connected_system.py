"""Connected approval systems report accept/complete with idempotency keys."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func
from sqlmodel import select

from api.approval.loaders import ApprovalLoaders
from api.approval.models import Application, ExternalReport, Push, PushStage
from api.approval.schema import schema
from api.core.clock import as_aware
from api.core.events import OutboxMessage
from api.core.subject_keys import natural_person_key
from api.core.workdays import add_working_days
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


CONFLICT_MESSAGE = "该幂等键已用于另一内容不同的请求，本次请求未执行（请换用新的幂等键）"


def _acceptance(matter_id, key="k-1", external_id="EXT-1", name="益阳某公司", code=None, **extra):
    return {
        "input": {
            "idempotencyKey": key,
            "externalId": external_id,
            "matterId": str(matter_id),
            "applicantCode": code or "91430900MA4L0000X0",
            "applicantName": name,
            **extra,
        }
    }


async def _report(session, authorizer, system, variables, document=REPORT_ACCEPT):
    return await run(
        schema,
        ApprovalLoaders,
        document,
        session=session,
        authorizer=authorizer,
        principal=system,
        variables=variables,
    )


async def _written(session):
    return (
        await _count(session, Application),
        await _count(session, Push),
        await _count(session, OutboxMessage),
        await _count(session, ExternalReport),
    )


async def test_the_same_key_with_another_applicant_is_a_conflict_and_writes_nothing(
    session, authorizer
):
    system, matter_id = await _system(session, authorizer)
    first = await _report(
        session, authorizer, system, _acceptance(matter_id, code=factories.uscc())
    )
    assert first.data["reportAcceptance"]["__typename"] == "Application"
    before = await _written(session)

    second = await _report(
        session,
        authorizer,
        system,
        _acceptance(matter_id, code=factories.uscc(), name="另一家公司"),
    )

    assert second.data == {
        "reportAcceptance": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "idempotencyKey",
                    "code": "IDEMPOTENCY_CONFLICT",
                    "message": CONFLICT_MESSAGE,
                }
            ],
        }
    }
    assert await _written(session) == before


async def test_the_same_request_written_differently_is_the_same_request(session, authorizer):
    """Normalised: spacing, the code's letter case, the same instant in another offset."""
    system, matter_id = await _system(session, authorizer)
    code = factories.uscc()
    first = await _report(
        session,
        authorizer,
        system,
        _acceptance(matter_id, code=code, acceptedAt="2026-11-26T09:30:00+08:00"),
    )
    again = await _report(
        session,
        authorizer,
        system,
        _acceptance(
            matter_id,
            code=code.lower(),
            name=" 益阳某公司 ",
            acceptedAt="2026-11-26T01:30:00Z",
        ),
    )

    assert again.data == first.data
    assert first.data["reportAcceptance"]["__typename"] == "Application"


async def test_a_key_is_per_account(session, authorizer):
    system, matter_id = await _system(session, authorizer)
    other = await factories.user(
        session,
        authorizer,
        role="connected_system",
        dept=await factories.department(session),
        username=None,
    )

    first = await _report(
        session, authorizer, system, _acceptance(matter_id, code=factories.uscc())
    )
    second = await _report(
        session, authorizer, other, _acceptance(matter_id, code=factories.uscc(), name="乙公司")
    )

    assert first.data["reportAcceptance"]["__typename"] == "Application"
    assert second.data["reportAcceptance"]["__typename"] == "Application"
    assert second.data["reportAcceptance"]["id"] != first.data["reportAcceptance"]["id"]


async def test_a_refused_report_leaves_its_key_free_for_the_corrected_request(session, authorizer):
    system, matter_id = await _system(session, authorizer)
    refused = await _report(
        session, authorizer, system, _acceptance(matter_id, code=factories.uscc(), name=" ")
    )
    corrected = await _report(
        session, authorizer, system, _acceptance(matter_id, code=factories.uscc())
    )

    assert refused.data["reportAcceptance"]["__typename"] == "ValidationErrors"
    assert corrected.data["reportAcceptance"]["__typename"] == "Application"


async def test_a_reported_acceptance_time_in_utc_counts_due_dates_from_its_beijing_date(
    session, authorizer
):
    system, matter_id = await _system(session, authorizer)
    # 17:30 UTC on Thursday 26 November is 01:30 on Friday 27 November in Beijing.
    reported = await _report(
        session,
        authorizer,
        system,
        _acceptance(matter_id, code=factories.uscc(), acceptedAt="2026-11-26T17:30:00Z"),
    )
    app_id = int(reported.data["reportAcceptance"]["id"])

    application = await session.get(Application, app_id)
    pushes = (await session.exec(select(Push).where(Push.application_id == app_id))).all()

    assert as_aware(application.accepted_at) == datetime(2026, 11, 26, 17, 30, tzinfo=UTC)
    assert as_aware(application.submitted_at) == as_aware(application.accepted_at)
    beijing_day = await add_working_days(session, date(2026, 11, 27), 3)
    utc_day = await add_working_days(session, date(2026, 11, 26), 3)
    assert beijing_day != utc_day
    assert [p.claim_due for p in pushes] == [beijing_day, beijing_day]


async def test_a_reported_completion_time_counts_the_feedback_due_date(session, authorizer):
    system, matter_id = await _system(session, authorizer)
    await _report(
        session,
        authorizer,
        system,
        _acceptance(matter_id, code=factories.uscc(), acceptedAt="2026-11-20T10:00:00+08:00"),
    )
    completed = await _report(
        session,
        authorizer,
        system,
        {
            "input": {
                "idempotencyKey": "c-1",
                "externalId": "EXT-1",
                "outcome": "APPROVED",
                "documents": [{"kind": "LICENCE", "number": "L-1"}],
                # No offset: Beijing wall-clock time.
                "completedAt": "2026-11-26T23:30:00",
            }
        },
        REPORT_COMPLETE,
    )
    app_id = int(completed.data["reportCompletion"]["id"])

    pushes = (
        await session.exec(
            select(Push).where(Push.application_id == app_id, Push.stage == PushStage.COMPLETED)
        )
    ).all()

    expected = await add_working_days(session, date(2026, 11, 26), 10)
    assert [p.feedback_due for p in pushes] == [expected, expected]


@pytest.mark.parametrize(
    ("extra", "field", "code"),
    [
        ({"acceptedAt": "2026-11-26"}, "acceptedAt", "INVALID_TIME"),
        ({"acceptedAt": "yesterday"}, "acceptedAt", "INVALID_TIME"),
        ({"acceptedAt": "2099-01-01T00:00:00Z"}, "acceptedAt", "IN_THE_FUTURE"),
        (
            {"submittedAt": "2026-11-26T10:00:00+08:00", "acceptedAt": "2026-11-26T09:00:00+08:00"},
            "acceptedAt",
            "BEFORE_SUBMISSION",
        ),
    ],
)
async def test_a_bad_reported_acceptance_time_is_refused_naming_the_field(
    session, authorizer, extra, field, code
):
    system, matter_id = await _system(session, authorizer)
    before = await _written(session)

    result = await _report(
        session, authorizer, system, _acceptance(matter_id, code=factories.uscc(), **extra)
    )

    errors = result.data["reportAcceptance"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [(field, code)]
    assert await _written(session) == before


async def test_a_completion_reported_before_the_acceptance_is_refused(session, authorizer):
    system, matter_id = await _system(session, authorizer)
    await _report(
        session,
        authorizer,
        system,
        _acceptance(matter_id, code=factories.uscc(), acceptedAt="2026-11-26T10:00:00+08:00"),
    )

    result = await _report(
        session,
        authorizer,
        system,
        {
            "input": {
                "idempotencyKey": "c-2",
                "externalId": "EXT-1",
                "outcome": "APPROVED",
                "documents": [{"kind": "LICENCE", "number": "L-2"}],
                "completedAt": "2026-11-26T09:00:00+08:00",
            }
        },
        REPORT_COMPLETE,
    )

    assert result.data["reportCompletion"]["errors"] == [
        {"field": "completedAt", "code": "BEFORE_ACCEPTANCE", "message": "办结时间早于受理时间"}
    ]
