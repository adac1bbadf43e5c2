"""A policy notice reaches every department linked to the matters it names."""

from api.supervision.loaders import SupervisionLoaders
from api.supervision.schema import schema
from tests import factories
from tests.graphql import run

ANNOUNCE = """
mutation Announce($input: AnnouncePolicyNoticeInput!) {
  announcePolicyNotice(input: $input) {
    __typename
    ... on PolicyNotice { title changeKind recipients { id } }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
INBOX = "{ noticeInbox(first: 5) { totalCount edges { node { title body changeKind } } } }"


async def test_every_linked_department_receives_the_notice(session, authorizer):
    approving = await factories.department(session)
    market, health, unrelated = [await factories.department(session) for _ in range(3)]
    liaison = await factories.user(session, authorizer, role="supervision_liaison", dept=market)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    food = await factories.matter(session, approving)
    other = await factories.matter(session, approving)
    await factories.publish_list(
        session,
        [
            factories.published_entry(food, market),
            factories.published_entry(food, health),
            factories.published_entry(other, unrelated),
        ],
    )
    ids = {"approving": approving.id, "health": health.id, "food": food.id}

    announced = await run(
        schema,
        SupervisionLoaders,
        ANNOUNCE,
        session=session,
        authorizer=authorizer,
        principal=liaison,
        variables={
            "input": {
                "title": "《食品经营许可和备案管理办法》施行",
                "body": "自2026年12月1日起施行，许可条件有变化。",
                "changeKind": "RULE",
                "matterIds": [str(ids["food"])],
            }
        },
    )
    inbox = await run(
        schema, SupervisionLoaders, INBOX, session=session, authorizer=authorizer, principal=clerk
    )

    assert announced.data == {
        "announcePolicyNotice": {
            "__typename": "PolicyNotice",
            "title": "《食品经营许可和备案管理办法》施行",
            "changeKind": "RULE",
            "recipients": [{"id": str(ids["approving"])}, {"id": str(ids["health"])}],
        }
    }
    assert inbox.data == {
        "noticeInbox": {
            "totalCount": 1,
            "edges": [
                {
                    "node": {
                        "title": "《食品经营许可和备案管理办法》施行",
                        "body": "自2026年12月1日起施行，许可条件有变化。",
                        "changeKind": "RULE",
                    }
                }
            ],
        }
    }
