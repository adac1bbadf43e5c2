"""Natural persons end to end: submit, credit check, accept and complete with an ID number;
the full number only for the handling (approving) department."""

import pytest

from api.approval import services as approval
from api.approval.loaders import ApprovalLoaders
from api.approval.models import ApplicantKind, ApplicationCreate, LegalDocumentCreate, Outcome
from api.approval.schema import schema
from api.core.identifiers import make_id_number, mask_id_number
from api.core.subject_keys import natural_person_key
from api.credit.services.lookups import LookupRequest, credit_check
from tests import factories
from tests.graphql import run

SHOW = "query($id: ID!) { application(id: $id) { applicantIdentifier applicant { creditCode } } }"


async def _submitted(session, authorizer, number):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    supervising = await factories.department(session)
    liaison = await factories.user(
        session, authorizer, role="supervision_liaison", dept=supervising
    )
    mat = await factories.matter(session, approving)
    await factories.publish_list(session, [factories.published_entry(mat, supervising)])
    app = await approval.submit_application(
        session=session,
        data=ApplicationCreate(
            matter_id=mat.id,
            applicant_kind=ApplicantKind.NATURAL_PERSON,
            applicant_code=number,
            applicant_name="刘建国",
        ),
        actor=approval.Actor(username=clerk.username, department_id=approving.id),
    )
    return clerk, liaison, approving, app


async def test_an_id_number_is_checked_accepted_and_completed(session, authorizer):
    number = make_id_number("43090219850612123")  # 资阳区, born before the district (1994)
    clerk, _, approving, app = await _submitted(session, authorizer, number)
    assert app.applicant_key == natural_person_key(number)

    check = await credit_check(
        session=session,
        request=LookupRequest(clerk, "受理前核查申请人信用", app.id),
        subject_code=number,
    )
    actor = approval.Actor(username=clerk.username, department_id=approving.id)
    accepted = await approval.accept_application(
        session=session,
        application_id=app.id,
        handling_mode=approval.HandlingMode.NORMAL,
        credit_ticket=check.ticket,
        actor=actor,
        skip=approval.MeasureSkip(reason=approval.SkipReason.DOCUMENTS_COMPLETE),
    )
    assert (accepted.status, accepted.credit_level) == ("ACCEPTED", "NORMAL")
    completed = await approval.complete_application(
        session=session,
        application_id=app.id,
        outcome=Outcome.APPROVED,
        documents=[LegalDocumentCreate(kind="LICENCE", number="JY-NP-1")],
        actor=actor,
    )
    assert completed.status == "APPROVED"


async def test_the_handling_clerk_sees_the_number_and_the_supervising_side_the_mask(
    session, authorizer
):
    number = make_id_number("43090319900101001")
    clerk, liaison, _, app = await _submitted(session, authorizer, number)
    await factories.deliver(session)

    seen = {}
    for who, principal in (("clerk", clerk), ("liaison", liaison)):
        result = await run(
            schema,
            ApprovalLoaders,
            SHOW,
            session=session,
            authorizer=authorizer,
            principal=principal,
            variables={"id": str(app.id)},
        )
        assert result.errors is None
        seen[who] = result.data["application"]

    key = natural_person_key(number)
    assert seen == {
        "clerk": {"applicantIdentifier": number, "applicant": {"creditCode": key}},
        "liaison": {
            "applicantIdentifier": mask_id_number(number),
            "applicant": {"creditCode": key},
        },
    }


async def test_a_ticket_for_another_person_is_refused(session, authorizer):
    clerk, _, approving, app = await _submitted(
        session, authorizer, make_id_number("43090319900101002")
    )
    other = make_id_number("43090319900101003")
    check = await credit_check(
        session=session,
        request=LookupRequest(clerk, "受理前核查申请人信用", app.id),
        subject_code=other,
    )

    with pytest.raises(approval.ValidationFailed) as refused:
        await approval.accept_application(
            session=session,
            application_id=app.id,
            handling_mode=approval.HandlingMode.NORMAL,
            credit_ticket=check.ticket,
            actor=approval.Actor(username=clerk.username, department_id=approving.id),
        )
    issues = [(i.field, i.code) for i in refused.value.issues]
    assert issues == [("creditTicket", "INVALID_CREDIT_TICKET")]
