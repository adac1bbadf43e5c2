"""The scenario harness: the stack as `shenguan serve --no-demo` starts it, a movable clock,
and a small city built through the API only.

A story file (``test_<story>.py``) asks for the ``scenario`` fixture (one fresh database and
stack per story module, see conftest.py) and drives the city through the gateway as its users
would: ``scenario.as_user("clerk")`` signs in (again after the clock moved: sessions expire by
the same clock), ``scenario.clock.move(days=…)`` / ``.set(…)`` moves the time of every process,
``scenario.wait_until(...)`` waits for the embedded worker (``scenario.wait_delivered(topic)``
for an event no user can observe yet). ``CITY`` describes the city; a story
can extend it (another department, a second approval matter) by passing its own ``CityPlan``
to ``build_city``.
"""

from __future__ import annotations

import asyncio
import base64
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import httpx
import sqlalchemy as sa

from api.cli import serve_stack
from api.core.clock import LOCAL_TZ, set_offset
from api.core.config import Settings
from api.core.db import make_engine
from api.launcher import Stack
from api.registry import NAMES as SUBGRAPHS
from tests.ports import free_port

T = TypeVar("T")

ADMIN = "admin"
ADMIN_PASSWORD = "Admin@Scenario2026"
INITIAL_PASSWORD = "Init@Scenario2026"
PASSWORD = "City@Scenario2026"
# A minimal PDF: the basis documents are sniffed by their magic number.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class GraphQLFailedError(AssertionError):
    pass


class Gateway:
    """GraphQL over HTTP through the gateway, with exactly the token given."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.http = httpx.Client(timeout=60)

    def raw(self, query: str, variables: dict[str, Any] | None = None, token: str = "") -> Any:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        self.http.cookies.clear()
        response = self.http.post(
            self.url, json={"query": query, "variables": variables or {}}, headers=headers
        )
        self.http.cookies.clear()
        return response.json()

    def data(self, query: str, variables: dict[str, Any] | None = None, token: str = "") -> Any:
        """The ``data`` of an answer without errors (a failed assertion otherwise)."""
        body = self.raw(query, variables, token)
        if body.get("errors") or body.get("data") is None:
            raise GraphQLFailedError(f"{query.strip()[:80]}… → {body}")
        return body["data"]

    def ok(self, query: str, variables: dict[str, Any] | None = None, token: str = "") -> Any:
        """The single root field's value, which must not be ``ValidationErrors``."""
        (value,) = self.data(query, variables, token).values()
        if isinstance(value, dict) and "errors" in value:
            raise GraphQLFailedError(f"{query.strip()[:80]}… → {value}")
        return value

    def close(self) -> None:
        self.http.close()


ERRORS = "... on ValidationErrors { errors { field code message } }"


def mutate(
    gw: Gateway,
    token: str,
    field: str,
    input_type: str,
    selection: str,
    data: Any,
    *,
    reason: str | None = None,
) -> Any:
    """``field(input: $input)`` with the given selection; a ValidationErrors answer fails.
    ``reason``: the change's reason (policy changes require one)."""
    if reason is None:
        doc = (
            f"mutation($input: {input_type}!) {{ {field}(input: $input) "
            f"{{ {selection} {ERRORS} }} }}"
        )
        return gw.ok(doc, {"input": data}, token=token)
    doc = (
        f"mutation($input: {input_type}!, $reason: String) "
        f"{{ {field}(input: $input, reason: $reason) {{ {selection} {ERRORS} }} }}"
    )
    return gw.ok(doc, {"input": data, "reason": reason}, token=token)


