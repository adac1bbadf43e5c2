"""Gateway → subgraph trust: subgraphs answer only requests the gateway signed.

The gateway authenticates each client request once (session cookie, bearer token or API
key, through the access subgraph's ``/gateway/principal``) and sends every upstream call
with a short-lived assertion of the caller in the ``X-Shenguan-Assertion`` header::

    v1.<key id>.<base64url(JSON claims)>.<base64url(HMAC-SHA256 of "v1.<key id>.<claims>")>

Claims: ``aud`` (the subgraph), ``iat``/``exp`` (seconds; at most ``MAX_LIFETIME_SECONDS``
apart), ``jti`` (unique: an assertion is accepted once), ``rid`` (the client request's id),
``bh`` (SHA-256 of the query string, a newline and the body of exactly this HTTP call; a
WebSocket upgrade carries ``ws: true`` instead) and ``sub``: the caller (user id, username,
department, roles, must-change-password, session id, API key id) or ``null`` (anonymous).

Subgraphs verify the signature with the current key or one of the accepted previous keys
(rotation by configuration: ``SHENGUAN_GATEWAY_KEY`` and ``SHENGUAN_GATEWAY_PREVIOUS_KEYS``)
and refuse anything unsigned, forged, expired, replayed, meant for another subgraph or for
another body with a typed 401 (``GATEWAY_ASSERTION_REQUIRED`` and a ``reason``). The health
check is not guarded. A verified assertion is the request's principal: no session look-up.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.core.auth import Principal

ASSERTION_HEADER: Final = "x-shenguan-assertion"
VERSION: Final = "v1"
# The gateway signs for this long; a subgraph refuses anything meant to live longer.
LIFETIME_SECONDS: Final = 10
MAX_LIFETIME_SECONDS: Final = 60
# Clocks of the gateway's and the subgraphs' hosts may differ this much.
LEEWAY_SECONDS: Final = 5
REFUSAL_CODE: Final = "GATEWAY_ASSERTION_REQUIRED"
REFUSAL_MESSAGE: Final = "子图只接受经网关签名的请求"
GUARDED_PATHS: Final = frozenset({"/graphql", "/gateway/principal"})


class AssertionRefused(Exception):  # noqa: N818 - reads as a sentence
    """Why an assertion was not accepted (``reason`` is one word, for logs and tests)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Assertion:
    audience: str
    request_id: str
    nonce: str
    expires_at: int
    principal: Principal | None


def key_id(key: str) -> str:
    """A public name of a key: the first 12 hex digits of its SHA-256."""
    return hashlib.sha256(key.encode()).hexdigest()[:12]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def body_digest(query_string: bytes, body: bytes) -> str:
    return hashlib.sha256(query_string + b"\n" + body).hexdigest()


def principal_claims(principal: Principal | None) -> dict[str, Any] | None:
    if principal is None:
        return None
    return {
        "uid": principal.user_id,
        "usr": principal.username,
        "dep": principal.department_id,
        "rol": list(principal.roles),
        "mcp": principal.must_change_password,
        "sid": principal.session_id,
        "akid": principal.api_key_id,
    }


