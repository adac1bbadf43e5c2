"""Account rules: sign-in with lockout, sessions, password changes, service accounts, keys.

Called by the access subgraph (and the ``shenguan`` command); no Strawberry imports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core.audit import Actor, AuditAction, AuditOutcome, record
from api.core.auth import (
    Principal,
    check_password_policy,
    get_user_by_username,
    hash_password,
    new_api_key,
    open_session,
    revoke_session,
    revoke_sessions_of,
    verify_password_off_loop,
)
from api.core.errors import FieldIssue, ValidationFailed
from api.core.models import ApiKey, CasbinRule, LoginState, User, utcnow

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
BAD_CREDENTIALS = FieldIssue("password", "BAD_CREDENTIALS", "用户名或密码不正确")


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


async def _login_state(session: AsyncSession, user_id: int) -> LoginState:
    state = await session.get(LoginState, user_id)
    if state is None:
        state = LoginState(user_id=user_id)
        session.add(state)
    return state


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def _fail(session: AsyncSession, *, user: User | None, actor: Actor, reason: str) -> None:
    if user is not None and user.id is not None:
        state = await _login_state(session, user.id)
        state.failed_count += 1
        if state.failed_count >= MAX_FAILURES:
            state.locked_until = utcnow() + LOCKOUT
            state.failed_count = 0
        session.add(state)
    await record(
        session,
        actor=actor,
        action=AuditAction.SIGN_IN_FAILED,
        outcome=AuditOutcome.FAILURE,
        target=actor.username or "",
        detail={"reason": reason},
    )


async def sign_in(
    *,
    session: AsyncSession,
    username: str,
    password: str,
    department_id: str | None = None,
    client_address: str | None = None,
) -> SignedIn:
    """Check the password (5 failures lock the account for 15 minutes), open a session.

    Failures are audited and counted in the caller's transaction, which must commit them
    (the mutation returns the failure as data, so its unit of work commits).
    """
    name = username.strip()
    actor = Actor(username=name[:64], client_address=client_address)
    user = await get_user_by_username(session, name)
    if user is not None and user.id is not None:
        state = await session.get(LoginState, user.id)
        if state and state.locked_until and _aware(state.locked_until) > utcnow():
            await _fail(session, user=None, actor=actor, reason="LOCKED")
            raise ValidationFailed.single(
                "username", "LOCKED", "连续登录失败次数过多，账号已锁定15分钟"
            )
    # One message for unknown user and wrong password: no account enumeration.
    if (
        user is None
        or not user.is_active
        or not await verify_password_off_loop(user.password_hash, password)
    ):
        await _fail(session, user=user, actor=actor, reason="BAD_CREDENTIALS")
        raise ValidationFailed([BAD_CREDENTIALS])
    departments = await departments_of(session=session, username=user.username)
    if not departments:
        await _fail(session, user=None, actor=actor, reason="NO_ROLE")
        raise ValidationFailed.single("username", "NO_ROLE", "该账号未分配任何部门角色")
    chosen = department_id or departments[0]
    if chosen not in departments:
        await _fail(session, user=None, actor=actor, reason="NOT_MEMBER")
        raise ValidationFailed.single("departmentId", "NOT_MEMBER", "该账号在所选部门没有角色")
    if user.id is None:  # pragma: no cover - a loaded row always has its key
        raise RuntimeError("user without id")
    state = await _login_state(session, user.id)
    state.failed_count = 0
    state.locked_until = None
    state.last_sign_in_at = utcnow()
    session.add(state)
    token, row = await open_session(
        session, user_id=user.id, department_id=chosen, client_address=client_address
    )
    principal = Principal(
        user_id=user.id,
        username=user.username,
        department_id=chosen,
        must_change_password=user.must_change_password,
        session_id=row.id,
    )
    await record(
        session,
        actor=Actor(user.username, chosen, client_address),
        action=AuditAction.SIGN_IN,
        outcome=AuditOutcome.SUCCESS,
        target=user.username,
    )
    return SignedIn(token=token, user=user, principal=principal, department_ids=departments)


async def sign_out(
    *, session: AsyncSession, principal: Principal, client_address: str | None = None
) -> None:
    if principal.session_id is not None:
        await revoke_session(session, principal.session_id)
    await record(
        session,
        actor=Actor(principal.username, principal.department_id, client_address),
        action=AuditAction.SIGN_OUT,
        outcome=AuditOutcome.SUCCESS,
        target=principal.username,
    )


async def switch_department(
    *,
    session: AsyncSession,
    principal: Principal,
    department_id: str,
    client_address: str | None = None,
) -> SignedIn:
    """A new session acting for another department in which the user holds a role."""
    user = await session.get(User, principal.user_id)
    if user is None or user.id is None or principal.api_key_id is not None:
        raise ValidationFailed.single("departmentId", "NOT_MEMBER", "该账号在所选部门没有角色")
    departments = await departments_of(session=session, username=user.username)
    if department_id not in departments:
        raise ValidationFailed.single("departmentId", "NOT_MEMBER", "该账号在所选部门没有角色")
    if principal.session_id is not None:
        await revoke_session(session, principal.session_id)
    token, row = await open_session(
        session, user_id=user.id, department_id=department_id, client_address=client_address
    )
    await record(
        session,
        actor=Actor(user.username, department_id, client_address),
        action=AuditAction.DEPARTMENT_SWITCH,
        outcome=AuditOutcome.SUCCESS,
        target=department_id,
        detail={"from": principal.department_id},
    )
    return SignedIn(
        token=token,
        user=user,
        principal=Principal(
            user_id=user.id,
            username=user.username,
            department_id=department_id,
            must_change_password=user.must_change_password,
            session_id=row.id,
        ),
        department_ids=departments,
    )


async def change_password(
    *,
    session: AsyncSession,
    principal: Principal,
    current_password: str,
    new_password: str,
    client_address: str | None = None,
) -> None:
    """Check the current password and the policy; other sessions of the user end."""
    user = await session.get(User, principal.user_id)
    if user is None or not await verify_password_off_loop(user.password_hash, current_password):
        raise ValidationFailed.single("currentPassword", "BAD_CREDENTIALS", "当前密码不正确")
    check_password_policy(new_password)
    if await verify_password_off_loop(user.password_hash, new_password):
        raise ValidationFailed.single("newPassword", "SAME_PASSWORD", "新密码不能与当前密码相同")
    user.password_hash = hash_password(new_password)
    user.must_change_password = False
    session.add(user)
    await session.flush()
    # Every other session of the account ends; the one that changed the password stays.
    await revoke_sessions_of(session, principal.user_id, keep=principal.session_id)
    await record(
        session,
        actor=Actor(principal.username, principal.department_id, client_address),
        action=AuditAction.PASSWORD_CHANGE,
        outcome=AuditOutcome.SUCCESS,
        target=principal.username,
    )


async def create_account(
    *,
    session: AsyncSession,
    username: str,
    display_name: str,
    initial_password: str,
    service: bool = False,
) -> User:
    """A person's account must change its initial password; a service account has none."""
    name = username.strip()
    if not name or len(name) > 64:  # noqa: PLR2004 - the column width
        raise ValidationFailed.single("username", "INVALID", "用户名须为1至64个字符")
    if await get_user_by_username(session, name) is not None:
        raise ValidationFailed.single("username", "TAKEN", "用户名已存在")
    check_password_policy(initial_password, field="initialPassword")
    user = User(
        username=name,
        display_name=display_name.strip() or name,
        password_hash=hash_password(initial_password),
        must_change_password=not service,
        service_account=service,
    )
    session.add(user)
    await session.flush()
    return user


