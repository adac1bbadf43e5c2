"""The HTTP SMS sender against a real (local, fake) provider: failures are retried through the
outbox, a message failing forever is dead-lettered and an administrator retries it."""

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlmodel import select

from api.access.loaders import AccessLoaders
from api.access.schema import schema
from api.approval import services
from api.approval.models import Push
from api.approval.models.sms import SmsMessage
from api.approval.services import sms
from api.approval.services.sms import HttpSmsSender
from api.core import events
from api.registry import consumer_table
from tests import factories
from tests.graphql import run
from tests.sms_provider import ACCESS_KEY, ACCESS_SECRET, Behaviour, FakeProvider, RunningProvider

DEAD = """
{ deadLetters(first: 100) { totalCount edges { node { id topic key attempts lastError } } } }
"""
RETRY = """
mutation($id: ID!) { retryDeadLetter(id: $id) {
  __typename ... on DeadLetter { topic attempts lastError }
  ... on ValidationErrors { errors { field code message } } } }
"""


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
                timeout=0.5,
            )
        )
        try:
            yield running
        finally:
            sms.install_sender(None)


async def _pushes(session, authorizer, count: int, mobile: str = "13700000000") -> list[Push]:
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    supervising = await factories.department(session)
    mat = await factories.matter(session, approving)
    await factories.publish_list(
        session, [factories.published_entry(mat, supervising, mobile=mobile)]
    )
    actor = services.Actor(clerk.username, int(clerk.department_id))
    subj = await factories.subject(session)
    ids = []
    for _ in range(count):
        app = await factories.application(session, mat, subj)
        ids.append(app.id)
        await services.accept_application(
            session=session,
            application_id=app.id,
            handling_mode=services.HandlingMode.NORMAL,
            credit_ticket=factories.credit_ticket(app),
            actor=actor,
        )
    rows = await session.exec(select(Push).where(Push.application_id.in_(ids)).order_by(Push.id))
    return list(rows.all())


async def _sms_keys(session, push_ids) -> list[str]:
    keys = [f"push:{i}" for i in push_ids]
    rows = await session.exec(select(SmsMessage.key).where(SmsMessage.key.in_(keys)))
    return sorted(rows.all())


async def test_half_the_provider_calls_failing_still_sends_every_message_once(
    session, authorizer, provider
):
    provider.behaviour = Behaviour(fail_every_other=True)
    pushes = await _pushes(session, authorizer, 20)

    await factories.deliver(session)

    keys = sorted(f"push:{p.id}" for p in pushes)
    assert await _sms_keys(session, [p.id for p in pushes]) == keys
    assert sorted(provider.delivered) == keys
    assert provider.failures >= 10
    assert provider.delivered[keys[0]]["sign_name"] == "益阳审管联动"


async def test_a_slow_provider_times_out_and_the_message_is_retried(session, authorizer, provider):
    provider.behaviour = Behaviour(delay_seconds=1.0)
    pushes = await _pushes(session, authorizer, 1)
    message = (
        await session.exec(
            select(events.OutboxMessage).where(
                events.OutboxMessage.topic == "approval.push.created",
                events.OutboxMessage.key == str(pushes[0].id),
            )
        )
    ).one()

    await events.process_one(session, consumer_table(), topics=["approval.push.created"])
    await session.refresh(message)
    assert (message.status, message.attempts, message.last_error) == (
        events.OutboxStatus.PENDING,
        1,
        "SmsError('短信服务不可达：ReadTimeout')",
    )

    provider.behaviour = Behaviour(delay_seconds=0.1)  # slow, but within the timeout
    await factories.deliver(session)
    await session.refresh(message)
    assert message.status == events.OutboxStatus.DELIVERED
    assert await _sms_keys(session, [p.id for p in pushes]) == [f"push:{pushes[0].id}"]


async def test_a_message_failing_forever_is_dead_lettered_and_an_administrator_retries_it(
    session, authorizer, provider
):
    provider.behaviour = Behaviour(failing_numbers={"13711112222"})
    pushes = await _pushes(session, authorizer, 1, mobile="13711112222")
    push_key = str(pushes[0].id)
    admin_dept = await factories.department(session)
    admin = await factories.user(session, authorizer, role="system_admin", dept=admin_dept)

    await factories.deliver(session)
    dead = await run(
        schema, AccessLoaders, DEAD, session=session, authorizer=authorizer, principal=admin
    )
    ours = [
        e["node"]
        for e in dead.data["deadLetters"]["edges"]
        if e["node"]["topic"] == "approval.push.created" and e["node"]["key"] == push_key
    ]
    assert [{k: v for k, v in n.items() if k != "id"} for n in ours] == [
        {
            "topic": "approval.push.created",
            "key": push_key,
            "attempts": events.MAX_ATTEMPTS,
            "lastError": "SmsError('短信服务拒绝：HTTP 503 触发流控')",
        }
    ]
    assert provider.requests[f"push:{push_key}"] == events.MAX_ATTEMPTS
    assert await _sms_keys(session, [push_key]) == []

    provider.behaviour = Behaviour()  # the provider recovers
    retried = await run(
        schema,
        AccessLoaders,
        RETRY,
        session=session,
        authorizer=authorizer,
        principal=admin,
        variables={"id": ours[0]["id"]},
    )
    await factories.deliver(session)

    assert retried.data == {
        "retryDeadLetter": {
            "__typename": "DeadLetter",
            "topic": "approval.push.created",
            "attempts": 0,
            "lastError": None,
        }
    }
    assert await _sms_keys(session, [push_key]) == [f"push:{push_key}"]


async def test_a_clerk_cannot_see_or_retry_dead_letters(session, authorizer):
    dept = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)

    result = await run(
        schema, AccessLoaders, DEAD, session=session, authorizer=authorizer, principal=clerk
    )

    assert result.data is None
    assert [(e.message, e.extensions) for e in result.errors] == [
        ("无权执行此操作", {"code": "FORBIDDEN"})
    ]
