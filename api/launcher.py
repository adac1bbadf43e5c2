"""Starts and stops the whole stack: one uvicorn process per subgraph and the Hive Gateway.

Used by `shenguan serve` and by the through-the-gateway tests, so both run the same thing.
The subgraphs, their apps and the process that hosts the embedded outbox worker
(``SHENGUAN_EMBEDDED_WORKER=1`` in the children's environment) come from ``api.registry``.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from api import registry
from api.compose import GATEWAY_DIR, runtime_supergraph
from api.core import tracing


class StartupError(RuntimeError):
    pass


# Longer than the gateway keeps an idle connection: with uvicorn's 5 s the gateway reused
# sockets the subgraph was closing ("socket hang up", ECONNRESET) under a soak with think
# times of a few seconds.
KEEP_ALIVE_SECONDS = 75


def uvicorn_argv(app: list[str], host: str, port: int) -> list[str]:
    """One subgraph process (``app``: ``module:attr``, or ``--factory module:callable``)."""
    return [
        sys.executable,
        "-m",
        "uvicorn",
        *app,
        "--host",
        host,
        "--port",
        str(port),
        "--no-access-log",
        "--log-level",
        "warning",
        "--timeout-keep-alive",
        str(KEEP_ALIVE_SECONDS),
    ]


def gateway_argv(
    supergraph: Path, host: str, port: int, environ: Mapping[str, str] | None = None
) -> list[str]:
    """One gateway process over ``supergraph`` (run it in ``GATEWAY_DIR``): Node running
    gateway/serve.mjs, which serves gateway.config.ts through Hive Gateway's runtime without
    the CLI; with an OTLP endpoint in ``environ`` (api/core/tracing.py) it exports its traces
    there."""
    node = shutil.which("node")
    if node is None:
        raise StartupError("node (Node.js 20+) is required for the gateway")
    environ = os.environ if environ is None else environ
    traces = tracing.traces_endpoint(environ=environ)
    return [
        node,
        *gateway_node_flags(environ),
        str(GATEWAY_DIR / "serve.mjs"),
        str(supergraph),
        "--host",
        host,
        "--port",
        str(port),
        *(["--opentelemetry", traces] if traces else []),
    ]


# The gateway's V8 old-space cap. Its live heap after a full GC is about 65 MB now that the
# GraphiQL/Laboratory bundle is imported only when GraphiQL is opened (gateway/serve.mjs);
# uncapped, V8 let it grow to 440–750 MB resident under the benchmark before collecting.
# Not lower than 256: rendering the first GraphiQL page holds the bundle (~53 MB of strings)
# and its 43 MB page at once, and 160 MB ran out of heap there. V8 sizes the heap by the live
# size, not the cap: with the smaller live heap it collected the old space more often (16.0
# ms of gateway CPU per inbox request against 13.5 under the CLI); a heap growing factor of
# 2 brings it back at 210–245 MB resident (benchmarks/PROFILE.md, 2026-12-03).
GATEWAY_HEAP_MB = 256
GATEWAY_HEAP_GROWING_PERCENT = 100


def gateway_node_flags(environ: Mapping[str, str]) -> list[str]:
    """Node flags of the gateway: the old-space cap ``SHENGUAN_GATEWAY_HEAP_MB`` and the heap
    growing factor beside it (``0``: V8's own defaults for both)."""
    value = environ.get("SHENGUAN_GATEWAY_HEAP_MB") or str(GATEWAY_HEAP_MB)
    try:
        heap = int(value)
    except ValueError:
        raise StartupError(
            f"SHENGUAN_GATEWAY_HEAP_MB must be a number of MB, not {value!r}"
        ) from None
    if heap <= 0:
        return []
    return [
        f"--max-old-space-size={heap}",
        f"--heap-growing-percent={GATEWAY_HEAP_GROWING_PERCENT}",
    ]


def gateway_env(supergraph: Path, host: str, port: int) -> dict[str, str]:
    """What gateway/gateway.config.ts reads besides the shared settings."""
    return {
        "SHENGUAN_SUPERGRAPH": str(supergraph),
        "SHENGUAN_GATEWAY_PORT": str(port),
        "SHENGUAN_HOST": host,
        "OTEL_SERVICE_NAME": "shenguan-gateway",
    }


@dataclass
class Stack:
    host: str
    gateway_port: int
    subgraph_ports: dict[str, int]
    env: dict[str, str]
    work_dir: Path
    log_dir: Path | None = None
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    # How each process was started (argv, working directory, health URL): restart() reuses it.
    commands: dict[str, tuple[list[str], Path | None, str]] = field(default_factory=dict)

    @property
    def gateway_url(self) -> str:
        return f"http://{self.host}:{self.gateway_port}/graphql"

    def subgraph_url(self, name: str) -> str:
        return f"http://{self.host}:{self.subgraph_ports[name]}/graphql"

    def external_urls(self) -> dict[str, str]:
        """Where the gateway reaches each external subgraph (started by its department)."""
        return registry.external_urls(self.env)

    def _output(self, name: str, *, append: bool = False) -> int | None:
        if self.log_dir is None:
            return None
        self.log_dir.mkdir(parents=True, exist_ok=True)
        mode = os.O_APPEND if append else os.O_TRUNC
        return os.open(self.log_dir / f"{name}.log", os.O_WRONLY | os.O_CREAT | mode, 0o644)

    def _spawn(
        self,
        name: str,
        argv: list[str],
        health: str,
        cwd: Path | None = None,
        *,
        append: bool = False,
    ) -> None:
        self.commands[name] = (argv, cwd, health)
        out = self._output(name, append=append)
        # A new session per child: Ctrl-C reaches us once, and we stop children in order.
        self.processes[name] = subprocess.Popen(  # noqa: S603 - fixed argv
            argv,
            cwd=cwd,
            env=self.env,
            stdout=out,
            stderr=subprocess.STDOUT if out is not None else None,
            start_new_session=True,
        )
        if out is not None:
            os.close(out)

    def start(self, timeout: float = 60.0, *, only: tuple[str, ...] | None = None) -> None:
        """Start every process, or none: a failure part-way stops what already runs.

        ``only``: start just these subgraphs (and the gateway); the others already run at
        their ports, e.g. a second approval process and gateway beside a running stack.
        """
        missing = [name for name in registry.NAMES if name not in self.subgraph_ports]
        if missing:
            raise StartupError(f"no port configured for subgraph(s): {', '.join(missing)}")
        try:
            self._start(timeout, registry.NAMES if only is None else only)
        except BaseException:
            self.stop()
            raise

    @property
    def embedded_worker(self) -> bool:
        return self.env.get("SHENGUAN_EMBEDDED_WORKER", "0").lower() in {"1", "true", "yes"}

    def app_argv(self, subgraph: registry.Subgraph) -> list[str]:
        """The uvicorn app of one subgraph; the worker's host gets the worker beside it."""
        if self.embedded_worker and subgraph.name == registry.WORKER_HOST:
            return ["--factory", registry.WORKER_APP]
        return [subgraph.app]

    def _start(self, timeout: float, names: tuple[str, ...]) -> None:
        # The gateway signs every subgraph call with this key and each subgraph checks it
        # (api/core/trust.py): one key for the whole stack, a fresh one per start unless
        # configured (SHENGUAN_GATEWAY_KEY; with SHENGUAN_GATEWAY_PREVIOUS_KEYS for rotation).
        if not self.env.get("SHENGUAN_GATEWAY_KEY"):
            self.env["SHENGUAN_GATEWAY_KEY"] = secrets.token_urlsafe(32)
        for name in names:
            subgraph = registry.by_name(name)
            self._spawn(
                name,
                uvicorn_argv(self.app_argv(subgraph), self.host, self.subgraph_ports[name]),
                f"http://{self.host}:{self.subgraph_ports[name]}/health",
            )
        for name in names:
            self._wait_http(name, self.commands[name][2], timeout)
        # External subgraphs (a department's own system) are not ours to start: the gateway
        # reaches each at SHENGUAN_EXTERNAL_<NAME>_URL or its registered URL.
        supergraph = runtime_supergraph(
            self.subgraph_ports,
            self.host,
            self.work_dir / "supergraph.graphql",
            self.external_urls(),
        )
        self.env.update(gateway_env(supergraph, self.host, self.gateway_port))
        self._spawn(
            "gateway",
            gateway_argv(supergraph, self.host, self.gateway_port, self.env),
            f"http://{self.host}:{self.gateway_port}/healthcheck",
            cwd=GATEWAY_DIR,
        )
        self._wait_http("gateway", self.commands["gateway"][2], timeout)

    def kill(self, name: str, sig: signal.Signals = signal.SIGKILL) -> int:
        """Send ``sig`` to one process (default: SIGKILL, a crash) and wait for it to end."""
        proc = self.processes[name]
        if proc.poll() is None:
            proc.send_signal(sig)
        return proc.wait()

    def restart(self, name: str, timeout: float = 60.0) -> None:
        """Start one process again as it was started (after ``kill`` or a crash)."""
        proc = self.processes.get(name)
        if proc is not None and proc.poll() is None:
            raise StartupError(f"{name} is still running")
        argv, cwd, health = self.commands[name]
        self._spawn(name, argv, health, cwd, append=True)
        self._wait_http(name, health, timeout)

    def _wait_http(self, name: str, url: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            proc = self.processes[name]
            if proc.poll() is not None:
                self.stop()
                raise StartupError(f"{name} exited with code {proc.returncode} during start")
            try:
                if httpx.get(url, timeout=1.0).status_code == 200:  # noqa: PLR2004
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise StartupError(f"{name} did not answer {url} within {timeout:.0f}s")

    def stop(self, timeout: float = 10.0) -> None:
        # Gateway first, so no request reaches a subgraph that is going away.
        order = ["gateway", *[n for n in self.processes if n != "gateway"]]
        for name in order:
            proc = self.processes.get(name)
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for name in order:
            proc = self.processes.get(name)
            if proc is None:
                continue
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self.processes.clear()

    def wait(self) -> tuple[str, int]:
        """Block until any child exits; returns its name and exit code."""
        while True:
            for name, proc in self.processes.items():
                code = proc.poll()
                if code is not None:
                    return name, code
            time.sleep(0.5)

    def log_tail(self, name: str, lines: int = 40) -> str:
        """The last lines a child wrote (its log file), to say why it stopped."""
        if self.log_dir is None:
            return ""
        path = self.log_dir / f"{name}.log"
        if not path.exists():
            return ""
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
