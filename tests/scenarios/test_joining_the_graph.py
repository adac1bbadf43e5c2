"""A department's own system joins the graph (issue 21): the county bureau's inspection
system (examples/county-inspection/, its own process and SQLite file) runs beside the stack
that `shenguan serve` starts; the gateway signs its calls with the bureau's own key.

The clerk's application is accepted and pushed, 市市场监管局's liaison records a finding, the
bureau records visits in its own system; one query through the gateway joins the
application, its pushes, our finding and the bureau's visits, in the caller's scope, and the
bureau's own log shows who asked from which department. Steps run in file order.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from api import registry
from api.compose import fetch_sdl
from api.core.config import ROOT_DIR
from api.core.identifiers import make_uscc
from api.core.trust import sign_assertion
from tests.databases import migrated_database
from tests.scenarios.harness import (
    CITY,
    ERRORS,
    City,
    Clock,
    Gateway,
    Scenario,
    build_city,
    free_port,
    mutate,
    start_stack,
)

EXAMPLE_DIR = ROOT_DIR / "examples" / "county-inspection"
NAME = "county_inspection"
COMPANY = (make_uscc("91430903MA4L8821"[:17].ljust(17, "3")), "益阳赫山鲜味餐饮有限公司")

JOINED = """query($id: ID!) { application(id: $id) {
  id status
  pushes { channel department { id } }
  findings { kind summary }
  inspectionVisits { date inspector result note }
  applicant { creditCode countyInspection { visitCount lastDate lastResult } } } }"""


@dataclass
class Bureau:
    """The county bureau's system as its department runs it."""

    url: str
    key: str
    db: Path
    env: dict[str, str]
    process: subprocess.Popen[bytes]

    def run(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "county_inspection", *args],
            cwd=EXAMPLE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def access_log(self) -> list[dict[str, str | None]]:
        return [json.loads(line) for line in self.run("access-log").splitlines()]


@dataclass
class Joined:
    scenario: Scenario
    bureau: Bureau
    application: str = ""
    credit_code: str = ""
    notes: dict[str, str] = field(default_factory=dict)


def _start_bureau(work: Path) -> Bureau:
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(EXAMPLE_DIR),
        "COUNTY_DB": str(work / "county-inspection.db"),
        "COUNTY_GATEWAY_KEY": secrets.token_urlsafe(32),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "county_inspection", "serve", "--port", str(port)],
        cwd=EXAMPLE_DIR,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "the example subgraph exited during start"
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    return Bureau(
        url=f"http://127.0.0.1:{port}/graphql",
        key=env["COUNTY_GATEWAY_KEY"],
        db=work / "county-inspection.db",
        env=env,
        process=process,
    )


@pytest.fixture(scope="module")
def joined(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Joined]:
    work = Path(tmp_path_factory.mktemp("joining"))
    clock = Clock(work / "clock")
    clock.set_local(2027, 3, 1)
    bureau = _start_bureau(work)
    try:
        with migrated_database(work) as url:
            stack = start_stack(
                work,
                url,
                clock.path,
                extra_env={
                    "SHENGUAN_EXTERNAL_COUNTY_INSPECTION_URL": bureau.url,
                    "SHENGUAN_EXTERNAL_COUNTY_INSPECTION_KEY": bureau.key,
                },
            )
            gateway = Gateway(stack.gateway_url)
            try:
                scenario = Scenario(stack=stack, gateway=gateway, clock=clock, city=City(CITY))
                build_city(scenario)
                yield Joined(scenario=scenario, bureau=bureau)
            finally:
                gateway.close()
                stack.stop()
    finally:
        if bureau.process.poll() is None:
            bureau.process.terminate()
            bureau.process.wait(timeout=10)


