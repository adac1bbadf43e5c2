"""One Starlette app factory for every subgraph: auth, session per operation, health."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any, Literal

import strawberry
from graphql import GraphQLError
from opentelemetry.sdk.trace import TracerProvider
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.extensions import SchemaExtension
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL
from strawberry.types.graphql import OperationType

from api.core import clock, live, logs, metrics, tracing
from api.core.audit import Actor, AuditAction, AuditOutcome, collect_denials, record
from api.core.auth import SESSION_COOKIE, authenticate, token_from_headers
from api.core.authz import Authorizer
from api.core.config import get_settings
from api.core.context import Context
from api.core.db import get_engine, session_factory
from api.core.http import BodyLimit, CsrfGuard, RequestId, RequestTimeout, SecurityHeaders
from api.core.outage import is_database_unavailable, unavailable_response
from api.core.production import check_production_settings
from api.core.trust import GatewayTrust, assertion_of, principal_claims


class UnitOfWork(SchemaExtension):
    """Commit a mutation that finished without errors; roll back a failed one.

    The session lives exactly as long as the operation, so nothing is half-written.
    """

    async def on_execute(self) -> Any:
        yield
        ctx = self.execution_context.context
        session = ctx.session
        result = self.execution_context.result
        failed = result is None or bool(getattr(result, "errors", None))
        is_mutation = self.execution_context.operation_type == OperationType.MUTATION
        if is_mutation and not failed:
            try:
                await session.commit()
            except Exception as exc:  # noqa: BLE001 - reported to the client as an error
                # COMMIT failed (the connection broke, a deferred constraint): the answer
                # computed before it must not reach the client as if it had been written.
                with contextlib.suppress(Exception):
                    await session.rollback()
                _replace_with_error(self.execution_context.result, exc)
                return
            for hook in ctx.after_commit:
                await hook()
        elif failed:
            # Also undoes a statement cut short when a sibling field's error cancelled it.
            await session.rollback()
        # A successful query writes nothing of its own (a credit lookup commits its log row
        # itself); its session ends with the request, which discards anything uncommitted.
        if ctx.denials:
            await _record_denials(ctx, self.execution_context.operation_name)


def _replace_with_error(result: Any, exc: Exception) -> None:
    result.data = None
    result.errors = [GraphQLError("提交失败，操作未生效", original_error=exc)]


async def _record_denials(ctx: Context[Any], operation: str | None) -> None:
    """Denied accesses are audited in their own transaction (the operation rolled back).

    Each row names who (user, department, address), the operation (the document's name and
    the field) and, for an object outside the caller's scope, the object (``kind:id``).
    """
    principal = ctx.principal
    actor = Actor(
        username=principal.username if principal else None,
        department_id=principal.department_id if principal else None,
        client_address=ctx.client_address,
    )
    for noted in ctx.denials:
        denial = dict(noted)
        # An administrator act refused (a policy change) is audited under its own event,
        # with what it asked for; any other refusal as a denied access of the field.
        action = denial.pop("audit_action", None)
        target = denial.pop("target", None)
        await record(
            ctx.session,
            actor=actor,
            action=AuditAction(action) if action else AuditAction.ACCESS_DENIED,
            outcome=AuditOutcome.DENIED,
            target=target or denial.get("object") or denial["field"],
            detail={**denial, "operation": operation or ""},
        )
    ctx.denials.clear()
    await ctx.session.commit()


def client_address(request: Request | WebSocket) -> str | None:
    """The caller's address; behind the gateway (on loopback) its X-Forwarded-For."""
    direct = request.client.host if request.client else None
    forwarded = request.headers.get("x-forwarded-for")
    if forwarded and direct in {"127.0.0.1", "::1"}:
        return forwarded.split(",")[0].strip()[:64]
    return direct


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
        # The gateway authenticated the caller and signed who it is (GatewayTrust verified
        # it before this point): no session look-up here.
        assertion = assertion_of(request.state)
        denials: list[dict[str, Any]] = []
        collect_denials(denials)
        return Context(
            request=request,
            response=response if isinstance(response, Response) else None,
            session=session,
            principal=assertion.principal if assertion else None,
            authorizer=state.authorizer,
            loaders=self.loaders_factory(session),
            client_address=client_address(request),
            denials=denials,
        )