class Clock:
    """The stack's clock file (``SHENGUAN_CLOCK_FILE``): moving it moves every process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset = timedelta(0)
        set_offset(path, self.offset)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def set(self, moment: datetime) -> None:
        """Make it ``moment`` now (an aware datetime) for the whole stack."""
        self.offset = moment - datetime.now(UTC)
        set_offset(self.path, self.offset)

    def set_local(self, year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> None:
        self.set(datetime(year, month, day, hour, minute, tzinfo=LOCAL_TZ))

    def move(self, **delta: float) -> None:
        self.offset += timedelta(**delta)
        set_offset(self.path, self.offset)


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    mobile: str
    # (username, role) if the person signs in; None for a liaison without an account.
    account: tuple[str, str] | None = None
    liaison: str | None = None  # "PUSH" / "RECEIVE" / "HEAD" (部门负责人: red-card SMS)


@dataclass(frozen=True)
class DepartmentPlan:
    key: str
    name: str
    short_name: str
    section: str
    people: tuple[Person, ...]


@dataclass(frozen=True)
class MatterPlan:
    key: str
    department: str
    code: str
    name: str
    kind: str  # APPROVAL / SUPERVISION
    category: str | None = None


@dataclass(frozen=True)
class LinkagePlan:
    key: str
    approval: str  # matter keys
    supervision: str
    channel: str  # ONLINE / LETTER / OWN_SYSTEM / JOINT_MEETING
    claim_days: int = 1
    feedback_days: int = 5
    review_mode: str | None = None  # AFTER_APPROVAL (default) / EARLY_INVOLVEMENT / PARALLEL_REVIEW


@dataclass(frozen=True)
class CityPlan:
    departments: tuple[DepartmentPlan, ...]
    matters: tuple[MatterPlan, ...]
    linkages: tuple[LinkagePlan, ...]
    # Who does what: the approving department's head files linkages, each supervising
    # department's head confirms, the coordination office publishes.
    heads: dict[str, str] = field(default_factory=dict)  # department key → head username
    publisher: str = "coord"


ROLE_NAMES = {"PUSH": "联络员", "RECEIVE": "联络员", "HEAD": "部门负责人"}


def _person(key: str, name: str, mobile: str, **kw: Any) -> Person:
    return Person(key=key, name=name, mobile=mobile, **kw)


CITY = CityPlan(
    departments=(
        DepartmentPlan(
            "xtb",
            "益阳市审管联动协调办公室",
            "协调办",
            "综合科",
            (_person("coord", "周敏", "13907371001", account=("coord", "coordination_office")),),
        ),
        DepartmentPlan(
            "spj",
            "益阳市行政审批服务局",
            "市审批局",
            "审批一科",
            (
                _person("spj_head", "王强", "13907371101", account=("spj_head", "department_head")),
                _person(
                    "clerk",
                    "李娜",
                    "13907371102",
                    account=("clerk", "approval_clerk"),
                    liaison="PUSH",
                ),
                _person("clerk2", "张伟", "13907371103", account=("clerk2", "approval_clerk")),
            ),
        ),
        DepartmentPlan(
            "scjg",
            "益阳市市场监督管理局",
            "市市场监管局",
            "食品经营科",
            (
                _person(
                    "scjg_head", "黄磊", "13907371201", account=("scjg_head", "department_head")
                ),
                _person(
                    "scjg_liaison",
                    "陈刚",
                    "13907371202",
                    account=("scjg_liaison", "supervision_liaison"),
                    liaison="RECEIVE",
                ),
            ),
        ),
        DepartmentPlan(
            "wjw",
            "益阳市卫生健康委员会",
            "市卫健委",
            "公共卫生科",
            (
                _person("wjw_head", "吴芳", "13907371301", account=("wjw_head", "department_head")),
                _person(
                    "wjw_liaison",
                    "赵丽",
                    "13907371302",
                    account=("wjw_liaison", "supervision_liaison"),
                    liaison="RECEIVE",
                ),
            ),
        ),
        DepartmentPlan(
            "fgw",
            "益阳市发展和改革委员会",
            "市发改委",
            "信用科",
            (
                _person(
                    "credit_officer",
                    "孙涛",
                    "13907371401",
                    account=("credit_officer", "credit_officer"),
                ),
            ),
        ),
    ),
    matters=(
        MatterPlan("food", "spj", "430900-XK-0101", "食品经营许可", "APPROVAL", "LICENSING"),
        MatterPlan("hygiene", "spj", "430900-XK-0102", "公共场所卫生许可", "APPROVAL", "LICENSING"),
        MatterPlan("food_check", "scjg", "430900-JG-0101", "食品经营监督检查", "SUPERVISION"),
        MatterPlan("hygiene_check", "wjw", "430900-JG-0102", "公共场所卫生监督", "SUPERVISION"),
    ),
    linkages=(
        # 食品经营许可 → 市市场监管局 online (claimed on delivery) and 市卫健委 by letter.
        LinkagePlan("food_scjg", "food", "food_check", "ONLINE", claim_days=1, feedback_days=5),
        LinkagePlan("food_wjw", "food", "hygiene_check", "LETTER", claim_days=2, feedback_days=5),
        LinkagePlan("hygiene_wjw", "hygiene", "hygiene_check", "ONLINE", feedback_days=5),
    ),
    heads={"spj": "spj_head", "scjg": "scjg_head", "wjw": "wjw_head"},
)


@dataclass
class City:
    """Ids of what ``build_city`` made, by the plan's keys."""

    plan: CityPlan
    departments: dict[str, str] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)
    matters: dict[str, str] = field(default_factory=dict)
    linkages: dict[str, str] = field(default_factory=dict)
    list_version: int = 0

    def person(self, key: str) -> Person:
        for dept in self.plan.departments:
            for person in dept.people:
                if person.key == key:
                    return person
        raise KeyError(key)

    def department_of(self, username: str) -> str:
        for dept in self.plan.departments:
            for person in dept.people:
                if person.account and person.account[0] == username:
                    return self.departments[dept.key]
        raise KeyError(username)