def test_an_application_is_accepted_pushed_and_found_on(joined: Joined) -> None:
    scenario, city = joined.scenario, joined.scenario.city
    gw, clerk = scenario.gateway, scenario.as_user("clerk")
    code, name = COMPANY
    app = mutate(
        gw,
        clerk,
        "submitApplication",
        "SubmitApplicationInput",
        "... on Application { id applicant { creditCode } }",
        {
            "matterId": city.matters["food"],
            "applicantCode": code,
            "applicantName": name,
            "applicantContact": "0737-4100000",
            "applicantAddress": "益阳市赫山区",
        },
    )
    joined.application, joined.credit_code = app["id"], app["applicant"]["creditCode"]
    check = gw.ok(
        """query($code: String!, $app: ID!) { creditCheck(subjectCode: $code,
             applicationId: $app, purpose: "受理审查") { ... on CreditCheck { ticket } """
        + ERRORS
        + " } }",
        {"code": code, "app": joined.application},
        token=clerk,
    )
    mutate(
        gw,
        clerk,
        "acceptApplication",
        "AcceptApplicationInput",
        "... on Application { status }",
        {
            "applicationId": joined.application,
            "handlingMode": "NORMAL",
            "creditTicket": check["ticket"],
            "skipReason": "DOCUMENTS_COMPLETE",
        },
    )
    # The worker routes the acceptance's pushes under the published list.
    scenario.wait_until(
        lambda: (
            len(
                gw.data(
                    "query($id: ID!) { application(id: $id) { pushes { id } } }",
                    {"id": joined.application},
                    token=clerk,
                )["application"]["pushes"]
            )
            == 2
        ),
        "the acceptance's two pushes",
    )
    # Supervision learns of its pushes from the outbox (it checks them before a finding).
    scenario.wait_delivered("approval.push.created")
    finding = mutate(
        gw,
        scenario.as_user("scjg_liaison"),
        "recordFinding",
        "RecordFindingInput",
        "... on Finding { kind }",
        {
            "kind": "INSPECTION",
            "summary": "许可后首次检查，未见异常",
            "foundOn": "2027-03-01",
            "applicationId": joined.application,
        },
    )
    assert finding == {"kind": "INSPECTION"}


