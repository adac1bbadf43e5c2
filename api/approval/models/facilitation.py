"""Follow-up of the facilitation measures granted at acceptance (容缺受理, 告知承诺).

- 容缺受理: each missing material (``MissingItem``) with the working day by which it must be
  supplied; supplied or waived (with a reason) closes it; an overdue one is reminded once a
  day (``MissingItemReminder``) and counted.
- 告知承诺: the commitment (``Commitment``: text and the signed 承诺书, stored by SHA-256 in
  ``api/core/files.py``) recorded at acceptance; on completion each supervising department of
  the list in force gets a verification task (``VerificationTask``, 核查) with a due date in
  working days; the result 属实 / 不实 with evidence closes it.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from api.core.models import str_enum, utcnow


class ItemState(StrEnum):
    OUTSTANDING = "OUTSTANDING"  # 待补正
    SUPPLIED = "SUPPLIED"  # 已补正
    WAIVED = "WAIVED"  # 免于补正（须说明理由）


class VerificationResult(StrEnum):
    TRUTHFUL = "TRUTHFUL"  # 属实
    UNTRUTHFUL = "UNTRUTHFUL"  # 不实


class MissingItem(SQLModel, table=True):
    """One material accepted as missing (容缺), and how it was followed up."""

    __tablename__ = "approval_missing_item"

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="approval_application.id", index=True)
    department_id: int | None = Field(default=None, index=True)  # the approving department
    name: str = Field(max_length=200)
    days: int  # working days allowed to supply it
    due_on: date = Field(index=True)
    state: ItemState = Field(default=ItemState.OUTSTANDING, sa_type=str_enum(ItemState))
    recorded_by: str = Field(max_length=64)
    recorded_at: datetime = Field(default_factory=utcnow)
    closed_by: str | None = Field(default=None, max_length=64)
    closed_at: datetime | None = None
    note: str = Field(default="", max_length=500)  # supply note, or the reason for a waiver
    reminders: int = 0
    last_reminded_on: date | None = None


class MissingItemReminder(SQLModel, table=True):
    """One reminder of an overdue item (once per item and day)."""

    __tablename__ = "approval_missing_item_reminder"
    __table_args__ = (sa.UniqueConstraint("item_id", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="approval_missing_item.id", index=True)
    day: date
    created_at: datetime = Field(default_factory=utcnow)


class Commitment(SQLModel, table=True):
    """The applicant's commitment (告知承诺) and the signed 承诺书."""

    __tablename__ = "approval_commitment"

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="approval_application.id", unique=True)
    text: str = Field(max_length=4000)
    file_name: str = Field(max_length=200)
    file_sha256: str = Field(max_length=64)
    file_type: str = Field(max_length=64)
    file_size: int
    recorded_by: str = Field(max_length=64)
    recorded_at: datetime = Field(default_factory=utcnow)


class VerificationTask(SQLModel, table=True):
    """A supervising department's check (核查) of a commitment after completion."""

    __tablename__ = "approval_verification_task"
    __table_args__ = (sa.UniqueConstraint("application_id", "department_id"),)

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="approval_application.id", index=True)
    department_id: int = Field(index=True)  # the supervising department that checks
    from_department_id: int | None = Field(default=None, index=True)  # the approving one
    linkage_id: int | None = None
    list_version: int | None = None
    due_on: date
    created_at: datetime = Field(default_factory=utcnow)
    result: VerificationResult | None = Field(default=None, sa_type=str_enum(VerificationResult))
    evidence: str = Field(default="", max_length=2000)
    document_number: str = Field(default="", max_length=100)
    evidence_file_name: str | None = Field(default=None, max_length=200)
    evidence_sha256: str | None = Field(default=None, max_length=64)
    evidence_type: str | None = Field(default=None, max_length=64)
    evidence_size: int | None = None
    verified_by: str | None = Field(default=None, max_length=64)
    verified_at: datetime | None = None
