"""Token buckets per account and per address: in-process, on Redis, and on the graph."""

from __future__ import annotations

import asyncio
import uuid
from types import SimpleNamespace

import pytest
import redis.asyncio as aioredis
from starlette.datastructures import Headers

from api.catalog.loaders import CatalogLoaders
from api.catalog.schema import schema
from api.core.ratelimit import (
    LocalBackend,
    RedisBackend,
    TokenBucketLimiter,
    client_address,
    reset_graph_limiter,
)
from tests import factories
from tests.graphql import run

REDIS_URL = "redis://127.0.0.1:6379/15"


async def _exercise(limiter: TokenBucketLimiter, key: str) -> None:
    assert [await limiter.hit(key) for _ in range(3)] == [None, None, None]
    wait = await limiter.hit(key)
    assert wait is not None
    assert 0 < wait <= 0.1  # 600 a minute: one token every 0.1 s
    assert await limiter.hit(f"{key}:other") is None  # buckets are per key
    await asyncio.sleep(0.12)
    assert await limiter.hit(key) is None


async def test_local_bucket_allows_a_burst_then_refills():
    await _exercise(TokenBucketLimiter(per_minute=600, burst=3, backend=LocalBackend()), "k")


async def test_redis_bucket_allows_a_burst_then_refills():
    try:
        await aioredis.from_url(REDIS_URL).ping()
    except OSError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    limiter = TokenBucketLimiter(per_minute=600, burst=3, backend=RedisBackend(REDIS_URL))
    await _exercise(limiter, f"test:{uuid.uuid4().hex}")


def _request(peer: str, forwarded: str | None = None):
    headers = Headers({"x-forwarded-for": forwarded} if forwarded else {})
    return SimpleNamespace(client=SimpleNamespace(host=peer), headers=headers)


def test_client_address_trusts_forwarded_for_only_from_a_local_proxy():
    assert client_address(_request("203.0.113.9")) == "203.0.113.9"
    assert client_address(_request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"
    assert client_address(_request("127.0.0.1", "198.51.100.1, 10.0.0.1")) == "198.51.100.1"
    assert client_address(_request("127.0.0.1")) is None


@pytest.fixture
def small_limit():
    reset_graph_limiter(TokenBucketLimiter(per_minute=60, burst=2, backend=LocalBackend()))
    yield
    reset_graph_limiter(None)


@pytest.mark.usefixtures("small_limit")
async def test_an_account_over_its_rate_gets_a_typed_error_with_retry_after(session, authorizer):
    dept = await factories.department(session)
    alice = await factories.user(session, authorizer, role="coordinator", dept=dept)
    bob = await factories.user(session, authorizer, role="coordinator", dept=dept)

    async def ask(principal):
        return await run(
            schema,
            CatalogLoaders,
            "{ __typename }",
            session=session,
            authorizer=authorizer,
            principal=principal,
        )

    assert [(await ask(alice)).data for _ in range(2)] == [{"__typename": "Query"}] * 2
    limited = await ask(alice)
    assert limited.data is None
    [error] = limited.errors
    assert (error.message, error.extensions) == (
        "请求过于频繁，请在 1 秒后重试",
        {"code": "RATE_LIMITED", "retryAfter": 1},
    )
    assert (await ask(bob)).data == {"__typename": "Query"}


async def test_an_unreachable_redis_fails_open_with_a_warning(caplog):
    limiter = TokenBucketLimiter(
        per_minute=60, burst=1, backend=RedisBackend("redis://127.0.0.1:1/0")
    )
    with caplog.at_level("WARNING", logger="shenguan.ratelimit"):
        assert [await limiter.hit("k") for _ in range(3)] == [None, None, None]
    assert "Redis at redis://127.0.0.1:1/0 is unreachable" in caplog.text