def principal_from_claims(claims: Any) -> Principal | None:
    if claims is None:
        return None
    if not isinstance(claims, dict):
        raise AssertionRefused("malformed")
    try:
        return Principal(
            user_id=int(claims["uid"]),
            username=str(claims["usr"]),
            department_id=str(claims["dep"]),
            must_change_password=bool(claims.get("mcp", False)),
            session_id=None if claims.get("sid") is None else int(claims["sid"]),
            api_key_id=None if claims.get("akid") is None else int(claims["akid"]),
            roles=tuple(str(role) for role in claims.get("rol") or ()),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise AssertionRefused("malformed") from exc


def sign(claims: Mapping[str, Any], key: str) -> str:
    kid = key_id(key)
    payload = _b64(json.dumps(claims, separators=(",", ":"), sort_keys=True).encode())
    signed = f"{VERSION}.{kid}.{payload}"
    mac = hmac.new(key.encode(), signed.encode(), hashlib.sha256).digest()
    return f"{signed}.{_b64(mac)}"


def sign_assertion(
    *,
    key: str,
    audience: str,
    principal: Principal | None,
    query_string: bytes = b"",
    body: bytes | None = b"",
    request_id: str | None = None,
    issued_at: int | None = None,
    lifetime: int = LIFETIME_SECONDS,
) -> str:
    """What the gateway sends (gateway/subgraph-trust.ts does the same in TypeScript).

    ``body=None`` signs a WebSocket connection (no body to bind)."""
    now = int(time.time()) if issued_at is None else issued_at
    claims: dict[str, Any] = {
        "aud": audience,
        "iat": now,
        "exp": now + lifetime,
        "jti": secrets.token_urlsafe(16),
        "rid": request_id or secrets.token_hex(8),
        "sub": principal_claims(principal),
    }
    if body is None:
        claims["ws"] = True
    else:
        claims["bh"] = body_digest(query_string, body)
    return sign(claims, key)


class ReplayGuard:
    """Nonces seen, each kept until its assertion expires (one process; see docs/TRUST.md)."""

    def __init__(self, max_entries: int = 200_000) -> None:
        self._seen: dict[str, int] = {}
        self._max = max_entries

    def spend(self, nonce: str, expires_at: int, now: int) -> bool:
        """True the first time a nonce is presented; False on a replay."""
        if nonce in self._seen and self._seen[nonce] >= now - LEEWAY_SECONDS:
            return False
        if len(self._seen) >= self._max:
            self._prune(now)
        if len(self._seen) >= self._max:
            # Full of live nonces: refusing is safer than forgetting one.
            return False
        self._seen[nonce] = expires_at
        return True

    def _prune(self, now: int) -> None:
        limit = now - LEEWAY_SECONDS
        self._seen = {n: exp for n, exp in self._seen.items() if exp >= limit}


def verify_assertion(  # noqa: C901, PLR0912 - one check per line of the contract
    token: str | None,
    *,
    keys: Iterable[str],
    audience: str,
    replay: ReplayGuard,
    query_string: bytes = b"",
    body: bytes | None = b"",
    now: int | None = None,
) -> Assertion:
    if not token:
        raise AssertionRefused("missing")
    parts = token.split(".")
    if len(parts) != 4 or parts[0] != VERSION:  # noqa: PLR2004 - version, kid, claims, mac
        raise AssertionRefused("malformed")
    _, kid, payload, mac = parts
    key = next((k for k in keys if key_id(k) == kid), None)
    if key is None:
        raise AssertionRefused("unknown_key")
    expected = hmac.new(key.encode(), f"{VERSION}.{kid}.{payload}".encode(), hashlib.sha256)
    try:
        given = _unb64(mac)
        claims = json.loads(_unb64(payload))
    except (ValueError, UnicodeDecodeError) as exc:
        raise AssertionRefused("malformed") from exc
    if not hmac.compare_digest(expected.digest(), given):
        raise AssertionRefused("forged")
    if not isinstance(claims, dict):
        raise AssertionRefused("malformed")
    moment = int(time.time()) if now is None else now
    try:
        issued, expires = int(claims["iat"]), int(claims["exp"])
        nonce, request_id = str(claims["jti"]), str(claims.get("rid", ""))
    except (KeyError, TypeError, ValueError) as exc:
        raise AssertionRefused("malformed") from exc
    if claims.get("aud") != audience:
        raise AssertionRefused("wrong_audience")
    if expires - issued > MAX_LIFETIME_SECONDS or issued > moment + LEEWAY_SECONDS:
        raise AssertionRefused("malformed")
    if expires + LEEWAY_SECONDS < moment:
        raise AssertionRefused("expired")
    if body is None:
        if claims.get("ws") is not True:
            raise AssertionRefused("body_mismatch")
    elif not isinstance(claims.get("bh"), str) or not hmac.compare_digest(
        claims["bh"], body_digest(query_string, body)
    ):
        raise AssertionRefused("body_mismatch")
    principal = principal_from_claims(claims.get("sub"))
    if not replay.spend(nonce, expires, moment):
        raise AssertionRefused("replayed")
    return Assertion(
        audience=audience,
        request_id=request_id,
        nonce=nonce,
        expires_at=expires,
        principal=principal,
    )


def _refusal(reason: str) -> bytes:
    return json.dumps(
        {
            "data": None,
            "errors": [
                {
                    "message": REFUSAL_MESSAGE,
                    "extensions": {"code": REFUSAL_CODE, "reason": reason},
                }
            ],
        },
        ensure_ascii=False,
    ).encode()


async def _send_refusal(send: Send, reason: str, *, websocket: bool) -> None:
    body = _refusal(reason)
    start_type = "websocket.http.response.start" if websocket else "http.response.start"
    body_type = "websocket.http.response.body" if websocket else "http.response.body"
    await send(
        {
            "type": start_type,
            "status": 401,
            "headers": [
                (b"content-type", b"application/json; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": body_type, "body": body})


KeysProvider = Callable[[], tuple[str, ...]]


class GatewayTrust:
    """ASGI middleware: ``/graphql`` (HTTP and WebSocket) only with a valid assertion.

    A verified assertion is put into ``scope["state"]["gateway_assertion"]``; the body read
    to check its digest is handed on unchanged."""

    def __init__(self, app: ASGIApp, *, audience: str, keys: KeysProvider) -> None:
        self.app = app
        self.audience = audience
        self.keys = keys
        self.replay = ReplayGuard()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in {"http", "websocket"} or scope["path"] not in GUARDED_PATHS:
            await self.app(scope, receive, send)
            return
        token = Headers(scope=scope).get(ASSERTION_HEADER)
        websocket = scope["type"] == "websocket"
        query_string = scope.get("query_string", b"")
        body: bytes | None = None
        replay_receive: Receive = receive
        if not websocket:
            body, replay_receive = await _buffer(receive)
        try:
            assertion = verify_assertion(
                token,
                keys=self.keys(),
                audience=self.audience,
                replay=self.replay,
                query_string=query_string,
                body=body,
            )
        except AssertionRefused as refused:
            if websocket:
                if "websocket.http.response" in scope.get("extensions", {}):
                    await _send_refusal(send, refused.reason, websocket=True)
                else:
                    await send({"type": "websocket.close", "code": 4401})
            else:
                await _send_refusal(send, refused.reason, websocket=False)
            return
        scope.setdefault("state", {})["gateway_assertion"] = assertion
        await self.app(scope, replay_receive, send)


async def _buffer(receive: Receive) -> tuple[bytes, Receive]:
    """The whole request body, and a ``receive`` that hands it on as one message."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            # The client went away before sending its body.
            return b"".join(chunks), _once(message, receive)
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    return body, _once({"type": "http.request", "body": body, "more_body": False}, receive)


def _once(first: Message, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return first
        return await receive()

    return replay


def assertion_of(scope_state: Any) -> Assertion | None:
    """The verified assertion of a request (``request.state``), if any."""
    return getattr(scope_state, "gateway_assertion", None)
