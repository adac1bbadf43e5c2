"""Credit measures at acceptance: proposed from the ticket, applied or skipped with a reason."""

from sqlmodel import select

from api.approval import services
from api.approval.loaders import ApprovalLoaders
from api.approval.schema import schema
from api.core.events import OutboxMessage
from api.core.scope import Scope
from tests import factories
from tests.graphql import run

ACCEPT = """
mutation($input: AcceptApplicationInput!) {
  acceptApplication(input: $input) {
    __typename
    ... on Application { handlingMode creditMeasures { measure kind decision skipReason skipNote } }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
PROPOSED = """
query($id: ID!, $ticket: String!) {
  proposedMeasures(applicationId: $id, creditTicket: $ticket) { measure kind }
}
"""
STATISTICS = """
query($matter: ID) {
  creditMeasureStatistics(matterId: $matter) { measure kind applied skipped department { id } }
}
"""
TRUSTWORTHY = ("NORMAL", "GREEN_CHANNEL", "MISSING_DOCUMENTS", "NOTIFY_AND_COMMIT")


async def _setup(session, authorizer):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    mat = await factories.matter(session, approving)
    await factories.publish_list(
        session, [factories.published_entry(mat, await factories.department(session))]
    )
    return approving, clerk, mat


async def _accept(session, authorizer, clerk, app, ticket, mode="NORMAL", **extra):
    variables = {
        "input": {
            "applicationId": str(app.id),
            "handlingMode": mode,
            "creditTicket": ticket,
            **extra,
        }
    }
    result = await run(
        schema,
        ApprovalLoaders,
        ACCEPT,
        session=session,
        authorizer=authorizer,
        principal=clerk,
        variables=variables,
    )
    return result.data["acceptApplication"]


async def test_the_ticket_proposes_incentives_or_a_stricter_review(session, authorizer):
    _, clerk, mat = await _setup(session, authorizer)
    good = await factories.application(session, mat, await factories.subject(session))
    bad = await factories.application(session, mat, await factories.subject(session))

    proposed = [
        (
            await run(
                schema,
                ApprovalLoaders,
                PROPOSED,
                session=session,
                authorizer=authorizer,
                principal=clerk,
                variables={"id": str(app.id), "ticket": ticket},
            )
        ).data
        for app, ticket in [
            (good, factories.credit_ticket(good, level="TRUSTWORTHY", modes=TRUSTWORTHY)),
            (bad, factories.credit_ticket(bad, level="DISHONEST", joint_punished=True)),
        ]
    ]

    assert proposed == [
        {
            "proposedMeasures": [
                {"measure": "GREEN_CHANNEL", "kind": "INCENTIVE"},
                {"measure": "MISSING_DOCUMENTS", "kind": "INCENTIVE"},
                {"measure": "NOTIFY_AND_COMMIT", "kind": "INCENTIVE"},
            ]
        },
        {"proposedMeasures": [{"measure": "STRICTER_REVIEW", "kind": "RESTRICTION"}]},
    ]


async def test_a_skipped_measure_without_a_reason_is_refused(session, authorizer):
    _, clerk, mat = await _setup(session, authorizer)
    good = await factories.application(session, mat, await factories.subject(session))
    bad = await factories.application(session, mat, await factories.subject(session))

    skipped_incentive = await _accept(
        session,
        authorizer,
        clerk,
        good,
        factories.credit_ticket(good, level="TRUSTWORTHY", modes=TRUSTWORTHY),
    )
    other_without_note = await _accept(
        session,
        authorizer,
        clerk,
        good,
        factories.credit_ticket(good, level="TRUSTWORTHY", modes=TRUSTWORTHY),
        skipReason="OTHER",
    )
    skipped_review = await _accept(
        session,
        authorizer,
        clerk,
        bad,
        factories.credit_ticket(bad, level="DISHONEST"),
        stricterReview=False,
    )

    assert [skipped_incentive, other_without_note, skipped_review] == [
        {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "skipReason",
                    "code": "SKIP_REASON_REQUIRED",
                    "message": "未适用“绿色通道、容缺受理、告知承诺”，须选择理由",
                }
            ],
        },
        {
            "__typename": "ValidationErrors",
            "errors": [
                {"field": "skipNote", "code": "REQUIRED", "message": "理由为“其他”时须填写说明"}
            ],
        },
        {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "skipReason",
                    "code": "SKIP_REASON_REQUIRED",
                    "message": "未适用“从严审查”，须选择理由",
                }
            ],
        },
    ]
    assert (await services.get_application(session, good.id)).status.value == "SUBMITTED"


async def test_statistics_count_applied_and_skipped_per_matter_and_department(session, authorizer):
    approving, clerk, mat = await _setup(session, authorizer)
    applications = [
        await factories.application(session, mat, await factories.subject(session))
        for _ in range(5)
    ]
    green, missing, skipped, strict, lenient = applications
    decisions = [
        await _accept(
            session,
            authorizer,
            clerk,
            green,
            factories.credit_ticket(green, level="TRUSTWORTHY", modes=TRUSTWORTHY),
            mode="GREEN_CHANNEL",
        ),
        await _accept(
            session,
            authorizer,
            clerk,
            missing,
            factories.credit_ticket(missing, level="TRUSTWORTHY", modes=TRUSTWORTHY),
            mode="MISSING_DOCUMENTS",
            missingItems=[{"name": "营业执照副本复印件"}],
        ),
        await _accept(
            session,
            authorizer,
            clerk,
            skipped,
            factories.credit_ticket(skipped, level="TRUSTWORTHY", modes=TRUSTWORTHY),
            skipReason="DOCUMENTS_COMPLETE",
            skipNote="材料齐全",
        ),
        await _accept(
            session, authorizer, clerk, strict, factories.credit_ticket(strict, level="DISHONEST")
        ),
        await _accept(
            session,
            authorizer,
            clerk,
            lenient,
            factories.credit_ticket(lenient, level="DISHONEST"),
            stricterReview=False,
            skipReason="CREDIT_REPAIRED",
        ),
    ]
    office = await factories.user(
        session, authorizer, role="coordination_office", dept=await factories.department(session)
    )
    stranger = await factories.user(
        session, authorizer, role="approval_clerk", dept=await factories.department(session)
    )

    own = await run(
        schema,
        ApprovalLoaders,
        STATISTICS,
        session=session,
        authorizer=authorizer,
        principal=clerk,
        variables={"matter": str(mat.id)},
    )
    city = await run(
        schema,
        ApprovalLoaders,
        STATISTICS,
        session=session,
        authorizer=authorizer,
        principal=office,
        variables={"matter": str(mat.id)},
    )
    foreign = await run(
        schema,
        ApprovalLoaders,
        STATISTICS,
        session=session,
        authorizer=authorizer,
        principal=stranger,
        variables={"matter": None},
    )

    assert decisions[2] == {
        "__typename": "Application",
        "handlingMode": "NORMAL",
        "creditMeasures": [
            {
                "measure": m,
                "kind": "INCENTIVE",
                "decision": "SKIPPED",
                "skipReason": "DOCUMENTS_COMPLETE",
                "skipNote": "材料齐全",
            }
            for m in ("GREEN_CHANNEL", "MISSING_DOCUMENTS", "NOTIFY_AND_COMMIT")
        ],
    }
    dept = {"id": str(approving.id)}
    expected = [
        {"measure": "GREEN_CHANNEL", "kind": "INCENTIVE", "applied": 1, "skipped": 1},
        {"measure": "MISSING_DOCUMENTS", "kind": "INCENTIVE", "applied": 1, "skipped": 1},
        {"measure": "NOTIFY_AND_COMMIT", "kind": "INCENTIVE", "applied": 0, "skipped": 1},
        {"measure": "STRICTER_REVIEW", "kind": "RESTRICTION", "applied": 1, "skipped": 1},
    ]
    assert own.data == {
        "creditMeasureStatistics": [{**row, "department": dept} for row in expected]
    }
    assert city.data == own.data
    assert foreign.data == {"creditMeasureStatistics": []}
    counted = await services.measure_statistics(
        session=session, scope=Scope(department_id=0, city_wide=True), matter_id=mat.id
    )
    assert sum(c.applied + c.skipped for c in counted) == 7


async def test_the_acceptance_event_carries_each_measure_and_what_the_clerk_did(
    session, authorizer
):
    _, clerk, mat = await _setup(session, authorizer)
    app = await factories.application(session, mat, await factories.subject(session))
    answer = await _accept(
        session,
        authorizer,
        clerk,
        app,
        factories.credit_ticket(app, level="TRUSTWORTHY", modes=TRUSTWORTHY),
        mode="GREEN_CHANNEL",
    )
    messages = await session.exec(
        select(OutboxMessage).where(OutboxMessage.topic == "approval.application.accepted")
    )
    [payload] = [m.payload for m in messages.all() if m.payload["application_id"] == app.id]

    assert payload["measures"] == [
        {"measure": m["measure"], "kind": m["kind"], "decision": m["decision"]}
        for m in answer["creditMeasures"]
    ]
    assert {"measure": "GREEN_CHANNEL", "kind": "INCENTIVE", "decision": "APPLIED"} in payload[
        "measures"
    ]
