"""The real stack (four uvicorn subgraphs + Hive Gateway) on free ports and a fresh database."""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from api import demo
from api.core.db import make_engine, session_scope
from api.core.migrate import migrate
from api.launcher import Stack
from tests.databases import fresh_database


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _seed(url: str) -> None:
    engine = make_engine(url)
    try:
        async with session_scope(engine) as session:
            await demo.load_demo(session)
    finally:
        await engine.dispose()


class GatewayClient:
    def __init__(self, url: str) -> None:
        self.url = url
        self.http = httpx.Client(timeout=30)

    def post(self, query: str, variables: dict[str, Any] | None = None, token: str | None = None):
        headers = {"authorization": f"Bearer {token}"} if token else {}
        return self.http.post(self.url, json={"query": query, "variables": variables or {}}, headers=headers)

    def sign_in(self, username: str, password: str = demo.DEMO_PASSWORD) -> str:
        response = self.post(
            """mutation($u: String!, $p: String!) {
                 signIn(username: $u, password: $p) {
                   ... on SignInPayload { token }
                   ... on ValidationErrors { errors { field message } }
                 }
               }""",
            {"u": username, "p": password},
        )
        return str(response.json()["data"]["signIn"]["token"])


WEB_INDEX = '<!doctype html><html lang="zh-CN"><body><div id="root"></div></body></html>\n'
WEB_ASSET = "console.log('app');\n"


def _web_dist(path: Path) -> Path:
    """A stand-in for the built SPA (web/dist): the gateway serves whatever the folder holds."""
    (path / "assets").mkdir(parents=True)
    (path / "index.html").write_text(WEB_INDEX, encoding="utf-8")
    (path / "assets" / "app-3f2a.js").write_text(WEB_ASSET, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    work = tmp_path_factory.mktemp("stack")
    with fresh_database(work) as url:
        migrate(url)
        asyncio.run(_seed(url))
        env = dict(os.environ)
        env["DATABASE_URL"] = url
        env["SHENGUAN_WEB_DIST"] = str(_web_dist(Path(work) / "web-dist"))
        stack = Stack(
            host="127.0.0.1",
            gateway_port=free_port(),
            subgraph_ports={
                name: free_port() for name in ("catalog", "approval", "supervision", "credit")
            },
            env=env,
            work_dir=Path(work),
            log_dir=Path(work) / "logs",
        )
        stack.start()
        try:
            yield stack
        finally:
            stack.stop()


@pytest.fixture(scope="session")
def gateway(stack: Stack) -> GatewayClient:
    return GatewayClient(stack.gateway_url)
