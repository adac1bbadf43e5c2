"""One Starlette app factory for every subgraph: auth, session per operation, health."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from typing import Any, Literal

import strawberry
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.extensions import SchemaExtension
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL
from strawberry.types.graphql import OperationType

from api.core.auth import principal_from_header
from api.core.authz import Authorizer
from api.core.context import Context
from api.core.db import get_engine, session_factory


class UnitOfWork(SchemaExtension):
    """Commit a mutation that finished without errors; roll back everything else.

    The session lives exactly as long as the operation, so nothing is half-written.
    """

    async def on_execute(self) -> Any:
        yield
        ctx = self.execution_context.context
        session = ctx.session
        result = self.execution_context.result
        failed = result is None or bool(getattr(result, "errors", None))
        if self.execution_context.operation_type == OperationType.MUTATION and not failed:
            await session.commit()
        else:
            await session.rollback()


class SubgraphGraphQL(GraphQL[Context[Any], None]):
    def __init__(
        self,
        schema: strawberry.federation.Schema,
        *,
        loaders_factory: Callable[[Any], Any],
        graphql_ide: Literal["graphiql"] | None = "graphiql",
    ) -> None:
        super().__init__(
            schema,
            graphql_ide=graphql_ide,
            subscription_protocols=[GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL],
        )
        self.loaders_factory = loaders_factory

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> Context[Any]:
        state = request.app.state
        session = session_factory(state.engine)()
        request.state.db_session = session
        header = request.headers.get("authorization")
        return Context(
            request=request,
            response=response if isinstance(response, Response) else None,
            session=session,
            principal=principal_from_header(header),
            authorizer=state.authorizer,
            loaders=self.loaders_factory(session),
        )


class CloseSession:
    """ASGI wrapper: the request's database session is closed when the exchange ends."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self.app(scope, receive, send)
        finally:
            session = scope.get("state", {}).get("db_session")
            if session is not None:
                await session.close()


Background = Callable[[AsyncEngine, asyncio.Event], Coroutine[Any, Any, None]]


def create_subgraph_app(
    name: str,
    schema: strawberry.federation.Schema,
    *,
    loaders_factory: Callable[[Any], Any],
    engine: AsyncEngine | None = None,
    background: Background | None = None,
) -> Starlette:
    """``background``: a task run beside the app (the embedded outbox worker) until shutdown."""
    graphql_app = SubgraphGraphQL(schema, loaders_factory=loaders_factory)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.engine = engine or get_engine()
        app.state.authorizer = await Authorizer.from_engine(app.state.engine)
        stop = asyncio.Event()
        task: asyncio.Task[None] | None = (
            asyncio.create_task(background(app.state.engine, stop)) if background else None
        )
        yield
        stop.set()
        if task is not None:
            await task
        if engine is None:
            await app.state.engine.dispose()

    async def health(_request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "subgraph": name})

    return Starlette(
        routes=[
            Route("/graphql", CloseSession(graphql_app)),
            WebSocketRoute("/graphql", CloseSession(graphql_app)),
            Route("/health", health),
        ],
        lifespan=lifespan,
    )
