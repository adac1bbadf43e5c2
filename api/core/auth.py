"""Authentication: argon2 password hashes and signed session tokens (JWT, HS256)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core.config import get_settings
from api.core.models import User

_hasher = PasswordHasher()
_ALGORITHM = "HS256"
_ISSUER = "shenguan"


@dataclass(frozen=True)
class Principal:
    """Who is asking: the account and the department (Casbin domain) it acts for."""

    user_id: int
    username: str
    department_id: str

    @property
    def domain(self) -> str:
        return self.department_id


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, InvalidHashError):
        return False


def issue_token(principal: Principal, *, ttl: timedelta | None = None) -> str:
    settings = get_settings()
    now = datetime.now(UTC)
    payload = {
        "iss": _ISSUER,
        "sub": principal.username,
        "uid": principal.user_id,
        "dept": principal.department_id,
        "iat": now,
        "exp": now + (ttl or timedelta(minutes=settings.token_ttl_minutes)),
    }
    return jwt.encode(payload, settings.effective_secret_key(), algorithm=_ALGORITHM)


def decode_token(token: str) -> Principal | None:
    """A valid, unexpired token gives its principal; anything else gives None."""
    try:
        payload = jwt.decode(
            token,
            get_settings().effective_secret_key(),
            algorithms=[_ALGORITHM],
            issuer=_ISSUER,
            options={"require": ["exp", "sub", "uid", "dept"]},
        )
    except jwt.PyJWTError:
        return None
    return Principal(
        user_id=int(payload["uid"]),
        username=str(payload["sub"]),
        department_id=str(payload["dept"]),
    )


def principal_from_header(authorization: str | None) -> Principal | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    return decode_token(token.strip())


async def get_user_by_username(session: AsyncSession, username: str) -> User | None:
    result = await session.exec(select(User).where(User.username == username))
    return result.first()


async def create_user(
    *, session: AsyncSession, username: str, display_name: str, password: str
) -> User:
    user = User(username=username, display_name=display_name, password_hash=hash_password(password))
    session.add(user)
    await session.flush()
    return user
