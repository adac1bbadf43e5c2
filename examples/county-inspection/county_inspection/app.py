"""The bureau's HTTP service: ``/graphql`` only for requests the platform gateway signed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.asgi import GraphQL

from county_inspection import store
from county_inspection.schema import Context, schema
from county_inspection.trust import HEADER, Refused, Verified, Verifier


class SignedOnly:
    """Refuses every ``/graphql`` request without a valid assertion (HTTP 401)."""

    def __init__(self, app: ASGIApp, verifier: Verifier) -> None:
        self.app = app
        self.verifier = verifier

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 4401})
            return
        if scope["type"] != "http" or scope["path"] != "/graphql":
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        more = True
        while more:
            message = await receive()
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False) and message["type"] == "http.request"
        body = b"".join(chunks)
        token = dict(scope["headers"]).get(HEADER.encode(), b"").decode() or None
        try:
            verified = self.verifier.verify(token, scope.get("query_string", b""), body)
        except Refused as refused:
            payload = json.dumps(
                {
                    "data": None,
                    "errors": [
                        {
                            "message": "本系统只接受审管联动网关签名的请求",
                            "extensions": {
                                "code": "GATEWAY_ASSERTION_REQUIRED",
                                "reason": refused.reason,
                            },
                        }
                    ],
                },
                ensure_ascii=False,
            ).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 401,
                    "headers": [(b"content-type", b"application/json; charset=utf-8")],
                }
            )
            await send({"type": "http.response.body", "body": payload})
            return
        scope.setdefault("state", {})["verified"] = verified
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class CountyGraphQL(GraphQL[Context, None]):
    def __init__(self, engine: sa.Engine) -> None:
        super().__init__(schema, graphql_ide=None)
        self.engine = engine

    async def get_context(self, request: Any, response: Any) -> Context:  # noqa: ARG002
        verified: Verified = request.state.verified
        return Context(engine=self.engine, caller=verified.caller, request_id=verified.request_id)


def create_app(db_path: Path, audience: str, keys: tuple[str, ...]) -> ASGIApp:
    if not any(keys):
        raise SystemExit("COUNTY_GATEWAY_KEY is required: it verifies the gateway's signature")
    engine = store.engine_for(db_path)

    async def health(_request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    app = Starlette(routes=[Route("/health", health), Route("/graphql", CountyGraphQL(engine))])
    return SignedOnly(app, Verifier(audience, keys))
