"""The soak script's core, briefly: a small data set on SQLite, one user per role for about
20 seconds through the real stack and worker, no error, and a report with every figure."""

from __future__ import annotations

import json

import pytest

from benchmarks.soak import SoakConfig, run_soak

pytestmark = pytest.mark.gateway

PROCESSES = {
    "gateway",
    "catalog",
    "approval",
    "supervision",
    "credit",
    "access",
    "coordination",
    "worker",
}


def test_a_short_soak_on_sqlite_runs_without_errors_and_reports_every_figure(tmp_path):
    config = SoakConfig(
        users=4,  # the first four of the cycle: clerk, liaison, credit officer, coordination
        seconds=20,
        scale="small",
        sqlite=True,
        think_min=0.2,
        think_max=1.0,
        sample_seconds=1.0,
        max_growth_mb=10_000,  # a 20 s run says nothing about leaks; the field is checked
        work_dir=tmp_path,
        quiet=True,
    )

    report = run_soak(config)

    assert report.error_list == []
    assert report.errors == 0
    assert report.ok
    assert report.roles == {
        "approval_clerk": 1,
        "supervision_liaison": 1,
        "credit_officer": 1,
        "coordination_office": 1,
    }
    # Every role got through its work at least once.
    assert {
        "signIn",
        "submitApplication",
        "creditCheck",
        "acceptApplication",
        "pushInbox",
        "subject",
        "linkageStatistics",
    } <= set(report.operations)
    assert report.requests == sum(int(s["count"]) for s in report.operations.values()) > 10
    assert 15 < report.seconds < 60
    assert report.throughput_rps > 0
    for name, stats in report.operations.items():
        assert 0 < stats["p50_ms"] <= stats["p90_ms"] <= stats["p99_ms"] <= stats["max_ms"], name
    assert set(report.memory) == PROCESSES
    for name, memory in report.memory.items():
        assert memory["samples"] >= 10, name
        assert 10 < memory["first_mb"] < 2_000, name
        assert memory["peak_mb"] >= memory["last_mb"], name
    assert set(report.load_average) == {"min", "mean", "max"}
    assert report.load_average["max"] > 0
    text = report.text()
    assert "p99 ms" in text
    assert "result: OK" in text
    assert json.loads(json.dumps(report.as_dict()))["ok"] is True
