"""GraphQL types of SMS state (``delivery.py``): shown on pushes and cards."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.approval.services import delivery

SmsState = delivery.SmsState
strawberry.enum(
    SmsState,
    description="短信状态：已发送 / 待发送 / 重试中 / 未送达（死信）/ 未发送（未登记手机号）",
)
SmsRole = delivery.SmsRole
strawberry.enum(SmsRole, description="短信接收人：接收联络员 / 部门负责人")


@strawberry.type(description="一条短信提醒的状态（未送达时附最后一次错误）")
class SmsDelivery:
    role: SmsRole
    state: SmsState
    recipient_name: str
    attempts: int = strawberry.field(description="已尝试发送次数（发送成功前）")
    last_error: str | None = strawberry.field(description="最后一次发送失败的原因")
    sent_at: datetime | None
    next_attempt_at: datetime | None = strawberry.field(description="下次重试时间（重试中）")

    @classmethod
    def from_delivery(cls, found: delivery.Delivery) -> SmsDelivery:
        return cls(
            role=found.role,
            state=found.state,
            recipient_name=found.recipient_name,
            attempts=found.attempts,
            last_error=found.last_error,
            sent_at=found.sent_at,
            next_attempt_at=found.next_attempt_at,
        )
