"""The 监管码 in the SMS opens the case; outside the department's scope it does not exist."""

import re

from sqlmodel import select

from api.approval import services
from api.approval.loaders import ApprovalLoaders
from api.approval.models.sms import SmsMessage
from api.approval.schema import schema
from tests import factories
from tests.graphql import run

QUERY = "query($code: String!) { pushByCode(code: $code) { id supervisionCode matterName } }"


async def _pushed(session, authorizer):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    supervising = await factories.department(session)
    liaison = await factories.user(
        session, authorizer, role="supervision_liaison", dept=supervising
    )
    mat = await factories.matter(session, approving, name="药品零售许可")
    await factories.publish_list(session, [factories.published_entry(mat, supervising)])
    app = await factories.application(session, mat, await factories.subject(session))
    await services.accept_application(
        session=session,
        application_id=app.id,
        handling_mode=services.HandlingMode.NORMAL,
        credit_ticket=factories.credit_ticket(app),
        actor=services.Actor(clerk.username, int(clerk.department_id)),
    )
    await factories.deliver(session)
    push = (await services.pushes_by_application_ids(session=session, ids=[app.id]))[0][0]
    return clerk, liaison, push


async def test_the_liaison_opens_a_push_by_the_code_in_the_sms(session, authorizer):
    _, liaison, push = await _pushed(session, authorizer)
    text = (
        await session.exec(select(SmsMessage.text).where(SmsMessage.key == f"push:{push.id}"))
    ).one()
    typed = re.search(r"监管码([0-9A-Z]{8})$", text).group(1).lower()  # typed in lower case

    result = await run(
        schema,
        ApprovalLoaders,
        QUERY,
        session=session,
        authorizer=authorizer,
        principal=liaison,
        variables={"code": f" {typed[:4]} {typed[4:]} "},
    )

    assert typed.upper() == push.supervision_code
    assert set(push.supervision_code) <= set(services.CODE_ALPHABET)
    assert result.data == {
        "pushByCode": {
            "id": str(push.id),
            "supervisionCode": push.supervision_code,
            "matterName": "药品零售许可",
        }
    }


async def test_a_code_outside_the_department_scope_answers_not_found(session, authorizer):
    clerk, _, push = await _pushed(session, authorizer)
    stranger = await factories.user(
        session, authorizer, role="supervision_liaison", dept=await factories.department(session)
    )
    variables = {"code": push.supervision_code}

    foreign = await run(
        schema,
        ApprovalLoaders,
        QUERY,
        session=session,
        authorizer=authorizer,
        principal=stranger,
        variables=variables,
    )
    sender = await run(
        schema,
        ApprovalLoaders,
        QUERY,
        session=session,
        authorizer=authorizer,
        principal=clerk,
        variables=variables,
    )

    assert foreign.data == {"pushByCode": None}
    assert sender.data["pushByCode"]["id"] == str(push.id)  # the approving side is in scope


async def test_every_push_gets_its_own_code(session, authorizer):
    codes = [(await _pushed(session, authorizer))[2].supervision_code for _ in range(5)]
    assert len(set(codes)) == 5
    assert all(len(c) == services.CODE_LENGTH for c in codes)
