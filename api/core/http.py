"""HTTP hardening around every subgraph (pure ASGI middleware, outermost first).

- ``RequestId``: every request gets an id (``X-Request-ID``), echoed in the response and
  in masked errors, so a user's report finds the server log line.
- ``SecurityHeaders``: CSP without 'unsafe-inline' and with frame-ancestors 'none',
  nosniff, Referrer-Policy, and HSTS when the request came over TLS.
- ``BodyLimit``: request bodies over 15 MiB are refused with 413, streamed or not. A 10 MB
  upload travels as base64 (×4/3) in the JSON body; a slightly larger file still arrives and
  is refused by ``files.decode_upload`` naming the file field (``FILE_TOO_LARGE``).
- ``CsrfGuard``: a POST must be JSON, or carry a custom header (a cross-site form cannot
  set one); form-encoded and text/plain bodies are refused with 415. Mutations over GET
  are refused by Strawberry itself (tests/hardening/test_csrf.py proves it).
- ``RequestTimeout``: a request that runs longer than the timeout answers 504.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import re
import uuid
from typing import Final

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.core.logs import REQUEST_ID
from api.core.tracing import note_request_id

MAX_BODY_BYTES: Final = 15 * 1_048_576
CSRF_HEADERS: Final = ("graphql-require-preflight", "apollo-require-preflight", "x-requested-with")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)

CSP: Final = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# The development IDE (GraphiQL) loads from a CDN and runs inline scripts; those scripts
# are allowed by their hashes, never by 'unsafe-inline'. Production serves no IDE.
IDE_SOURCES: Final = "https://unpkg.com https://cdn.jsdelivr.net https://esm.sh"


async def _send_json(send: Send, status: int, body: dict[str, object]) -> None:
    payload = json.dumps(body, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json; charset=utf-8"),
                (b"content-length", str(len(payload)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


def _error(message: str, code: str) -> dict[str, object]:
    return {"data": None, "errors": [{"message": message, "extensions": {"code": code}}]}


class HttpOnly:
    """A layer that acts on HTTP exchanges only; others (lifespan, websockets) pass through
    to ``app`` untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.http(scope, receive, send)

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError


class _StartWatch:
    """``send``, noting whether the response has started: once it has, an error can no
    longer be answered with a status of its own."""

    def __init__(self, send: Send) -> None:
        self.send = send
        self.started = False

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.started = True
        await self.send(message)


class RequestId(HttpOnly):
    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        given = Headers(scope=scope).get("x-request-id", "")
        request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        token = REQUEST_ID.set(request_id)  # every log line of this request names it
        note_request_id(request_id)  # and so does its trace (the server span)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)["X-Request-ID"] = request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            REQUEST_ID.reset(token)


def _behind_tls(scope: Scope) -> bool:
    proto = Headers(scope=scope).get("x-forwarded-proto", "")
    return scope.get("scheme") == "https" or proto.split(",")[0].strip() == "https"


def ide_csp(html: bytes) -> str:
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(html)
    )
    return (
        f"default-src 'none'; script-src 'self' {IDE_SOURCES} {hashes}; "
        f"style-src 'self' {IDE_SOURCES}; img-src 'self' data: {IDE_SOURCES}; "
        f"font-src 'self' data: {IDE_SOURCES}; connect-src 'self'; worker-src 'self' blob:; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


class SecurityHeaders(HttpOnly):
    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        tls = _behind_tls(scope)
        start: Message | None = None
        html_parts: list[bytes] = []

        def secure(message: Message, csp: str) -> Message:
            headers = MutableHeaders(scope=message)
            headers["Content-Security-Policy"] = csp
            headers["X-Content-Type-Options"] = "nosniff"
            headers["X-Frame-Options"] = "DENY"
            headers["Referrer-Policy"] = "no-referrer"
            headers["Cross-Origin-Opener-Policy"] = "same-origin"
            if tls:
                headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
            return message

        async def send_secured(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                content_type = MutableHeaders(scope=message).get("content-type", "")
                if content_type.startswith("text/html"):
                    start = message  # hold it: the CSP needs the page's script hashes
                    return
                await send(secure(message, CSP))
                return
            if start is not None and message["type"] == "http.response.body":
                html_parts.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                await send(secure(start, ide_csp(b"".join(html_parts))))
                await send({"type": "http.response.body", "body": b"".join(html_parts)})
                return
            await send(message)

        await self.app(scope, receive, send_secured)


class BodyTooLargeError(Exception):
    pass


class BodyLimit(HttpOnly):
    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        super().__init__(app)
        self.max_bytes = max_bytes

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await _send_json(send, 413, _error("请求体过大", "PAYLOAD_TOO_LARGE"))
            return
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLargeError
            return message

        watched = _StartWatch(send)
        try:
            await self.app(scope, counted_receive, watched)
        except BodyTooLargeError:
            if not watched.started:
                await _send_json(send, 413, _error("请求体过大", "PAYLOAD_TOO_LARGE"))


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", maxsplit=1)[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


class CsrfGuard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            headers = Headers(scope=scope)
            content_type = headers.get("content-type", "")
            media = content_type.split(";")[0].strip().lower()
            simple = media in {"application/x-www-form-urlencoded", "text/plain", ""}
            custom = any(headers.get(name) for name in CSRF_HEADERS)
            if simple or not (_is_json(content_type) or custom):
                await _send_json(
                    send, 415, _error("请求须为 application/json", "UNSUPPORTED_MEDIA_TYPE")
                )
                return
        await self.app(scope, receive, send)


class RequestTimeout(HttpOnly):
    def __init__(self, app: ASGIApp, seconds: float) -> None:
        super().__init__(app)
        self.seconds = seconds

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        watched = _StartWatch(send)
        try:
            async with asyncio.timeout(self.seconds):
                await self.app(scope, receive, watched)
        except TimeoutError:
            if not watched.started:
                await _send_json(send, 504, _error("请求处理超时", "TIMEOUT"))


def harden(app: ASGIApp, *, timeout_seconds: float) -> ASGIApp:
    """Wrap ``app`` in every layer above (request id outermost, so every answer has one)."""
    inner = RequestTimeout(app, timeout_seconds)
    return RequestId(SecurityHeaders(BodyLimit(CsrfGuard(inner))))
