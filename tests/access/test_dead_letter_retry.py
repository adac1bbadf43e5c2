"""An administrator's retry of a dead letter is on the audit record."""

from sqlmodel import select

from api.access.loaders import AccessLoaders
from api.access.schema import schema
from api.core.audit import AuditAction, AuditEntry
from api.core.events import OutboxMessage, OutboxStatus
from tests import factories
from tests.graphql import run

RETRY = """
mutation($id: ID!) { retryDeadLetter(id: $id) {
  __typename ... on DeadLetter { topic attempts }
  ... on ValidationErrors { errors { field code } } } }
"""


async def _dead(session) -> OutboxMessage:
    message = OutboxMessage(
        topic="approval.push.created",
        key="audit-retry-1",
        payload={},
        status=OutboxStatus.DEAD,
        attempts=8,
        last_error="SmsError('短信服务拒绝')",
    )
    session.add(message)
    await session.flush()
    return message


async def _retries(session):
    stmt = select(AuditEntry).where(AuditEntry.action == AuditAction.DEAD_LETTER_RETRY)
    return (await session.exec(stmt)).all()


async def test_a_dead_letter_retry_leaves_an_audit_row_with_who_and_which_message(
    session, authorizer
):
    dept = await factories.department(session)
    admin = await factories.user(session, authorizer, role="system_admin", dept=dept)
    message = await _dead(session)

    result = await run(
        schema,
        AccessLoaders,
        RETRY,
        session=session,
        authorizer=authorizer,
        principal=admin,
        variables={"id": str(message.id)},
    )

    assert result.data == {
        "retryDeadLetter": {
            "__typename": "DeadLetter",
            "topic": "approval.push.created",
            "attempts": 0,
        }
    }
    rows = await _retries(session)
    assert [(r.actor, r.department_id, r.outcome, r.target, r.detail) for r in rows] == [
        (
            admin.username,
            str(dept.id),
            "SUCCESS",
            f"outbox:{message.id}",
            {"topic": "approval.push.created", "key": "audit-retry-1"},
        )
    ]


async def test_a_clerk_s_refused_retry_is_audited_as_a_denial_and_retries_nothing(
    session, authorizer
):
    dept = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    message = await _dead(session)

    result = await run(
        schema,
        AccessLoaders,
        RETRY,
        session=session,
        authorizer=authorizer,
        principal=clerk,
        variables={"id": str(message.id)},
    )

    assert [e.extensions for e in result.errors] == [{"code": "FORBIDDEN"}]
    assert await _retries(session) == []
    denied = (
        await session.exec(
            select(AuditEntry).where(
                AuditEntry.action == AuditAction.ACCESS_DENIED, AuditEntry.actor == clerk.username
            )
        )
    ).all()
    assert [(d.target, d.detail["needs"]) for d in denied] == [("retryDeadLetter", "outbox:admin")]
