"""The typed request context every resolver receives as ``info.context``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from api.core.auth import Principal
from api.core.authz import Authorizer

LoadersT = TypeVar("LoadersT")


@dataclass
class Context(Generic[LoadersT]):
    request: Request | WebSocket
    response: Response | None
    session: AsyncSession
    principal: Principal | None
    authorizer: Authorizer
    loaders: LoadersT

    def require_principal(self) -> Principal:
        if self.principal is None:
            msg = "未登录"
            raise PermissionError(msg)
        return self.principal


AnyContext = Context[Any]