class CloseSession:
    """ASGI wrapper: the request's database session is closed when the exchange ends."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def tracking_send(message: Any) -> None:
            nonlocal started
            started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            # The session check before execution met a database that went away: answer
            # SERVICE_UNAVAILABLE (JSON, 503) rather than a bare "Internal Server Error".
            if scope["type"] != "http" or started or not is_database_unavailable(exc):
                raise
            request_id = scope.get("state", {}).get("request_id")
            await unavailable_response(request_id)(scope, receive, send)
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
    routes: list[Route] | None = None,
    tracer_provider: TracerProvider | None = None,
) -> Starlette:
    """``background``: a task run beside the app (the embedded outbox worker) until shutdown;
    ``routes``: more HTTP routes (the access subgraph's ``/gateway/principal``);
    ``tracer_provider``: where spans go (default: OTLP when configured, else no tracing)."""
    clock.check_setting()  # a movable clock in production stops the process here
    logs.configure()
    provider = tracer_provider or tracing.provider_from_settings(name)
    settings = get_settings()
    if settings.is_production:
        check_production_settings(settings)
    graphql_app = SubgraphGraphQL(
        schema, loaders_factory=loaders_factory, graphql_ide=ide_for_environment()
    )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.engine = engine or get_engine()
        if provider is not None:
            tracing.instrument_engine(app.state.engine, provider)
        app.state.authorizer = await Authorizer.from_engine(app.state.engine)
        await app.state.authorizer.start_watching(poll_seconds=get_settings().policy_poll_seconds)
        stop = asyncio.Event()
        task: asyncio.Task[None] | None = (
            asyncio.create_task(background(app.state.engine, stop)) if background else None
        )
        yield
        stop.set()
        if task is not None:
            await task
        await app.state.authorizer.stop_watching()
        await live.close()
        if engine is None:
            await app.state.engine.dispose()
        if provider is not None and tracer_provider is None:
            provider.shutdown()  # exports the spans still batched

    async def health(_request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "subgraph": name})

    async def readiness(request: Request) -> JSONResponse:
        """The database answers and every LISTEN connection listens (503 otherwise)."""
        try:
            async with request.app.state.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            database = "ok"
        except Exception:  # noqa: BLE001 - whatever the failure, the answer is "not ready"
            database = "unavailable"
        listeners = {
            "policy": request.app.state.authorizer.listener_state(),
            "live": live.listener_state(),
        }
        healthy = {"listening", "idle", "polling"}
        ready = database == "ok" and all(v["state"] in healthy for v in listeners.values())
        body = {
            "status": "ready" if ready else "degraded",
            "subgraph": name,
            "database": database,
            "listeners": listeners,
        }
        return JSONResponse(body, status_code=200 if ready else 503)

    app = Starlette(
        routes=[
            Route("/graphql", CloseSession(graphql_app)),
            WebSocketRoute("/graphql", CloseSession(graphql_app)),
            Route("/health", health),
            Route("/readiness", readiness),
            Route("/metrics", subgraph_metrics),
            *(routes or []),
        ],
        lifespan=lifespan,
        middleware=[
            *([tracing.middleware(provider)] if provider is not None else []),
            *hardening_middleware(),
            Middleware(
                GatewayTrust, audience=name, keys=lambda: get_settings().effective_gateway_keys()
            ),
        ],
    )
    app.state.subgraph_name = name
    app.state.delivers_events = background is not None
    return app


async def subgraph_metrics(request: Request) -> Response:
    """Prometheus text (api/core/metrics.py); the outbox gauges where events are delivered
    (the process hosting the embedded worker)."""
    if not metrics.scrape_allowed(request):
        return metrics.refused()
    state = request.app.state
    metrics.observe_listener("policy", state.authorizer.listener_state())
    metrics.observe_listener("live", live.listener_state())
    if state.authorizer.version is not None:
        metrics.POLICY_VERSION.set(state.authorizer.version)
    if state.delivers_events:
        with contextlib.suppress(Exception):  # the database is away: the last values
            await metrics.refresh_outbox(state.engine)
    return metrics.exposition()


async def gateway_principal(request: Request) -> JSONResponse:
    """``POST /gateway/principal`` (access subgraph; signed by the gateway like /graphql).

    The gateway's one look-up per client request: the credential it was sent (the
    ``authorization`` header or the session cookie's value) → the caller it then asserts
    to every subgraph, with the two rights the gateway itself needs (trusted documents).
    ``{"principal": null}`` for anything that is not a live session or API key."""
    try:
        sent = await request.json()
    except ValueError:
        sent = None
    if not isinstance(sent, dict):
        return JSONResponse({"principal": None}, status_code=400)
    authorization = sent.get("authorization")
    cookie = sent.get("session")
    token = token_from_headers(
        authorization if isinstance(authorization, str) else None,
        {SESSION_COOKIE: cookie} if isinstance(cookie, str) else {},
    )
    session = session_factory(request.app.state.engine)()
    try:
        principal = await authenticate(session, token)
    finally:
        await session.close()
    if principal is None:
        return JSONResponse({"principal": None})
    authorizer: Authorizer = request.app.state.authorizer
    roles = await authorizer.roles_of(principal)
    return JSONResponse(
        {
            "principal": principal_claims(replace(principal, roles=tuple(roles))),
            "connectedSystem": principal.api_key_id is not None,
            "canIntrospect": authorizer.can(principal, "schema", "introspect"),
        }
    )


def ide_for_environment() -> Literal["graphiql"] | None:
    """GraphiQL in development only; production serves no IDE."""
    return None if get_settings().is_production else "graphiql"


def hardening_middleware() -> list[Middleware]:
    """Request id, security headers, body limit, CSRF guard, timeout (api/core/http.py)."""
    return [
        Middleware(RequestId),
        Middleware(SecurityHeaders),
        Middleware(BodyLimit),
        Middleware(CsrfGuard),
        Middleware(RequestTimeout, seconds=get_settings().request_timeout_seconds),
    ]
