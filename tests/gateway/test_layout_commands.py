"""The multi-host layout's commands: `shenguan subgraph NAME --port P` for each subgraph and
`shenguan gateway --port P` over the URLs of the settings serve the product together."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api import cli, registry
from api.compose import GATEWAY_DIR
from api.core.config import ROOT_DIR
from api.launcher import GATEWAY_HEAP_MB, StartupError, gateway_argv
from tests.databases import migrated_database
from tests.gateway.conftest import GatewayClient, _seed, free_port


def _wait_http(proc: subprocess.Popen[bytes], url: str, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"{proc.args} exited with {proc.returncode}"
        try:
            if httpx.get(url, timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {timeout:.0f}s")


@pytest.fixture
def layout(tmp_path: Path) -> Iterator[tuple[str, dict[str, int]]]:
    with migrated_database(tmp_path) as url:
        asyncio.run(_seed(url))
        ports = {name: free_port() for name in registry.NAMES}
        gateway_port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "SHENGUAN_VAR_DIR": str(tmp_path / "var"),
            # As on separate hosts: the gateway knows the subgraphs only by these URLs.
            **{
                registry.by_name(n).url_setting: f"http://127.0.0.1:{p}/graphql"
                for n, p in ports.items()
            },
        }
        processes: list[subprocess.Popen[bytes]] = []
        log = (tmp_path / "layout.log").open("wb")

        def start(*argv: str) -> subprocess.Popen[bytes]:
            proc = subprocess.Popen(
                [sys.executable, "-m", "api.cli", *argv],
                cwd=ROOT_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            processes.append(proc)
            return proc

        try:
            for name, port in ports.items():
                proc = start("subgraph", name, "--port", str(port))
                _wait_http(proc, f"http://127.0.0.1:{port}/health")
            gateway = start("gateway", "--port", str(gateway_port))
            _wait_http(gateway, f"http://127.0.0.1:{gateway_port}/healthcheck")
            yield f"http://127.0.0.1:{gateway_port}/graphql", ports
        finally:
            for proc in reversed(processes):
                if proc.poll() is None:
                    proc.send_signal(signal.SIGTERM)
            codes = [proc.wait(timeout=30) for proc in processes]
            log.close()
        # Each command became its server: SIGTERM reached uvicorn and node themselves, which
        # stopped (uvicorn re-raises the signal after its graceful shutdown).
        assert set(codes) <= {0, -signal.SIGTERM}, codes


def test_subgraphs_and_a_gateway_started_one_by_one_serve_the_graph(layout):
    gateway_url, ports = layout
    gateway = GatewayClient(gateway_url)
    token = gateway.sign_in("coord")

    body = gateway.post(
        "{ matters(kind: APPROVAL) { code department { shortName } applications { id } } }",
        token=token,
    ).json()

    assert "errors" not in body, body
    matter = next(m for m in body["data"]["matters"] if m["code"] == "430900-XK-0001")
    assert matter["department"] == {"shortName": "市审批局"}
    for name, port in ports.items():
        ready = httpx.get(f"http://127.0.0.1:{port}/readiness", timeout=5).json()
        assert (ready["subgraph"], ready["status"]) == (name, "ready")


def test_an_unknown_subgraph_is_refused_with_the_known_names(capsys):
    assert cli.main(["subgraph", "billing"]) == 2
    assert capsys.readouterr().err.strip() == (
        "no subgraph named 'billing' (known: catalog, approval, supervision, credit, access, "
        "coordination)"
    )


def test_the_gateway_node_heap_is_capped_unless_set_otherwise(tmp_path):
    supergraph = tmp_path / "supergraph.graphql"
    default = gateway_argv(supergraph, "127.0.0.1", 4000, {})
    assert f"--max-old-space-size={GATEWAY_HEAP_MB}" in default
    # Node flags come before the script, or Node would hand them to the gateway's entry.
    script = default.index(str(GATEWAY_DIR / "serve.mjs"))
    assert default.index(f"--max-old-space-size={GATEWAY_HEAP_MB}") < script
    assert default.index("--heap-growing-percent=100") < script
    assert default[script + 1 :] == [str(supergraph), "--host", "127.0.0.1", "--port", "4000"]
    raised = gateway_argv(supergraph, "127.0.0.1", 4000, {"SHENGUAN_GATEWAY_HEAP_MB": "1024"})
    assert "--max-old-space-size=1024" in raised
    uncapped = gateway_argv(supergraph, "127.0.0.1", 4000, {"SHENGUAN_GATEWAY_HEAP_MB": "0"})
    assert not any(arg.startswith(("--max-old-space-size", "--heap-")) for arg in uncapped)
    with pytest.raises(StartupError, match="SHENGUAN_GATEWAY_HEAP_MB"):
        gateway_argv(supergraph, "127.0.0.1", 4000, {"SHENGUAN_GATEWAY_HEAP_MB": "lots"})
