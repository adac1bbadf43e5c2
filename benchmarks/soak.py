"""Load and soak: simulated department users work through the real stack for a while.

    .venv/bin/python -m benchmarks.soak                      # 50 users, 10 minutes, city data
    .venv/bin/python -m benchmarks.soak --users 8 --minutes 2 --scale small --sqlite

Every simulated user signs in as a real account of a department (made for the run, one per
user) and works with think times: approval clerks submit, credit-check, accept and complete
applications; supervision liaisons read their inbox, claim offline pushes and record
findings; credit officers look subjects up (with a purpose, logged); the coordination office
reads the city's statistics. The stack is the real one (``api.launcher.Stack``: six subgraphs,
the gateway, and one ``shenguan worker`` delivering the outbox), on free loopback ports, over a
fresh database seeded with ``shenguan seed`` (or ``--database-url``, already seeded). The run
stops by itself. The report: requests, errors (each listed), latency per operation, throughput,
the resident memory of every process over time (growth from the first to the last minute) and
the machine's load average. Exit status 1 when a request failed or a process's memory grew
more than ``--max-growth-mb``.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
SECRET = "soak-secret-key-with-enough-length-0123456789abcdef"  # noqa: S105 - throw-away
SOAK_PASSWORD = "Soak@2026!"  # noqa: S105 - accounts made for the run on its own database
# The first users cover every role; then about 4 clerks : 3 liaisons : 2 credit : 1 coordination.
ROLE_CYCLE = (
    "approval_clerk",
    "supervision_liaison",
    "credit_officer",
    "coordination_office",
    "approval_clerk",
    "supervision_liaison",
    "approval_clerk",
    "credit_officer",
    "supervision_liaison",
    "approval_clerk",
)
# Conflicts between simulated colleagues (two liaisons of one department claiming the same
# push): the answer a real user would get, counted apart, not an error.
CONFLICT_CODES = frozenset({"ILLEGAL_TRANSITION"})


# ---------------------------------------------------------------- configuration and report


@dataclass
class SoakConfig:
    users: int = 50
    seconds: float = 600.0
    scale: str = "city"
    sqlite: bool = False
    database_url: str | None = None  # an already seeded database; else a fresh one
    pg_admin_url: str = PG_ADMIN
    keep_database: bool = False
    think_min: float = 1.0
    think_max: float = 4.0
    sample_seconds: float = 5.0
    max_growth_mb: float = 64.0
    seed: int = 2026
    work_dir: Path | None = None
    quiet: bool = False


@dataclass
class OperationStats:
    count: int = 0
    errors: int = 0
    conflicts: int = 0
    latencies_ms: list[float] = field(default_factory=list)

    def percentile(self, p: float) -> float:
        """Nearest rank."""
        if not self.latencies_ms:
            return 0.0
        ordered = sorted(self.latencies_ms)
        rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
        return ordered[rank - 1]

    def summary(self) -> dict[str, float | int]:
        return {
            "count": self.count,
            "errors": self.errors,
            "conflicts": self.conflicts,
            "p50_ms": round(self.percentile(50), 1),
            "p90_ms": round(self.percentile(90), 1),
            "p99_ms": round(self.percentile(99), 1),
            "max_ms": round(max(self.latencies_ms, default=0.0), 1),
        }


@dataclass
class MemorySeries:
    """Resident memory of one process (with its children) over the run."""

    pid: int
    samples: list[tuple[float, float]] = field(default_factory=list)  # (seconds, MiB)

    def window_mean(self, start: float, end: float) -> float:
        values = [mb for t, mb in self.samples if start <= t <= end]
        return statistics.fmean(values) if values else 0.0

    def summary(self, duration: float) -> dict[str, float | int]:
        window = min(60.0, max(duration / 4, 1.0))
        first = self.window_mean(0.0, window)
        last = self.window_mean(duration - window, duration + 60)
        values = [mb for _, mb in self.samples]
        return {
            "pid": self.pid,
            "samples": len(values),
            "first_mb": round(first, 1),
            "last_mb": round(last, 1),
            "growth_mb": round(last - first, 1),
            "peak_mb": round(max(values, default=0.0), 1),
            "window_s": round(window),
        }


@dataclass
class Report:
    users: int
    roles: dict[str, int]
    database: str
    seconds: float
    requests: int
    errors: int
    conflicts: int
    throughput_rps: float
    operations: dict[str, dict[str, float | int]]
    memory: dict[str, dict[str, float | int]]
    load_average: dict[str, float]
    error_list: list[str]
    max_growth_mb: float
    memory_flagged: list[str]
    setup_seconds: dict[str, float] = field(default_factory=dict)  # seed, accounts, stack

    @property
    def ok(self) -> bool:
        return self.errors == 0 and not self.memory_flagged

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ok": self.ok}

    def text(self) -> str:
        lines = [
            (
                f"soak: {self.users} users ({', '.join(f'{r} {n}' for r, n in self.roles.items())})"
                f" for {self.seconds:.0f} s on {self.database}"
            ),
            (
                f"requests {self.requests}, errors {self.errors}, conflicts {self.conflicts},"
                f" throughput {self.throughput_rps:.1f} requests/s"
            ),
            "set-up: " + ", ".join(f"{k} {v:.0f} s" for k, v in self.setup_seconds.items()),
            "load average (1 min) during the run: "
            + ", ".join(f"{k} {v:.2f}" for k, v in self.load_average.items()),
            "",
            "| operation | requests | errors | p50 ms | p90 ms | p99 ms | max ms |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for name, s in sorted(self.operations.items()):
            lines.append(
                f"| {name} | {s['count']} | {s['errors']} | {s['p50_ms']} | {s['p90_ms']} |"
                f" {s['p99_ms']} | {s['max_ms']} |"
            )
        lines += [
            "",
            "| process | RSS first min MiB | RSS last min MiB | growth MiB | peak MiB | samples |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for name, m in self.memory.items():
            lines.append(
                f"| {name} | {m['first_mb']} | {m['last_mb']} | {m['growth_mb']} |"
                f" {m['peak_mb']} | {m['samples']} |"
            )
        if self.memory_flagged:
            lines.append(
                f"\nMEMORY GROWTH above {self.max_growth_mb} MiB: {', '.join(self.memory_flagged)}"
            )
        if self.error_list:
            lines.append(f"\nERRORS ({self.errors}):")
            lines.extend(f"  {e}" for e in self.error_list[:50])
        lines.append(f"\nresult: {'OK' if self.ok else 'FAILED'}")
        return "\n".join(lines)


# ---------------------------------------------------------------- memory of the processes


def rss_mib(pid: int) -> float | None:
    """Resident memory of a process and its children: psutil if installed, else /proc."""
    try:
        import psutil  # type: ignore[import-untyped]  # noqa: PLC0415 - the bench extra
    except ImportError:
        return _proc_rss_mib(pid)
    try:
        proc = psutil.Process(pid)
        rss = int(proc.memory_info().rss)
        rss += sum(int(c.memory_info().rss) for c in proc.children(recursive=True))
    except psutil.Error:
        return None
    return rss / 2**20


def _proc_rss_mib(pid: int) -> float | None:
    def own(p: int) -> int:
        for line in Path(f"/proc/{p}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        return 0

    try:
        total = own(pid)
        children = Path(f"/proc/{pid}/task/{pid}/children")
        for child in children.read_text().split() if children.exists() else []:
            total += own(int(child))
    except (OSError, ValueError):
        return None
    return total / 2**20


# ---------------------------------------------------------------- the database and accounts


def prepare_database(config: SoakConfig, work: Path) -> tuple[str, str | None]:
    """The database URL, and the name of a database made for the run (to drop), if any."""
    if config.database_url:
        return config.database_url, None
    env = {**os.environ, "SHENGUAN_VAR_DIR": str(work / "var")}
    if config.sqlite:
        url = f"sqlite+aiosqlite:///{work / 'soak.db'}"
        made = None
    else:
        made = f"shenguan_soak_{uuid.uuid4().hex[:8]}"
        asyncio.run(_pg_admin(config.pg_admin_url, f'CREATE DATABASE "{made}"'))
        base = config.pg_admin_url.rsplit("/", 1)[0].replace(
            "postgresql://", "postgresql+asyncpg://"
        )
        url = f"{base}/{made}"
    say(config, f"seeding --scale {config.scale} into {redact(url)} …")
    started = time.monotonic()
    subprocess.run(  # noqa: S603 - fixed argv
        [
            sys.executable,
            "-m",
            "api.cli",
            "seed",
            "--scale",
            config.scale,
            "--seed",
            str(config.seed),
        ],
        env={**env, "DATABASE_URL": url},
        cwd=ROOT,
        check=True,
        timeout=3600,
        stdout=subprocess.DEVNULL if config.quiet else None,
    )
    say(config, f"seeded in {time.monotonic() - started:.0f} s")
    return url, made


async def _pg_admin(admin_url: str, sql: str) -> None:
    import asyncpg  # noqa: PLC0415

    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def redact(url: str) -> str:
    return url.rsplit("@", maxsplit=1)[-1] if "@" in url else url


@dataclass
class Account:
    username: str
    role: str
    department_id: int
    matters: list[int] = field(default_factory=list)  # a clerk's linked approval matters


@dataclass
class World:
    accounts: list[Account]
    subjects: list[tuple[str, str]]  # legal persons: (credit code, name)


async def prepare_accounts(url: str, users: int, seed: int) -> World:
    """One real account per simulated user, in a department where its role has work."""
    import sqlalchemy as sa  # noqa: PLC0415 - settings are fixed before api is imported

    from api.core.auth import create_user  # noqa: PLC0415
    from api.core.authz import assign_role  # noqa: PLC0415
    from api.core.db import make_engine, session_scope  # noqa: PLC0415
    from api.core.models import User  # noqa: PLC0415

    rng = random.Random(seed)
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            entries = (
                await conn.execute(
                    sa.text(
                        "SELECT DISTINCT approving_department_id, approval_matter_id,"
                        " supervising_department_id FROM approval_linkage_entry"
                    )
                )
            ).all()
            homes: dict[str, str] = dict(
                (
                    await conn.execute(
                        sa.text(
                            "SELECT v0, v2 FROM casbin_rule WHERE ptype = 'g'"
                            " AND v0 IN ('bench_coord', 'bench_credit')"
                        )
                    )
                ).all()
            )
            subjects = [
                (str(code), str(name))
                for code, name in (
                    await conn.execute(
                        sa.text(
                            "SELECT credit_code, name FROM credit_subject"
                            " WHERE kind = 'LEGAL_PERSON' ORDER BY credit_code LIMIT 5000"
                        )
                    )
                ).all()
            ]
        if not entries or not homes or not subjects:
            msg = "the database has no seeded data set: run `shenguan seed --scale …` first"
            raise RuntimeError(msg)
        matters_of: dict[int, set[int]] = defaultdict(set)
        supervisors_of: dict[int, set[int]] = defaultdict(set)
        for approving, matter, supervising in entries:
            matters_of[int(approving)].add(int(matter))
            supervisors_of[int(approving)].add(int(supervising))
        approving = sorted(matters_of, key=lambda d: (-len(matters_of[d]), d))
        roles = [ROLE_CYCLE[i % len(ROLE_CYCLE)] for i in range(users)]
        clerk_departments = approving[: max(1, roles.count("approval_clerk"))]
        # Liaisons where the clerks' pushes arrive, so they have new work all the time.
        supervising = sorted({s for d in clerk_departments for s in supervisors_of[d]})
        accounts: list[Account] = []
        counters: dict[str, int] = defaultdict(int)
        for role in roles:
            n = counters[role]
            counters[role] += 1
            if role == "approval_clerk":
                dept = clerk_departments[n % len(clerk_departments)]
                account = Account(f"soak_clerk_{n:03d}", role, dept, sorted(matters_of[dept]))
            elif role == "supervision_liaison":
                dept = supervising[n % len(supervising)]
                account = Account(f"soak_liaison_{n:03d}", role, dept)
            elif role == "credit_officer":
                account = Account(f"soak_credit_{n:03d}", role, int(homes["bench_credit"]))
            else:
                account = Account(f"soak_coord_{n:03d}", role, int(homes["bench_coord"]))
            accounts.append(account)
        async with session_scope(engine) as session:
            existing = set(
                (
                    await session.exec(
                        sa.select(User.username).where(  # type: ignore[call-overload]
                            User.username.in_([a.username for a in accounts])  # type: ignore[attr-defined]
                        )
                    )
                ).scalars()
            )
            for account in accounts:
                if account.username in existing:
                    continue
                await create_user(
                    session=session,
                    username=account.username,
                    display_name=account.username,
                    password=SOAK_PASSWORD,
                )
                await assign_role(
                    session=session,
                    username=account.username,
                    role=account.role,
                    department_id=str(account.department_id),
                )
    finally:
        await engine.dispose()
    rng.shuffle(subjects)
    return World(accounts, subjects)


# ---------------------------------------------------------------- the simulated users

SIGN_IN = """mutation SignIn($u: String!, $p: String!) { signIn(username: $u, password: $p) {
  __typename ... on SignInPayload { token } ... on ValidationErrors { errors { field code } } } }"""
APPLICATIONS = """query Applications($status: ApplicationStatus) {
  applications(status: $status, first: 20) { id status applicantName matter { name } } }"""
SUBMIT = """mutation Submit($input: SubmitApplicationInput!) { submitApplication(input: $input) {
  __typename ... on Application { id } ... on ValidationErrors { errors { field code } } } }"""
CREDIT_CHECK = """query CreditCheck($code: String!, $id: ID!) {
  creditCheck(subjectCode: $code, applicationId: $id, purpose: "受理时信用核查") {
  __typename ... on CreditCheck { level jointPunished allowedModes ticket
    explanation { summary } }
  ... on ValidationErrors { errors { field code } } } }"""
ACCEPT = """mutation Accept($input: AcceptApplicationInput!) { acceptApplication(input: $input) {
  __typename ... on Application { id status pushes { id department { shortName } } }
  ... on ValidationErrors { errors { field code } } } }"""
COMPLETE = """mutation Complete($input: CompleteApplicationInput!) {
  completeApplication(input: $input) {
  __typename ... on Application { id status }
  ... on ValidationErrors { errors { field code } } } }"""
INBOX = """query Inbox($state: PushState) { pushInbox(state: $state, first: 20) { totalCount
  edges { node { id channel state feedbackState matterName applicantName overdue
    application { id } } } } }"""
CLAIM = """mutation Claim($input: ClaimPushInput!) { claimPush(input: $input) {
  __typename ... on Push { id state } ... on ValidationErrors { errors { field code } } } }"""
FINDING = """mutation Finding($input: RecordFindingInput!) { recordFinding(input: $input) {
  __typename ... on Finding { id } ... on ValidationErrors { errors { field code } } } }"""
SUBJECT = """query Subject($code: String!) {
  subject(creditCode: $code, purpose: "信用审查（日常监管）") {
  __typename ... on CreditProfile { subject { name } assessment { level score summary }
    records { category title } }
  ... on ValidationErrors { errors { field code } } } }"""
STATISTICS = """query Statistics($since: Date!, $until: Date!, $dept: ID) {
  linkageStatistics(since: $since, until: $until, departmentId: $dept) {
  __typename ... on LinkageStatistics { pushesSent pushesReceived claimRate
    claimSecondsMedian onTimeFeedbackRate overdue acceptances creditCheckRate
    findingsByKind { kind count } }
  ... on ValidationErrors { errors { field code } } } }"""


class Failed(Exception):  # noqa: N818 - a step of a simulated user failed (already counted)
    pass


class Load:
    """Counts every request; each simulated user runs its role's loop until ``stop``."""

    def __init__(self, url: str, world: World, config: SoakConfig) -> None:
        self.url = url
        self.world = world
        self.config = config
        self.stats: dict[str, OperationStats] = defaultdict(OperationStats)
        self.errors: list[str] = []
        self.stop = asyncio.Event()
        self.started = time.monotonic()

    async def think(self, rng: random.Random, factor: float = 1.0) -> None:
        delay = rng.uniform(self.config.think_min, self.config.think_max) * factor
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.stop.wait(), timeout=delay)

    async def request(
        self,
        client: httpx.AsyncClient,
        name: str,
        query: str,
        variables: dict[str, Any],
        token: str | None,
        result: str | None = None,
        expect: str | None = None,
    ) -> dict[str, Any]:
        """One GraphQL request; ``result``'s ``__typename`` must be ``expect``."""
        stats = self.stats[name]
        headers = {"authorization": f"Bearer {token}"} if token else {}
        started = time.perf_counter()
        problem = ""
        conflict = False
        payload: dict[str, Any] = {}
        try:
            response = await client.post(
                self.url, json={"query": query, "variables": variables}, headers=headers
            )
            try:
                payload = response.json()
            except ValueError:
                payload = {}
            if response.status_code != 200 or payload.get("errors") or not payload.get("data"):  # noqa: PLR2004
                problem = f"HTTP {response.status_code} {response.text[:300]}"
            elif result is not None and expect is not None:
                answer = payload["data"].get(result) or {}
                if answer.get("__typename") != expect:
                    codes = {e.get("code") for e in answer.get("errors", [])}
                    conflict = bool(codes) and codes <= CONFLICT_CODES
                    problem = (
                        f"{answer.get('__typename')} {json.dumps(answer, ensure_ascii=False)[:300]}"
                    )
        except httpx.HTTPError as exc:
            problem = f"{type(exc).__name__}: {exc}"[:300]
        elapsed = (time.perf_counter() - started) * 1000
        stats.count += 1
        stats.latencies_ms.append(elapsed)
        if conflict:
            stats.conflicts += 1
            raise Failed(problem)
        if problem:
            stats.errors += 1
            at = time.monotonic() - self.started
            self.errors.append(f"[{at:6.1f}s] {name}: {problem}")
            raise Failed(problem)
        return dict(payload["data"])

    async def user(self, index: int, account: Account) -> None:
        rng = random.Random(self.config.seed * 1000 + index)
        # Users arrive over the first minute (a tenth of a short run), as in a morning: a
        # sign-in is deliberately slow (argon2), and 50 at once is not what a city does.
        ramp = min(60.0, self.config.seconds / 10)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.stop.wait(), timeout=rng.uniform(0, ramp))
        async with httpx.AsyncClient(timeout=60) as client:
            try:
                signed = await self.request(
                    client,
                    "signIn",
                    SIGN_IN,
                    {"u": account.username, "p": SOAK_PASSWORD},
                    None,
                    "signIn",
                    "SignInPayload",
                )
            except Failed:
                return
            token = str(signed["signIn"]["token"])
            step = {
                "approval_clerk": self.clerk,
                "supervision_liaison": self.liaison,
                "credit_officer": self.credit_officer,
                "coordination_office": self.coordination,
            }[account.role]
            while not self.stop.is_set():
                with contextlib.suppress(Failed):
                    await step(client, token, account, rng)
                await self.think(rng)

    async def clerk(
        self, client: httpx.AsyncClient, token: str, account: Account, rng: random.Random
    ) -> None:
        await self.request(client, "applications", APPLICATIONS, {"status": "ACCEPTED"}, token)
        code, name = rng.choice(self.world.subjects)
        submitted = await self.request(
            client,
            "submitApplication",
            SUBMIT,
            {
                "input": {
                    "matterId": str(rng.choice(account.matters)),
                    "applicantCode": code,
                    "applicantName": name,
                    "applicantContact": "0737-4200000",
                    "applicantAddress": "益阳市赫山区",
                }
            },
            token,
            "submitApplication",
            "Application",
        )
        app_id = submitted["submitApplication"]["id"]
        await self.think(rng, 0.5)
        checked = (
            await self.request(
                client,
                "creditCheck",
                CREDIT_CHECK,
                {"code": code, "id": app_id},
                token,
                "creditCheck",
                "CreditCheck",
            )
        )["creditCheck"]
        # 容缺受理 would block the completion step until the items are supplied (#18 item 4).
        modes = [m for m in checked["allowedModes"] if m != "MISSING_DOCUMENTS"]
        mode = rng.choice(modes or checked["allowedModes"])
        accept: dict[str, Any] = {
            "applicationId": app_id,
            "handlingMode": mode,
            "creditTicket": checked["ticket"],
        }
        if mode == "NORMAL":
            accept["skipReason"] = "DOCUMENTS_COMPLETE"
        elif mode == "MISSING_DOCUMENTS":  # 容缺受理 names what is missing (#18 item 4)
            accept["missingItems"] = [{"name": "营业执照副本", "days": 5}]
        elif mode == "NOTIFY_AND_COMMIT":  # 告知承诺 records the signed commitment (#18 item 5)
            accept["commitment"] = {
                "text": "本单位承诺已具备许可条件",
                "fileName": "承诺书.pdf",
                "contentBase64": base64.b64encode(b"%PDF-1.4\n%%EOF\n").decode(),
            }
        await self.request(
            client,
            "acceptApplication",
            ACCEPT,
            {"input": accept},
            token,
            "acceptApplication",
            "Application",
        )
        if self.stop.is_set():
            return
        await self.think(rng)
        today = time.strftime("%Y-%m-%d")
        until = time.strftime("%Y-%m-%d", time.localtime(time.time() + 5 * 365 * 86400))
        document = {
            "kind": "LICENCE",
            "number": f"益许-浸泡-{app_id}",
            "validFrom": today,
            "validUntil": until,
            "fileName": f"licence-{app_id}.pdf",
        }
        await self.request(
            client,
            "completeApplication",
            COMPLETE,
            {"input": {"applicationId": app_id, "outcome": "APPROVED", "documents": [document]}},
            token,
            "completeApplication",
            "Application",
        )

    async def liaison(
        self, client: httpx.AsyncClient, token: str, _account: Account, rng: random.Random
    ) -> None:
        waiting = (
            await self.request(client, "pushInbox", INBOX, {"state": "AWAITING_CLAIM"}, token)
        )["pushInbox"]["edges"]
        offline = [e["node"] for e in waiting if e["node"]["channel"] != "ONLINE"]
        if offline:
            push = rng.choice(offline)
            await self.think(rng, 0.5)
            await self.request(
                client,
                "claimPush",
                CLAIM,
                {
                    "input": {
                        "pushId": push["id"],
                        "method": push["channel"],
                        "note": "浸泡测试：线下接收",
                    }
                },
                token,
                "claimPush",
                "Push",
            )
        await self.think(rng, 0.5)
        claimed = (await self.request(client, "pushInbox", INBOX, {"state": "CLAIMED"}, token))[
            "pushInbox"
        ]["edges"]
        candidates = [e["node"] for e in claimed if e["node"]["application"]]
        if candidates and rng.random() < 0.5:  # noqa: PLR2004
            push = rng.choice(candidates)
            abnormal = rng.random() < 0.2  # noqa: PLR2004
            finding = {
                "kind": rng.choice(["INSPECTION", "SPOT_CHECK"]),
                "summary": "台账记录不全，责令整改" if abnormal else "现场检查未发现问题",
                "foundOn": time.strftime("%Y-%m-%d"),
                "applicationId": push["application"]["id"],
                "abnormal": abnormal,
                "resultType": "RECTIFICATION_ORDERED" if abnormal else "NO_ABNORMALITY",
                "measures": "责令限期整改" if abnormal else "",
            }
            await self.think(rng)
            await self.request(
                client,
                "recordFinding",
                FINDING,
                {"input": finding},
                token,
                "recordFinding",
                "Finding",
            )

    async def credit_officer(
        self, client: httpx.AsyncClient, token: str, _account: Account, rng: random.Random
    ) -> None:
        code, _ = rng.choice(self.world.subjects)
        await self.request(
            client, "subject", SUBJECT, {"code": code}, token, "subject", "CreditProfile"
        )

    async def coordination(
        self, client: httpx.AsyncClient, token: str, _account: Account, rng: random.Random
    ) -> None:
        until = time.strftime("%Y-%m-%d")
        days = rng.choice([7, 30, 90])
        since = time.strftime("%Y-%m-%d", time.localtime(time.time() - days * 86400))
        dept = None
        if rng.random() < 0.5:  # noqa: PLR2004 - half the time one department
            dept = str(rng.choice(self.world.accounts).department_id)
        await self.request(
            client,
            "linkageStatistics",
            STATISTICS,
            {"since": since, "until": until, "dept": dept},
            token,
            "linkageStatistics",
            "LinkageStatistics",
        )
        await self.think(rng, 2.0)  # reading a report takes longer


