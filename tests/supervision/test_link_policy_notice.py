"""A policy notice is linked to the list version its change of law or policy caused."""

from api.supervision import services
from api.supervision.loaders import SupervisionLoaders
from api.supervision.models import ChangeKind, PolicyNoticeCreate
from api.supervision.schema import schema
from tests import factories
from tests.graphql import run

LINK = """
mutation($id: ID!, $version: Int!) {
  linkPolicyNoticeToListVersion(noticeId: $id, listVersion: $version) {
    __typename
    ... on PolicyNotice { title causedListVersion }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""


async def test_a_notice_is_linked_once_to_a_published_version(session, authorizer):
    approving = await factories.department(session)
    market = await factories.department(session)
    liaison = await factories.user(session, authorizer, role="supervision_liaison", dept=market)
    food = await factories.matter(session, approving)
    await factories.publish_list(session, [factories.published_entry(food, market)])
    notice = await services.announce_notice(
        session=session,
        data=PolicyNoticeCreate(
            title="食品安全法修订",
            body="许可条件变化",
            change_kind=ChangeKind.LAW,
            matter_ids=[food.id],
        ),
        from_department_id=market.id,
        announced_by=liaison.username,
    )
    caused = await factories.publish_list(
        session, [factories.published_entry(food, market, claim_days=1)]
    )

    async def link(version):
        result = await run(
            schema,
            SupervisionLoaders,
            LINK,
            session=session,
            authorizer=authorizer,
            principal=liaison,
            variables={"id": str(notice.id), "version": version},
        )
        return result.data["linkPolicyNoticeToListVersion"]

    unknown = await link(caused + 50)
    linked = await link(caused)
    again = await link(caused)

    assert unknown == {
        "__typename": "ValidationErrors",
        "errors": [
            {"field": "listVersion", "code": "UNKNOWN_LIST_VERSION", "message": "清单版本不存在"}
        ],
    }
    assert linked == {
        "__typename": "PolicyNotice",
        "title": "食品安全法修订",
        "causedListVersion": caused,
    }
    assert again == {
        "__typename": "ValidationErrors",
        "errors": [
            {
                "field": "noticeId",
                "code": "ALREADY_LINKED",
                "message": f"该通知已关联清单第{caused}版",
            }
        ],
    }
