"""The SMS log: every reminder sent, once per message key (``api/approval/services/sms.py``
sends them)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from api.core.models import str_enum, utcnow


class SmsStatus(StrEnum):
    SENT = "SENT"  # accepted by the provider (or recorded by the development sender)


class SmsMessage(SQLModel, table=True):
    __tablename__ = "approval_sms_message"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=100, unique=True)  # e.g. push:42, overdue:42:2026-03-02
    mobile: str = Field(max_length=20)
    recipient_name: str = Field(default="", max_length=64)
    department_id: int | None = Field(default=None, index=True)
    template: str = Field(max_length=64)
    params: dict[str, Any] = Field(sa_type=sa.JSON)
    text: str = Field(max_length=500)
    sender: str = Field(max_length=20)
    provider_ref: str = Field(default="", max_length=100)
    status: SmsStatus = Field(default=SmsStatus.SENT, sa_type=str_enum(SmsStatus))
    sent_at: datetime = Field(default_factory=utcnow)
