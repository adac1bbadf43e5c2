"""Verifying the platform gateway's caller assertion (``X-Shenguan-Assertion``).

``v1.<key id>.<base64url(claims)>.<base64url(HMAC-SHA256(key, "v1.<key id>.<claims>"))>``;
the claims name this subgraph (``aud``), a lifetime (``iat``/``exp``), a nonce (``jti``,
accepted once), the SHA-256 of the query string, a newline and the body (``bh``), and the
caller (``sub``: ``usr``, ``dep`` — the department's id in the platform — ``rol``, … or
``null``). Written from docs/joining-the-graph.md, not from the platform's code.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from typing import Any

HEADER = "x-shenguan-assertion"
MAX_LIFETIME = 60
LEEWAY = 5


class Refused(Exception):  # noqa: N818 - reads as a sentence
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Caller:
    username: str
    department_id: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class Verified:
    caller: Caller | None  # None: an anonymous client of the gateway
    request_id: str


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key_id(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:12]


class Verifier:
    """Checks assertions for one audience with the current and previous keys."""

    def __init__(self, audience: str, keys: tuple[str, ...]) -> None:
        self.audience = audience
        self.keys = {key_id(k): k for k in keys if k}
        self.seen: dict[str, int] = {}  # nonce → expiry

    def verify(  # noqa: C901, PLR0912 - one check per line of the contract
        self, token: str | None, query_string: bytes, body: bytes
    ) -> Verified:
        """The caller of a correctly signed request; ``Refused`` otherwise."""
        if not token:
            raise Refused("missing")
        parts = token.split(".")
        if len(parts) != 4 or parts[0] != "v1":  # noqa: PLR2004 - version, kid, claims, mac
            raise Refused("malformed")
        key = self.keys.get(parts[1])
        if key is None:
            raise Refused("unknown_key")
        expected = hmac.new(key.encode(), ".".join(parts[:3]).encode(), hashlib.sha256).digest()
        try:
            given = _unb64(parts[3])
            claims: Any = json.loads(_unb64(parts[2]))
        except ValueError as exc:
            raise Refused("malformed") from exc
        if not hmac.compare_digest(expected, given):
            raise Refused("forged")
        if not isinstance(claims, dict):
            raise Refused("malformed")
        now = int(time.time())
        try:
            issued, expires, nonce = int(claims["iat"]), int(claims["exp"]), str(claims["jti"])
        except (KeyError, TypeError, ValueError) as exc:
            raise Refused("malformed") from exc
        if claims.get("aud") != self.audience:
            raise Refused("wrong_audience")
        if expires - issued > MAX_LIFETIME or issued > now + LEEWAY:
            raise Refused("malformed")
        if expires + LEEWAY < now:
            raise Refused("expired")
        digest = hashlib.sha256(query_string + b"\n" + body).hexdigest()
        if not hmac.compare_digest(str(claims.get("bh", "")), digest):
            raise Refused("body_mismatch")
        self.seen = {n: e for n, e in self.seen.items() if e + LEEWAY >= now}
        if nonce in self.seen:
            raise Refused("replayed")
        self.seen[nonce] = expires
        request_id = str(claims.get("rid", ""))
        sub = claims.get("sub")
        if sub is None:
            return Verified(caller=None, request_id=request_id)
        try:
            caller = Caller(
                username=str(sub["usr"]),
                department_id=str(sub["dep"]),
                roles=tuple(str(r) for r in sub.get("rol") or ()),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise Refused("malformed") from exc
        return Verified(caller=caller, request_id=request_id)
