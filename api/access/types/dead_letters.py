"""The outbox's dead letters in the graph: messages that failed too often; administrators."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from api.core.errors import ValidationErrors
from api.core.pagination import Connection


@strawberry.type(description="死信：多次投递失败的事件，管理员可重试")
class DeadLetter:
    id: strawberry.ID
    topic: str
    key: str
    attempts: int
    last_error: str | None
    created_at: datetime


DeadLetterConnection = Connection[DeadLetter]
DeadLetterResult = Annotated[DeadLetter | ValidationErrors, strawberry.union("DeadLetterResult")]
