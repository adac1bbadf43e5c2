"""Authentication: argon2 passwords, server-side sessions and API keys.

A browser holds its session in an HttpOnly, SameSite=Strict cookie; connected systems send
``Authorization: Bearer …`` with a session token or a service account's API key. Tokens are
opaque random strings; the database keeps only their SHA-256, so signing out, revoking a
key or an idle timeout (30 minutes, sliding) takes effect at the next request everywhere.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import string
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlmodel import col, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core.config import get_settings
from api.core.errors import ValidationFailed
from api.core.models import AccessSession, ApiKey, User, utcnow

_hasher = PasswordHasher()
SESSION_COOKIE = "sg_session"
SESSION_PREFIX = "sgs_"
API_KEY_PREFIX = "sgk_"
# last_seen_at is written at most this often: the idle timeout stays exact to a minute
# while most requests do not write.
_TOUCH_EVERY = timedelta(seconds=60)
PASSWORD_MIN_LENGTH = 8
PASSWORD_MIN_CLASSES = 3


@dataclass(frozen=True)
class Principal:
    """Who is asking: the account and the department (Casbin domain) it acts for."""

    user_id: int
    username: str
    department_id: str
    must_change_password: bool = False
    session_id: int | None = None
    api_key_id: int | None = None
    # The roles held in that department, as the gateway asserted them (informational:
    # decisions are Casbin's, from the policy every process keeps loaded).
    roles: tuple[str, ...] = ()

    @property
    def domain(self) -> str:
        return self.department_id


@dataclass(frozen=True)
class Actor:
    """Who acts in a rule: the user and the department they act for (the session principal's
    chosen department)."""

    username: str
    department_id: int

    @classmethod
    def of(cls, principal: Principal) -> Actor:
        return cls(username=principal.username, department_id=int(principal.department_id))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, InvalidHashError, VerificationError):
        return False


async def verify_password_off_loop(password_hash: str, password: str) -> bool:
    """``verify_password`` in a worker thread: argon2 takes tens of milliseconds of CPU (far
    more on a loaded machine) and releases the GIL, so the event loop keeps serving meanwhile
    and simultaneous sign-ins use every core."""
    return await asyncio.to_thread(verify_password, password_hash, password)


def check_password_policy(password: str, *, field: str = "newPassword") -> None:
    """At least 8 characters from at least 3 of: lower case, upper case, digits, others."""
    classes = [
        any(c.islower() for c in password),
        any(c.isupper() for c in password),
        any(c in string.digits for c in password),
        any(not c.isalnum() for c in password),
    ]
    if len(password) < PASSWORD_MIN_LENGTH or sum(classes) < PASSWORD_MIN_CLASSES:
        raise ValidationFailed.single(
            field, "WEAK_PASSWORD", "密码至少8位，且包含大写字母、小写字母、数字、符号中的至少三类"
        )


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def idle_timeout() -> timedelta:
    return timedelta(minutes=get_settings().token_ttl_minutes)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def open_session(
    session: AsyncSession, *, user_id: int, department_id: str, client_address: str | None
) -> tuple[str, AccessSession]:
    token = SESSION_PREFIX + secrets.token_urlsafe(32)
    row = AccessSession(
        token_hash=_digest(token),
        user_id=user_id,
        department_id=department_id,
        client_address=client_address,
    )
    session.add(row)
    await session.flush()
    return token, row


async def revoke_session(session: AsyncSession, session_id: int) -> None:
    await session.exec(
        update(AccessSession)
        .where(col(AccessSession.id) == session_id, col(AccessSession.revoked_at).is_(None))
        .values(revoked_at=utcnow())
    )


async def revoke_sessions_of(
    session: AsyncSession, user_id: int, *, keep: int | None = None
) -> None:
    stmt = update(AccessSession).where(
        col(AccessSession.user_id) == user_id, col(AccessSession.revoked_at).is_(None)
    )
    if keep is not None:
        stmt = stmt.where(col(AccessSession.id) != keep)
    await session.exec(stmt.values(revoked_at=utcnow()))


def new_api_key() -> tuple[str, str, str]:
    """(whole key shown once, its public prefix, the digest stored)."""
    prefix = secrets.token_hex(6)
    key = f"{API_KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    return key, prefix, _digest(key)


async def _principal_for_session(session: AsyncSession, token: str) -> Principal | None:
    now = utcnow()
    stmt = (
        select(AccessSession, User)
        .join(User, col(User.id) == AccessSession.user_id)
        .where(AccessSession.token_hash == _digest(token))
    )
    found = (await session.exec(stmt)).first()
    if found is None:
        return None
    row, user = found
    if row.revoked_at is not None or not user.is_active or user.id is None or row.id is None:
        return None
    if now - _aware(row.last_seen_at) > idle_timeout():
        return None
    if now - _aware(row.last_seen_at) > _TOUCH_EVERY:
        await session.exec(
            update(AccessSession).where(col(AccessSession.id) == row.id).values(last_seen_at=now)
        )
        await session.commit()
    return Principal(
        user_id=user.id,
        username=user.username,
        department_id=row.department_id,
        must_change_password=user.must_change_password,
        session_id=row.id,
    )


async def _principal_for_api_key(session: AsyncSession, key: str) -> Principal | None:
    prefix = key.removeprefix(API_KEY_PREFIX).partition("_")[0]
    stmt = (
        select(ApiKey, User)
        .join(User, col(User.id) == ApiKey.user_id)
        .where(ApiKey.prefix == prefix)
    )
    found = (await session.exec(stmt)).first()
    if found is None:
        return None
    row, user = found
    if row.revoked_at is not None or not user.is_active or user.id is None:
        return None
    if not secrets.compare_digest(row.key_hash, _digest(key)):
        return None
    return Principal(
        user_id=user.id, username=user.username, department_id=row.department_id, api_key_id=row.id
    )


async def authenticate(session: AsyncSession, token: str | None) -> Principal | None:
    """A live session token or API key gives its principal; anything else is anonymous."""
    if not token:
        return None
    if token.startswith(SESSION_PREFIX):
        return await _principal_for_session(session, token)
    if token.startswith(API_KEY_PREFIX):
        return await _principal_for_api_key(session, token)
    return None


def token_from_headers(authorization: str | None, cookies: dict[str, str]) -> str | None:
    """The bearer token if one is sent, else the session cookie."""
    if authorization:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            return token.strip()
        return None
    return cookies.get(SESSION_COOKIE)


async def get_user_by_username(session: AsyncSession, username: str) -> User | None:
    result = await session.exec(select(User).where(User.username == username))
    return result.first()


async def create_user(
    *,
    session: AsyncSession,
    username: str,
    display_name: str,
    password: str,
    must_change_password: bool = False,
) -> User:
    user = User(
        username=username,
        display_name=display_name,
        password_hash=hash_password(password),
        must_change_password=must_change_password,
    )
    session.add(user)
    await session.flush()
    return user
