"""The message centre (消息中心): what reached a department's inbox, each user's read state.

One ``InboxMessage`` is written with each live inbox event (new push, abnormal feedback,
credit change, red card, monthly summary), naming the case it concerns (办件编号, matter,
applicant) as it stood then. ``InboxMessageRead`` marks it read for one user; unread counts
are the department's messages without such a row.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from api.core.models import utcnow


class InboxMessage(SQLModel, table=True):
    __tablename__ = "approval_inbox_message"
    __table_args__ = (sa.UniqueConstraint("department_id", "kind", "ref_id"),)

    id: int | None = Field(default=None, primary_key=True)
    department_id: int = Field(index=True)  # the receiving department
    kind: str = Field(max_length=16)  # PUSH, FEEDBACK, CREDIT, CARD, SUMMARY
    ref_id: int  # the push, feedback, credit notice, card or summary
    application_id: int | None = Field(default=None, index=True)
    application_number: str = Field(default="", max_length=32)
    matter_name: str = Field(default="", max_length=200)
    applicant_name: str = Field(default="", max_length=200)
    created_at: datetime = Field(default_factory=utcnow, index=True)


class InboxMessageRead(SQLModel, table=True):
    __tablename__ = "approval_inbox_message_read"
    __table_args__ = (sa.UniqueConstraint("message_id", "username"),)

    id: int | None = Field(default=None, primary_key=True)
    message_id: int = Field(foreign_key="approval_inbox_message.id", index=True)
    username: str = Field(max_length=64, index=True)
    read_at: datetime = Field(default_factory=utcnow)
