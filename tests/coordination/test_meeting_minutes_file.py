"""The minutes of a joint meeting carry their file: the convening and the participating
departments download it (with its hash); a department that took no part gets not-found."""

import base64
import hashlib

from tests import factories
from tests.coordination.helpers import execute

CONVENE = """
mutation($input: ConveneMeetingInput!) { conveneMeeting(input: $input) { ... on Meeting { id } } }
"""
MINUTES = """
mutation($id: ID!, $file: MinutesFileInput) {
  recordMeetingMinutes(meetingId: $id, minutes: "议定：明确责任分工",
                       heldAt: "2026-06-02T02:00:00Z", minutesFile: $file) {
    __typename
    ... on Meeting { status minutesFile { fileName contentType size sha256 } }
    ... on ValidationErrors { errors { field code } }
  }
}
"""
FILE = "query($id: ID!) { meetingMinutesFile(meetingId: $id) { filename mediaType contentBase64 } }"
PDF = factories.pdf_bytes()


async def _meeting(session, authorizer):
    convener = await factories.department(session)
    member = await factories.department(session)
    outsider = await factories.department(session)
    head = await factories.user(session, authorizer, role="department_head", dept=convener)
    participant = await factories.user(session, authorizer, role="department_head", dept=member)
    stranger = await factories.user(session, authorizer, role="department_head", dept=outsider)
    convened = await execute(
        session,
        authorizer,
        head,
        CONVENE,
        input={
            "title": "审管联动联席会议",
            "scheduledAt": "2026-06-02T02:00:00Z",
            "participants": [{"departmentId": str(member.id), "personName": "王敏"}],
            "agenda": [{"title": "推送交换"}],
        },
    )
    return convened["conveneMeeting"]["id"], head, participant, stranger


async def test_minutes_file_is_downloaded_by_participants_and_not_found_for_others(
    session, authorizer
):
    meeting_id, head, participant, stranger = await _meeting(session, authorizer)
    upload = {"fileName": "会议纪要.pdf", "contentBase64": base64.b64encode(PDF).decode()}

    held = await execute(session, authorizer, head, MINUTES, id=meeting_id, file=upload)
    by_participant = await execute(session, authorizer, participant, FILE, id=meeting_id)
    by_stranger = await execute(session, authorizer, stranger, FILE, id=meeting_id)

    assert held["recordMeetingMinutes"] == {
        "__typename": "Meeting",
        "status": "HELD",
        "minutesFile": {
            "fileName": "会议纪要.pdf",
            "contentType": "application/pdf",
            "size": len(PDF),
            "sha256": hashlib.sha256(PDF).hexdigest(),
        },
    }
    assert by_participant["meetingMinutesFile"]["filename"] == "会议纪要.pdf"
    assert base64.b64decode(by_participant["meetingMinutesFile"]["contentBase64"]) == PDF
    assert by_stranger == {"meetingMinutesFile": None}


async def test_a_minutes_file_that_is_not_a_document_is_refused_naming_the_field(
    session, authorizer
):
    meeting_id, head, *_ = await _meeting(session, authorizer)
    upload = {"fileName": "纪要.txt", "contentBase64": base64.b64encode(b"text").decode()}

    answer = await execute(session, authorizer, head, MINUTES, id=meeting_id, file=upload)

    assert answer["recordMeetingMinutes"] == {
        "__typename": "ValidationErrors",
        "errors": [{"field": "minutesFile.contentBase64", "code": "FILE_TYPE"}],
    }
