"""Where a page's time goes: CPU milliseconds per request in each process of the stack.

    .venv/bin/python -m benchmarks.profile --database shenguan_bench --page inbox --requests 400
    .venv/bin/python -m benchmarks.profile --page credit --py-spy credit   # a flame graph too

Starts the stack (as ``benchmarks.run`` does) on an already seeded database, sends
``--requests`` of one page at ``--clients`` through the gateway, and prints the CPU time each
process (gateway, every subgraph, PostgreSQL's backends together) spent per request, beside
the wall-clock throughput and p50. ``--py-spy NAME`` records that subgraph with py-spy (the
``dev`` extra) into ``--out``; ``--cpu-prof`` starts the gateway with Node's ``--cpu-prof``
and leaves the ``.cpuprofile`` there too. Loopback only; the load is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import psutil

from benchmarks import queries
from benchmarks.harness import load
from benchmarks.run import SECRET, Setup, check, graphql_call, prepare, start_stack

PAGES = {
    "inbox": (queries.INBOX, lambda _: {"first": 50}, "bench_liaison"),
    "linkages": (queries.LINKAGES, lambda _: {"first": 100}, "bench_coord"),
    "credit": (queries.CREDIT, lambda s: {"code": s.credit_code}, "bench_credit"),
}


def cpu_seconds(proc: psutil.Process) -> float:
    """User + system time of a process and its children (the gateway runs under a shim)."""
    total = 0.0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            pass
    return total


def rss_mb(proc: psutil.Process) -> float:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += p.memory_info().rss
    return total / 2**20


def postgres_seconds() -> float:
    total = 0.0
    for p in psutil.process_iter(["name"]):
        if (p.info["name"] or "").startswith("postgres"):
            try:
                t = p.cpu_times()
                total += t.user + t.system
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
    return total


async def drive(
    url: str, query: str, variables: dict[str, Any], token: str, args: argparse.Namespace
) -> tuple[float, float, int]:
    clients, requests = args.clients, args.requests
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(limits=limits, timeout=60) as client:
        await check(client, url, query, variables, token)
        call = graphql_call(client, url, query, variables, token)
        await load(call, concurrency=clients, requests=min(requests, 40))  # warm-up
        run = await load(call, concurrency=clients, requests=requests, limit_s=600)
    return run.rps, run.percentile(50), run.errors


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", default="shenguan_bench")
    parser.add_argument("--page", choices=sorted(PAGES), default="inbox")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--py-spy", dest="py_spy", default=None, help="a subgraph to record")
    parser.add_argument("--spy-format", default="raw", choices=["raw", "flamegraph", "speedscope"])
    parser.add_argument("--cpu-prof", action="store_true", help="Node --cpu-prof the gateway")
    parser.add_argument("--plain-asyncio", action="store_true", help="no uvloop / httptools")
    parser.add_argument("--node-options", default=None, help="NODE_OPTIONS for the gateway")
    parser.add_argument("--heap-snapshot", action="store_true", help="gateway heap after load")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()))
    return parser.parse_args(argv)


def environment(args: argparse.Namespace, work: Path) -> dict[str, str]:
    """The stack's environment; the profiling switches patch how processes are started."""
    from api import launcher  # noqa: PLC0415

    env = {
        **os.environ,
        "SHENGUAN_SECRET_KEY": SECRET,
        "SHENGUAN_VAR_DIR": str(work),
        "SHENGUAN_RATE_LIMIT_BURST": "100000000",
        "SHENGUAN_RATE_LIMIT_PER_MINUTE": "100000000",
    }
    if args.plain_asyncio:  # the A/B of uvloop + httptools against asyncio + h11
        with_c = launcher.uvicorn_argv

        def plain(*a: Any, **kw: Any) -> list[str]:
            return [*with_c(*a, **kw), "--loop", "asyncio", "--http", "h11"]

        launcher.uvicorn_argv = plain  # type: ignore[assignment]
    if args.node_options is not None:
        env["NODE_OPTIONS"] = args.node_options
    if args.heap_snapshot:
        env["NODE_OPTIONS"] = (
            env.get("NODE_OPTIONS", "")
            + f" --heapsnapshot-signal=SIGUSR2 --diagnostic-dir={args.out}"
        ).strip()
    if args.cpu_prof:  # not allowed in NODE_OPTIONS: on the gateway's own command line
        unprofiled = launcher.gateway_argv

        def profiled(*a: Any, **kw: Any) -> list[str]:
            node, *rest = unprofiled(*a, **kw)
            return [node, "--cpu-prof", f"--cpu-prof-dir={args.out}", *rest]

        launcher.gateway_argv = profiled  # type: ignore[assignment]
    return env


def start_py_spy(args: argparse.Namespace, pid: int) -> subprocess.Popen[bytes]:
    target = args.out / f"py-spy-{args.page}-{args.py_spy}.{args.spy_format}"
    argv = [str(Path(sys.executable).parent / "py-spy"), "record", "--nonblocking"]
    argv += ["--pid", str(pid), "--rate", "200", "--format", args.spy_format]
    spy = subprocess.Popen(  # noqa: S603 - fixed argv
        [*argv, "--output", str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1)
    print(f"py-spy: {target}")
    return spy


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="shenguan-profile-"))
    env = environment(args, work)
    os.environ.update({k: env[k] for k in ("SHENGUAN_SECRET_KEY", "SHENGUAN_VAR_DIR")})
    setup = Setup(args.database)
    asyncio.run(prepare(setup))
    stack = start_stack(setup, env, work)
    query, variables, user = PAGES[args.page]
    spy = None
    try:
        procs = {name: psutil.Process(p.pid) for name, p in stack.processes.items()}
        if args.py_spy:
            spy = start_py_spy(args, stack.processes[args.py_spy].pid)
        rss_start = {name: rss_mb(p) for name, p in procs.items()}
        before = {name: cpu_seconds(p) for name, p in procs.items()}
        pg_before = postgres_seconds()
        started = time.monotonic()
        rps, p50, errors = asyncio.run(
            drive(stack.gateway_url, query, variables(setup), setup.tokens[user], args)
        )
        wall = time.monotonic() - started
        after = {name: cpu_seconds(p) for name, p in procs.items()}
        rss_end = {name: rss_mb(p) for name, p in procs.items()}
        pg = postgres_seconds() - pg_before
        if args.heap_snapshot:  # Node writes it into --diagnostic-dir (--out)
            os.kill(stack.processes["gateway"].pid, signal.SIGUSR2)
            time.sleep(120)
    finally:
        if spy is not None:
            spy.send_signal(signal.SIGINT)
            spy.wait(timeout=60)
        stack.stop()
        shutil.rmtree(work, ignore_errors=True)
    total = args.requests + min(args.requests, 40)
    print(
        f"{args.page}: {args.requests} requests at {args.clients} clients: {rps:.1f} req/s, "
        f"p50 {p50:.1f} ms, {errors} errors, wall {wall:.1f} s, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print("CPU ms per request (warm-up included in the count); RSS MB before → after the load:")
    rows = [(name, (after[name] - before[name]) * 1000 / total) for name in procs]
    rows.append(("postgres (all backends)", pg * 1000 / total))
    for name, ms in sorted(rows, key=lambda r: -r[1]):
        rss = f"{rss_start[name]:7.0f} → {rss_end[name]:4.0f}" if name in rss_end else ""
        print(f"  {name:<24} {ms:8.2f}   {rss}")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