def test_the_bureau_records_visits_in_its_own_system(joined: Joined) -> None:
    scjg = joined.scenario.city.departments["scjg"]
    for day, inspector, result, note in (
        ("2027-03-02", "赫山区市场监管局 刘检", "RECTIFICATION_REQUIRED", "后厨排烟不畅，限期一周"),
        ("2027-03-09", "赫山区市场监管局 刘检", "PASSED", "复查：已整改"),
    ):
        joined.bureau.run(
            "add-visit",
            "--application",
            joined.application,
            "--subject",
            joined.credit_code,
            "--date",
            day,
            "--inspector",
            inspector,
            "--result",
            result,
            "--department",
            scjg,
            "--note",
            note,
        )
        joined.notes[day] = note
    # Bad input is refused by the bureau's own system, naming the field.
    done = subprocess.run(
        [
            *(sys.executable, "-m", "county_inspection", "add-visit", "--application", "1"),
            *("--subject", "x", "--date", "2027-03-03", "--inspector", "某", "--result", "GOOD"),
            *("--department", scjg),
        ],
        cwd=EXAMPLE_DIR,
        env=joined.bureau.env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "result:" in done.stderr


def test_one_query_joins_pushes_findings_and_the_bureaus_visits(joined: Joined) -> None:
    scenario, city = joined.scenario, joined.scenario.city
    answer = scenario.gateway.data(
        JOINED, {"id": joined.application}, token=scenario.as_user("clerk")
    )["application"]

    assert answer["status"] == "ACCEPTED"
    assert sorted((p["department"]["id"], p["channel"]) for p in answer["pushes"]) == sorted(
        [(city.departments["scjg"], "ONLINE"), (city.departments["wjw"], "LETTER")]
    )
    assert answer["findings"] == [{"kind": "INSPECTION", "summary": "许可后首次检查，未见异常"}]
    # The bureau's scope: its internal notes only for its own department (市市场监管局).
    assert answer["inspectionVisits"] == [
        {
            "date": "2027-03-02",
            "inspector": "赫山区市场监管局 刘检",
            "result": "RECTIFICATION_REQUIRED",
            "note": None,
        },
        {
            "date": "2027-03-09",
            "inspector": "赫山区市场监管局 刘检",
            "result": "PASSED",
            "note": None,
        },
    ]
    assert answer["applicant"]["countyInspection"] == {
        "visitCount": 2,
        "lastDate": "2027-03-09",
        "lastResult": "PASSED",
    }


def test_the_bureau_sees_the_callers_department(joined: Joined) -> None:
    scenario, city = joined.scenario, joined.scenario.city
    before = len(joined.bureau.access_log())
    visits = scenario.gateway.data(
        "query($id: ID!) { application(id: $id) { inspectionVisits { date note } } }",
        {"id": joined.application},
        token=scenario.as_user("scjg_liaison"),
    )["application"]["inspectionVisits"]
    # The inspecting department's own user reads the notes.
    assert [v["note"] for v in visits] == list(joined.notes.values())

    asked = joined.bureau.access_log()[before:]
    assert [(r["username"], r["department_id"], r["what"]) for r in asked] == [
        ("scjg_liaison", city.departments["scjg"], f"Application {joined.application}")
    ]
    earlier = joined.bureau.access_log()[:before]
    assert ("clerk", city.departments["spj"]) in {
        (r["username"], r["department_id"]) for r in earlier
    }


def test_out_of_scope_callers_never_reach_the_bureau(joined: Joined) -> None:
    scenario = joined.scenario
    before = len(joined.bureau.access_log())
    # 市发改委's credit officer has no application read: our subgraph answers null, and the
    # gateway never asks the bureau on their behalf.
    body = scenario.gateway.raw(
        "query($id: ID!) { application(id: $id) { id inspectionVisits { date } } }",
        {"id": joined.application},
        token=scenario.as_user("credit_officer"),
    )
    assert (body.get("data") or {}).get("application") is None
    assert joined.bureau.access_log()[before:] == []


def _direct(bureau: Bureau, assertion: str | None, body: bytes) -> httpx.Response:
    headers = {"content-type": "application/json"}
    if assertion is not None:
        headers["x-shenguan-assertion"] = assertion
    return httpx.post(bureau.url, content=body, headers=headers, timeout=10)


def test_the_bureau_refuses_what_the_gateway_did_not_sign_for_it(joined: Joined) -> None:
    bureau, stack = joined.bureau, joined.scenario.stack
    body = json.dumps(
        {
            "query": "query($r: [_Any!]!) { _entities(representations: $r) "
            "{ ... on Application { inspectionVisits { inspector note } } } }",
            "variables": {"r": [{"__typename": "Application", "id": joined.application}]},
        }
    ).encode()

    def reason(response: httpx.Response) -> str:
        assert response.status_code == 401
        (error,) = response.json()["errors"]
        assert error["extensions"]["code"] == "GATEWAY_ASSERTION_REQUIRED"
        return str(error["extensions"]["reason"])

    assert reason(_direct(bureau, None, body)) == "missing"
    # Our own subgraphs' key is not the bureau's: the gateway never hands it out.
    ours = stack.env["SHENGUAN_GATEWAY_KEY"]
    signed_ours = sign_assertion(key=ours, audience=NAME, principal=None, body=body)
    assert reason(_direct(bureau, signed_ours, body)) == "unknown_key"
    for_approval = sign_assertion(key=bureau.key, audience="approval", principal=None, body=body)
    assert reason(_direct(bureau, for_approval, body)) == "wrong_audience"
    other_body = sign_assertion(key=bureau.key, audience=NAME, principal=None, body=b"{}")
    assert reason(_direct(bureau, other_body, body)) == "body_mismatch"
    good = sign_assertion(key=bureau.key, audience=NAME, principal=None, body=body)
    first = _direct(bureau, good, body)
    assert first.status_code == 200
    # Anonymous (signed, but no caller): the bureau answers no visits.
    assert first.json()["data"]["_entities"] == [{"inspectionVisits": []}]
    assert reason(_direct(bureau, good, body)) == "replayed"


def test_the_committed_sdl_is_what_the_running_bureau_serves(joined: Joined) -> None:
    (example,) = registry.external_subgraphs()
    fetched = fetch_sdl(example, joined.bureau.key, joined.bureau.url)
    assert fetched == example.sdl_path.read_text("utf-8")


def test_an_outage_of_the_bureau_leaves_our_application_answering(joined: Joined) -> None:
    scenario = joined.scenario
    joined.bureau.process.terminate()
    joined.bureau.process.wait(timeout=10)
    body = scenario.gateway.raw(JOINED, {"id": joined.application}, token=scenario.as_user("clerk"))
    application = body["data"]["application"]
    assert application["status"] == "ACCEPTED"
    assert len(application["pushes"]) == 2
    assert application["findings"] == [
        {"kind": "INSPECTION", "summary": "许可后首次检查，未见异常"}
    ]
    assert application["inspectionVisits"] is None
    assert application["applicant"]["countyInspection"] is None
    assert {tuple(e["path"][1:]) for e in body["errors"]} == {
        ("inspectionVisits",),
        ("applicant", "countyInspection"),
    }
