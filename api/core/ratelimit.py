"""Token-bucket rate limits per account and per client address.

In-process buckets for the embedded (SQLite, one process per subgraph) product; one shared
Redis bucket per key when ``REDIS_URL`` is set. ``TokenBucketLimiter.hit`` is reusable
(sign-in attempts, exports): it answers ``None`` (allowed) or the seconds to wait.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, Final, Protocol

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from api.core.config import get_settings

logger = logging.getLogger("shenguan.ratelimit")

_MAX_LOCAL_KEYS: Final = 10_000

# KEYS[1] bucket; ARGV: rate per second, burst, now (s), cost. Returns the wait in ms.
_REDIS_SCRIPT: Final = """
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local cost = tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - at) * rate)
local wait = 0
if tokens >= cost then
  tokens = tokens - cost
else
  wait = math.ceil((cost - tokens) / rate * 1000)
end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
redis.call('EXPIRE', KEYS[1], math.ceil(burst / rate) + 1)
return wait
"""


class RateLimitedError(GraphQLError):
    def __init__(self, retry_after: float) -> None:
        seconds = max(1, math.ceil(retry_after))
        super().__init__(
            f"请求过于频繁，请在 {seconds} 秒后重试",
            extensions={"code": "RATE_LIMITED", "retryAfter": seconds},
        )
        self.retry_after = seconds


class Backend(Protocol):
    async def take(self, key: str, *, rate: float, burst: int) -> float | None: ...


@dataclass
class LocalBackend:
    buckets: dict[str, tuple[float, float]] = field(default_factory=dict)

    async def take(self, key: str, *, rate: float, burst: int) -> float | None:
        now = time.monotonic()
        tokens, at = self.buckets.get(key, (float(burst), now))
        tokens = min(float(burst), tokens + (now - at) * rate)
        if len(self.buckets) > _MAX_LOCAL_KEYS:
            # Full buckets carry no information: forget them.
            self.buckets = {
                k: v for k, v in self.buckets.items() if v[0] + (now - v[1]) * rate < burst
            }
        if tokens >= 1:
            self.buckets[key] = (tokens - 1, now)
            return None
        self.buckets[key] = (tokens, now)
        return (1 - tokens) / rate


@dataclass
class RedisBackend:
    url: str
    prefix: str = "shenguan:rl:"
    _client: Any = None

    async def take(self, key: str, *, rate: float, burst: int) -> float | None:
        from redis.asyncio import Redis  # noqa: PLC0415 - only when configured
        from redis.exceptions import ConnectionError as RedisConnectionError  # noqa: PLC0415
        from redis.exceptions import TimeoutError as RedisTimeoutError  # noqa: PLC0415

        if self._client is None:
            self._client = Redis.from_url(self.url, socket_timeout=0.5, socket_connect_timeout=0.5)
        try:
            wait_ms = await self._client.eval(
                _REDIS_SCRIPT, 1, self.prefix + key, rate, burst, time.time(), 1
            )
        except (RedisConnectionError, RedisTimeoutError, OSError):
            # Fail open: an unreachable Redis must not take the whole graph down.
            logger.warning("rate limiting skipped: Redis at %s is unreachable", self.url)
            return None
        return int(wait_ms) / 1000 if int(wait_ms) > 0 else None


@dataclass
class TokenBucketLimiter:
    """``burst`` requests at once, refilled at ``per_minute`` a minute, per key."""

    per_minute: int
    burst: int
    backend: Backend

    async def hit(self, key: str) -> float | None:
        return await self.backend.take(key, rate=self.per_minute / 60, burst=self.burst)


def make_limiter(
    *, per_minute: int | None = None, burst: int | None = None, redis_url: str | None = None
) -> TokenBucketLimiter:
    settings = get_settings()
    url = settings.redis_url if redis_url is None else redis_url
    backend: Backend = RedisBackend(url) if url else LocalBackend()
    return TokenBucketLimiter(
        per_minute=per_minute or settings.rate_limit_per_minute,
        burst=burst or settings.rate_limit_burst,
        backend=backend,
    )


_graph_limiter: TokenBucketLimiter | None = None


def graph_limiter() -> TokenBucketLimiter:
    """The process-wide limiter for GraphQL operations (built on first use)."""
    global _graph_limiter  # noqa: PLW0603 - one limiter per process
    if _graph_limiter is None:
        _graph_limiter = make_limiter()
    return _graph_limiter


def reset_graph_limiter(limiter: TokenBucketLimiter | None = None) -> None:
    global _graph_limiter  # noqa: PLW0603
    _graph_limiter = limiter


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def client_address(request: Any) -> str | None:
    """The caller's address: the peer, or the first X-Forwarded-For hop from a local proxy.

    Loopback traffic without a forwarded address (the embedded gateway, in-process tests)
    has no address bucket: it would put every caller in one bucket.
    """
    client = getattr(request, "client", None)
    peer = getattr(client, "host", None)
    if peer is None:
        return None
    if _is_loopback(peer):
        forwarded = request.headers.get("x-forwarded-for", "")
        first = forwarded.split(",")[0].strip()
        return first or None
    return str(peer)


def keys_for(context: Any) -> list[str]:
    keys = []
    principal = getattr(context, "principal", None)
    if principal is not None:
        keys.append(f"user:{principal.user_id}")
    address = client_address(getattr(context, "request", None))
    if address:
        keys.append(f"addr:{address}")
    return keys


class RateLimit(SchemaExtension):
    """Refuses an operation whose account or address bucket is empty (``RATE_LIMITED``)."""

    async def on_operation(self) -> AsyncIterator[None]:
        context = self.execution_context.context
        limiter = graph_limiter()
        waits = [w for key in keys_for(context) if (w := await limiter.hit(key)) is not None]
        if waits:
            error = RateLimitedError(max(waits))
            response = getattr(context, "response", None)
            if response is not None:
                response.headers["Retry-After"] = str(error.retry_after)
            raise error
        yield
