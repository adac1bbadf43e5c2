"""Approval tables. Matters and subjects belong to other subgraphs: referenced by key only."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from api.core.models import str_enum, utcnow


class ApplicationStatus(StrEnum):
    SUBMITTED = "SUBMITTED"  # 已申报
    ACCEPTED = "ACCEPTED"  # 已受理
    APPROVED = "APPROVED"  # 办结：准予
    REFUSED = "REFUSED"  # 办结：不予


class ApplicationBase(SQLModel):
    matter_id: int = Field(index=True)  # catalog Matter.id (federation key, no cross-subgraph FK)
    applicant_code: str = Field(max_length=18, index=True)  # Subject key (USCC)
    applicant_name: str = Field(max_length=200)
    applicant_contact: str = Field(default="", max_length=50)
    applicant_address: str = Field(default="", max_length=300)


class ApplicationCreate(ApplicationBase):
    pass


class Application(ApplicationBase, table=True):
    __tablename__ = "approval_application"

    id: int | None = Field(default=None, primary_key=True)
    status: ApplicationStatus = Field(
        default=ApplicationStatus.SUBMITTED, sa_type=str_enum(ApplicationStatus)
    )
    submitted_at: datetime = Field(default_factory=utcnow)