# ---------------------------------------------------------------- the run


def say(config: SoakConfig, message: str) -> None:
    if not config.quiet:
        print(message, flush=True)


def free_port() -> int:
    import socket  # noqa: PLC0415

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def sample(
    processes: dict[str, int],
    series: dict[str, MemorySeries],
    load: list[float],
    started: float,
    stop: asyncio.Event,
    interval: float,
) -> None:
    while True:
        now = time.monotonic() - started
        for name, pid in processes.items():
            mb = rss_mib(pid)
            if mb is not None:
                series.setdefault(name, MemorySeries(pid)).samples.append((now, mb))
        load.append(os.getloadavg()[0])
        if stop.is_set():
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=interval)


async def drive(
    gateway_url: str, world: World, config: SoakConfig, processes: dict[str, int]
) -> Report:
    load = Load(gateway_url, world, config)
    series: dict[str, MemorySeries] = {}
    load_average: list[float] = []
    sampling_stop = asyncio.Event()
    started = time.monotonic()
    load.started = started
    sampler = asyncio.create_task(
        sample(processes, series, load_average, started, sampling_stop, config.sample_seconds)
    )
    users = [asyncio.create_task(load.user(i, a)) for i, a in enumerate(world.accounts)]
    last_note = started
    while time.monotonic() - started < config.seconds:
        await asyncio.sleep(min(1.0, config.seconds))
        if time.monotonic() - last_note >= 60:  # noqa: PLR2004 - a line a minute
            last_note = time.monotonic()
            done = sum(s.count for s in load.stats.values())
            say(
                config,
                f"  {last_note - started:5.0f} s: {done} requests, "
                f"{len(load.errors)} errors, load {os.getloadavg()[0]:.2f}",
            )
    load.stop.set()
    # Users finish the request in flight (a request cut off would be our failure, not theirs).
    _, pending = await asyncio.wait(users, timeout=90)
    for task in pending:
        task.cancel()
    duration = time.monotonic() - started
    sampling_stop.set()
    await sampler
    requests = sum(s.count for s in load.stats.values())
    memory = {name: s.summary(duration) for name, s in series.items()}
    flagged = [n for n, m in memory.items() if m["growth_mb"] > config.max_growth_mb]
    roles: dict[str, int] = defaultdict(int)
    for account in world.accounts:
        roles[account.role] += 1
    return Report(
        users=len(world.accounts),
        roles=dict(roles),
        database="",
        seconds=round(duration, 1),
        requests=requests,
        errors=sum(s.errors for s in load.stats.values()),
        conflicts=sum(s.conflicts for s in load.stats.values()),
        throughput_rps=round(requests / duration, 2) if duration else 0.0,
        operations={name: s.summary() for name, s in load.stats.items()},
        memory=memory,
        load_average={
            "min": round(min(load_average, default=0.0), 2),
            "mean": round(statistics.fmean(load_average) if load_average else 0.0, 2),
            "max": round(max(load_average, default=0.0), 2),
        },
        error_list=load.errors,
        max_growth_mb=config.max_growth_mb,
        memory_flagged=flagged,
    )


