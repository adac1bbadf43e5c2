"""Fault tests: the real stack on a private PostgreSQL cluster the tests may stop and restart.

Only with ``SHENGUAN_TEST_DB=postgresql``: the faults are a server going away under a
connection pool, and several processes sharing one database.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

from api import demo
from api.core.db import make_engine, session_scope
from api.core.migrate import migrate
from api.launcher import Stack
from api.registry import NAMES as SUBGRAPHS
from tests.databases import backend
from tests.faults.cluster import PrivateCluster, free_port, unavailable_reason
from tests.gateway.conftest import GatewayClient

_reason = unavailable_reason()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here not in Path(str(item.fspath)).parents:
            continue
        item.add_marker(pytest.mark.gateway)
        if backend() != "postgresql":
            item.add_marker(
                pytest.mark.skip(
                    reason="fault tests run on PostgreSQL (SHENGUAN_TEST_DB=postgresql): "
                    "they stop the server under the connection pools of several processes"
                )
            )
        elif _reason is not None:
            item.add_marker(pytest.mark.skip(reason=f"no private PostgreSQL cluster: {_reason}"))


@pytest.fixture(scope="package")
def cluster() -> Iterator[PrivateCluster]:
    """Never the shared server on :5432: a cluster of our own that we may stop at will."""
    cluster = PrivateCluster().init()
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.destroy()


async def _seed(url: str) -> None:
    engine = make_engine(url)
    try:
        async with session_scope(engine) as session:
            await demo.load_demo(session)
    finally:
        await engine.dispose()


StackFactory = Callable[..., AbstractContextManager[Stack]]


@pytest.fixture
def make_stack(cluster: PrivateCluster, tmp_path: Path) -> StackFactory:
    """``with make_stack(**env) as stack``: demo data in a fresh database of the cluster."""

    @contextmanager
    def start(**extra_env: str) -> Iterator[Stack]:
        if not cluster.running:
            cluster.start()
        url = asyncio.run(cluster.create_database(f"faults_{uuid.uuid4().hex[:10]}"))
        migrate(url)
        asyncio.run(_seed(url))
        work = tmp_path / f"stack-{uuid.uuid4().hex[:6]}"
        work.mkdir()
        env = dict(os.environ)
        env.update(
            {
                "DATABASE_URL": url,
                "SHENGUAN_EMBEDDED_WORKER": "1",
                "SHENGUAN_WORKER_POLL_SECONDS": "0.2",
                **extra_env,
            }
        )
        stack = Stack(
            host="127.0.0.1",
            gateway_port=free_port(),
            subgraph_ports={name: free_port() for name in SUBGRAPHS},
            env=env,
            work_dir=work,
            log_dir=work / "logs",
        )
        stack.start(timeout=120)
        try:
            yield stack
        finally:
            stack.stop()

    return start


@pytest.fixture
def client_for() -> Iterator[Callable[[Stack], GatewayClient]]:
    clients: list[GatewayClient] = []

    def make(stack: Stack) -> GatewayClient:
        client = GatewayClient(stack.gateway_url)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.http.close()
