"""Metrics and traces of the real stack: the gateway's Prometheus listener (internal port
only), every subgraph's `/metrics`, and one inbox query traced from the gateway through
each subgraph it calls down to SQL (spans received by a loopback OTLP receiver)."""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

from api.launcher import Stack
from api.registry import NAMES as SUBGRAPHS
from tests.databases import migrated_database
from tests.gateway.conftest import GatewayClient, _seed, free_port

pytestmark = pytest.mark.gateway


class Receiver:
    """OTLP over HTTP (protobuf) on loopback: keeps every span it is sent."""

    def __init__(self) -> None:
        self.spans: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.body()
                if "json" in self.headers.get("content-type", ""):
                    receiver.keep_json(json.loads(body))  # the gateway's exporter
                else:
                    receiver.keep(body)  # the subgraphs' (protobuf)
                self.send_response(200)
                self.send_header("content-type", "application/x-protobuf")
                self.end_headers()
                self.wfile.write(b"")

            def body(self) -> bytes:
                if "chunked" in self.headers.get("transfer-encoding", ""):
                    data = b""
                    while size := int(self.rfile.readline().strip() or b"0", 16):
                        data += self.rfile.read(size)
                        self.rfile.readline()
                    self.rfile.readline()
                else:
                    data = self.rfile.read(int(self.headers.get("content-length", "0")))
                if self.headers.get("content-encoding") == "gzip":
                    data = gzip.decompress(data)
                return data

            def log_message(self, *_args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def keep(self, body: bytes) -> None:
        request = ExportTraceServiceRequest()
        request.ParseFromString(body)
        for resource_spans in request.resource_spans:
            service = next(
                (
                    a.value.string_value
                    for a in resource_spans.resource.attributes
                    if a.key == "service.name"
                ),
                "",
            )
            for scope_spans in resource_spans.scope_spans:
                for span in scope_spans.spans:
                    attributes = {a.key: a.value for a in span.attributes}
                    with self.lock:
                        self.spans.append(
                            {
                                "service": service,
                                "name": span.name,
                                "trace": span.trace_id.hex(),
                                "id": span.span_id.hex(),
                                "parent": span.parent_span_id.hex(),
                                "attributes": attributes,
                            }
                        )

    def keep_json(self, request: dict[str, Any]) -> None:
        """OTLP/JSON: ids in hex, attribute values as ``{"stringValue": …}``."""
        for resource_spans in request.get("resourceSpans", []):
            attributes = resource_spans.get("resource", {}).get("attributes", [])
            service = next(
                (
                    a["value"].get("stringValue", "")
                    for a in attributes
                    if a["key"] == "service.name"
                ),
                "",
            )
            for scope_spans in resource_spans.get("scopeSpans", []):
                for span in scope_spans.get("spans", []):
                    with self.lock:
                        self.spans.append(
                            {
                                "service": service,
                                "name": span.get("name", ""),
                                "trace": span.get("traceId", ""),
                                "id": span.get("spanId", ""),
                                "parent": span.get("parentSpanId", ""),
                                "attributes": {
                                    a["key"]: a["value"] for a in span.get("attributes", [])
                                },
                            }
                        )

    def trace_of(self, trace_id: str) -> list[dict[str, Any]]:
        with self.lock:
            return [s for s in self.spans if s["trace"] == trace_id]


@pytest.fixture(scope="module")
def observed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Stack, Receiver, int]]:
    receiver = Receiver()
    work = tmp_path_factory.mktemp("observed")
    with migrated_database(work) as url:
        asyncio.run(_seed(url))
        metrics_port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "SHENGUAN_EMBEDDED_WORKER": "1",
            "SHENGUAN_OTLP_ENDPOINT": receiver.url,
            "SHENGUAN_GATEWAY_METRICS_PORT": str(metrics_port),
            # Export quickly (both SDKs read it): the test waits for the spans.
            "OTEL_BSP_SCHEDULE_DELAY": "200",
        }
        stack = Stack(
            host="127.0.0.1",
            gateway_port=free_port(),
            subgraph_ports={name: free_port() for name in SUBGRAPHS},
            env=env,
            work_dir=Path(work),
            log_dir=Path(work) / "logs",
        )
        stack.start()
        try:
            yield stack, receiver, metrics_port
        finally:
            stack.stop()
            receiver.server.shutdown()


INBOX = """query InboxTrace {
  me { username }
  pushInbox(first: 5) { totalCount edges { node { id fromDepartment { name } } } }
}"""


def test_one_inbox_query_is_one_trace_from_the_gateway_through_each_subgraph_to_sql(observed):
    stack, receiver, _ = observed
    gateway = GatewayClient(stack.gateway_url)
    token = gateway.sign_in("wjw_liaison")
    traceparent_id = "5a1b2c3d4e5f60718293a4b5c6d7e8f9"
    response = gateway.http.post(
        stack.gateway_url,
        json={"query": INBOX},
        headers={
            "authorization": f"Bearer {token}",
            # The caller's trace (a browser agent or a connected system) is continued.
            "traceparent": f"00-{traceparent_id}-1111111111111111-01",
            "x-request-id": "req-observed-0001",
        },
    )
    assert response.status_code == 200, response.text
    assert "errors" not in response.json(), response.json()

    deadline = time.monotonic() + 30
    services: set[str] = set()
    spans: list[dict[str, Any]] = []
    wanted = {"shenguan-gateway", "shenguan-access", "shenguan-approval"}
    while time.monotonic() < deadline:
        spans = receiver.trace_of(traceparent_id)
        services = {s["service"] for s in spans}
        sql = {s["service"] for s in spans if "db.system" in s["attributes"]} | {
            s["service"] for s in spans if "db.system.name" in s["attributes"]
        }
        if wanted <= services and {"shenguan-access", "shenguan-approval"} <= sql:
            break
        time.sleep(0.3)
    assert wanted <= services, (
        services,
        sorted({(s["service"], s["trace"][:8]) for s in receiver.spans}),
    )
    assert {"shenguan-access", "shenguan-approval"} <= sql
    ids = {s["id"] for s in spans}
    # Every subgraph span hangs under a gateway span of the same trace.
    for span in spans:
        if span["service"] != "shenguan-gateway":
            assert span["parent"] in ids, span
    servers = [
        s
        for s in spans
        if s["service"] == "shenguan-approval" and "shenguan.request_id" in s["attributes"]
    ]
    assert servers
    assert servers[0]["attributes"]["shenguan.request_id"].string_value == "req-observed-0001"


def test_the_gateway_serves_metrics_only_on_its_internal_listener(observed):
    stack, _, metrics_port = observed
    gateway = GatewayClient(stack.gateway_url)
    gateway.post("query Probe { __typename }")
    internal = httpx.get(f"http://127.0.0.1:{metrics_port}/metrics", timeout=10)
    public = httpx.get(f"http://127.0.0.1:{stack.gateway_port}/metrics", timeout=10)

    assert internal.status_code == 200
    assert "graphql_envelop_request_duration" in internal.text
    assert "graphql_envelop" not in public.text


def test_every_subgraph_answers_metrics_and_the_worker_host_shows_the_outbox(observed):
    stack, _, _ = observed
    for name in SUBGRAPHS:
        answer = httpx.get(stack.subgraph_url(name).removesuffix("/graphql") + "/metrics")
        assert answer.status_code == 200, name
        assert "shenguan_listener_connected" in answer.text
    approval = httpx.get(stack.subgraph_url("approval").removesuffix("/graphql") + "/metrics")
    assert "shenguan_outbox_oldest_pending_age_seconds " in approval.text