def run_soak(config: SoakConfig) -> Report:
    """Database, accounts, the stack and a worker, the load; everything stopped afterwards."""
    # One key for the seed, the stack and the accounts (natural persons' keys depend on it).
    os.environ.setdefault("SHENGUAN_SECRET_KEY", SECRET)
    with contextlib.ExitStack() as cleanup:
        if config.work_dir is None:
            work = Path(cleanup.enter_context(tempfile.TemporaryDirectory(prefix="soak-")))
        else:
            work = config.work_dir
            work.mkdir(parents=True, exist_ok=True)
        setup: dict[str, float] = {}
        mark = time.monotonic()
        url, made = prepare_database(config, work)
        setup["database"] = round(time.monotonic() - mark, 1)
        mark = time.monotonic()
        if made and not config.keep_database:
            cleanup.callback(
                lambda: asyncio.run(
                    _pg_admin(config.pg_admin_url, f'DROP DATABASE IF EXISTS "{made}" WITH (FORCE)')
                )
            )
        world = asyncio.run(prepare_accounts(url, config.users, config.seed))
        setup["accounts"] = round(time.monotonic() - mark, 1)
        from api.launcher import Stack  # noqa: PLC0415
        from api.registry import NAMES as SUBGRAPHS  # noqa: PLC0415

        env = {
            **os.environ,
            "DATABASE_URL": url,
            "SHENGUAN_SECRET_KEY": os.environ["SHENGUAN_SECRET_KEY"],
            "SHENGUAN_VAR_DIR": str(work / "var"),
            # The outbox worker runs as its own process (measured apart, as in scale-out).
            "SHENGUAN_EMBEDDED_WORKER": "0",
            # Every simulated user comes from 127.0.0.1: the per-address bucket would throttle
            # a whole city's departments as one client.
            "SHENGUAN_RATE_LIMIT_PER_MINUTE": "1000000",
            "SHENGUAN_RATE_LIMIT_BURST": "1000000",
        }
        stack = Stack(
            host="127.0.0.1",
            gateway_port=free_port(),
            subgraph_ports={name: free_port() for name in SUBGRAPHS},
            env=env,
            work_dir=work,
            log_dir=work / "logs",
        )
        say(config, f"starting the stack (logs in {work / 'logs'}) …")
        mark = time.monotonic()
        stack.start(timeout=180)
        setup["stack"] = round(time.monotonic() - mark, 1)
        cleanup.callback(stack.stop)
        worker_log = (work / "logs" / "worker.log").open("wb")
        cleanup.callback(worker_log.close)
        worker = subprocess.Popen(
            [sys.executable, "-m", "api.cli", "worker", "--poll", "0.5"],
            cwd=ROOT,
            env=env,
            stdout=worker_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        cleanup.callback(_stop_process, worker)
        processes = {name: proc.pid for name, proc in stack.processes.items()}
        processes["worker"] = worker.pid
        say(config, f"{config.users} users for {config.seconds:.0f} s against {stack.gateway_url}")
        report = asyncio.run(drive(stack.gateway_url, world, config, processes))
        report.setup_seconds = setup
        if worker.poll() is not None:
            report.errors += 1
            report.error_list.append(f"the worker exited with code {worker.returncode}")
        for name, proc in stack.processes.items():
            if proc.poll() is not None:
                report.errors += 1
                report.error_list.append(f"{name} exited with code {proc.returncode}")
        report.database = (
            f"{'SQLite' if url.startswith('sqlite') else 'PostgreSQL'}"
            f" ({'--database-url' if config.database_url else f'fresh, --scale {config.scale}'})"
        )
        return report


def _stop_process(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def parse(argv: list[str] | None = None) -> tuple[SoakConfig, argparse.Namespace]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50, help="simulated users (default 50)")
    parser.add_argument("--minutes", type=float, default=10.0, help="duration (default 10)")
    parser.add_argument("--scale", choices=["small", "medium", "city"], default="city")
    parser.add_argument("--sqlite", action="store_true", help="a fresh SQLite file, not PostgreSQL")
    parser.add_argument("--database-url", help="an already seeded database (kept as it is)")
    parser.add_argument(
        "--pg-admin-url", default=PG_ADMIN, help="where to create the fresh database"
    )
    parser.add_argument("--keep-database", action="store_true")
    parser.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=(1.0, 4.0),
        metavar=("MIN", "MAX"),
        help="think time between steps, seconds",
    )
    parser.add_argument(
        "--max-growth-mb",
        type=float,
        default=64.0,
        help="fail when a process's RSS grows more (last vs first minute)",
    )
    parser.add_argument("--sample-seconds", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", type=Path, help="also write the report as JSON")
    args = parser.parse_args(argv)
    config = SoakConfig(
        users=args.users,
        seconds=args.minutes * 60,
        scale=args.scale,
        sqlite=args.sqlite,
        database_url=args.database_url,
        pg_admin_url=args.pg_admin_url,
        keep_database=args.keep_database,
        think_min=args.think[0],
        think_max=args.think[1],
        sample_seconds=args.sample_seconds,
        max_growth_mb=args.max_growth_mb,
        seed=args.seed,
    )
    return config, args


def _interrupt(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt  # stop the stack and the worker on the way out (ExitStack)


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _interrupt)
    config, args = parse(argv)
    report = run_soak(config)
    print(report.text(), flush=True)
    if args.json:
        args.json.write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["Report", "SoakConfig", "main", "run_soak"]
