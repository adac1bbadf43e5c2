"""Authorization: one Casbin enforcer per process and the permission classes every field uses.

Every root field (and every field a subgraph adds to another's entity) declares what it
needs with exactly one of ``requires(resource, action)``, ``signed_in()`` or ``public()``;
``tests/core/test_permission_walk.py`` fails on a field that declares nothing.

The live policy is the ``casbin_rule`` table. A change (made by the access subgraph) adds a
row to ``access_policy_version``; every process reloads its enforcer when the newest
version differs from the one it loaded: at once on PostgreSQL (LISTEN/NOTIFY on
``shenguan_policy``, a listener that reconnects after any loss and then reloads, since a
change made meanwhile was notified to nobody: ``api/core/listener.py``), and by polling the
version counter on both databases as a fallback (``SHENGUAN_POLICY_POLL_SECONDS``).
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import casbin
from casbin_async_sqlalchemy_adapter import Adapter
from sqlalchemy import func, text
from sqlmodel import select
from strawberry.exceptions import StrawberryGraphQLError
from strawberry.permission import BasePermission, PermissionExtension

from api.core.config import ROOT_DIR
from api.core.listener import PgListener
from api.core.models import CasbinRule, PolicyVersion

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine
    from sqlmodel.ext.asyncio.session import AsyncSession
    from strawberry.extensions import FieldExtension

    from api.core.auth import Principal
    from api.core.kit import Info

log = logging.getLogger(__name__)

RULE_COLUMNS = ("v0", "v1", "v2", "v3", "v4", "v5")
POLICY_DIR = ROOT_DIR / "policies"
MODEL_PATH = POLICY_DIR / "model.conf"
DEFAULT_POLICY_PATH = POLICY_DIR / "policy.csv"
NOTIFY_CHANNEL = "shenguan_policy"
POLL_SECONDS = 1.0
# The only fields a user who must change the initial password may call.
PASSWORD_CHANGE_FIELDS = frozenset({"changePassword", "me", "signOut"})


@dataclass(frozen=True)
class Decision:
    """A decision and the reason: the policy rule that allowed it, and the roles held."""

    allowed: bool
    rule: list[str]
    roles: list[str]


class Authorizer:
    """Answers "may this principal do ACT on OBJ in its department?"."""

    def __init__(self, enforcer: casbin.AsyncEnforcer, engine: AsyncEngine | None = None) -> None:
        self.enforcer = enforcer
        self.engine = engine
        self.version: int | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._notified: set[asyncio.Task[None]] = set()
        self._listener: PgListener | None = None
        self._reload_lock = asyncio.Lock()

    @classmethod
    async def from_engine(cls, engine: AsyncEngine) -> Authorizer:
        adapter = Adapter(engine, db_class=CasbinRule)
        enforcer = casbin.AsyncEnforcer(str(MODEL_PATH), adapter)
        authorizer = cls(enforcer, engine)
        # AsyncEnforcer does not load on construction.
        await authorizer.reload()
        return authorizer

    async def current_version(self) -> int | None:
        if self.engine is None:
            return None
        async with self.engine.connect() as conn:
            result = await conn.execute(select(func.max(PolicyVersion.id)))
            return result.scalar()

    async def reload(self) -> None:
        async with self._reload_lock:
            version = await self.current_version()
            await self.enforcer.load_policy()
            self.version = version

    async def reload_if_stale(self) -> bool:
        version = await self.current_version()
        if version == self.version:
            return False
        await self.reload()
        return True

    # --- the watcher --------------------------------------------------------------------

    async def start_watching(self, *, poll_seconds: float = POLL_SECONDS) -> None:
        """Follow policy changes made by any process (LISTEN on PostgreSQL, polling always)."""
        if self.engine is None:
            return
        url = self.engine.url
        if url.get_backend_name() == "postgresql":
            self._listener = PgListener(
                url.render_as_string(hide_password=False),
                relay=lambda _channel, _payload: self._on_notify(),
                on_reconnect=self._on_notify,
                name="policy changes",
            )
            await self._listener.add(NOTIFY_CHANNEL)
            self._listener.start()
        self._tasks.append(asyncio.create_task(self._poll(poll_seconds)))

    def listener_state(self) -> dict[str, Any]:
        """For ``/readiness``: the policy listener and the version loaded."""
        state = (
            self._listener.describe()
            if self._listener is not None
            else {"state": "polling", "reconnects": 0, "error": None}
        )
        return {**state, "version": self.version}

    def _on_notify(self) -> None:
        """A change was announced, or the listener is back (a change may have been missed)."""
        task = asyncio.create_task(self._reload_quietly())
        self._notified.add(task)
        task.add_done_callback(self._notified.discard)

    async def _reload_quietly(self) -> None:
        try:
            await self.reload_if_stale()
        except Exception:  # pragma: no cover - the next poll retries
            log.exception("policy reload failed")

    async def _poll(self, seconds: float) -> None:
        while True:
            await asyncio.sleep(seconds)
            await self._reload_quietly()

    async def stop_watching(self) -> None:
        if self._listener is not None:
            await self._listener.stop()
            self._listener = None
        self._tasks.extend(self._notified)
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks.clear()

    # --- decisions -----------------------------------------------------------------------

    def can(self, principal: Principal | None, obj: str, act: str) -> bool:
        if principal is None:
            return False
        return bool(self.enforcer.enforce(principal.username, principal.domain, obj, act))

    async def explain(self, username: str, department_id: str, obj: str, act: str) -> Decision:
        allowed, rule = self.enforcer.enforce_ex(username, department_id, obj, act)
        roles = await self.enforcer.get_implicit_roles_for_user(username, department_id)
        return Decision(allowed=bool(allowed), rule=list(rule), roles=list(roles))

    async def roles_of(self, principal: Principal) -> list[str]:
        roles = await self.enforcer.get_roles_for_user_in_domain(
            principal.username, principal.domain
        )
        return list(roles)


async def notify_policy_changed(session: AsyncSession) -> None:
    """Tell every process on PostgreSQL (delivered when the transaction commits)."""
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        await session.exec(text(f"NOTIFY {NOTIFY_CHANNEL}"))  # type: ignore[call-overload]


def read_default_policy(path: Path = DEFAULT_POLICY_PATH) -> list[list[str]]:
    rows: list[list[str]] = []
    with path.open(encoding="utf-8") as fh:
        for raw in csv.reader(fh, skipinitialspace=True):
            if not raw or raw[0].startswith("#"):
                continue
            rows.append([cell.strip() for cell in raw])
    return rows


def rule_row(rule: CasbinRule) -> list[str]:
    values = [rule.v0, rule.v1, rule.v2, rule.v3, rule.v4, rule.v5]
    return [rule.ptype, *[v for v in values if v is not None]]


def rule_model(row: list[str]) -> CasbinRule:
    values: dict[str, str] = dict(zip(RULE_COLUMNS, row[1:], strict=False))
    return CasbinRule.model_validate({"ptype": row[0], **values})


async def current_rules(session: AsyncSession) -> list[list[str]]:
    rows = (await session.exec(select(CasbinRule).order_by(CasbinRule.id))).all()  # type: ignore[arg-type]
    return [rule_row(r) for r in rows]


async def record_version(session: AsyncSession, *, actor: str, summary: str) -> PolicyVersion:
    """Snapshot the rule set as a new version (every process reloads on seeing it)."""
    version = PolicyVersion(actor=actor, summary=summary[:500], rules=await current_rules(session))
    session.add(version)
    await session.flush()
    await notify_policy_changed(session)
    return version


async def load_default_policy_if_empty(session: AsyncSession) -> int:
    """Fill an empty casbin_rule table from policies/policy.csv; returns rows added."""
    count = (await session.exec(select(func.count()).select_from(CasbinRule))).one()
    if count:
        return 0
    rows = read_default_policy()
    for row in rows:
        session.add(rule_model(row))
    await session.flush()
    await record_version(session, actor="system", summary="载入默认策略")
    return len(rows)


async def assign_role(
    *, session: AsyncSession, username: str, role: str, department_id: str
) -> None:
    session.add(CasbinRule(ptype="g", v0=username, v1=role, v2=department_id))
    await session.flush()
    await record_version(
        session, actor="system", summary=f"授予 {username} 在部门 {department_id} 的角色 {role}"
    )


def _context(info: Info) -> Any:
    return info.context


class UnauthenticatedError(StrawberryGraphQLError):
    def __init__(self) -> None:
        super().__init__("未登录或会话已过期，请重新登录", extensions={"code": "UNAUTHENTICATED"})


class PasswordChangeRequiredError(StrawberryGraphQLError):
    def __init__(self) -> None:
        super().__init__(
            "首次登录须先修改初始密码", extensions={"code": "PASSWORD_CHANGE_REQUIRED"}
        )


def _signed_in(info: Info, *, probe: bool = False) -> Principal:
    principal: Principal | None = _context(info).principal
    if principal is None:
        if not probe:
            _note_denial(info, "UNAUTHENTICATED")
        raise UnauthenticatedError
    if principal.must_change_password and info.field_name not in PASSWORD_CHANGE_FIELDS:
        _note_denial(info, "PASSWORD_CHANGE_REQUIRED")
        raise PasswordChangeRequiredError
    return principal


def _note_denial(
    info: Info, reason: str, what: str = "", extra: dict[str, Any] | None = None
) -> None:
    """Queue a denied-access audit row; the unit of work writes it after the rollback."""
    denials = getattr(_context(info), "denials", None)
    if denials is not None:
        denials.append({"field": info.field_name, "reason": reason, "needs": what, **(extra or {})})


# What a refused call asked for, from its arguments: (audit target, what was attempted).
Attempt = Callable[[dict[str, Any]], tuple[str, dict[str, Any]]]


class Can(BasePermission):
    """The caller's role in its department allows ``action`` on ``resource``.

    With ``audited_as`` and ``attempt`` (an administrator act such as a policy change), a
    refusal is audited under that event with what the call asked for, not as a bare
    ``ACCESS_DENIED`` of the field.
    """

    message = "无权执行此操作"
    error_extensions = {"code": "FORBIDDEN"}

    def __init__(
        self,
        resource: str,
        action: str,
        *,
        audited_as: str | None = None,
        attempt: Attempt | None = None,
    ) -> None:
        self.resource = resource
        self.action = action
        self.audited_as = audited_as
        self.attempt = attempt

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:  # noqa: ARG002
        principal = _signed_in(info)
        context = _context(info)
        can = getattr(context, "can", None) or context.authorizer.can
        if can(principal, self.resource, self.action):
            return True
        _note_denial(info, "FORBIDDEN", f"{self.resource}:{self.action}", self._attempted(kwargs))
        return False

    def _attempted(self, arguments: dict[str, Any]) -> dict[str, Any] | None:
        if self.attempt is None or self.audited_as is None:
            return None
        try:
            target, attempted = self.attempt(arguments)
        except Exception:  # odd arguments still leave the plain denial
            log.exception("describing a refused %s failed", self.audited_as)
            return None
        return {"audit_action": self.audited_as, "target": target, "attempted": attempted}


class IsSignedIn(BasePermission):
    """Any valid session; used for fields about the caller itself (``me``).

    ``probe``: the field is how a client asks whether it has a session at all (the web app
    asks ``me`` on every page load, before sign-in): an anonymous answer is no refusal and
    is not audited.
    """

    message = "未登录或会话已过期，请重新登录"
    error_extensions = {"code": "UNAUTHENTICATED"}

    def __init__(self, *, probe: bool = False) -> None:
        self.probe = probe

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:  # noqa: ARG002
        _signed_in(info, probe=self.probe)
        return True


class IsPublic(BasePermission):
    """Deliberately open to anonymous callers (the published list, sign-in)."""

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:  # noqa: ARG002
        return True


def requires(
    resource: str,
    action: str,
    *,
    audited_as: str | None = None,
    attempt: Attempt | None = None,
) -> list[FieldExtension]:
    permission = Can(resource, action, audited_as=audited_as, attempt=attempt)
    return [PermissionExtension(permissions=[permission], use_directives=False)]


def signed_in(*, probe: bool = False) -> list[FieldExtension]:
    return [PermissionExtension(permissions=[IsSignedIn(probe=probe)], use_directives=False)]


def public() -> list[FieldExtension]:
    return [PermissionExtension(permissions=[IsPublic()], use_directives=False)]
