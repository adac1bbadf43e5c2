"""The LISTEN connections heal after a database outage: an inbox subscription opened before
it hears the next push, a policy change reaches every process without polling, and
``/readiness`` tells the listener's state all along."""

from __future__ import annotations

import time
from typing import Any

import httpx

from api.launcher import Stack
from tests.faults.cluster import PrivateCluster
from tests.faults.helpers import (
    ADD_PERMISSION,
    InboxStream,
    accept_retrying,
    call,
    readiness,
    submit_applications,
    wait_for,
)

OUTAGE_SECONDS = 5.0


def _readiness(stack: Stack) -> dict[str, dict[str, Any]]:
    return readiness(stack.host, stack.subgraph_ports)


def test_listeners_heal_after_a_database_outage(make_stack, client_for, cluster: PrivateCluster):
    # Polling every hour: whatever reaches a process quickly came through LISTEN.
    with make_stack(SHENGUAN_POLICY_POLL_SECONDS="3600") as stack:
        gateway = client_for(stack)
        clerk = gateway.sign_in("spj_clerk")
        liaison = gateway.sign_in("scjg_liaison")  # 市市场监管局, pushed 食品经营许可
        admin = gateway.sign_in("admin")
        with httpx.Client(timeout=30) as http:
            first, second = submit_applications(http, stack, clerk, 2)

        stream = InboxStream(stack.gateway_url, liaison)
        assert stream.ready.wait(30)
        time.sleep(1.0)  # the gateway opens its subgraph WebSocket after the response starts
        assert accept_retrying(stack, clerk, first)
        wait_for(lambda: stream.kinds() == ["PUSH"], "the push before the outage")
        ready = _readiness(stack)
        assert {n: r["listeners"]["policy"]["state"] for n, r in ready.items()} == dict.fromkeys(
            stack.subgraph_ports, "listening"
        )
        assert ready["approval"]["listeners"]["live"]["state"] == "listening"

        cluster.stop("immediate")
        degraded = wait_for(
            lambda: (r := _readiness(stack))["approval"]["status"] == "degraded" and r,
            "readiness to report the outage",
            timeout=10,
        )
        assert degraded["approval"]["database"] == "unavailable"
        time.sleep(OUTAGE_SECONDS)
        cluster.start()
        back = time.monotonic()

        # The next push reaches the subscription opened before the outage, within 5 s.
        assert accept_retrying(stack, clerk, second)
        accepted = time.monotonic()
        pushed = wait_for(
            lambda: [at for at, e in stream.events if e["kind"] == "PUSH"][1:],
            "the push after the outage",
            timeout=OUTAGE_SECONDS,
        )
        print(  # noqa: T201 - the figures, for the report
            f"accepted {accepted - back:.2f}s and pushed {pushed[0] - back:.2f}s after the outage"
        )
        assert pushed[0] - back <= OUTAGE_SECONDS
        # The stream was also told to refetch (it may have missed pushes), and stayed open.
        assert "RESYNC" in stream.kinds()
        assert not stream.closed.is_set()

        # Every process listens again, and says so.
        wait_for(
            lambda: all(r.get("status") == "ready" for r in _readiness(stack).values()),
            "every process to be ready again",
            timeout=10,
        )
        healed = _readiness(stack)
        assert healed["approval"]["listeners"]["live"]["reconnects"] >= 1
        assert all(r["listeners"]["policy"]["reconnects"] >= 1 for r in healed.values())

        # A policy change after the outage reaches every process through LISTEN.
        changed = call(
            http := httpx.Client(timeout=30),
            stack.gateway_url,
            ADD_PERMISSION,
            {
                "input": {
                    "role": "department_head",
                    "departmentId": "*",
                    "object": "credit_rule",
                    "action": "read",
                },
                "reason": "监听恢复后的策略变更",
            },
            admin,
            "add permission",
        )
        http.close()
        assert changed.succeeded, changed
        version = int(changed.body["data"]["addPermission"]["id"])  # type: ignore[index]

        def policy_versions() -> dict[str, Any]:
            return {
                name: answer.get("listeners", {}).get("policy", {}).get("version")
                for name, answer in _readiness(stack).items()
            }

        wait_for(
            lambda: set(policy_versions().values()) == {version},
            "the policy change in every process",
            timeout=2,
        )
