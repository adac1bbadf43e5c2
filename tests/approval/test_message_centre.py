"""The message centre: each inbox event is a message naming its case (办件编号, matter,
applicant), newest first, read per user; counts come from the server; the SQL of the list does
not grow with it; another department sees none of it; 监管反馈 carries its finding."""

from __future__ import annotations

from api.approval import services
from api.approval.loaders import ApprovalLoaders
from api.approval.schema import schema
from api.core.clock import local_today
from api.supervision import services as supervision
from api.supervision.models import FindingCreate, FindingKind, ResultType
from tests import factories
from tests.graphql import run

MESSAGES = """
query($unread: Boolean!) {
  unreadMessageCount
  inboxMessages(unreadOnly: $unread, first: 50) {
    totalCount
    edges { node { id kind refId applicationId applicationNumber matterName applicantName
                   readAt } }
  }
}
"""
READ = """
mutation($id: ID!) { markMessageRead(messageId: $id) {
  __typename ... on InboxMessage { id readAt } ... on ValidationErrors { errors { field code } } } }
"""
READ_ALL = "mutation { markAllMessagesRead }"
FEEDBACK = "{ feedbackInbox(first: 10) { edges { node { finding { id } } } } }"


async def _call(session, authorizer, principal, query, **variables):
    result = await run(
        schema,
        ApprovalLoaders,
        query,
        session=session,
        authorizer=authorizer,
        principal=principal,
        variables=variables,
    )
    assert result.errors is None, result.errors
    await session.commit()
    return result.data


async def _setup(session, authorizer, applications=1):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    supervising = await factories.department(session)
    liaison = await factories.user(
        session, authorizer, role="supervision_liaison", dept=supervising
    )
    colleague = await factories.user(
        session, authorizer, role="supervision_liaison", dept=supervising
    )
    outsider = await factories.user(
        session, authorizer, role="supervision_liaison", dept=await factories.department(session)
    )
    mat = await factories.matter(session, approving, name="食品经营许可")
    await factories.publish_list(session, [factories.published_entry(mat, supervising)])
    subj = await factories.subject(session, name="丙食品有限公司")
    actor = services.Actor(clerk.username, int(clerk.department_id))
    apps = []
    for _ in range(applications):
        app = await factories.application(session, mat, subj)
        await services.accept_application(
            session=session,
            application_id=app.id,
            handling_mode=services.HandlingMode.NORMAL,
            credit_ticket=factories.credit_ticket(app),
            actor=actor,
        )
        apps.append(app)
    await session.commit()
    return {
        "clerk": clerk,
        "liaison": liaison,
        "colleague": colleague,
        "outsider": outsider,
        "apps": apps,
        "supervising": supervising,
    }


async def test_a_push_is_a_message_naming_its_case(session, authorizer):
    s = await _setup(session, authorizer)
    app = s["apps"][0]

    data = await _call(session, authorizer, s["liaison"], MESSAGES, unread=False)

    assert data["unreadMessageCount"] == 1
    [message] = [e["node"] for e in data["inboxMessages"]["edges"]]
    assert message["kind"] == "PUSH"
    assert message["applicationId"] == str(app.id)
    assert message["applicationNumber"] == f"SP{local_today():%Y%m%d}{app.id:06d}"
    assert message["applicantName"] == "丙食品有限公司"
    assert message["matterName"]  # the matter as pushed
    assert message["readAt"] is None


async def test_reading_drops_the_count_for_the_reader_only(session, authorizer):
    s = await _setup(session, authorizer, applications=2)
    data = await _call(session, authorizer, s["liaison"], MESSAGES, unread=False)
    newest, older = (e["node"] for e in data["inboxMessages"]["edges"])
    assert int(newest["id"]) > int(older["id"])  # newest first

    read = await _call(session, authorizer, s["liaison"], READ, id=newest["id"])
    mine = await _call(session, authorizer, s["liaison"], MESSAGES, unread=True)
    theirs = await _call(session, authorizer, s["colleague"], MESSAGES, unread=True)

    assert read["markMessageRead"]["readAt"] is not None
    assert mine["unreadMessageCount"] == 1
    assert [e["node"]["id"] for e in mine["inboxMessages"]["edges"]] == [older["id"]]
    assert theirs["unreadMessageCount"] == 2

    marked = await _call(session, authorizer, s["liaison"], READ_ALL)
    after = await _call(session, authorizer, s["liaison"], MESSAGES, unread=False)
    assert marked["markAllMessagesRead"] == 1
    assert after["unreadMessageCount"] == 0
    assert after["inboxMessages"]["totalCount"] == 2


async def test_another_department_neither_sees_nor_marks_them(session, authorizer):
    s = await _setup(session, authorizer)
    data = await _call(session, authorizer, s["liaison"], MESSAGES, unread=False)
    message_id = data["inboxMessages"]["edges"][0]["node"]["id"]

    theirs = await _call(session, authorizer, s["outsider"], MESSAGES, unread=False)
    refused = await _call(session, authorizer, s["outsider"], READ, id=message_id)
    still = await _call(session, authorizer, s["liaison"], MESSAGES, unread=True)

    assert theirs["unreadMessageCount"] == 0
    assert theirs["inboxMessages"]["totalCount"] == 0
    assert refused["markMessageRead"] == {
        "__typename": "ValidationErrors",
        "errors": [{"field": "messageId", "code": "NOT_FOUND"}],
    }
    assert still["unreadMessageCount"] == 1


async def test_abnormal_feedback_is_a_message_and_carries_its_finding(session, authorizer):
    s = await _setup(session, authorizer)
    app = s["apps"][0]
    finding = await supervision.record_finding(
        session=session,
        require_push=False,
        data=FindingCreate(
            application_id=app.id,
            department_id=s["supervising"].id,
            kind=FindingKind.INSPECTION,
            abnormal=True,
            result_type=ResultType.RECTIFICATION_ORDERED,
            measures="责令限期整改",
            summary="现场检查发现问题",
            found_on=local_today(),
        ),
    )
    await factories.deliver(session)
    await session.commit()

    data = await _call(session, authorizer, s["clerk"], MESSAGES, unread=True)
    feedback = await _call(session, authorizer, s["clerk"], FEEDBACK)

    [message] = [e["node"] for e in data["inboxMessages"]["edges"]]
    assert message["kind"] == "FEEDBACK"
    assert message["applicationId"] == str(app.id)
    assert message["applicantName"] == "丙食品有限公司"
    assert feedback["feedbackInbox"]["edges"][0]["node"]["finding"] == {"id": str(finding.id)}


async def test_message_list_statement_count_does_not_grow(session, authorizer, count_statements):
    counts = []
    for size in (1, 5):
        s = await _setup(session, authorizer, applications=size)
        count_statements.count = 0
        data = await _call(session, authorizer, s["liaison"], MESSAGES, unread=False)
        assert data["inboxMessages"]["totalCount"] == size
        counts.append(count_statements.count)
    # unread count; list count and page (commits are not statements of the query)
    assert counts[0] == counts[1]
