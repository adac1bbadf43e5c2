"""SMS state on pushes and cards, through the real outbox handlers and the HTTP sender against
a local provider: a red card texts the department head catalog names; a reminder that ends as
a dead letter shows 未送达 with the provider's error to the receiving and the sending side."""

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest

from api.approval import services
from api.approval.loaders import ApprovalLoaders
from api.approval.schema import schema
from api.approval.services import escalation, sms
from api.approval.services.sms import HttpSmsSender
from api.core import events
from api.core.clock import LOCAL_TZ
from api.registry import consumer_table
from tests import factories
from tests.graphql import run
from tests.sms_provider import ACCESS_KEY, ACCESS_SECRET, Behaviour, FakeProvider, RunningProvider

LIAISON_MOBILE = "13711113333"
HEAD_MOBILE = "13922224444"
PUSH = """query($code: String!) { pushByCode(code: $code) {
  smsDelivery { role state recipientName attempts lastError }
  escalationCards { color smsDeliveries { role state recipientName lastError } } } }"""


@pytest.fixture
def provider(monkeypatch) -> Iterator[FakeProvider]:
    monkeypatch.setattr(events, "backoff", lambda _attempts: timedelta(0))
    fake = FakeProvider()
    with RunningProvider(fake) as running:
        sms.install_sender(
            HttpSmsSender(
                url=running.url,
                access_key=ACCESS_KEY,
                access_secret=ACCESS_SECRET,
                signature="益阳审管联动",
                timeout=2,
            )
        )
        try:
            yield running
        finally:
            sms.install_sender(None)


async def _appoint_head(session, department_id: int, name: str, mobile: str) -> None:
    """Catalog names the head (its documented event), approval keeps the copy."""
    await events.emit(
        session,
        topic="catalog.liaison.appointed",
        key="head",
        payload={
            "assignment_id": 880_000 + department_id,
            "department_id": department_id,
            "kind": "HEAD",
            "person_id": 1,
            "name": name,
            "mobile": mobile,
            "valid_from": "2020-01-01",
            "valid_until": None,
        },
    )
    await factories.deliver(session)


async def _letter_push(session, authorizer):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    supervising = await factories.department(session)
    liaison = await factories.user(
        session, authorizer, role="supervision_liaison", dept=supervising
    )
    mat = await factories.matter(session, approving, name="食品经营许可")
    await factories.publish_list(
        session,
        [
            factories.published_entry(
                mat, supervising, channel="LETTER", claim_days=2, mobile=LIAISON_MOBILE
            )
        ],
    )
    app = await factories.application(session, mat, await factories.subject(session, "好味餐饮"))
    await services.accept_application(
        session=session,
        application_id=app.id,
        handling_mode=services.HandlingMode.NORMAL,
        credit_ticket=factories.credit_ticket(app),
        actor=services.Actor(clerk.username, int(clerk.department_id)),
    )
    push = (await services.pushes_by_application_ids(session=session, ids=[app.id]))[0][0]
    return clerk, liaison, supervising, push


async def _read(session, authorizer, who, code):
    result = await run(
        schema,
        ApprovalLoaders,
        PUSH,
        session=session,
        authorizer=authorizer,
        principal=who,
        variables={"code": code},
    )
    assert result.errors is None
    return result.data["pushByCode"]


async def test_a_red_card_texts_the_department_head_and_both_sides_see_it_sent(
    session, authorizer, provider
):
    clerk, liaison, supervising, push = await _letter_push(session, authorizer)
    await _appoint_head(session, supervising.id, "赵局长", HEAD_MOBILE)
    await factories.deliver(session)  # the push's own reminder
    push.pushed_at = datetime(2031, 4, 4, 9, tzinfo=LOCAL_TZ)
    push.claim_due = date(2031, 4, 8)
    session.add(push)
    await session.flush()

    cards = await escalation.raise_cards(session, datetime(2031, 4, 8, 16, tzinfo=LOCAL_TZ))
    await factories.deliver(session)

    red = next(c for c in cards if c.color.value == "RED")
    head_message = provider.delivered[f"card:{red.id}:head"]
    assert head_message["phone_numbers"] == HEAD_MOBILE
    assert "亮红牌" in head_message["text"]
    seen = {
        "smsDelivery": {
            "role": "LIAISON",
            "state": "SENT",
            "recipientName": "接收联络员",
            "attempts": 0,
            "lastError": None,
        },
        "escalationCards": [
            {
                "color": "YELLOW",
                "smsDeliveries": [
                    {
                        "role": "LIAISON",
                        "state": "SENT",
                        "recipientName": "接收联络员",
                        "lastError": None,
                    },
                ],
            },
            {
                "color": "RED",
                "smsDeliveries": [
                    {
                        "role": "LIAISON",
                        "state": "SENT",
                        "recipientName": "接收联络员",
                        "lastError": None,
                    },
                    {"role": "HEAD", "state": "SENT", "recipientName": "赵局长", "lastError": None},
                ],
            },
        ],
    }
    assert await _read(session, authorizer, liaison, push.supervision_code) == seen
    assert await _read(session, authorizer, clerk, push.supervision_code) == seen


async def test_a_dead_lettered_reminder_shows_undelivered_with_the_error_on_the_push(
    session, authorizer, provider
):
    provider.behaviour = Behaviour(failing_numbers={LIAISON_MOBILE})
    clerk, liaison, _, push = await _letter_push(session, authorizer)
    stranger = await factories.user(
        session, authorizer, role="supervision_liaison", dept=await factories.department(session)
    )

    await events.process_one(session, consumer_table(), topics=["approval.push.created"])
    retrying = await _read(session, authorizer, liaison, push.supervision_code)
    await factories.deliver(session)  # every further attempt fails: a dead letter

    error = "短信服务拒绝：HTTP 503 触发流控"
    assert retrying["smsDelivery"] == {
        "role": "LIAISON",
        "state": "RETRYING",
        "recipientName": "接收联络员",
        "attempts": 1,
        "lastError": error,
    }
    dead = {
        "role": "LIAISON",
        "state": "UNDELIVERED",
        "recipientName": "接收联络员",
        "attempts": events.MAX_ATTEMPTS,
        "lastError": error,
    }
    assert (await _read(session, authorizer, liaison, push.supervision_code))["smsDelivery"] == dead
    assert (await _read(session, authorizer, clerk, push.supervision_code))["smsDelivery"] == dead
    assert await _read(session, authorizer, stranger, push.supervision_code) is None
