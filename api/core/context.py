"""The typed request context every resolver receives as ``info.context``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from api.core.auth import Principal
from api.core.authz import Authorizer
from api.core.scope import Scope, scope_of

LoadersT = TypeVar("LoadersT")


@dataclass
class Context(Generic[LoadersT]):
    request: Request | WebSocket
    response: Response | None
    session: AsyncSession
    principal: Principal | None
    authorizer: Authorizer
    loaders: LoadersT
    # Where the request came from (audit rows); the gateway's X-Forwarded-For when present.
    client_address: str | None = None
    # Denied accesses noted by the permission classes; written after the rollback.
    denials: list[dict[str, str]] = field(default_factory=list)
    # Work to do once the operation's transaction has committed (e.g. reload the policy).
    after_commit: list[Callable[[], Awaitable[None]]] = field(default_factory=list)

    def require_principal(self) -> Principal:
        if self.principal is None:
            msg = "未登录"
            raise PermissionError(msg)
        return self.principal

    @property
    def scope(self) -> Scope:
        """The caller's responsibility scope; resolvers filter SQL with it."""
        return scope_of(self.require_principal(), self.authorizer)


AnyContext = Context[Any]
