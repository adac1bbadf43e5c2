"""The real stack (four uvicorn subgraphs + Hive Gateway) on free ports and a fresh database."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from api import demo
from api.core.db import make_engine, session_scope
from api.launcher import Stack
from api.registry import NAMES as SUBGRAPHS
from tests.databases import migrated_database
from tests.gateway.authz_matrix import ROLES
from tests.ports import free_port


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

    def post(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        token: str | None = None,
        cookies: dict[str, str] | None = None,
    ) -> httpx.Response:
        """One request with exactly the identity given (no cookie jar carried over)."""
        headers = {"authorization": f"Bearer {token}"} if token else {}
        if cookies:
            headers["cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        self.http.cookies.clear()
        try:
            return self.http.post(
                self.url, json={"query": query, "variables": variables or {}}, headers=headers
            )
        finally:
            self.http.cookies.clear()

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


@contextmanager
def demo_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """A stack of its own on a fresh demo database (as `shenguan serve` runs it)."""
    work = tmp_path_factory.mktemp("stack")
    with migrated_database(work) as url:
        asyncio.run(_seed(url))
        env = dict(os.environ)
        env["DATABASE_URL"] = url
        # As `shenguan serve`: the approval process runs the outbox worker.
        env["SHENGUAN_EMBEDDED_WORKER"] = "1"
        env["SHENGUAN_WORKER_POLL_SECONDS"] = "0.2"
        env["SHENGUAN_WEB_DIST"] = str(_web_dist(Path(work) / "web-dist"))
        stack = Stack(
            host="127.0.0.1",
            gateway_port=free_port(),
            subgraph_ports={name: free_port() for name in SUBGRAPHS},
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
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with demo_stack(tmp_path_factory) as started:
        yield started


@pytest.fixture(scope="session")
def gateway(stack: Stack) -> GatewayClient:
    return GatewayClient(stack.gateway_url)


MATRIX_PASSWORD = "Matrix@2026"


@dataclass(frozen=True)
class MatrixUsers:
    """One account per role, each holding only that role in the own department."""

    tokens: dict[str, str]
    own_department: str
    foreign_department: str
    # "own" / "foreign": the ids an operation of the matrix may name ($dept, $matter, ...).
    targets: dict[str, dict[str, str]]


_TARGET_QUERY = """query($dept: ID!, $matterCode: String!, $linkageMatter: String!) {
  department(id: $dept) { sections { id people { id } } }
  matterConnection(departmentId: $dept, keyword: $matterCode, first: 1) { edges { node { id } } }
  linkages(keyword: $linkageMatter, first: 1) {
    edges { node { id basisDocument { id } } }
  }
}"""


def _target(
    gateway: GatewayClient, admin: str, department: str, matter_code: str, linkage_matter: str
) -> dict[str, str]:
    """A department's first section and person, a matter, a linkage and its document."""
    body = gateway.post(
        _TARGET_QUERY,
        {"dept": department, "matterCode": matter_code, "linkageMatter": linkage_matter},
        token=admin,
    ).json()
    data = body["data"]
    section = data["department"]["sections"][0]
    (matter,) = data["matterConnection"]["edges"]
    (linkage,) = data["linkages"]["edges"]
    return {
        "dept": department,
        "section": section["id"],
        "person": section["people"][0]["id"],
        "matter": matter["node"]["id"],
        "linkage": linkage["node"]["id"],
        "document": linkage["node"]["basisDocument"]["id"],
    }


@pytest.fixture(scope="session")
def matrix_users(gateway: GatewayClient) -> MatrixUsers:
    """Accounts made the way an administrator makes them: through the graph.

    Each account starts with an initial password it must change before anything else.
    """
    admin = gateway.sign_in("admin")
    departments = gateway.post("{ departments { id shortName } }", token=admin).json()
    ids = {d["shortName"]: d["id"] for d in departments["data"]["departments"]}
    own, foreign = ids["市审批局"], ids["市市场监管局"]
    tokens: dict[str, str] = {}
    for role in ROLES:
        username = f"matrix_{role}"
        created = gateway.post(
            """mutation($input: CreateAccountInput!) {
                 createAccount(input: $input) { __typename }
               }""",
            {"input": {"username": username, "displayName": role, "initialPassword": "Init@2026"}},
            token=admin,
        ).json()
        assert created == {"data": {"createAccount": {"__typename": "Account"}}}, created
        assigned = gateway.post(
            """mutation($input: RoleAssignmentInput!) {
                 assignRole(input: $input, reason: "测试账号") { __typename }
               }""",
            {"input": {"username": username, "role": role, "departmentId": own}},
            token=admin,
        ).json()
        assert assigned == {"data": {"assignRole": {"__typename": "PolicyVersion"}}}, assigned
        first = gateway.sign_in(username, "Init@2026")
        changed = gateway.post(
            """mutation { changePassword(currentPassword: "Init@2026",
                                         newPassword: "Matrix@2026") { __typename } }""",
            token=first,
        ).json()
        assert changed == {"data": {"changePassword": {"__typename": "Done"}}}, changed
        tokens[role] = first
    _wait_until_every_process_sees_the_roles(gateway, tokens)
    # The own department approves 食品经营许可 (linked to 市市场监管局); the foreign target's
    # linkage (赫山区审批局 → 市卫健委) does not involve the own department at all.
    targets = {
        "own": _target(gateway, admin, own, "430900-XK-0001", "430900-XK-0001"),
        "foreign": _target(gateway, admin, foreign, "430900-JG-0001", "430903-XK-0001"),
    }
    return MatrixUsers(
        tokens=tokens, own_department=own, foreign_department=foreign, targets=targets
    )


def _wait_until_every_process_sees_the_roles(
    gateway: GatewayClient, tokens: dict[str, str]
) -> None:
    probe = (
        "{ departments { id } applications(first: 1) { id } findings(first: 1) { id }"
        " subjects(first: 1) { name } }"
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        body = gateway.post(probe, token=tokens["coordination_office"]).json()
        if not body.get("errors"):
            return
        time.sleep(0.2)
    pytest.fail("policy change did not reach every subgraph within 10 s")
