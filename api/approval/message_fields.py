"""Message centre fields (消息中心): the department's inbox messages, each user's read state."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from api.approval import messages
from api.core.authz import requires
from api.core.errors import BadArgumentError, ValidationErrors, ValidationFailed, parse_id
from api.core.pagination import Connection, decode_key_cursor, keyset_connection


@strawberry.type(description="消息中心的一条消息：本部门收件箱收到的事项，指明所涉办件")
class InboxMessage:
    id: strawberry.ID
    kind: str = strawberry.field(
        description="PUSH 新推送、FEEDBACK 监管反馈、CREDIT 信用变动、CARD 红牌、SUMMARY 月度汇总"
    )
    ref_id: strawberry.ID = strawberry.field(description="所涉推送、反馈、通知、红牌或汇总的编号")
    application_id: strawberry.ID | None = strawberry.field(description="所涉办件（汇总为空）")
    application_number: str = strawberry.field(description="办件编号（如 SP20261202000012）")
    matter_name: str
    applicant_name: str
    created_at: datetime
    read_at: datetime | None = strawberry.field(description="本人阅读时间（未读为空）")

    @classmethod
    def from_shown(cls, shown: messages.ShownMessage) -> InboxMessage:
        m = shown.message
        return cls(
            id=strawberry.ID(str(m.id)),
            kind=m.kind,
            ref_id=strawberry.ID(str(m.ref_id)),
            application_id=None
            if m.application_id is None
            else strawberry.ID(str(m.application_id)),
            application_number=m.application_number,
            matter_name=m.matter_name,
            applicant_name=m.applicant_name,
            created_at=m.created_at,
            read_at=shown.read_at,
        )


InboxMessageConnection = Connection[InboxMessage]

MarkMessageReadResult = Annotated[
    InboxMessage | ValidationErrors, strawberry.union("MarkMessageReadResult")
]


def _who(info: Info[Any, Any]) -> tuple[int, str]:
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
        info: Info[Any, Any],
        unread_only: bool = False,
        first: int = 20,
        after: str | None = None,
    ) -> InboxMessageConnection:
        department_id, username = _who(info)
        try:
            page = await messages.messages_for(
                session=info.context.session,
                department_id=department_id,
                username=username,
                unread_only=unread_only,
                first=first,
                after=decode_key_cursor("message", after),
            )
        except ValidationFailed as exc:
            raise BadArgumentError.from_validation(exc) from None
        return keyset_connection(
            "message",
            page.rows,
            total=page.total,
            has_next=page.has_next,
            row_id=lambda r: r.message.id,
            to_node=InboxMessage.from_shown,
            after=after,
        )

    @strawberry.field(
        description="本人在本部门的未读消息数（页头角标）", extensions=requires("push", "read")
    )
    async def unread_message_count(self, info: Info[Any, Any]) -> int:
        department_id, username = _who(info)
        return await messages.unread_count(
            session=info.context.session, department_id=department_id, username=username
        )


@strawberry.type
class MessageMutation:
    @strawberry.mutation(
        description="将本部门的一条消息标记为本人已读", extensions=requires("push", "read")
    )
    async def mark_message_read(
        self, info: Info[Any, Any], message_id: strawberry.ID
    ) -> MarkMessageReadResult:
        department_id, username = _who(info)
        try:
            shown = await messages.mark_read(
                session=info.context.session,
                message_id=parse_id(message_id, "messageId"),
                department_id=department_id,
                username=username,
            )
        except ValidationFailed as exc:
            return ValidationErrors.from_exception(exc)
        return InboxMessage.from_shown(shown)

    @strawberry.mutation(
        description="将本部门的消息全部标记为本人已读，返回标记的条数",
        extensions=requires("push", "read"),
    )
    async def mark_all_messages_read(self, info: Info[Any, Any]) -> int:
        department_id, username = _who(info)
        return await messages.mark_all_read(
            session=info.context.session, department_id=department_id, username=username
        )
