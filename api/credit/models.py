"""Credit tables: subjects keyed by unified social credit code, and their records."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from api.core.models import str_enum, utcnow


class SubjectKind(StrEnum):
    LEGAL_PERSON = "LEGAL_PERSON"  # 法人及其他组织
    NATURAL_PERSON = "NATURAL_PERSON"  # 自然人


class RecordCategory(StrEnum):
    LICENSING = "LICENSING"  # 行政许可
    PENALTY = "PENALTY"  # 行政处罚
    COMMENDATION = "COMMENDATION"  # 表彰奖励
    OTHER = "OTHER"  # 其他


class SubjectBase(SQLModel):
    credit_code: str = Field(primary_key=True, max_length=18)
    name: str = Field(max_length=200, index=True)
    kind: SubjectKind = Field(default=SubjectKind.LEGAL_PERSON, sa_type=str_enum(SubjectKind))


class SubjectCreate(SubjectBase):
    pass


class Subject(SubjectBase, table=True):
    __tablename__ = "credit_subject"

    created_at: datetime = Field(default_factory=utcnow)


class CreditRecordBase(SQLModel):
    subject_code: str = Field(foreign_key="credit_subject.credit_code", index=True, max_length=18)
    category: RecordCategory = Field(sa_type=str_enum(RecordCategory))
    title: str = Field(max_length=300)
    source: str = Field(max_length=100)  # 来源部门或系统
    decided_on: date
    valid_until: date | None = None


class CreditRecordCreate(CreditRecordBase):
    pass


class CreditRecord(CreditRecordBase, table=True):
    __tablename__ = "credit_record"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow)
