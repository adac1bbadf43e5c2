"""Connected systems through the real stack: their roles, their reported times, and
idempotency keys bound to the request (also across two approval processes)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func
from sqlmodel import col, select

from api.approval.models import Application, Push
from api.approval.models.sms import SmsMessage
from api.core.db import make_engine, session_scope
from api.core.workdays import add_working_days
from api.launcher import Stack
from tests import factories
from tests.gateway.conftest import GatewayClient, demo_stack, free_port

ASSIGN = """mutation($u: String!, $r: String!, $d: String!) {
  assignRole(input: {username: $u, role: $r, departmentId: $d}, reason: "对接系统开通") {
    __typename ... on ValidationErrors { errors { field code message } } } }"""
REPORT = """mutation($input: ReportAcceptanceInput!) {
  reportAcceptance(input: $input) {
    __typename
    ... on Application { id acceptedAt }
    ... on ValidationErrors { errors { field code message } }
  } }"""
MATTER = "430900-XK-0001"  # 食品经营许可 of 市审批局, linked to 市市场监管局


def _until(check: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            pytest.fail("condition not met in time")
        time.sleep(0.2)


def _department(gateway: GatewayClient, admin: str, short_name: str) -> str:
    departments = gateway.post("{ departments { id shortName } }", token=admin).json()
    return next(d["id"] for d in departments["data"]["departments"] if d["shortName"] == short_name)


def _matter(gateway: GatewayClient, admin: str, dept: str) -> str:
    body = gateway.post(
        """query($d: ID!, $k: String!) {
             matterConnection(departmentId: $d, keyword: $k, first: 1) {
               edges { node { id } } } }""",
        {"d": dept, "k": MATTER},
        token=admin,
    ).json()
    return str(body["data"]["matterConnection"]["edges"][0]["node"]["id"])


def _create(gateway: GatewayClient, admin: str, username: str, *, service: bool) -> None:
    created = gateway.post(
        """mutation($u: String!, $s: Boolean!) { createAccount(input: {username: $u,
             displayName: $u, initialPassword: "Svc@2026x", serviceAccount: $s}) {
             __typename } }""",
        {"u": username, "s": service},
        token=admin,
    ).json()
    assert created == {"data": {"createAccount": {"__typename": "Account"}}}, created


class System:
    def __init__(self, key: str, matter_id: str) -> None:
        self.key = key
        self.matter_id = matter_id


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """A stack of its own: the reported applications would be counted by other gateway tests
    that share the session's stack (their inboxes, their matters' applications)."""
    with demo_stack(tmp_path_factory) as started:
        yield started


@pytest.fixture(scope="module")
def gateway(stack: Stack) -> GatewayClient:
    return GatewayClient(stack.gateway_url)


@pytest.fixture(scope="module")
def system(gateway: GatewayClient) -> System:
    """A service account given both connected-system roles by the administrator."""
    admin = gateway.sign_in("admin")
    dept = _department(gateway, admin, "市审批局")
    _create(gateway, admin, "svc_window_system", service=True)
    answers = [
        gateway.post(ASSIGN, {"u": "svc_window_system", "r": role, "d": dept}, token=admin).json()
        for role in ("connected_system", "schema_reader")
    ]
    assert answers == [{"data": {"assignRole": {"__typename": "PolicyVersion"}}}] * 2
    issued = gateway.post(
        """mutation($d: ID!) { issueApiKey(username: "svc_window_system", departmentId: $d,
             name: "窗口系统") { ... on IssuedApiKey { key } } }""",
        {"d": dept},
        token=admin,
    ).json()
    key = str(issued["data"]["issueApiKey"]["key"])
    probe = {
        "input": {
            "idempotencyKey": "",
            "externalId": "",
            "matterId": "1",
            "applicantCode": "",
            "applicantName": "",
        }
    }
    # The roles reach the approval process within the policy watcher's interval.
    _until(lambda: "errors" not in gateway.post(REPORT, probe, token=key).json())
    return System(key, _matter(gateway, admin, dept))


def test_an_administrator_gives_a_service_account_the_connected_system_roles(gateway, system):
    admin = gateway.sign_in("admin")
    body = gateway.post(
        """{ accounts(keyword: "svc_window_system", first: 1) {
             edges { node { serviceAccount roleAssignments { role } } } } }""",
        token=admin,
    ).json()

    (node,) = [e["node"] for e in body["data"]["accounts"]["edges"]]
    assert node == {
        "serviceAccount": True,
        "roleAssignments": [{"role": "connected_system"}, {"role": "schema_reader"}],
    }


def test_a_person_cannot_be_given_a_connected_system_role(gateway):
    admin = gateway.sign_in("admin")
    dept = _department(gateway, admin, "市审批局")

    answers = [
        gateway.post(ASSIGN, {"u": "spj_clerk", "r": role, "d": dept}, token=admin).json()
        for role in ("connected_system", "schema_reader")
    ]

    refused = {
        "__typename": "ValidationErrors",
        "errors": [
            {
                "field": "role",
                "code": "SERVICE_ROLE_FOR_PERSON",
                "message": "对接系统角色只能授予服务账号，不能授予个人账号",
            }
        ],
    }
    assert answers == [{"data": {"assignRole": refused}}] * 2


def _acceptance(system: System, key: str, code: str, **extra: Any) -> dict[str, Any]:
    return {
        "input": {
            "idempotencyKey": key,
            "externalId": f"EXT-{key}",
            "matterId": system.matter_id,
            "applicantCode": code,
            "applicantName": "益阳对接测试有限公司",
            **extra,
        }
    }


async def _working_days_after(url: str, start: date, days: int) -> date:
    engine = make_engine(url)
    try:
        async with session_scope(engine) as session:
            return await add_working_days(session, start, days)
    finally:
        await engine.dispose()


def test_a_reported_acceptance_time_in_utc_drives_the_due_date_on_its_beijing_day(
    gateway, system, stack
):
    # 17:30 UTC on Thursday 26 November is 01:30 on Friday 27 November in Beijing.
    body = gateway.post(
        REPORT,
        _acceptance(system, "utc-1", factories.uscc(), acceptedAt="2026-11-26T17:30:00Z"),
        token=system.key,
    ).json()

    answer = body["data"]["reportAcceptance"]
    pushes = gateway.post(
        "query($id: ID!) { application(id: $id) { pushes { claimDue } } }",
        {"id": answer["id"]},
        token=gateway.sign_in("admin"),
    ).json()["data"]["application"]["pushes"]
    linkages = gateway.post(
        "query($k: String!) { linkages(keyword: $k, first: 1) { edges { node { claimDays } } } }",
        {"k": MATTER},
        token=gateway.sign_in("admin"),
    ).json()["data"]["linkages"]["edges"]
    days = linkages[0]["node"]["claimDays"]
    url = stack.env["DATABASE_URL"]
    beijing = asyncio.run(_working_days_after(url, date(2026, 11, 27), days))
    utc = asyncio.run(_working_days_after(url, date(2026, 11, 26), days))
    assert answer["__typename"] == "Application", answer
    assert answer["acceptedAt"].startswith("2026-11-26T17:30:00")
    assert beijing != utc
    assert pushes
    assert {p["claimDue"] for p in pushes} == {beijing.isoformat()}


def test_the_same_key_with_another_applicant_is_a_typed_conflict(gateway, system):
    first = gateway.post(
        REPORT, _acceptance(system, "conflict-1", factories.uscc()), token=system.key
    ).json()
    other = _acceptance(system, "conflict-1", factories.uscc())
    other["input"]["applicantName"] = "另一家公司"

    second = gateway.post(REPORT, other, token=system.key).json()

    assert first["data"]["reportAcceptance"]["__typename"] == "Application"
    assert [(e["field"], e["code"]) for e in second["data"]["reportAcceptance"]["errors"]] == [
        ("idempotencyKey", "IDEMPOTENCY_CONFLICT")
    ]


@pytest.fixture(scope="module")
def second_gateway(stack: Stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Another approval process and another gateway on the same database."""
    work = Path(tmp_path_factory.mktemp("second"))
    env = dict(stack.env)
    second = Stack(
        host=stack.host,
        gateway_port=free_port(),
        subgraph_ports={**stack.subgraph_ports, "approval": free_port()},
        env=env,
        work_dir=work,
        log_dir=work / "logs",
    )
    second.start(only=("approval",))
    try:
        yield second.gateway_url
    finally:
        second.stop()


