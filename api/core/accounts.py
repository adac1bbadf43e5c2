"""Sign-in rules shared by every process (the full sign-in issue extends this)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core.auth import Principal, get_user_by_username, issue_token, verify_password
from api.core.errors import FieldIssue, ValidationFailed
from api.core.models import CasbinRule, User


@dataclass(frozen=True)
class SignedIn:
    token: str
    user: User
    principal: Principal
    department_ids: list[str]


async def departments_of(*, session: AsyncSession, username: str) -> list[str]:
    """Departments (Casbin domains) in which the user holds at least one role."""
    stmt = (
        select(CasbinRule.v2)
        .where(CasbinRule.ptype == "g", CasbinRule.v0 == username)
        .distinct()
        .order_by(col(CasbinRule.v2))
    )
    return [d for d in (await session.exec(stmt)).all() if d]


async def sign_in(
    *, session: AsyncSession, username: str, password: str, department_id: str | None = None
) -> SignedIn:
    user = await get_user_by_username(session, username.strip())
    # One message for unknown user and wrong password: no account enumeration.
    if user is None or not user.is_active or not verify_password(user.password_hash, password):
        raise ValidationFailed([FieldIssue("password", "BAD_CREDENTIALS", "用户名或密码不正确")])
    departments = await departments_of(session=session, username=user.username)
    if not departments:
        raise ValidationFailed.single("username", "NO_ROLE", "该账号未分配任何部门角色")
    chosen = department_id or departments[0]
    if chosen not in departments:
        raise ValidationFailed.single("departmentId", "NOT_MEMBER", "该账号在所选部门没有角色")
    if user.id is None:  # pragma: no cover - a loaded row always has its key
        raise RuntimeError("user without id")
    principal = Principal(user_id=user.id, username=user.username, department_id=chosen)
    return SignedIn(
        token=issue_token(principal), user=user, principal=principal, department_ids=departments
    )


async def user_by_id(*, session: AsyncSession, user_id: int) -> User | None:
    return await session.get(User, user_id)
