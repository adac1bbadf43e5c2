"""Supervision tables. Applications belong to approval: referenced by key only."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from api.core.models import str_enum, utcnow


class FindingKind(StrEnum):
    INSPECTION = "INSPECTION"  # 监督检查
    SPOT_CHECK = "SPOT_CHECK"  # 抽查
    ADMINISTRATIVE_MEASURE = "ADMINISTRATIVE_MEASURE"  # 行政措施
    ENFORCEMENT_RESULT = "ENFORCEMENT_RESULT"  # 执法查处结果
    CREDIT_ABNORMALITY = "CREDIT_ABNORMALITY"  # 异常信用信息


class FindingBase(SQLModel):
    application_id: int = Field(index=True)  # approval Application.id (federation key)
    department_id: int = Field(index=True)  # supervising department (catalog Department.id)
    kind: FindingKind = Field(sa_type=str_enum(FindingKind))
    abnormal: bool = False
    summary: str = Field(max_length=2000)
    found_on: date


class FindingCreate(FindingBase):
    pass


class Finding(FindingBase, table=True):
    __tablename__ = "supervision_finding"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow)