async def _written(url: str, external_id: str) -> tuple[int, list[int], dict[int, int]]:
    engine = make_engine(url)
    try:
        async with session_scope(engine) as session:
            apps = (
                await session.exec(
                    select(Application.id).where(Application.external_id == external_id)
                )
            ).all()
            pushes = (
                await session.exec(
                    select(Push.department_id).where(col(Push.application_id).in_(apps))
                )
            ).all()
            push_ids = (
                await session.exec(select(Push.id).where(col(Push.application_id).in_(apps)))
            ).all()
            sms = dict(
                (
                    await session.exec(
                        select(SmsMessage.key, func.count())
                        .where(col(SmsMessage.key).in_([f"push:{i}" for i in push_ids]))
                        .group_by(SmsMessage.key)
                    )
                ).all()
            )
            return len(apps), sorted(pushes), {int(k.split(":")[1]): n for k, n in sms.items()}
    finally:
        await engine.dispose()


def test_ten_concurrent_duplicates_over_two_processes_act_once(
    gateway, system, stack, second_gateway
):
    urls = [gateway.url, second_gateway]
    variables = _acceptance(system, "burst-1", factories.uscc())
    barrier = threading.Barrier(10)
    answers: list[Any] = [None] * 10

    def send(index: int) -> None:
        with httpx.Client(timeout=60) as client:
            barrier.wait()
            answers[index] = client.post(
                urls[index % 2],
                json={"query": REPORT, "variables": variables},
                headers={"authorization": f"Bearer {system.key}"},
            ).json()

    threads = [threading.Thread(target=send, args=(i,)) for i in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    url = stack.env["DATABASE_URL"]
    assert all(a == answers[0] for a in answers), answers
    assert answers[0]["data"]["reportAcceptance"]["__typename"] == "Application"
    count, push_departments, _ = asyncio.run(_written(url, "EXT-burst-1"))
    assert count == 1
    assert len(push_departments) == len(set(push_departments)) >= 1
    # The workers of both processes send the SMS of each push once.
    _until(lambda: len(asyncio.run(_written(url, "EXT-burst-1"))[2]) == len(push_departments), 20)
    assert set(asyncio.run(_written(url, "EXT-burst-1"))[2].values()) == {1}
