"""The SMS log: template, status and the push each message is about; mobiles masked for
callers without personal-data rights (the coordination office reads the city's log)."""

from datetime import UTC, datetime, timedelta

from api.approval import services
from api.approval.loaders import ApprovalLoaders
from api.approval.schema import schema
from api.approval.services import escalation
from api.core import sms_templates
from api.core.identifiers import mask_mobile
from api.core.sms_templates import SmsPurpose
from tests import factories
from tests.graphql import run

QUERY = """{ smsMessages(first: 10) { totalCount edges { node {
  key mobile recipientName template purpose status pushId supervisionCode text sender } } } }"""


def test_a_mobile_keeps_its_first_three_and_last_four_digits():
    assert mask_mobile("13807371102") == "138****1102"
    assert mask_mobile("1234567") == "*******"


async def _letter_push_with_cards(session, authorizer):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    supervising = await factories.department(session)
    liaison = await factories.user(
        session, authorizer, role="supervision_liaison", dept=supervising
    )
    mat = await factories.matter(session, approving, name="食品经营许可")
    entry = factories.published_entry(
        mat, supervising, channel="LETTER", mobile="13600001111", liaison="王联络"
    )
    await factories.publish_list(session, [entry])
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
    await escalation.raise_cards(session, datetime.now(UTC) + timedelta(days=60))
    await factories.deliver(session)
    return liaison, push


async def _log(session, authorizer, principal):
    result = await run(
        schema,
        ApprovalLoaders,
        QUERY,
        session=session,
        authorizer=authorizer,
        principal=principal,
    )
    assert result.errors is None
    return result.data["smsMessages"]


async def test_the_liaison_sees_the_full_mobile_template_status_and_push(session, authorizer):
    liaison, push = await _letter_push_with_cards(session, authorizer)

    log = await _log(session, authorizer, liaison)

    nodes = {n["key"]: n for n in (e["node"] for e in log["edges"])}
    # The push's reminder, and the yellow and the red card (both due at once) to the liaison;
    # the red card's department head has no mobile on this linkage.
    assert log["totalCount"] == 3
    assert sorted(k.split(":")[0] for k in nodes) == ["card", "card", "push"]
    for node in nodes.values():
        assert node["mobile"] == "13600001111"
        assert node["recipientName"] == "王联络"
        assert node["status"] == "SENT"
        assert node["pushId"] == str(push.id)
    assert nodes[f"push:{push.id}"]["template"] == "SG_PUSH"
    assert sorted(n["template"] for n in nodes.values()) == ["SG_CARD", "SG_CARD", "SG_PUSH"]


async def test_each_message_names_its_template_purpose_and_the_supervision_code_in_its_text(
    session, authorizer
):
    liaison, push = await _letter_push_with_cards(session, authorizer)

    log = await _log(session, authorizer, liaison)

    nodes = {n["key"]: n for n in (e["node"] for e in log["edges"])}
    purposes = sorted(n["purpose"] for n in nodes.values())
    assert purposes == ["ESCALATION", "ESCALATION", "PUSH"]
    assert push.supervision_code
    for node in nodes.values():
        assert node["supervisionCode"] == push.supervision_code
        assert push.supervision_code in node["text"]
        assert node["sender"] == "dev"


def test_a_message_key_names_the_template_it_was_rendered_from():
    assert sms_templates.purpose_of_key("push:7") == SmsPurpose.PUSH
    assert sms_templates.purpose_of_key("overdue:7:2026-03-02") == SmsPurpose.OVERDUE
    assert sms_templates.purpose_of_key("missing:3:2026-03-02") == SmsPurpose.OVERDUE
    assert sms_templates.purpose_of_key("card:5:head") == SmsPurpose.ESCALATION
    assert sms_templates.purpose_of_key("summary:2026-03") is None


async def test_the_coordination_office_sees_every_message_with_masked_mobiles(session, authorizer):
    _, push = await _letter_push_with_cards(session, authorizer)
    office = await factories.user(
        session, authorizer, role="coordination_office", dept=await factories.department(session)
    )

    log = await _log(session, authorizer, office)

    assert log["totalCount"] >= 1
    mine = [e["node"] for e in log["edges"] if e["node"]["pushId"] == str(push.id)]
    assert mine
    assert {n["mobile"] for n in mine} == {"136****1111"}
