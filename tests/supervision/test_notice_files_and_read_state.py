"""A policy notice carries its circular as a file, records who read it in each receiving
department, and the list version in force when it was issued."""

import base64
import hashlib

from api.supervision.loaders import SupervisionLoaders
from api.supervision.schema import schema
from tests import factories
from tests.graphql import run

ANNOUNCE = """
mutation Announce($input: AnnouncePolicyNoticeInput!) {
  announcePolicyNotice(input: $input) {
    __typename
    ... on PolicyNotice { id listVersion attachments { id fileName sha256 size } }
    ... on ValidationErrors { errors { field code } }
  }
}
"""
INBOX = "{ noticeInbox(first: 5) { edges { node { id readAt attachments { id } } } } }"
READ = """
mutation($id: ID!) {
  markNoticeRead(noticeId: $id) {
    __typename
    ... on PolicyNotice { readAt }
    ... on ValidationErrors { errors { field code } }
  }
}
"""
ISSUED = """
{ issuedNotices(first: 5) { totalCount edges { node {
    listVersion readReceipts { department { id } readerName readBy readAt } } } } }
"""
FILE = "query($id: ID!) { noticeAttachmentFile(id: $id) { fileName sha256 contentBase64 } }"
CIRCULAR = factories.pdf_bytes()


async def _run(session, authorizer, principal, query, variables=None):
    result = await run(
        schema,
        SupervisionLoaders,
        query,
        session=session,
        authorizer=authorizer,
        principal=principal,
        variables=variables,
    )
    assert result.errors is None, result.errors
    return result.data


async def _announced(session, authorizer, attachment: bytes = CIRCULAR):
    approving = await factories.department(session)
    market, health, unrelated = [await factories.department(session) for _ in range(3)]
    issuer = await factories.user(session, authorizer, role="supervision_liaison", dept=market)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    health_liaison = await factories.user(
        session, authorizer, role="supervision_liaison", dept=health
    )
    outsider = await factories.user(session, authorizer, role="supervision_liaison", dept=unrelated)
    food = await factories.matter(session, approving)
    version = await factories.publish_list(
        session,
        [factories.published_entry(food, market), factories.published_entry(food, health)],
    )
    answer = await _run(
        session,
        authorizer,
        issuer,
        ANNOUNCE,
        {
            "input": {
                "title": "《食品经营许可和备案管理办法》施行",
                "body": "自2026年12月1日起施行。",
                "changeKind": "RULE",
                "matterIds": [str(food.id)],
                "attachments": [
                    {
                        "fileName": "管理办法.pdf",
                        "contentBase64": base64.b64encode(attachment).decode(),
                    }
                ],
            }
        },
    )
    return answer["announcePolicyNotice"], version, issuer, clerk, health_liaison, outsider


async def test_a_notice_carries_its_file_and_the_list_version_in_force(session, authorizer):
    notice, version, *_ = await _announced(session, authorizer)

    assert notice["listVersion"] == version
    assert notice["attachments"][0]["fileName"] == "管理办法.pdf"
    assert notice["attachments"][0]["sha256"] == hashlib.sha256(CIRCULAR).hexdigest()
    assert notice["attachments"][0]["size"] == len(CIRCULAR)


async def test_recipients_download_the_attachment_and_others_get_not_found(session, authorizer):
    notice, _, issuer, clerk, _, outsider = await _announced(session, authorizer)
    attachment = {"id": notice["attachments"][0]["id"]}

    by_recipient = await _run(session, authorizer, clerk, FILE, attachment)
    by_issuer = await _run(session, authorizer, issuer, FILE, attachment)
    by_outsider = await _run(session, authorizer, outsider, FILE, attachment)

    assert base64.b64decode(by_recipient["noticeAttachmentFile"]["contentBase64"]) == CIRCULAR
    assert by_issuer["noticeAttachmentFile"]["sha256"] == hashlib.sha256(CIRCULAR).hexdigest()
    assert by_outsider == {"noticeAttachmentFile": None}


async def test_an_attachment_that_is_not_a_document_is_refused_naming_the_field(
    session, authorizer
):
    notice, *_ = await _announced(session, authorizer, attachment=b"not a document")

    assert notice == {
        "__typename": "ValidationErrors",
        "errors": [{"field": "attachments.0.contentBase64", "code": "FILE_TYPE"}],
    }


async def test_reading_marks_the_department_and_the_issuer_sees_who_read_it(session, authorizer):
    notice, _, issuer, clerk, health_liaison, _ = await _announced(session, authorizer)

    before = await _run(session, authorizer, clerk, INBOX)
    read = await _run(session, authorizer, clerk, READ, {"id": notice["id"]})
    again = await _run(session, authorizer, clerk, READ, {"id": notice["id"]})
    after = await _run(session, authorizer, clerk, INBOX)
    issued = await _run(session, authorizer, issuer, ISSUED)
    seen_by_recipient = await _run(session, authorizer, health_liaison, ISSUED)

    assert before["noticeInbox"]["edges"][0]["node"]["readAt"] is None
    read_at = read["markNoticeRead"]["readAt"]
    assert read_at is not None
    assert again["markNoticeRead"]["readAt"] == read_at  # the first reading is kept
    assert after["noticeInbox"]["edges"][0]["node"]["readAt"] == read_at
    receipts = issued["issuedNotices"]["edges"][0]["node"]["readReceipts"]
    assert receipts == [
        {
            "department": {"id": clerk.department_id},
            "readerName": clerk.username,  # factories give people their user name
            "readBy": clerk.username,
            "readAt": read_at,
        },
        {
            "department": {"id": health_liaison.department_id},
            "readerName": None,
            "readBy": None,
            "readAt": None,
        },
    ]
    assert seen_by_recipient == {"issuedNotices": {"totalCount": 0, "edges": []}}


async def test_a_department_that_did_not_receive_a_notice_cannot_mark_it_read(session, authorizer):
    notice, *_, outsider = await _announced(session, authorizer)

    answer = await _run(session, authorizer, outsider, READ, {"id": notice["id"]})

    assert answer == {
        "markNoticeRead": {
            "__typename": "ValidationErrors",
            "errors": [{"field": "noticeId", "code": "NOT_FOUND"}],
        }
    }