@dataclass
class Scenario:
    stack: Stack
    gateway: Gateway
    clock: Clock
    city: City
    # Tokens by user, valid for the clock offset they were signed in at.
    _tokens: dict[str, tuple[timedelta, str]] = field(default_factory=dict)

    @property
    def database_url(self) -> str:
        return self.stack.env["DATABASE_URL"]

    def as_user(self, username: str) -> str:
        """A session token for ``username``; signed in again after the clock moved (an idle
        session expires by the same clock as everything else)."""
        cached = self._tokens.get(username)
        if cached and cached[0] == self.clock.offset:
            return cached[1]
        password = ADMIN_PASSWORD if username == ADMIN else PASSWORD
        token = sign_in(self.gateway, username, password)
        self._tokens[username] = (self.clock.offset, token)
        return token

    def wait_until(self, probe: Callable[[], T], what: str, timeout: float = 60.0) -> T:
        """Poll ``probe`` until it returns something truthy (the embedded worker's work)."""
        deadline = time.monotonic() + timeout
        while True:
            value = probe()
            if value:
                return value
            if time.monotonic() > deadline:
                # The embedded worker runs in the approval process: its log says why.
                tail = self.stack.log_tail("approval", lines=30)
                raise AssertionError(f"timed out waiting for {what}\n{tail}")
            time.sleep(0.25)

    def wait_delivered(self, *topics: str) -> None:
        """Wait until the embedded worker has delivered every event of these topics (an event
        no user can observe yet, such as the list version approval routes pushes under).
        This reads the outbox's delivery state only, never a figure a story checks."""
        placeholders = ", ".join(f":t{i}" for i in range(len(topics)))
        statement = sa.text(
            "SELECT count(*) FROM core_outbox "  # noqa: S608 - placeholders only
            f"WHERE status = 'PENDING' AND topic IN ({placeholders})"
        )
        params = {f"t{i}": topic for i, topic in enumerate(topics)}

        async def pending() -> int:
            engine = make_engine(self.database_url)
            try:
                async with engine.connect() as conn:
                    return int((await conn.execute(statement, params)).scalar() or 0)
            finally:
                await engine.dispose()

        self.wait_until(lambda: asyncio.run(pending()) == 0, f"the worker to deliver {topics}")


def sign_in(gateway: Gateway, username: str, password: str) -> str:
    payload = gateway.ok(
        """mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) {
             ... on SignInPayload { token }
             ... on ValidationErrors { errors { field code message } } } }""",
        {"u": username, "p": password},
    )
    return str(payload["token"])


# ---------------------------------------------------------------- starting the stack


