"""The benchmark must not rot: a small run of every section with zero failed requests.

Not timed: only that each section runs and the script reports success. The benchmark works
on PostgreSQL (its hand-written SQL floor and its many-worker outbox rounds need it), so on
the SQLite backend this test is skipped; `make test` runs it in the PostgreSQL pass.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.databases import _pg_admin, backend

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    backend() != "postgresql", reason="the benchmark runs on PostgreSQL only"
)


def test_every_benchmark_section_runs_without_a_failed_request(tmp_path: Path) -> None:
    database = f"shenguan_bench_smoke_{uuid.uuid4().hex[:8]}"
    output = tmp_path / "RESULTS.md"
    try:
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks.run",
                "--database",
                database,
                "--scale",
                "small",
                "--reseed",
                "--requests",
                "8",
                "--repeats",
                "1",
                "--clients",
                "1,8",
                "--loop-applications",
                "12",
                "--no-peer",
                "--output",
                str(output),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=1200,
            check=False,
        )
    finally:
        asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
    log = run.stdout[-6000:] + run.stderr[-4000:]
    assert run.returncode == 0, log
    results = output.read_text(encoding="utf-8")
    assert "FAILED" not in results, results
    # Every section wrote its table, and the goals say what was measured.
    for heading in (
        "## 1. Graph queries through the gateway",
        "## 4. SQL statements per request",
        "## 5. Event loop",
        "## Targets",
        "## 6. Peak resident memory",
        "## Where the time goes (profile)",  # benchmarks/PROFILE.md, included by the script
    ):
        assert heading in results, heading
    assert "every request of every section succeeded: yes" in results
    assert "1-minute load average" in results
    # The one-worker round on SQLite ran on a database of its own and is reported.
    assert "| SQLite | 1 | backlog |" in results, results
    assert "the same backlog round on SQLite with one worker (reported, no goal): " in results
    assert "on SQLite with one worker (reported, no goal): not measured" not in results
    # Each round delivered every push and recorded its SMS.
    assert "every push's SMS recorded: 0 pushes without SMS — met" in results, results