ADMIN_ROLE = "system_admin"
# The platform's own domain: where the first administrator holds the role before any
# department exists (catalog's department ids start at 1). ``assignRole`` adds real ones.
PLATFORM_DOMAIN = "0"


async def active_administrators(*, session: AsyncSession) -> list[str]:
    """User names of active accounts holding the system administrator role anywhere."""
    holders = select(CasbinRule.v0).where(CasbinRule.ptype == "g", CasbinRule.v1 == ADMIN_ROLE)
    stmt = (
        select(User.username)
        .where(col(User.username).in_(holders), col(User.is_active))
        .order_by(col(User.username))
    )
    return list((await session.exec(stmt)).all())


async def create_administrator(
    *,
    session: AsyncSession,
    username: str,
    password: str,
    department_id: str = PLATFORM_DOMAIN,
    force: bool = False,
) -> User:
    """The first administrator (``shenguan create-admin``): the operator chose the password,
    so no change is required at first sign-in. Refused when an administrator exists,
    unless ``force``."""
    from api.core.authz import assign_role  # noqa: PLC0415 - authz brings Strawberry; only the command needs it

    existing = await active_administrators(session=session)
    if existing and not force:
        raise ValidationFailed.single(
            "username",
            "ADMIN_EXISTS",
            f"已有系统管理员（{'、'.join(existing)}）；如确需再建一个，请加 --force",
        )
    user = await create_account(
        session=session, username=username, display_name="系统管理员", initial_password=password
    )
    user.must_change_password = False
    session.add(user)
    await assign_role(
        session=session, username=user.username, role=ADMIN_ROLE, department_id=department_id
    )
    await record(
        session,
        actor=Actor("cli", department_id, "cli"),
        action=AuditAction.ACCOUNT_CHANGE,
        outcome=AuditOutcome.SUCCESS,
        target=user.username,
        detail={"created": True, "role": ADMIN_ROLE, "department": department_id},
    )
    return user


async def issue_api_key(
    *, session: AsyncSession, username: str, department_id: str, name: str
) -> tuple[str, ApiKey]:
    """A key for a service account, scoped to one department where it holds a role."""
    user = await get_user_by_username(session, username)
    if user is None or user.id is None:
        raise ValidationFailed.single("username", "NOT_FOUND", "账号不存在")
    if department_id not in await departments_of(session=session, username=username):
        raise ValidationFailed.single("departmentId", "NOT_MEMBER", "该账号在所选部门没有角色")
    key, prefix, digest = new_api_key()
    row = ApiKey(
        user_id=user.id, department_id=department_id, name=name, prefix=prefix, key_hash=digest
    )
    session.add(row)
    await session.flush()
    return key, row


async def list_api_keys(*, session: AsyncSession) -> list[ApiKey]:
    return list((await session.exec(select(ApiKey).order_by(col(ApiKey.id)))).all())


async def revoke_api_key(*, session: AsyncSession, key_id: int) -> ApiKey:
    row = await session.get(ApiKey, key_id)
    if row is None:
        raise ValidationFailed.single("id", "NOT_FOUND", "密钥不存在")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        session.add(row)
        await session.flush()
    return row


async def user_by_id(*, session: AsyncSession, user_id: int) -> User | None:
    return await session.get(User, user_id)


async def display_names(*, session: AsyncSession, usernames: Sequence[str]) -> dict[str, str]:
    """People's names for account names (what exports and print-outs show); an account that is
    gone keeps its account name."""
    wanted = set(usernames)
    if not wanted:
        return {}
    rows = (await session.exec(select(User).where(col(User.username).in_(wanted)))).all()
    names = {u.username: u.display_name for u in rows}
    return {u: names.get(u, u) for u in wanted}
