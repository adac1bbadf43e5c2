"""Message centre types (消息中心): the department's inbox messages, each user's read state."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from api.approval.services import messages
from api.core.errors import ValidationErrors
from api.core.pagination import Connection


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
