"""Offline pushes are claimed by hand (who, when, how); a no-abnormality close is one click."""

from api.approval import services
from api.approval.loaders import ApprovalLoaders
from api.approval.models import DocumentKind, LegalDocumentCreate
from api.approval.schema import schema
from tests import factories
from tests.graphql import run

INBOX = """
query Inbox($state: PushState, $overdue: Boolean, $first: Int!, $after: String) {
  pushInbox(state: $state, overdue: $overdue, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage }
    edges { node { stage channel state claimedBy claimMethod claimNote overdue } }
  }
}
"""
CLAIM = """
mutation Claim($input: ClaimPushInput!) {
  claimPush(input: $input) {
    __typename
    ... on Push { state claimedBy claimMethod claimNote }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
CLOSE = """
mutation Close($id: ID!) {
  closePushWithoutAbnormality(pushId: $id) {
    __typename
    ... on Push { feedbackState feedbackClosedBy }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""


async def _pushed(session, authorizer, *, channel="LETTER", complete=False):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    supervising = await factories.department(session)
    liaison = await factories.user(
        session, authorizer, role="supervision_liaison", dept=supervising
    )
    mat = await factories.matter(session, approving)
    await factories.publish_list(
        session, [factories.published_entry(mat, supervising, channel=channel)]
    )
    app = await factories.application(session, mat, await factories.subject(session))
    actor = services.Actor(clerk.username, int(clerk.department_id))
    await services.accept_application(
        session=session,
        application_id=app.id,
        handling_mode=services.HandlingMode.NORMAL,
        credit_ticket=factories.credit_ticket(app),
        actor=actor,
    )
    if complete:
        await services.complete_application(
            session=session,
            application_id=app.id,
            outcome=services.Outcome.APPROVED,
            documents=[LegalDocumentCreate(kind=DocumentKind.LICENCE, number="X-1")],
            actor=actor,
        )
    pushes = (await services.pushes_by_application_ids(session=session, ids=[app.id]))[0]
    return liaison, pushes


async def _run(session, authorizer, principal, query, variables):
    return await run(
        schema,
        ApprovalLoaders,
        query,
        session=session,
        authorizer=authorizer,
        principal=principal,
        variables=variables,
    )


async def test_a_letter_push_waits_for_a_manual_claim_that_records_who_and_how(session, authorizer):
    liaison, pushes = await _pushed(session, authorizer)

    claimed = await _run(
        session,
        authorizer,
        liaison,
        CLAIM,
        {"input": {"pushId": str(pushes[0].id), "method": "LETTER", "note": "益市监函〔2026〕8号"}},
    )
    inbox = await _run(session, authorizer, liaison, INBOX, {"first": 10})

    assert claimed.data == {
        "claimPush": {
            "__typename": "Push",
            "state": "CLAIMED",
            "claimedBy": liaison.username,
            "claimMethod": "LETTER",
            "claimNote": "益市监函〔2026〕8号",
        }
    }
    assert inbox.data == {
        "pushInbox": {
            "totalCount": 1,
            "pageInfo": {"hasNextPage": False},
            "edges": [
                {
                    "node": {
                        "stage": "ACCEPTED",
                        "channel": "LETTER",
                        "state": "CLAIMED",
                        "claimedBy": liaison.username,
                        "claimMethod": "LETTER",
                        "claimNote": "益市监函〔2026〕8号",
                        "overdue": False,
                    }
                }
            ],
        }
    }


async def test_claiming_an_online_push_again_is_refused(session, authorizer):
    liaison, pushes = await _pushed(session, authorizer, channel="ONLINE")

    result = await _run(
        session,
        authorizer,
        liaison,
        CLAIM,
        {"input": {"pushId": str(pushes[0].id), "method": "LETTER"}},
    )

    assert result.data == {
        "claimPush": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "pushId",
                    "code": "ILLEGAL_TRANSITION",
                    "message": "该推送已认领，不能重复认领",
                }
            ],
        }
    }


async def test_another_department_cannot_claim_the_push(session, authorizer):
    _, pushes = await _pushed(session, authorizer)
    other = await factories.department(session)
    stranger = await factories.user(session, authorizer, role="supervision_liaison", dept=other)

    result = await _run(
        session,
        authorizer,
        stranger,
        CLAIM,
        {"input": {"pushId": str(pushes[0].id), "method": "LETTER"}},
    )

    assert result.data == {
        "claimPush": {
            "__typename": "ValidationErrors",
            "errors": [{"field": "pushId", "code": "NOT_FOUND", "message": "推送不存在"}],
        }
    }


async def test_no_abnormality_is_closed_in_one_click_and_only_once(session, authorizer):
    liaison, pushes = await _pushed(session, authorizer, channel="ONLINE", complete=True)
    completed = pushes[1]

    first = await _run(session, authorizer, liaison, CLOSE, {"id": str(completed.id)})
    second = await _run(session, authorizer, liaison, CLOSE, {"id": str(completed.id)})

    assert first.data == {
        "closePushWithoutAbnormality": {
            "__typename": "Push",
            "feedbackState": "NO_ABNORMALITY",
            "feedbackClosedBy": liaison.username,
        }
    }
    assert second.data == {
        "closePushWithoutAbnormality": {
            "__typename": "ValidationErrors",
            "errors": [
                {"field": "pushId", "code": "ILLEGAL_TRANSITION", "message": "该推送没有待反馈事项"}
            ],
        }
    }


async def test_the_inbox_pages_with_cursors_and_counts(session, authorizer):
    liaison, _ = await _pushed(session, authorizer, channel="ONLINE", complete=True)

    page1 = await _run(session, authorizer, liaison, INBOX, {"first": 1})
    cursor_query = INBOX.replace("edges {", "edges { cursor")
    raw = await _run(session, authorizer, liaison, cursor_query, {"first": 1})
    after = raw.data["pushInbox"]["edges"][0]["cursor"]
    page2 = await _run(session, authorizer, liaison, INBOX, {"first": 1, "after": after})
    too_many = await _run(session, authorizer, liaison, INBOX, {"first": 101})

    assert [page1.data["pushInbox"]["totalCount"], page1.data["pushInbox"]["pageInfo"]] == [
        2,
        {"hasNextPage": True},
    ]
    assert page1.data["pushInbox"]["edges"][0]["node"]["stage"] == "ACCEPTED"
    assert page2.data["pushInbox"]["pageInfo"] == {"hasNextPage": False}
    assert page2.data["pushInbox"]["edges"][0]["node"]["stage"] == "COMPLETED"
    assert too_many.data is None
    # Refused before execution by the query limits (since the hardening merge).
    assert too_many.errors[0].message == "分页参数 first 超出允许范围"
