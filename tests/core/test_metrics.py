"""Prometheus endpoints: a subgraph's and the worker's `/metrics` (api/core/metrics.py)."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from api.catalog.loaders import CatalogLoaders
from api.catalog.schema import schema
from api.core import events
from api.core.app import create_subgraph_app
from api.core.config import ROOT_DIR, get_settings
from api.core.db import session_scope
from api.core.worker import metrics_app
from tests.ports import free_port
from tests.trust import GatewayAuth

_topics = itertools.count()


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of an exposition, by name and sorted labels."""
    found: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def _catalog_app(engine, authorizer):
    app = create_subgraph_app("catalog", schema, loaders_factory=CatalogLoaders, engine=engine)
    # The lifespan is not run by the transport: give the app what it would have built.
    app.state.engine = engine
    app.state.authorizer = authorizer
    return app


async def test_a_subgraph_counts_and_times_its_operations_by_name_and_outcome(engine, authorizer):
    app = _catalog_app(engine, authorizer)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://catalog", auth=GatewayAuth("catalog")
    ) as client:
        before = samples((await client.get("/metrics")).text)
        ok = {"query": "query MetricsProbe { _service { sdl } }"}
        bad = {"query": "query MetricsProbeBad { noSuchField }"}
        broken = {"query": "query { unclosed"}
        assert (await client.post("/graphql", json=ok)).status_code == 200
        await client.post("/graphql", json=bad)
        assert (await client.post("/graphql", json=broken)).status_code in {200, 400}
        response = await client.get("/metrics")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    after = samples(response.text)

    def count(name: str, outcome: str, found: dict) -> float:
        labels = (
            ("operation", name),
            ("outcome", outcome),
            ("subgraph", "catalog"),
            ("type", "query"),
        )
        return found.get(("shenguan_graphql_operations_total", labels), 0.0)

    assert count("MetricsProbe", "ok", after) == count("MetricsProbe", "ok", before) + 1
    assert count("MetricsProbeBad", "error", after) == count("MetricsProbeBad", "error", before) + 1
    timed = (
        ("operation", "MetricsProbe"),
        ("subgraph", "catalog"),
        ("type", "query"),
    )
    assert after[("shenguan_graphql_operation_duration_seconds_count", timed)] >= 1
    # The listeners and the policy version of this process.
    assert after[("shenguan_listener_connected", (("listener", "policy"),))] == 1
    assert after[("shenguan_policy_version", ())] == authorizer.version


async def test_the_worker_outbox_gauges_move_when_a_message_is_pending_and_then_delivered(
    engine,
):
    topic = f"metrics.push.{next(_topics)}.{datetime.now(UTC).timestamp()}"
    consumers = events.ConsumerTable()

    @consumers.handles(topic, consumer="metrics-test-consumer")
    async def handler(_session, _message):
        return None

    transport = httpx.ASGITransport(app=metrics_app(engine))
    async with httpx.AsyncClient(transport=transport, base_url="http://worker") as client:
        idle = samples((await client.get("/metrics")).text)
        async with session_scope(engine) as session:
            await events.emit(session, topic=topic, key="p1", payload={})
        pending = samples((await client.get("/metrics")).text)
        await events.dispatch_pending(engine, consumers, topics=[topic])
        delivered = samples((await client.get("/metrics")).text)

    by_topic = (("topic", topic),)
    consumer = (("consumer", "metrics-test-consumer"),)
    assert ("shenguan_outbox_pending", by_topic) not in idle
    assert pending[("shenguan_outbox_pending", by_topic)] == 1
    assert pending[("shenguan_outbox_oldest_pending_age_seconds", ())] >= 0
    assert ("shenguan_outbox_pending", by_topic) not in delivered
    assert delivered[("shenguan_outbox_delivered_total", consumer)] == (
        idle.get(("shenguan_outbox_delivered_total", consumer), 0) + 1
    )


async def test_a_dead_letter_shows_in_the_gauge_and_the_failures(engine):
    topic = f"metrics.dead.{next(_topics)}.{datetime.now(UTC).timestamp()}"
    consumers = events.ConsumerTable()

    @consumers.handles(topic, consumer="metrics-failing")
    async def handler(_session, _message):
        raise RuntimeError("always")

    async with session_scope(engine) as session:
        message = await events.emit(session, topic=topic, key="d1", payload={})
        message.attempts = events.MAX_ATTEMPTS - 1
        session.add(message)
    await events.dispatch_pending(engine, consumers, topics=[topic])
    transport = httpx.ASGITransport(app=metrics_app(engine))
    async with httpx.AsyncClient(transport=transport, base_url="http://worker") as client:
        found = samples((await client.get("/metrics")).text)

    assert found[("shenguan_outbox_dead_letters", (("topic", topic),))] == 1
    assert found[("shenguan_outbox_failures_total", (("topic", topic),))] >= 1


@pytest.fixture
def metrics_token(monkeypatch):
    monkeypatch.setattr(get_settings(), "metrics_token", "scrape-secret-0123456789")
    return "scrape-secret-0123456789"


async def test_with_a_token_set_metrics_answer_only_the_bearer(engine, authorizer, metrics_token):
    for app, base in (
        (metrics_app(engine), "http://worker"),
        (_catalog_app(engine, authorizer), "http://catalog"),
    ):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=base) as client:
            refused = await client.get("/metrics")
            wrong = await client.get("/metrics", headers={"authorization": "Bearer nope"})
            allowed = await client.get(
                "/metrics", headers={"authorization": f"Bearer {metrics_token}"}
            )
        assert (refused.status_code, wrong.status_code, allowed.status_code) == (401, 401, 200)
        assert "shenguan_outbox_pending" in allowed.text


def test_shenguan_worker_serves_its_metrics_port_and_stops_on_sigterm(database_url, tmp_path):
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "SHENGUAN_VAR_DIR": str(tmp_path)}
    worker = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "worker", "--no-daily", "--metrics-port", str(port)],
        cwd=ROOT_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        answer = None
        while time.monotonic() < deadline and answer is None:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=2)
            except httpx.HTTPError:
                assert worker.poll() is None, "the worker exited"
                time.sleep(0.3)
        assert answer is not None
        assert answer.status_code == 200
        assert "shenguan_outbox_oldest_pending_age_seconds" in answer.text
    finally:
        worker.send_signal(signal.SIGTERM)
        code = worker.wait(timeout=30)
    assert code == 0