def start_stack(
    work: Path, database_url: str, clock_file: Path, extra_env: dict[str, str] | None = None
) -> Stack:
    """The stack exactly as `shenguan serve --no-demo` builds it (api.cli.serve_stack), with
    the first administrator made by `shenguan create-admin` before it starts. ``extra_env``:
    more settings, e.g. where an external subgraph runs and its key."""
    overrides = {
        **(extra_env or {}),
        "DATABASE_URL": database_url,
        "SHENGUAN_VAR_DIR": str(work),
        "SHENGUAN_CLOCK_FILE": str(clock_file),
        # The worker notices at once: events within a fraction of a second.
        "SHENGUAN_WORKER_POLL_SECONDS": "0.2",
        "SHENGUAN_GATEWAY_PORT": str(free_port()),
        **{f"SHENGUAN_{name.upper()}_PORT": str(free_port()) for name in SUBGRAPHS},
    }
    settings = Settings(**overrides)  # type: ignore[arg-type]
    environ = {**os.environ, **overrides}
    stack = serve_stack(settings, demo=False, worker=True, environ=environ)
    created = subprocess.run(
        [sys.executable, "-m", "api.cli", "create-admin", ADMIN],
        env={**stack.env, "SHENGUAN_ADMIN_PASSWORD": ADMIN_PASSWORD},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert created.returncode == 0, created.stderr
    stack.start(timeout=180)
    return stack


# ---------------------------------------------------------------- building the city


def _first_sign_in(gw: Gateway, username: str) -> None:
    token = sign_in(gw, username, INITIAL_PASSWORD)
    gw.ok(
        """mutation($c: String!, $n: String!) { changePassword(currentPassword: $c,
             newPassword: $n) { ... on Done { ok: __typename }
             ... on ValidationErrors { errors { field message } } } }""",
        {"c": INITIAL_PASSWORD, "n": PASSWORD},
        token=token,
    )


# What each role may read in catalog, approval or supervision, and credit: a probe that
# answers without errors once every subgraph process has reloaded the policy.
_PROBES = {
    "credit_officer": "{ departments { id } subjects(first: 1) { name } }",
}
_PROBE = "{ departments { id } applications(first: 1) { id } findings(first: 1) { id } }"


def _wait_for_roles(scenario: Scenario, accounts: list[tuple[str, str]]) -> None:
    """Every subgraph process reloads the policy after a change; wait until all have."""
    for username, role in accounts:
        token = scenario.as_user(username)
        probe = _PROBES.get(role, _PROBE)
        scenario.wait_until(
            lambda token=token, probe=probe: (
                not scenario.gateway.raw(probe, token=token).get("errors")
            ),
            f"the roles of {username} to reach every subgraph",
        )


def _local_today(scenario: Scenario) -> str:
    return scenario.clock.now().astimezone(LOCAL_TZ).date().isoformat()


def _people(scenario: Scenario, dept: DepartmentPlan) -> None:
    """The department's head (or the administrator) records its section, people, liaisons."""
    gw, city, plan = scenario.gateway, scenario.city, scenario.city.plan
    actor = scenario.as_user(plan.heads.get(dept.key, ADMIN))
    department_id = city.departments[dept.key]
    section = mutate(
        gw,
        actor,
        "createSection",
        "CreateSectionInput",
        "... on Section { id }",
        {"departmentId": department_id, "name": dept.section},
    )
    city.sections[dept.key] = section["id"]
    for person in dept.people:
        made = mutate(
            gw,
            actor,
            "createPerson",
            "CreatePersonInput",
            "... on Person { id }",
            {
                "sectionId": section["id"],
                "name": person.name,
                "mobile": person.mobile,
                "officePhone": "0737-4200000",
                "role": ROLE_NAMES.get(person.liaison or "", "科员"),
            },
        )
        city.people[person.key] = made["id"]
        if person.liaison:
            mutate(
                gw,
                actor,
                "setLiaison",
                "SetLiaisonInput",
                "... on Liaison { since }",
                {
                    "departmentId": department_id,
                    "kind": person.liaison,
                    "personId": made["id"],
                    "since": _local_today(scenario),
                },
            )


def build_city(scenario: Scenario, plan: CityPlan = CITY) -> City:
    """Departments, accounts and roles (administrator); sections, people, liaisons and
    matters (each department head); linkages (approving head files, supervising heads
    confirm); publication (coordination office): all through the gateway."""
    gw, city = scenario.gateway, scenario.city
    city.plan = plan
    admin = scenario.as_user(ADMIN)
    for dept in plan.departments:
        created = mutate(
            gw,
            admin,
            "createDepartment",
            "CreateDepartmentInput",
            "... on Department { id }",
            {"name": dept.name, "shortName": dept.short_name},
        )
        city.departments[dept.key] = created["id"]
    accounts: list[tuple[str, str]] = []
    for dept in plan.departments:
        for person in dept.people:
            if person.account is None:
                continue
            username, role = person.account
            mutate(
                gw,
                admin,
                "createAccount",
                "CreateAccountInput",
                "... on Account { username }",
                {
                    "username": username,
                    "displayName": f"{dept.short_name} {person.name}",
                    "initialPassword": INITIAL_PASSWORD,
                },
            )
            mutate(
                gw,
                admin,
                "assignRole",
                "RoleAssignmentInput",
                "... on PolicyVersion { id }",
                {"username": username, "role": role, "departmentId": city.departments[dept.key]},
                reason="情景测试：开通部门人员账号",
            )
            _first_sign_in(gw, username)
            accounts.append((username, role))
    _wait_for_roles(scenario, accounts)
    for dept in plan.departments:
        _people(scenario, dept)
    for matter in plan.matters:
        mutated = mutate(
            gw,
            scenario.as_user(plan.heads.get(matter.department, ADMIN)),
            "createMatter",
            "CreateMatterInput",
            "... on Matter { id }",
            {
                "code": matter.code,
                "name": matter.name,
                "kind": matter.kind,
                "departmentId": city.departments[matter.department],
                "legalBasis": "《中华人民共和国行政许可法》",
                "approvalCategory": matter.category,
            },
        )
        city.matters[matter.key] = mutated["id"]
    for linkage in plan.linkages:
        _file_linkage(scenario, linkage)
    published = gw.ok(
        'mutation { publishLinkageList(summary: "首次发布") {'
        f" ... on LinkageListVersion {{ number }} {ERRORS} }} }}",
        token=scenario.as_user(plan.publisher),
    )
    city.list_version = int(published["number"])
    # Approval routes pushes under its replica of the list: an acceptance made before the
    # worker delivered the publication would push nowhere.
    scenario.wait_delivered("catalog.linkage_list.published", "catalog.liaison.appointed")
    return city


def _matter_department(plan: CityPlan, matter_key: str) -> str:
    return next(m.department for m in plan.matters if m.key == matter_key)


def _first_person(plan: CityPlan, department_key: str) -> str:
    dept = next(d for d in plan.departments if d.key == department_key)
    return dept.people[0].key


def _file_linkage(scenario: Scenario, linkage: LinkagePlan) -> None:
    gw, city, plan = scenario.gateway, scenario.city, scenario.city.plan
    approving = _matter_department(plan, linkage.approval)
    supervising = _matter_department(plan, linkage.supervision)
    filer = scenario.as_user(plan.heads.get(approving, ADMIN))
    document = mutate(
        gw,
        filer,
        "uploadBasisDocument",
        "UploadBasisDocumentInput",
        "... on BasisDocument { id }",
        {
            "kind": "MEMORANDUM",
            "number": f"益审管备〔2027〕{len(city.linkages) + 1}号",
            "signedOn": _local_today(scenario),
            "parties": "市审批局、监管部门",
            "fileName": f"{linkage.key}.pdf",
            "contentBase64": base64.b64encode(PDF).decode(),
        },
    )
    made = mutate(
        gw,
        filer,
        "createLinkage",
        "LinkageInput",
        "... on Linkage { id }",
        {
            "approvalMatterId": city.matters[linkage.approval],
            "supervisionMatterId": city.matters[linkage.supervision],
            "approvingDepartmentId": city.departments[approving],
            "approvingSectionId": city.sections[approving],
            "approvingPersonId": city.people[_first_person(plan, approving)],
            "supervisingDepartmentId": city.departments[supervising],
            "supervisingSectionId": city.sections[supervising],
            "supervisingPersonId": city.people[_first_person(plan, supervising)],
            "principle": "WHO_GOVERNS",
            "basisDocumentId": document["id"],
            "channel": linkage.channel,
            "claimDays": linkage.claim_days,
            "feedbackDays": linkage.feedback_days,
            **({"reviewMode": linkage.review_mode} if linkage.review_mode else {}),
        },
    )
    city.linkages[linkage.key] = made["id"]
    gw.ok(
        "mutation($id: ID!) { confirmLinkage(id: $id) { ... on Linkage { confirmed } "
        + ERRORS
        + " } }",
        {"id": made["id"]},
        token=scenario.as_user(plan.heads.get(supervising, ADMIN)),
    )
