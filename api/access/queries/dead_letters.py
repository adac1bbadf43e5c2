"""The outbox's dead letters: the list an administrator retries from (resource ``outbox``)."""

from __future__ import annotations

import strawberry

from api.access.types.dead_letters import DeadLetter, DeadLetterConnection
from api.core import events
from api.core.authz import requires
from api.core.errors import BadArgumentError
from api.core.kit import Info
from api.core.pagination import decode_key_cursor, keyset_connection

MAX_PAGE = 100


@strawberry.type
class DeadLetterQuery:
    @strawberry.field(
        description="死信队列（多次投递失败的事件）", extensions=requires("outbox", "admin")
    )
    async def dead_letters(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> DeadLetterConnection:
        session = info.context.session
        if first < 0 or first > MAX_PAGE:
            raise BadArgumentError("first", "每页条数应在 0 到 100 之间")
        rows = await events.dead_letters(
            session, after_id=decode_key_cursor("dead", after), limit=first + 1
        )
        return keyset_connection(
            "dead",
            rows[:first],
            total=await events.count_dead(session),
            has_next=len(rows) > first,
            row_id=lambda r: r.id,
            to_node=dead_letter,
        )


def dead_letter(row: events.OutboxMessage) -> DeadLetter:
    return DeadLetter(
        id=strawberry.ID(str(row.id)),
        topic=row.topic,
        key=row.key,
        attempts=row.attempts,
        last_error=row.last_error,
        created_at=row.created_at,
    )
