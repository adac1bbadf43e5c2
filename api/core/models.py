"""Tables owned by the core: accounts and the live Casbin policy."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

# The one clock (api/core/clock.py); re-exported here for the tables' default factories.
from api.core.clock import utcnow as utcnow  # noqa: PLC0414 - explicit re-export


class UserBase(SQLModel):
    username: str = Field(max_length=64, unique=True, index=True)
    display_name: str = Field(max_length=64)


class User(UserBase, table=True):
    __tablename__ = "core_user"

    id: int | None = Field(default=None, primary_key=True)
    password_hash: str = Field(max_length=255)
    is_active: bool = True
    must_change_password: bool = False
    # A connected system's account: signs in with API keys, never changes a password.
    service_account: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})
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


# --- Access: sessions, API keys, policy versions (Alembic branch `access`) -----------------
# Every subgraph checks a caller's session or key itself, so these tables are read by the
# core; the access subgraph is the one that writes them.


class AccessSession(SQLModel, table=True):
    """A signed-in session (browser cookie or bearer token); sliding idle timeout."""

    __tablename__ = "access_session"

    id: int | None = Field(default=None, primary_key=True)
    # SHA-256 of the opaque token: a leaked table does not leak usable sessions.
    token_hash: str = Field(max_length=64, unique=True, index=True)
    user_id: int = Field(index=True)
    department_id: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None
    client_address: str | None = Field(default=None, max_length=64)


class ApiKey(SQLModel, table=True):
    """A revocable key of a service account (connected systems); sent as a bearer token."""

    __tablename__ = "access_api_key"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(index=True)
    department_id: str = Field(max_length=64)
    name: str = Field(max_length=100)
    prefix: str = Field(max_length=16, unique=True, index=True)
    key_hash: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None


class LoginState(SQLModel, table=True):
    """Failed sign-ins per account, for the lockout (5 failures lock for 15 minutes)."""

    __tablename__ = "access_login_state"

    user_id: int = Field(primary_key=True)
    failed_count: int = 0
    locked_until: datetime | None = None
    last_sign_in_at: datetime | None = None


class PolicyVersion(SQLModel, table=True):
    """Every policy change is a version holding the whole rule set after it (rollback)."""

    __tablename__ = "access_policy_version"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow)
    actor: str = Field(max_length=64)
    summary: str = Field(max_length=500)
    rules: list[list[str]] = Field(sa_type=sa.JSON)
