"""Message centre fields (消息中心): the department's inbox messages, each user's read state."""

from __future__ import annotations

import strawberry

from api.approval.services import messages
from api.approval.types.messages import InboxMessage, InboxMessageConnection
from api.core.authz import requires
from api.core.kit import Info
from api.core.pagination import keyset_list


def _who(info: Info) -> tuple[int, str]:
    principal = info.context.require_principal()
    return int(principal.department_id), str(principal.username)


@strawberry.type
class MessageQuery:
    @strawberry.field(
        description="消息中心：本部门收到的消息，新的在前（unreadOnly 只看本人未读）",
        extensions=requires("push", "read"),
    )
    async def inbox_messages(
        self,
        info: Info,
        unread_only: bool = False,
        first: int = 20,
        after: str | None = None,
    ) -> InboxMessageConnection:
        department_id, username = _who(info)
        return await keyset_list(
            "message",
            after,
            lambda after_id: messages.messages_for(
                session=info.context.session,
                department_id=department_id,
                username=username,
                unread_only=unread_only,
                first=first,
                after=after_id,
            ),
            InboxMessage.from_shown,
            row_id=lambda r: r.message.id,
        )

    @strawberry.field(
        description="本人在本部门的未读消息数（页头角标）", extensions=requires("push", "read")
    )
    async def unread_message_count(self, info: Info) -> int:
        department_id, username = _who(info)
        return await messages.unread_count(
            session=info.context.session, department_id=department_id, username=username
        )
