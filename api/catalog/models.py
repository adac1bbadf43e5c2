"""Catalog tables, each with its Base → Create → table → Public ladder."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from api.core.models import str_enum, utcnow


class DepartmentLevel(StrEnum):
    CITY = "CITY"  # 市级
    COUNTY = "COUNTY"  # 县区级
    TOWNSHIP = "TOWNSHIP"  # 乡镇


class MatterKind(StrEnum):
    APPROVAL = "APPROVAL"  # 审批事项
    SUPERVISION = "SUPERVISION"  # 监管事项


class DepartmentBase(SQLModel):
    name: str = Field(max_length=100, unique=True)
    short_name: str = Field(max_length=50)
    level: DepartmentLevel = Field(default=DepartmentLevel.CITY, sa_type=str_enum(DepartmentLevel))
    credit_code: str | None = Field(default=None, max_length=18)
    parent_id: int | None = Field(default=None, foreign_key="catalog_department.id")


class DepartmentCreate(DepartmentBase):
    pass


class Department(DepartmentBase, table=True):
    __tablename__ = "catalog_department"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow)


class MatterBase(SQLModel):
    code: str = Field(max_length=64, unique=True, index=True)
    name: str = Field(max_length=200, index=True)
    kind: MatterKind = Field(sa_type=str_enum(MatterKind))
    department_id: int = Field(foreign_key="catalog_department.id", index=True)
    legal_basis: str = Field(default="", max_length=4000)


class MatterCreate(MatterBase):
    pass


class Matter(MatterBase, table=True):
    __tablename__ = "catalog_matter"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow)
