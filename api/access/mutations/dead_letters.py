"""Retrying a dead letter (resource ``outbox``, action ``admin``), audited."""

from __future__ import annotations

import strawberry

from api.access.queries.dead_letters import dead_letter
from api.access.types.dead_letters import DeadLetterResult
from api.core import audit, events
from api.core.authz import requires
from api.core.errors import ValidationErrors, ValidationFailed, parse_id
from api.core.kit import Info, validation_result


@strawberry.type
class DeadLetterMutation:
    @strawberry.mutation(description="重新投递一条死信", extensions=requires("outbox", "admin"))
    @validation_result
    async def retry_dead_letter(self, info: Info, id: strawberry.ID) -> DeadLetterResult:  # noqa: A002
        message = await events.retry_dead(info.context.session, parse_id(id, "id"))
        if message is None:
            return ValidationErrors.from_exception(
                ValidationFailed.single("id", "NOT_DEAD", "该事件不在死信队列中")
            )
        ctx = info.context
        principal = ctx.require_principal()
        await audit.record(
            ctx.session,
            actor=audit.Actor(principal.username, principal.department_id, ctx.client_address),
            action=audit.AuditAction.DEAD_LETTER_RETRY,
            outcome=audit.AuditOutcome.SUCCESS,
            target=f"outbox:{message.id}",
            detail={"topic": message.topic, "key": message.key},
        )
        return dead_letter(message)
