"""Message centre mutations (消息中心): the department's inbox messages, each user's read state."""

from __future__ import annotations

import strawberry

from api.approval.queries.messages import _who
from api.approval.services import messages
from api.approval.types.messages import InboxMessage, MarkMessageReadResult
from api.core.authz import requires
from api.core.errors import parse_id
from api.core.kit import Info, validation_result


@strawberry.type
class MessageMutation:
    @strawberry.mutation(
        description="将本部门的一条消息标记为本人已读", extensions=requires("push", "read")
    )
    @validation_result
    async def mark_message_read(
        self, info: Info, message_id: strawberry.ID
    ) -> MarkMessageReadResult:
        department_id, username = _who(info)
        shown = await messages.mark_read(
            session=info.context.session,
            message_id=parse_id(message_id, "messageId"),
            department_id=department_id,
            username=username,
        )
        return InboxMessage.from_shown(shown)

    @strawberry.mutation(
        description="将本部门的消息全部标记为本人已读，返回标记的条数",
        extensions=requires("push", "read"),
    )
    async def mark_all_messages_read(self, info: Info) -> int:
        department_id, username = _who(info)
        return await messages.mark_all_read(
            session=info.context.session, department_id=department_id, username=username
        )
