"""Subgraphs answer only the gateway: direct calls to every subgraph's port, for every
entity type it resolves, get no data and a typed 401 unless the gateway signed them."""

from __future__ import annotations

import importlib
import json
import re
import time
from pathlib import Path

import httpx
import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect
from websockets.typing import Subprotocol

from api.core.auth import Principal
from api.core.trust import ASSERTION_HEADER, REFUSAL_CODE, sign_assertion
from api.registry import NAMES as SUBGRAPHS
from tests.trust import as_gateway, encode, signed_headers

PERSISTED = Path(__file__).parents[2] / "web" / "src" / "graphql" / "persisted-documents.json"
_KEY = re.compile(r'type (\w+) @key\(fields: "(\w+)"')


def entity_types(subgraph: str) -> list[tuple[str, str]]:
    """(type, key field) of every entity the subgraph's schema resolves."""
    schema = importlib.import_module(f"api.{subgraph}.schema").schema
    return sorted(set(_KEY.findall(schema.as_str())))


# The access subgraph owns no entity: its root field `me` stands for it.
CASES = [
    *((name, typename, key) for name in SUBGRAPHS for typename, key in entity_types(name)),
    ("access", "Query", "me"),
]


def entities_query(typename: str, key: str) -> dict[str, object]:
    if typename == "Query":
        return {"query": f"{{ {key} {{ __typename }} }}"}
    return {
        "query": "query($r: [_Any!]!) { _entities(representations: $r) { __typename } }",
        "variables": {"r": [{"__typename": typename, key: "1"}]},
    }


def assert_refused(response: httpx.Response, reason: str | None = None) -> None:
    assert response.status_code == 401, response.text
    body = response.json()
    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"]["code"] == REFUSAL_CODE
    if reason is not None:
        assert error["extensions"]["reason"] == reason


def test_every_subgraph_but_access_resolves_entities():
    assert {name for name in SUBGRAPHS if entity_types(name)} == set(SUBGRAPHS) - {"access"}


@pytest.fixture(scope="module")
def clerk_token(gateway) -> str:
    return gateway.sign_in("spj_clerk")


@pytest.mark.parametrize(("subgraph", "typename", "key"), CASES)
def test_a_direct_call_for_an_entity_is_refused_unless_the_gateway_signed_it(
    stack, clerk_token, subgraph, typename, key
):
    url = stack.subgraph_url(subgraph)
    payload = entities_query(typename, key)
    body = encode(payload)
    json_type = {"content-type": "application/json"}

    anonymous = httpx.post(url, content=body, headers=json_type)
    assert_refused(anonymous, "missing")

    forged = httpx.post(
        url,
        content=body,
        headers={
            **json_type,
            "x-user-id": "1",
            "x-username": "admin",
            "x-department-id": "1",
            "x-roles": "system_admin",
            ASSERTION_HEADER: sign_assertion(
                key="not-the-gateway-key-" * 3,
                audience=subgraph,
                principal=Principal(user_id=1, username="admin", department_id="1"),
                body=body,
            ),
        },
    )
    assert_refused(forged, "unknown_key")

    own_session = httpx.post(
        url,
        content=body,
        headers={**json_type, "authorization": f"Bearer {clerk_token}"},
        cookies={"sg_session": clerk_token},
    )
    assert_refused(own_session, "missing")

    key_of_stack = stack.env["SHENGUAN_GATEWAY_KEY"]
    expired = httpx.post(
        url,
        content=body,
        headers=signed_headers(subgraph, body, key=key_of_stack, issued_at=int(time.time()) - 120),
    )
    assert_refused(expired, "expired")

    once = signed_headers(subgraph, body, key=key_of_stack)
    first = httpx.post(url, content=body, headers=once)
    assert first.status_code == 200, first.text
    replayed = httpx.post(url, content=body, headers=once)
    assert_refused(replayed, "replayed")


def test_health_checks_need_no_assertion(stack):
    for name in SUBGRAPHS:
        health = httpx.get(stack.subgraph_url(name).removesuffix("/graphql") + "/health")
        assert health.status_code == 200, name


def test_a_subscription_socket_without_an_assertion_is_refused(stack):
    url = stack.subgraph_url("approval").replace("http://", "ws://")
    with pytest.raises(InvalidStatus) as refused:
        connect(url, subprotocols=[Subprotocol("graphql-transport-ws")], open_timeout=5)
    assert refused.value.response.status_code == 401


def test_the_credential_look_up_is_refused_unless_the_gateway_signed_it(stack, clerk_token):
    url = stack.subgraph_url("access").removesuffix("/graphql") + "/gateway/principal"
    answer = httpx.post(url, json={"authorization": f"Bearer {clerk_token}"})
    assert_refused(answer, "missing")


def test_the_gateway_signs_for_the_caller_it_authenticated(stack, clerk_token):
    body = as_gateway(stack, "access", {"query": "{ me { username } }"}, token=clerk_token)
    assert body.json() == {"data": {"me": {"username": "spj_clerk"}}}


def _web_document(operation: str) -> str:
    manifest = json.loads(PERSISTED.read_text(encoding="utf-8"))
    (document,) = [d for d in manifest.values() if re.search(rf"\bquery {operation}\b", d)]
    return str(document)


def test_calls_that_fan_out_in_parallel_are_each_signed_for_their_own_subgraph(
    gateway, clerk_token
):
    # The web app's application page reads approval, then credit (applicantCredit, through
    # @requires) beside supervision and catalog at once. Each call's assertion names the
    # subgraph it goes to: none is refused as meant for another (wrong_audience).
    show = _web_document("ApplicationShow")
    for _ in range(8):
        body = gateway.post(show, {"id": "1"}, token=clerk_token).json()
        assert "errors" not in body, body
        assert body["data"]["application"]["applicantCredit"]["levelLabel"]
