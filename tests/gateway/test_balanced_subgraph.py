"""Several processes of one subgraph behind one gateway: `SHENGUAN_APPROVAL_URL` lists two,
the gateway sends the calls to both in turn (gateway/balance.ts), and when one is killed
the calls go to the other without an error."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from api import registry
from api.core.config import ROOT_DIR
from tests.databases import migrated_database
from tests.gateway.conftest import GatewayClient, _seed, free_port
from tests.gateway.test_layout_commands import _wait_http

pytestmark = pytest.mark.gateway

QUERY = "query Balanced { matters(kind: APPROVAL) { code applications { id } } }"


def approval_operations(port: int) -> float:
    """How many operations this approval process executed (its own /metrics)."""
    text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
    return sum(
        sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "shenguan_graphql_operations_total"
        and sample.labels.get("subgraph") == "approval"
    )


@pytest.fixture
def two_approvals(
    tmp_path: Path,
) -> Iterator[tuple[str, dict[str, subprocess.Popen[bytes]], list[int]]]:
    with migrated_database(tmp_path) as url:
        asyncio.run(_seed(url))
        ports = {name: free_port() for name in registry.NAMES}
        second = free_port()
        gateway_port = free_port()
        urls = {n: f"http://127.0.0.1:{p}/graphql" for n, p in ports.items()}
        urls["approval"] += f",http://127.0.0.1:{second}/graphql"
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "SHENGUAN_VAR_DIR": str(tmp_path / "var"),
            **{registry.by_name(n).url_setting: u for n, u in urls.items()},
        }
        processes: dict[str, subprocess.Popen[bytes]] = {}
        log = (tmp_path / "layout.log").open("wb")

        def start(name: str, *argv: str) -> subprocess.Popen[bytes]:
            proc = subprocess.Popen(
                [sys.executable, "-m", "api.cli", *argv],
                cwd=ROOT_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            processes[name] = proc
            return proc

        try:
            for name, port in [*ports.items(), ("approval-2", second)]:
                subgraph = name.removesuffix("-2")
                proc = start(name, "subgraph", subgraph, "--port", str(port))
                _wait_http(proc, f"http://127.0.0.1:{port}/health")
            gateway = start("gateway", "gateway", "--port", str(gateway_port))
            _wait_http(gateway, f"http://127.0.0.1:{gateway_port}/healthcheck")
            yield (
                f"http://127.0.0.1:{gateway_port}/graphql",
                processes,
                [ports["approval"], second],
            )
        finally:
            for proc in processes.values():
                if proc.poll() is None:
                    proc.send_signal(signal.SIGTERM)
            for proc in processes.values():
                proc.wait(timeout=30)
            log.close()


def test_the_gateway_balances_two_processes_of_a_subgraph_and_skips_a_dead_one(two_approvals):
    gateway_url, processes, approval_ports = two_approvals
    gateway = GatewayClient(gateway_url)
    token = gateway.sign_in("coord")
    before = [approval_operations(p) for p in approval_ports]

    for _ in range(6):
        body = gateway.post(QUERY, token=token).json()
        assert "errors" not in body, body

    after = [approval_operations(p) for p in approval_ports]
    served = [a - b for a, b in zip(after, before, strict=True)]
    assert all(n >= 2 for n in served), served  # both took their turn

    processes["approval"].send_signal(signal.SIGKILL)
    processes["approval"].wait(timeout=10)
    for _ in range(4):
        body = gateway.post(QUERY, token=token).json()
        assert "errors" not in body, body
