"""Tables owned by the core: accounts and the live Casbin policy."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class UserBase(SQLModel):
    username: str = Field(max_length=64, unique=True, index=True)
    display_name: str = Field(max_length=64)


class User(UserBase, table=True):
    __tablename__ = "core_user"

    id: int | None = Field(default=None, primary_key=True)
    password_hash: str = Field(max_length=255)
    is_active: bool = True
    must_change_password: bool = False
    created_at: datetime = Field(default_factory=utcnow)


class CasbinRule(SQLModel, table=True):
    """The live policy (same columns as the Casbin SQL adapters: ptype, v0..v5)."""

    __tablename__ = "casbin_rule"

    id: int | None = Field(default=None, primary_key=True)
    ptype: str = Field(max_length=255)
    v0: str | None = Field(default=None, max_length=255)
    v1: str | None = Field(default=None, max_length=255)
    v2: str | None = Field(default=None, max_length=255)
    v3: str | None = Field(default=None, max_length=255)
    v4: str | None = Field(default=None, max_length=255)
    v5: str | None = Field(default=None, max_length=255)

    def __str__(self) -> str:
        # The adapter loads each row by parsing this CSV line (as its own model does).
        values = [self.ptype, self.v0, self.v1, self.v2, self.v3, self.v4, self.v5]
        return ", ".join(v for v in values if v is not None)


def str_enum(enum_cls: type[StrEnum]) -> sa.Enum:
    """Enums are stored as VARCHAR: new values need no ALTER TYPE on PostgreSQL."""
    return sa.Enum(enum_cls, native_enum=False, length=32, validate_strings=True)
