"""SMS templates: administrators edit the text (known placeholders only); senders use it."""

from sqlmodel import select

from api.access.loaders import AccessLoaders
from api.access.schema import schema
from api.approval.models.sms import SmsMessage
from tests import factories
from tests.approval.test_sms_http import _pushes, provider  # noqa: F401 - the fixture
from tests.graphql import run

TEMPLATES = """
{ smsTemplates { purpose providerCode text isDefault preview placeholders { name } } }
"""
UPDATE = """
mutation($input: SmsTemplateInput!) { updateSmsTemplate(input: $input) {
  __typename
  ... on SmsTemplate { purpose providerCode text isDefault preview updatedBy }
  ... on ValidationErrors { errors { field code message } } } }
"""
NEW_TEXT = "【益阳审管】{matter}（{applicant}）已{stage}，{action}，监管码{code}。"


async def _admin(session, authorizer):
    dept = await factories.department(session)
    return await factories.user(session, authorizer, role="system_admin", dept=dept)


async def _run(session, authorizer, principal, query, variables=None):
    return await run(
        schema,
        AccessLoaders,
        query,
        session=session,
        authorizer=authorizer,
        principal=principal,
        variables=variables,
    )


async def test_the_built_in_templates_are_listed_with_placeholders_and_a_preview(
    session, authorizer
):
    admin = await _admin(session, authorizer)

    result = await _run(session, authorizer, admin, TEMPLATES)

    assert result.errors is None
    push, overdue, card = result.data["smsTemplates"]
    assert [t["purpose"] for t in (push, overdue, card)] == ["PUSH", "OVERDUE", "ESCALATION"]
    assert [t["providerCode"] for t in (push, overdue, card)] == [
        "SG_PUSH",
        "SG_OVERDUE",
        "SG_CARD",
    ]
    assert all(t["isDefault"] for t in (push, overdue, card))
    assert [p["name"] for p in overdue["placeholders"]] == ["applicant", "matter", "what"]
    assert overdue["preview"] == (
        "【审管联动】益阳市资江食品有限公司的“食品经营许可”推送已超过认领期限，请尽快办理。"
    )


async def test_an_unknown_placeholder_a_stray_brace_or_a_bad_code_is_refused_by_field(
    session, authorizer
):
    admin = await _admin(session, authorizer)
    answers = []
    for text, code in (
        ("{applicant}的{matter}已超{when}期限", "SG_OVERDUE"),
        ("{applicant 超期", "SG_OVERDUE"),
        ("", "含空格 的编码"),
    ):
        result = await _run(
            session,
            authorizer,
            admin,
            UPDATE,
            {"input": {"purpose": "OVERDUE", "text": text, "providerCode": code}},
        )
        answers.append(
            [(e["field"], e["code"]) for e in result.data["updateSmsTemplate"]["errors"]]
        )

    assert answers == [
        [("text", "UNKNOWN_PLACEHOLDER")],
        [("text", "INVALID_TEMPLATE")],
        [("text", "REQUIRED"), ("providerCode", "INVALID")],
    ]
    listed = await _run(session, authorizer, admin, TEMPLATES)
    assert listed.data["smsTemplates"][1]["isDefault"] is True


async def test_the_unknown_placeholder_message_names_it_and_the_allowed_ones(session, authorizer):
    admin = await _admin(session, authorizer)

    result = await _run(
        session,
        authorizer,
        admin,
        UPDATE,
        {"input": {"purpose": "OVERDUE", "text": "{who}{what}", "providerCode": "X"}},
    )

    assert result.data["updateSmsTemplate"]["errors"][0]["message"] == (
        "未知占位符：{who}（可用：{applicant}、{matter}、{what}）"
    )


async def test_a_clerk_may_not_read_or_edit_templates(session, authorizer):
    dept = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)

    result = await _run(session, authorizer, clerk, TEMPLATES)

    assert result.data is None
    assert result.errors[0].extensions["code"] == "FORBIDDEN"


async def test_an_edited_template_is_what_the_dev_sender_records(session, authorizer):
    admin = await _admin(session, authorizer)
    saved = await _run(
        session,
        authorizer,
        admin,
        UPDATE,
        {"input": {"purpose": "PUSH", "text": NEW_TEXT, "providerCode": "SMS_123456"}},
    )
    assert saved.data["updateSmsTemplate"]["isDefault"] is False
    assert saved.data["updateSmsTemplate"]["updatedBy"] == admin.username
    assert saved.data["updateSmsTemplate"]["preview"] == (
        "【益阳审管】食品经营许可（益阳市资江食品有限公司）已办结，请于2026-12-01前认领，"
        "监管码7KQ2M9XA。"
    )
    (push,) = await _pushes(session, authorizer, 1)

    await factories.deliver(session)

    message = (
        await session.exec(select(SmsMessage).where(SmsMessage.key == f"push:{push.id}"))
    ).one()
    await session.refresh(push)
    action = "已自动认领" if push.claimed_at else f"请于{push.claim_due.isoformat()}前认领"
    assert (message.sender, message.template) == ("dev", "SMS_123456")
    assert message.text == (
        f"【益阳审管】{push.content['matter_name']}（{push.content['applicant_name']}）已受理，"
        f"{action}，监管码{push.supervision_code}。"
    )


async def test_the_http_sender_sends_the_provider_code_and_the_rendered_text(
    session,
    authorizer,
    provider,  # noqa: F811 - the fixture
):
    admin = await _admin(session, authorizer)
    await _run(
        session,
        authorizer,
        admin,
        UPDATE,
        {"input": {"purpose": "PUSH", "text": NEW_TEXT, "providerCode": "SMS_123456"}},
    )
    (push,) = await _pushes(session, authorizer, 1)

    await factories.deliver(session)

    sent = provider.delivered[f"push:{push.id}"]
    assert sent["template_code"] == "SMS_123456"
    assert sent["text"].startswith(f"【益阳审管】{push.content['matter_name']}")
    assert sent["template_param"]["code"] == push.supervision_code
