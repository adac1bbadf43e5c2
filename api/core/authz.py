"""Authorization: one Casbin enforcer per process and the permission classes every field uses.

Every root field (and every field a subgraph adds to another's entity) declares what it
needs with exactly one of ``requires(resource, action)``, ``signed_in()`` or ``public()``;
``tests/core/test_permission_walk.py`` fails on a field that declares nothing.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any

import casbin
from casbin_async_sqlalchemy_adapter import Adapter
from sqlalchemy import func
from sqlmodel import select
from strawberry.exceptions import StrawberryGraphQLError
from strawberry.permission import BasePermission, PermissionExtension

from api.core.config import ROOT_DIR
from api.core.models import CasbinRule

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine
    from sqlmodel.ext.asyncio.session import AsyncSession
    from strawberry.extensions import FieldExtension
    from strawberry.types import Info

    from api.core.auth import Principal

_RULE_COLUMNS = ("v0", "v1", "v2", "v3", "v4", "v5")
POLICY_DIR = ROOT_DIR / "policies"
MODEL_PATH = POLICY_DIR / "model.conf"
DEFAULT_POLICY_PATH = POLICY_DIR / "policy.csv"


class Authorizer:
    """Answers "may this principal do ACT on OBJ in its department?"."""

    def __init__(self, enforcer: casbin.AsyncEnforcer) -> None:
        self.enforcer = enforcer

    @classmethod
    async def from_engine(cls, engine: AsyncEngine) -> Authorizer:
        adapter = Adapter(engine, db_class=CasbinRule)
        enforcer = casbin.AsyncEnforcer(str(MODEL_PATH), adapter)
        # AsyncEnforcer does not load on construction.
        await enforcer.load_policy()
        return cls(enforcer)

    async def reload(self) -> None:
        await self.enforcer.load_policy()

    def can(self, principal: Principal | None, obj: str, act: str) -> bool:
        if principal is None:
            return False
        return bool(self.enforcer.enforce(principal.username, principal.domain, obj, act))

    async def roles_of(self, principal: Principal) -> list[str]:
        roles = await self.enforcer.get_roles_for_user_in_domain(
            principal.username, principal.domain
        )
        return list(roles)


def read_default_policy(path: Path = DEFAULT_POLICY_PATH) -> list[list[str]]:
    rows: list[list[str]] = []
    with path.open(encoding="utf-8") as fh:
        for raw in csv.reader(fh, skipinitialspace=True):
            if not raw or raw[0].startswith("#"):
                continue
            rows.append([cell.strip() for cell in raw])
    return rows


async def load_default_policy_if_empty(session: AsyncSession) -> int:
    """Fill an empty casbin_rule table from policies/policy.csv; returns rows added."""
    count = (await session.exec(select(func.count()).select_from(CasbinRule))).one()
    if count:
        return 0
    rows = read_default_policy()
    for row in rows:
        values: dict[str, str] = dict(zip(_RULE_COLUMNS, row[1:], strict=False))
        session.add(CasbinRule.model_validate({"ptype": row[0], **values}))
    await session.flush()
    return len(rows)


async def assign_role(
    *, session: AsyncSession, username: str, role: str, department_id: str
) -> None:
    session.add(CasbinRule(ptype="g", v0=username, v1=role, v2=department_id))
    await session.flush()


def _context(info: Info[Any, Any]) -> Any:
    return info.context


class UnauthenticatedError(StrawberryGraphQLError):
    def __init__(self) -> None:
        super().__init__("未登录或会话已过期，请重新登录", extensions={"code": "UNAUTHENTICATED"})


class Can(BasePermission):
    """The caller's role in its department allows ``action`` on ``resource``."""

    message = "无权执行此操作"
    error_extensions = {"code": "FORBIDDEN"}

    def __init__(self, resource: str, action: str) -> None:
        self.resource = resource
        self.action = action

    def has_permission(self, source: Any, info: Info[Any, Any], **kwargs: Any) -> bool:  # noqa: ARG002
        ctx = _context(info)
        if ctx.principal is None:
            raise UnauthenticatedError
        return bool(ctx.authorizer.can(ctx.principal, self.resource, self.action))


class IsSignedIn(BasePermission):
    """Any valid session; used for fields about the caller itself (``me``)."""

    message = "未登录或会话已过期，请重新登录"
    error_extensions = {"code": "UNAUTHENTICATED"}

    def has_permission(self, source: Any, info: Info[Any, Any], **kwargs: Any) -> bool:  # noqa: ARG002
        return _context(info).principal is not None


class IsPublic(BasePermission):
    """Deliberately open to anonymous callers (the published list, sign-in)."""

    def has_permission(self, source: Any, info: Info[Any, Any], **kwargs: Any) -> bool:  # noqa: ARG002
        return True


def requires(resource: str, action: str) -> list[FieldExtension]:
    return [PermissionExtension(permissions=[Can(resource, action)], use_directives=False)]


def signed_in() -> list[FieldExtension]:
    return [PermissionExtension(permissions=[IsSignedIn()], use_directives=False)]


def public() -> list[FieldExtension]:
    return [PermissionExtension(permissions=[IsPublic()], use_directives=False)]
