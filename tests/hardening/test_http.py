"""The subgraph HTTP layer: CSRF rules, body limit, security headers, request id."""

from __future__ import annotations

import asyncio
import re

import httpx
import pytest

from api.catalog.loaders import CatalogLoaders
from api.catalog.schema import schema
from api.core.app import create_subgraph_app
from api.core.http import MAX_BODY_BYTES, RequestTimeout
from api.core.ratelimit import LocalBackend, TokenBucketLimiter, reset_graph_limiter
from tests.trust import GatewayAuth


@pytest.fixture
async def client(engine, authorizer):
    app = create_subgraph_app("catalog", schema, loaders_factory=CatalogLoaders, engine=engine)
    # The lifespan is not run by the transport: give the app what it would have built.
    app.state.engine = engine
    app.state.authorizer = authorizer
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://catalog", auth=GatewayAuth("catalog")
    ) as client:
        yield client


SIGN_IN = 'mutation { signIn(username: "nobody", password: "x") { __typename } }'


async def test_mutation_over_get_is_refused(client):
    response = await client.get("/graphql", params={"query": SIGN_IN})
    assert response.status_code == 400
    assert response.text == "mutations are not allowed when using GET"


async def test_query_over_get_is_answered(client):
    response = await client.get("/graphql", params={"query": "{ __typename }"})
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}


@pytest.mark.parametrize(
    ("content_type", "content"),
    [
        ("application/x-www-form-urlencoded", "query=mutation%20%7B%20__typename%20%7D"),
        ("text/plain", '{"query": "mutation { __typename }"}'),
        ("text/plain;charset=UTF-8", '{"query": "{ __typename }"}'),
        ("multipart/form-data; boundary=x", "--x--"),
    ],
)
async def test_simple_cross_site_posts_are_refused_with_415(client, content_type, content):
    response = await client.post(
        "/graphql", content=content, headers={"content-type": content_type}
    )
    assert response.status_code == 415
    assert response.json() == {
        "data": None,
        "errors": [
            {
                "message": "请求须为 application/json",
                "extensions": {"code": "UNSUPPORTED_MEDIA_TYPE"},
            }
        ],
    }


async def test_a_form_post_is_refused_even_with_a_custom_header(client):
    response = await client.post(
        "/graphql",
        content="query=%7B__typename%7D",
        headers={
            "content-type": "application/x-www-form-urlencoded",
            "graphql-require-preflight": "1",
        },
    )
    assert response.status_code == 415


async def test_a_json_post_is_answered(client):
    response = await client.post("/graphql", json={"query": "{ __typename }"})
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}


async def test_a_body_over_the_upload_sized_limit_is_refused(client):
    big = {"query": "{ __typename }", "variables": {"p": "x" * (MAX_BODY_BYTES + 1)}}
    response = await client.post("/graphql", json=big)
    assert response.status_code == 413

    async def chunks():
        yield b'{"query": "{ __typename }", "variables": {"p": "'
        for _ in range(MAX_BODY_BYTES // 65536 + 1):
            yield b"x" * 65536
        yield b'"}}'

    streamed = await client.post(
        "/graphql", content=chunks(), headers={"content-type": "application/json"}
    )
    assert streamed.status_code == 413


async def test_security_headers_on_every_response(client):
    for response in (
        await client.post("/graphql", json={"query": "{ __typename }"}),
        await client.get("/health"),
        await client.post("/graphql", content="x", headers={"content-type": "text/plain"}),
    ):
        assert response.headers["content-security-policy"] == (
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
            "frame-ancestors 'none'"
        )
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["x-frame-options"] == "DENY"
        assert "strict-transport-security" not in response.headers


async def test_hsts_only_behind_tls(client):
    response = await client.get("/health", headers={"x-forwarded-proto": "https"})
    assert response.headers["strict-transport-security"] == "max-age=31536000; includeSubDomains"


async def test_development_graphiql_runs_its_inline_scripts_by_hash_not_unsafe_inline(client):
    response = await client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert re.search(r"'sha256-[A-Za-z0-9+/=]+'", csp)


async def test_request_id_is_echoed_or_generated(client):
    given = await client.get("/health", headers={"x-request-id": "client-req-12345"})
    assert given.headers["x-request-id"] == "client-req-12345"
    made = await client.get("/health", headers={"x-request-id": "bad id with spaces"})
    assert re.fullmatch(r"[0-9a-f]{32}", made.headers["x-request-id"])


@pytest.fixture
def small_limit():
    reset_graph_limiter(TokenBucketLimiter(per_minute=60, burst=2, backend=LocalBackend()))
    yield
    reset_graph_limiter(None)


@pytest.mark.usefixtures("small_limit")
async def test_an_address_over_its_rate_gets_retry_after(client):
    def ask(address):
        return client.post(
            "/graphql", json={"query": "{ __typename }"}, headers={"x-forwarded-for": address}
        )

    assert [(await ask("198.51.100.7")).status_code for _ in range(2)] == [200, 200]
    limited = await ask("198.51.100.7")
    assert limited.headers["retry-after"] == "1"
    assert limited.json()["errors"][0]["extensions"] == {"code": "RATE_LIMITED", "retryAfter": 1}
    assert (await ask("198.51.100.8")).json() == {"data": {"__typename": "Query"}}


async def test_a_request_over_the_time_limit_answers_504():
    async def slow(scope, receive, send):
        await asyncio.sleep(1)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"late"})

    transport = httpx.ASGITransport(app=RequestTimeout(slow, seconds=0.05))
    async with httpx.AsyncClient(transport=transport, base_url="http://slow") as client:
        response = await client.get("/")
    assert response.status_code == 504
    assert response.json()["errors"][0]["extensions"] == {"code": "TIMEOUT"}
