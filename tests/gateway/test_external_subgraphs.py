"""An external subgraph whose key the gateway was not given is never called: its fields
answer null with a typed error, and our data still answers (docs/joining-the-graph.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.launcher import Stack
from tests.gateway.conftest import GatewayClient


def test_without_its_key_the_external_subgraph_is_refused_at_the_gateway(
    stack: Stack, gateway: GatewayClient
) -> None:
    assert "SHENGUAN_EXTERNAL_COUNTY_INSPECTION_KEY" not in stack.env
    body = gateway.post(
        "{ applications(first: 2) { id status inspectionVisits { date } } }",
        token=gateway.sign_in("spj_clerk"),
    ).json()

    applications = body["data"]["applications"]
    assert applications
    assert all(a["status"] and a["inspectionVisits"] is None for a in applications)
    codes = {e["extensions"]["code"] for e in body["errors"]}
    assert codes == {"EXTERNAL_SUBGRAPH_UNAVAILABLE"}
    assert all(e["path"][-1] == "inspectionVisits" for e in body["errors"])
    log = (Path(stack.log_dir or "") / "gateway.log").read_text("utf-8")
    assert "no SHENGUAN_EXTERNAL_COUNTY_INSPECTION_KEY" in log


@pytest.mark.parametrize("field", ["inspectionVisits", "countyInspection"])
def test_the_public_schema_holds_the_joined_fields(gateway: GatewayClient, field: str) -> None:
    owner = "Application" if field == "inspectionVisits" else "Subject"
    body = gateway.post(
        "query($t: String!) { __type(name: $t) { fields { name type { kind } } } }",
        {"t": owner},
        token=gateway.sign_in("spj_clerk"),
    ).json()
    fields = {f["name"]: f["type"]["kind"] for f in body["data"]["__type"]["fields"]}
    # Nullable: the department's system being down never nulls our object.
    assert fields[field] != "NON_NULL"
