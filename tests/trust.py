"""Sign a direct subgraph call the way the gateway does (gateway/subgraph-trust.ts).

Subgraphs answer only requests that carry the gateway's assertion of the caller
(api/core/trust.py); tests that call a subgraph's port or ASGI app directly use these."""

from __future__ import annotations

import json
from typing import Any

import httpx

from api.core.auth import Principal
from api.core.config import get_settings
from api.core.trust import ASSERTION_HEADER, principal_from_claims, sign_assertion


def in_process_key() -> str:
    """The key of an in-process app (the test settings)."""
    return get_settings().effective_gateway_keys()[0]


def signed_headers(
    audience: str,
    body: bytes = b"",
    *,
    principal: Principal | None = None,
    key: str | None = None,
    query_string: bytes = b"",
    issued_at: int | None = None,
) -> dict[str, str]:
    """The headers the gateway would add to one call with exactly this body."""
    return {
        ASSERTION_HEADER: sign_assertion(
            key=key or in_process_key(),
            audience=audience,
            principal=principal,
            body=body,
            query_string=query_string,
            issued_at=issued_at,
        ),
        "content-type": "application/json",
    }


def ws_headers(
    audience: str, *, principal: Principal | None = None, key: str | None = None
) -> dict[str, str]:
    """The headers of a WebSocket upgrade from the gateway (no body to bind)."""
    token = sign_assertion(
        key=key or in_process_key(), audience=audience, principal=principal, body=None
    )
    return {ASSERTION_HEADER: token}


def encode(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload).encode()


def signed_post(
    url: str,
    payload: dict[str, Any],
    *,
    audience: str,
    key: str,
    principal: Principal | None = None,
    timeout: float = 30,
) -> httpx.Response:
    """POST ``payload`` to a subgraph's URL as the gateway would (a real port)."""
    body = encode(payload)
    return httpx.post(
        url,
        content=body,
        headers=signed_headers(audience, body, principal=principal, key=key),
        timeout=timeout,
    )


class GatewayAuth(httpx.Auth):
    """httpx auth that signs every request of a client as the gateway would."""

    requires_request_body = True

    def __init__(
        self, audience: str, *, key: str | None = None, principal: Principal | None = None
    ) -> None:
        self.audience = audience
        self.key = key
        self.principal = principal

    def auth_flow(self, request: httpx.Request) -> Any:
        request.headers[ASSERTION_HEADER] = sign_assertion(
            key=self.key or in_process_key(),
            audience=self.audience,
            principal=self.principal,
            body=request.content,
            query_string=request.url.query,
        )
        yield request


def principal_for_token(access_url: str, token: str, *, key: str) -> Principal | None:
    """Who the gateway would assert for ``token``: the access subgraph's own answer."""
    url = access_url.removesuffix("/graphql") + "/gateway/principal"
    answer = signed_post(url, {"authorization": f"Bearer {token}"}, audience="access", key=key)
    answer.raise_for_status()
    return principal_from_claims(answer.json()["principal"])


def as_gateway(
    stack: Any,
    subgraph: str,
    payload: dict[str, Any],
    *,
    token: str | None = None,
) -> httpx.Response:
    """Call a subgraph of a running stack (api/launcher.py) as the gateway would for a
    client sending ``token`` (or nobody): look the caller up, then sign the call."""
    key = stack.env["SHENGUAN_GATEWAY_KEY"]
    principal = principal_for_token(stack.subgraph_url("access"), token, key=key) if token else None
    return signed_post(
        stack.subgraph_url(subgraph), payload, audience=subgraph, key=key, principal=principal
    )
