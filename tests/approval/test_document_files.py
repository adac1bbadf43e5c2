"""Files on approval documents: the licence travels with the completion push, the offline
claim keeps its signed receipt, the approving side records the letter it sent. Each file is
read by the departments of the push (others: not found, noted as an out-of-scope refusal)."""

import base64
import hashlib

from api.approval import services
from api.approval.loaders import ApprovalLoaders
from api.approval.schema import schema
from api.approval.services import documents
from api.core.audit import collect_denials
from api.core.clock import local_today
from api.core.scope import Scope
from tests import factories
from tests.graphql import run

LICENCE_PDF = factories.pdf_bytes()

COMPLETE = """
mutation Complete($input: CompleteApplicationInput!) {
  completeApplication(input: $input) {
    __typename
    ... on Application { legalDocuments { id number file { fileName sha256 size } } }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
INBOX = """
{ pushInbox(first: 10) { edges { node {
    id stage legalDocuments { id number file { fileName contentType sha256 } }
    claimReceipt { fileName sha256 }
    dispatch { channel number sentOn recordedBy recordedByName file { fileName sha256 } } } } } }
"""
DOCUMENT_FILE = """
query($id: ID!) { legalDocumentFile(id: $id) { fileName contentType sha256 contentBase64 } }
"""
PUSH_FILE = """
query($id: ID!, $kind: PushFileKind!) {
  pushFile(pushId: $id, kind: $kind) { fileName sha256 contentBase64 }
}
"""
CLAIM = """
mutation($input: ClaimPushInput!) {
  claimPush(input: $input) {
    __typename
    ... on Push { state claimReceipt { fileName sha256 } }
    ... on ValidationErrors { errors { field code } }
  }
}
"""
DISPATCH = """
mutation($input: RecordPushDispatchInput!) {
  recordPushDispatch(input: $input) {
    __typename
    ... on Push {
      dispatch { channel number sentOn recordedBy recordedByName file { fileName sha256 } }
    }
    ... on ValidationErrors { errors { field code } }
  }
}
"""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


async def _run(session, authorizer, principal, query, variables=None):
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
    return result.data


async def _setting(session, authorizer, *, channel="ONLINE"):
    approving = await factories.department(session)
    clerk = await factories.user(
        session, authorizer, role="approval_clerk", dept=approving, display_name="李审批"
    )
    supervising = await factories.department(session)
    liaison = await factories.user(
        session, authorizer, role="supervision_liaison", dept=supervising
    )
    outsider = await factories.user(
        session, authorizer, role="supervision_liaison", dept=await factories.department(session)
    )
    mat = await factories.matter(session, approving, name="食品经营许可")
    await factories.publish_list(
        session, [factories.published_entry(mat, supervising, channel=channel)]
    )
    app = await factories.application(session, mat, await factories.subject(session))
    await services.accept_application(
        session=session,
        application_id=app.id,
        handling_mode=services.HandlingMode.NORMAL,
        credit_ticket=factories.credit_ticket(app),
        actor=services.Actor(clerk.username, int(clerk.department_id)),
    )
    return clerk, liaison, outsider, app, supervising


def _completion(app, content: str) -> dict:
    return {
        "input": {
            "applicationId": str(app.id),
            "outcome": "APPROVED",
            "documents": [
                {
                    "kind": "LICENCE",
                    "number": "JY14309000001234",
                    "fileName": "许可证.pdf",
                    "contentBase64": content,
                }
            ],
        }
    }


async def test_a_licence_uploaded_at_completion_is_downloaded_byte_identical_by_the_push_receiver(
    session, authorizer
):
    clerk, liaison, _, app, _supervising = await _setting(session, authorizer)
    digest = hashlib.sha256(LICENCE_PDF).hexdigest()

    completed = await _run(
        session, authorizer, clerk, COMPLETE, _completion(app, _b64(LICENCE_PDF))
    )
    inbox = await _run(session, authorizer, liaison, INBOX)
    pushed = next(
        e["node"] for e in inbox["pushInbox"]["edges"] if e["node"]["stage"] == "COMPLETED"
    )
    document = pushed["legalDocuments"][0]
    downloaded = await _run(session, authorizer, liaison, DOCUMENT_FILE, {"id": document["id"]})

    assert completed["completeApplication"]["legalDocuments"][0]["file"] == {
        "fileName": "许可证.pdf",
        "sha256": digest,
        "size": len(LICENCE_PDF),
    }
    assert document["file"] == {
        "fileName": "许可证.pdf",
        "contentType": "application/pdf",
        "sha256": digest,
    }
    assert downloaded["legalDocumentFile"]["sha256"] == digest
    assert base64.b64decode(downloaded["legalDocumentFile"]["contentBase64"]) == LICENCE_PDF


async def test_another_department_gets_not_found_for_the_licence_and_the_refusal_is_noted(
    session, authorizer
):
    clerk, _, outsider, app, _ = await _setting(session, authorizer)
    completed = await _run(
        session, authorizer, clerk, COMPLETE, _completion(app, _b64(LICENCE_PDF))
    )
    document_id = completed["completeApplication"]["legalDocuments"][0]["id"]

    answer = await _run(session, authorizer, outsider, DOCUMENT_FILE, {"id": document_id})
    denials: list[dict[str, str]] = []
    collect_denials(denials)
    try:
        found = await documents.legal_document_file(
            session,
            int(document_id),
            Scope(department_id=int(outsider.department_id), city_wide=False),
        )
    finally:
        collect_denials(None)  # type: ignore[arg-type]

    assert answer == {"legalDocumentFile": None}
    assert found is None
    assert [d["object"] for d in denials] == [f"legal_document:{document_id}"]


async def test_the_approving_department_downloads_its_own_licence(session, authorizer):
    clerk, _, _, app, _ = await _setting(session, authorizer)
    completed = await _run(
        session, authorizer, clerk, COMPLETE, _completion(app, _b64(LICENCE_PDF))
    )
    document_id = completed["completeApplication"]["legalDocuments"][0]["id"]

    answer = await _run(session, authorizer, clerk, DOCUMENT_FILE, {"id": document_id})

    assert base64.b64decode(answer["legalDocumentFile"]["contentBase64"]) == LICENCE_PDF


async def test_a_licence_file_that_is_not_a_document_is_refused_naming_the_field(
    session, authorizer
):
    clerk, _, _, app, _ = await _setting(session, authorizer)

    answer = await _run(
        session, authorizer, clerk, COMPLETE, _completion(app, _b64(b"plain text, not a pdf"))
    )

    assert answer["completeApplication"]["__typename"] == "ValidationErrors"
    assert [(e["field"], e["code"]) for e in answer["completeApplication"]["errors"]] == [
        ("documents.0.contentBase64", "FILE_TYPE")
    ]


async def test_an_offline_claim_keeps_its_signed_receipt_for_both_sides(session, authorizer):
    clerk, liaison, outsider, app, _ = await _setting(session, authorizer, channel="LETTER")
    push = (await services.pushes_by_application_ids(session=session, ids=[app.id]))[0][0]
    receipt = factories.pdf_bytes()
    digest = hashlib.sha256(receipt).hexdigest()

    claimed = await _run(
        session,
        authorizer,
        liaison,
        CLAIM,
        {
            "input": {
                "pushId": str(push.id),
                "method": "LETTER",
                "receipt": {"fileName": "签收回执.pdf", "contentBase64": _b64(receipt)},
            }
        },
    )
    variables = {"id": str(push.id), "kind": "RECEIPT"}
    by_sender = await _run(session, authorizer, clerk, PUSH_FILE, variables)
    by_outsider = await _run(session, authorizer, outsider, PUSH_FILE, variables)

    assert claimed == {
        "claimPush": {
            "__typename": "Push",
            "state": "CLAIMED",
            "claimReceipt": {"fileName": "签收回执.pdf", "sha256": digest},
        }
    }
    assert base64.b64decode(by_sender["pushFile"]["contentBase64"]) == receipt
    assert by_outsider == {"pushFile": None}


async def test_the_approving_side_records_the_letter_it_sent_and_both_sides_see_it(
    session, authorizer
):
    clerk, liaison, _, app, _supervising = await _setting(session, authorizer, channel="LETTER")
    push = (await services.pushes_by_application_ids(session=session, ids=[app.id]))[0][0]
    letter = factories.pdf_bytes()
    today = local_today().isoformat()

    recorded = await _run(
        session,
        authorizer,
        clerk,
        DISPATCH,
        {
            "input": {
                "pushId": str(push.id),
                "channel": "LETTER",
                "number": "益审批函〔2026〕12号",
                "sentOn": today,
                "file": {"fileName": "函件.pdf", "contentBase64": _b64(letter)},
            }
        },
    )
    inbox = await _run(session, authorizer, liaison, INBOX)
    downloaded = await _run(
        session, authorizer, liaison, PUSH_FILE, {"id": str(push.id), "kind": "DISPATCH"}
    )

    expected = {
        "channel": "LETTER",
        "number": "益审批函〔2026〕12号",
        "sentOn": today,
        "recordedBy": clerk.username,
        "recordedByName": "李审批",
        "file": {"fileName": "函件.pdf", "sha256": hashlib.sha256(letter).hexdigest()},
    }
    assert recorded == {"recordPushDispatch": {"__typename": "Push", "dispatch": expected}}
    assert inbox["pushInbox"]["edges"][0]["node"]["dispatch"] == expected
    assert base64.b64decode(downloaded["pushFile"]["contentBase64"]) == letter


async def test_a_dispatch_needs_a_number_an_offline_push_and_the_sending_department(
    session, authorizer
):
    clerk, _liaison, _, app, supervising = await _setting(session, authorizer, channel="LETTER")
    push = (await services.pushes_by_application_ids(session=session, ids=[app.id]))[0][0]
    base = {"pushId": str(push.id), "channel": "LETTER", "sentOn": local_today().isoformat()}

    no_number = await _run(session, authorizer, clerk, DISPATCH, {"input": {**base, "number": ""}})
    wrong_channel = await _run(
        session,
        authorizer,
        clerk,
        DISPATCH,
        {"input": {**base, "number": "函1", "channel": "ONLINE"}},
    )
    receiving_clerk = await factories.user(
        session, authorizer, role="approval_clerk", dept=supervising
    )
    by_receiver = await _run(
        session, authorizer, receiving_clerk, DISPATCH, {"input": {**base, "number": "函1"}}
    )

    def codes(answer):
        return [(e["field"], e["code"]) for e in answer["recordPushDispatch"]["errors"]]

    assert codes(no_number) == [("number", "REQUIRED")]
    assert codes(wrong_channel) == [("channel", "NOT_OFFLINE")]
    assert codes(by_receiver) == [("pushId", "NOT_FOUND")]


async def test_an_online_push_needs_no_dispatch_record(session, authorizer):
    clerk, _, _, app, _ = await _setting(session, authorizer)
    push = (await services.pushes_by_application_ids(session=session, ids=[app.id]))[0][0]

    answer = await _run(
        session,
        authorizer,
        clerk,
        DISPATCH,
        {
            "input": {
                "pushId": str(push.id),
                "channel": "LETTER",
                "number": "函1",
                "sentOn": local_today().isoformat(),
            }
        },
    )

    assert answer["recordPushDispatch"]["errors"] == [{"field": "pushId", "code": "ONLINE_PUSH"}]
