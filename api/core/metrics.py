"""Prometheus metrics of a subgraph process and of the outbox worker (``prometheus-client``).

Every subgraph answers ``GET /metrics`` on its own port (subgraph ports are internal: the
gateway only forwards GraphQL to them); ``shenguan worker --metrics-port P`` serves the
worker's. With ``SHENGUAN_METRICS_TOKEN`` set, both answer only
``Authorization: Bearer <token>`` (401 otherwise). What is measured:

- ``shenguan_graphql_operations_total{subgraph,type,operation,outcome}`` and
  ``shenguan_graphql_operation_duration_seconds`` (histogram): every query and mutation the
  subgraph executed, by operation name (the gateway's subgraph operations carry the client's
  name) and outcome (``ok``: no error; ``error``: any GraphQL error).
- ``shenguan_outbox_pending{topic}``, ``shenguan_outbox_oldest_pending_age_seconds``,
  ``shenguan_outbox_dead_letters{topic}``: read from ``core_outbox`` at each scrape, by the
  processes that deliver (the worker, the subgraph hosting the embedded worker).
- ``shenguan_outbox_delivered_total{consumer}``, ``shenguan_outbox_failures_total{topic}``:
  deliveries this process made (sum over the workers).
- ``shenguan_sms_attempts_total{sender}``, ``shenguan_sms_failures_total{sender}``.
- ``shenguan_listener_connected{listener}`` (1 listening, 0 otherwise),
  ``shenguan_listener_reconnects{listener}``, ``shenguan_policy_version``.
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Iterator
from datetime import UTC
from typing import Any, Final

import sqlalchemy as sa
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import Response
from strawberry.extensions import SchemaExtension

from api.core.clock import utcnow
from api.core.config import get_settings

# Operation names come from clients (trusted documents, connected systems): past this many
# distinct names a process reports new ones as "other", so a caller cannot grow the series.
MAX_OPERATION_NAMES: Final = 300
OPERATION_NAME_LENGTH: Final = 80
LATENCY_BUCKETS: Final = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

OPERATIONS = Counter(
    "shenguan_graphql_operations",
    "GraphQL operations executed by this subgraph process",
    ["subgraph", "type", "operation", "outcome"],
)
OPERATION_SECONDS = Histogram(
    "shenguan_graphql_operation_duration_seconds",
    "Time to execute one GraphQL operation in this subgraph process",
    ["subgraph", "type", "operation"],
    buckets=LATENCY_BUCKETS,
)
OUTBOX_PENDING = Gauge("shenguan_outbox_pending", "Outbox messages not yet delivered", ["topic"])
OUTBOX_OLDEST_AGE = Gauge(
    "shenguan_outbox_oldest_pending_age_seconds",
    "Age of the oldest pending outbox message (0 when none is pending)",
)
OUTBOX_DEAD = Gauge("shenguan_outbox_dead_letters", "Dead-lettered outbox messages", ["topic"])
OUTBOX_DELIVERED = Counter(
    "shenguan_outbox_delivered",
    "Outbox messages handled by a consumer in this process",
    ["consumer"],
)
OUTBOX_FAILURES = Counter(
    "shenguan_outbox_failures", "Failed delivery attempts in this process", ["topic"]
)
SMS_ATTEMPTS = Counter("shenguan_sms_attempts", "SMS sends attempted", ["sender"])
SMS_FAILURES = Counter("shenguan_sms_failures", "SMS sends that failed", ["sender"])
LISTENER_CONNECTED = Gauge(
    "shenguan_listener_connected",
    "1 while the LISTEN connection listens (or polling on SQLite), 0 otherwise",
    ["listener"],
)
LISTENER_RECONNECTS = Gauge(
    "shenguan_listener_reconnects", "Reconnections of the LISTEN connection", ["listener"]
)
POLICY_VERSION = Gauge("shenguan_policy_version", "Policy version loaded by this process")

_operation_names: set[str] = set()


def operation_label(name: str | None) -> str:
    if not name:
        return "anonymous"
    label = name[:OPERATION_NAME_LENGTH]
    if label in _operation_names:
        return label
    if len(_operation_names) >= MAX_OPERATION_NAMES:
        return "other"
    _operation_names.add(label)
    return label


class OperationMetrics(SchemaExtension):
    """Counts and times each query and mutation (subscriptions are streams, not counted)."""

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        ctx = self.execution_context
        try:
            kind = ctx.operation_type.value
        except Exception:  # noqa: BLE001 - the document did not parse: no operation to name
            kind = "invalid"
        if kind == "subscription":
            return
        request = getattr(ctx.context, "request", None)
        app = getattr(request, "app", None)
        subgraph = str(getattr(getattr(app, "state", None), "subgraph_name", "unknown"))
        operation = operation_label(ctx.operation_name)
        result = ctx.result
        failed = result is None or bool(getattr(result, "errors", None))
        OPERATIONS.labels(subgraph, kind, operation, "error" if failed else "ok").inc()
        OPERATION_SECONDS.labels(subgraph, kind, operation).observe(time.perf_counter() - started)


def observe_listener(name: str, state: dict[str, Any]) -> None:
    connected = state.get("state") in {"listening", "polling"}
    LISTENER_CONNECTED.labels(name).set(1 if connected else 0)
    LISTENER_RECONNECTS.labels(name).set(int(state.get("reconnects") or 0))


async def refresh_outbox(engine: AsyncEngine) -> None:
    """Set the outbox gauges from ``core_outbox`` (pending and dead by topic, oldest age)."""
    from api.core.events import OutboxMessage, OutboxStatus  # noqa: PLC0415 - import cycle

    table = OutboxMessage.__table__  # type: ignore[attr-defined]
    by_status = (
        sa.select(table.c.status, table.c.topic, sa.func.count())
        .where(table.c.status.in_([OutboxStatus.PENDING.value, OutboxStatus.DEAD.value]))
        .group_by(table.c.status, table.c.topic)
    )
    oldest = sa.select(sa.func.min(table.c.created_at)).where(
        table.c.status == OutboxStatus.PENDING.value
    )
    async with engine.connect() as conn:
        rows = (await conn.execute(by_status)).all()
        first = (await conn.execute(oldest)).scalar()
    OUTBOX_PENDING.clear()
    OUTBOX_DEAD.clear()
    for status, topic, count in rows:
        gauge = OUTBOX_PENDING if status == OutboxStatus.PENDING.value else OUTBOX_DEAD
        gauge.labels(topic).set(int(count))
    if first is None:
        OUTBOX_OLDEST_AGE.set(0)
    else:
        moment = first if first.tzinfo is not None else first.replace(tzinfo=UTC)
        OUTBOX_OLDEST_AGE.set(max((utcnow() - moment).total_seconds(), 0.0))


def scrape_allowed(request: Request) -> bool:
    """No token configured: anyone who reaches the (internal) port; else the bearer token."""
    token = get_settings().metrics_token
    if not token:
        return True
    given = request.headers.get("authorization", "")
    return hmac.compare_digest(given.encode(), f"Bearer {token}".encode())


def exposition(registry: CollectorRegistry = REGISTRY) -> Response:
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)


def refused() -> Response:
    return Response("Unauthorized\n", status_code=401, headers={"www-authenticate": "Bearer"})
