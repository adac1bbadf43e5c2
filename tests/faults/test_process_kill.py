"""Processes die under traffic: the approval subgraph (with its embedded outbox worker) is
SIGKILLed during a batch of acceptances, then the gateway. Clients get clean errors (refused
connections or GraphQL errors with a code), the rest of the graph keeps answering while one
subgraph is down, nothing is half-written, and after the restarts every acceptance happened
exactly once with all its pushes, events and SMS."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import httpx

from api.launcher import Stack
from tests.faults.helpers import (
    Outcome,
    accept,
    application_rows,
    call,
    run,
    sms_keys,
    submit_applications,
    undelivered,
    wait_for,
)

APPLICATIONS = 160
CLERKS = 3
DEPARTMENTS = "{ departments { id shortName } }"


@dataclass
class Traffic:
    """Clerks accepting and a reader asking catalog, in threads, until ``finish``."""

    stack: Stack
    token: str
    apps: list[tuple[str, str]]
    accepts: dict[str, tuple[float, Outcome]] = field(default_factory=dict)
    reads: list[tuple[float, Outcome]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    done: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self.queue = list(self.apps)
        self.threads = [threading.Thread(target=self._clerk) for _ in range(CLERKS)]
        self.threads.append(threading.Thread(target=self._reader))

    def _clerk(self) -> None:
        with httpx.Client(timeout=60) as http:
            while not self.done.is_set():
                with self.lock:
                    if not self.queue:
                        return
                    app = self.queue.pop(0)
                outcome = accept(http, self.stack, self.token, app)  # asserts a clean answer
                with self.lock:
                    self.accepts[app[0]] = (time.monotonic(), outcome)
                time.sleep(0.1 if outcome.succeeded else 1.0)

    def _reader(self) -> None:
        with httpx.Client(timeout=60) as http:
            while not self.done.is_set():
                outcome = call(http, self.stack.gateway_url, DEPARTMENTS, {}, self.token, "read")
                with self.lock:
                    self.reads.append((time.monotonic(), outcome))
                time.sleep(0.1)

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def accepted_since(self, moment: float) -> int:
        with self.lock:
            return sum(1 for t, o in self.accepts.values() if t > moment and o.succeeded)

    def finish(self) -> None:
        self.done.set()
        for thread in self.threads:
            thread.join(timeout=120)


def _kill_and_restart(stack: Stack, traffic: Traffic, name: str) -> tuple[float, float]:
    wait_for(lambda: traffic.accepted_since(0) >= 5, "acceptances before the kill")
    killed = time.monotonic()
    stack.kill(name)  # SIGKILL: no shutdown, no goodbye to the database or the clients
    time.sleep(2.0)
    stack.restart(name, timeout=120)
    restarted = time.monotonic()
    wait_for(lambda: traffic.accepted_since(restarted) >= 3, f"acceptances after {name} restarted")
    return killed, restarted


def test_killed_subgraph_and_gateway_leave_clean_errors_and_whole_data(make_stack, client_for):
    with make_stack() as stack, httpx.Client(timeout=60) as http:
        clerk = client_for(stack).sign_in("spj_clerk")
        apps = submit_applications(http, stack, clerk, APPLICATIONS)
        url = stack.env["DATABASE_URL"]

        traffic = Traffic(stack, clerk, apps)
        traffic.start()
        approval_down = _kill_and_restart(stack, traffic, "approval")
        gateway_down = _kill_and_restart(stack, traffic, "gateway")
        traffic.finish()

        failed = {i for i, (_, o) in traffic.accepts.items() if not o.succeeded}
        assert failed, "no acceptance met a dead process: the test proved nothing"
        for app_id in failed:
            outcome = traffic.accepts[app_id][1]
            # Either the connection was refused (the gateway was gone) or a GraphQL error
            # with a code said the approval service failed; never a half-filled answer.
            assert outcome.transport_error or outcome.error_codes(), outcome
            if outcome.body is not None:
                assert outcome.body.get("data") in (None, {"acceptApplication": None}), outcome
        messages = {
            e["message"]
            for _, o in traffic.accepts.values()
            if o.body
            for e in o.body.get("errors", [])
        }
        refused = [o for _, o in traffic.accepts.values() if o.transport_error]
        assert refused, "no client met the dead gateway"
        assert {o.transport_error for o in refused} <= {
            "ConnectError",
            "RemoteProtocolError",
            "ReadError",
        }
        # While approval was down, catalog still answered through the gateway.
        start, end = approval_down
        assert any(o.succeeded for t, o in traffic.reads if start + 0.5 < t < end), traffic.reads

        # Nothing half-written: each application is whole or untouched; told success → whole.
        rows = run(application_rows(url, [a for a, _ in apps]))
        for app_id, row in rows.items():
            if row["status"] == "ACCEPTED":
                assert row["pushes"], row
                assert row["accepted_events"] == 1, (app_id, row)
                assert row["push_events"] == [1] * len(row["pushes"]), (app_id, row)
                assert row["measures"] >= 1, (app_id, row)
            else:  # failed, or never tried (the traffic had stopped)
                assert app_id in failed or app_id not in traffic.accepts, (app_id, row)
                assert row == {
                    "status": "SUBMITTED",
                    "pushes": [],
                    "accepted_events": 0,
                    "push_events": [],
                    "measures": 0,
                }, (app_id, row)

        # Retrying every failure: accepted now, or already accepted (the commit had happened
        # just before the process died) — never twice.
        codes = dict(apps)
        for app_id in sorted(failed):
            retried = accept(http, stack, clerk, (app_id, codes[app_id]))
            answer = retried.body["data"]["acceptApplication"]  # type: ignore[index]
            if rows[app_id]["status"] == "ACCEPTED":
                assert [e["code"] for e in answer["errors"]] == ["ILLEGAL_TRANSITION"], answer
            else:
                assert answer["status"] == "ACCEPTED", answer
        rows = run(application_rows(url, list(traffic.accepts)))
        assert all(r["status"] == "ACCEPTED" and r["accepted_events"] == 1 for r in rows.values())
        assert all(r["push_events"] == [1] * len(r["pushes"]) != [] for r in rows.values())

        # The embedded worker died with approval mid-delivery; restarted, it sends the rest.
        expected = sorted(f"push:{p}" for row in rows.values() for p in row["pushes"])
        wait_for(lambda: set(expected) <= set(run(sms_keys(url))), "every push's SMS", 120)
        assert [k for k in run(sms_keys(url)) if k in set(expected)] == expected
        wait_for(lambda: not run(undelivered(url)), "an empty outbox", timeout=60)
        print(  # noqa: T201 - shown with -s
            f"\n{len(failed)} of {len(traffic.accepts)} acceptances failed cleanly "
            f"({sorted({c for i in failed for c in traffic.accepts[i][1].error_codes()})}, "
            f"{len(refused)} refused connections); gateway down "
            f"{gateway_down[1] - gateway_down[0]:.1f}s, approval down "
            f"{approval_down[1] - approval_down[0]:.1f}s; messages: {sorted(messages)}"
        )
