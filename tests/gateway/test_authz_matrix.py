"""Through the gateway: every root field × every role × own and foreign department."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from graphql import OperationType, build_schema, parse, validate

from api.compose import SUPERGRAPH_PATH
from tests.gateway.authz_matrix import ANONYMOUS, MATRIX, ROLES, TARGET_VARIABLES, Row
from tests.gateway.conftest import MATRIX_PASSWORD

DENIED = {"FORBIDDEN", "UNAUTHENTICATED"}


def _root_fields() -> set[str]:
    schema = build_schema(SUPERGRAPH_PATH.read_text("utf-8"))
    fields: set[str] = set()
    for root in (schema.query_type, schema.mutation_type, schema.subscription_type):
        if root is not None:
            fields.update(root.fields)
    return fields


def test_every_root_field_has_a_matrix_row():
    fields = _root_fields()
    assert sorted(fields - MATRIX.keys()) == [], "add these fields to tests/gateway/authz_matrix.py"
    assert sorted(MATRIX.keys() - fields) == [], "these matrix rows name no field"


def test_every_matrix_operation_is_valid_against_the_supergraph():
    schema = build_schema(SUPERGRAPH_PATH.read_text("utf-8"))
    problems = {
        field: [e.message for e in errors]
        for field, row in MATRIX.items()
        if (errors := validate(schema, parse(row.operation)))
    }
    assert problems == {}


def _codes_in(data: Any) -> set[str]:
    """Every ValidationErrors ``code`` (and ``field:code``) anywhere in an answer's data."""
    if isinstance(data, dict):
        found: set[str] = set()
        if isinstance(data.get("code"), str):
            found = {data["code"], f"{data.get('field')}:{data['code']}"}
        return found.union(*(_codes_in(v) for v in data.values()))
    if isinstance(data, list):
        return set().union(*(_codes_in(v) for v in data))
    return set()


def _is_subscription(operation: str) -> bool:
    (definition,) = parse(operation).definitions
    return getattr(definition, "operation", None) == OperationType.SUBSCRIPTION


def _first_event(url: str, operation: str, token: str | None) -> Any:
    """Open a subscription as server-sent events and read its first event."""
    headers = {"accept": "text/event-stream"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    body = {"query": operation}
    with httpx.stream("POST", url, json=body, headers=headers, timeout=10) as response:
        for line in response.iter_lines():
            if line.startswith("data:") and line[5:].strip():
                return json.loads(line[5:])
    return None


def _outcome(gateway, row: Row, token: str | None, target: dict[str, str]) -> str:
    variables = {k: v for k, v in target.items() if f"${k}" in row.operation}
    body = gateway.post(row.operation, variables, token=token).json()
    codes = {(e.get("extensions") or {}).get("code") for e in body.get("errors") or []}
    if codes & DENIED:
        return "deny"
    assert "errors" not in body, body
    if _codes_in(body["data"]) & row.refused:
        return "deny"
    if row.null_is_deny and None in body["data"].values():
        return "deny"
    return "allow"


def test_authorization_matrix_through_the_gateway(gateway, matrix_users):
    observed: dict[str, dict[str, tuple[str, str]]] = {}
    expected: dict[str, dict[str, tuple[str, str]]] = {}
    targets = matrix_users.targets
    assert {name: sorted(t) for name, t in targets.items()} == {
        "own": sorted(TARGET_VARIABLES),
        "foreign": sorted(TARGET_VARIABLES),
    }
    for field, row in sorted(MATRIX.items()):
        if _is_subscription(row.operation):
            continue  # test_subscription_refusals_through_the_gateway
        observed[field], expected[field] = {}, {}
        for who in (*ROLES, ANONYMOUS):
            outcomes = []
            for target, objects in targets.items():
                token = None
                if who != ANONYMOUS:
                    token = (
                        gateway.sign_in(f"matrix_{who}", MATRIX_PASSWORD)
                        if row.fresh_session
                        else matrix_users.tokens[who]
                    )
                outcomes.append(_outcome(gateway, row, token, objects))
                del target
            observed[field][who] = (outcomes[0], outcomes[1])
            expected[field][who] = tuple(  # type: ignore[assignment]
                "allow"
                if (who == ANONYMOUS and row.public)
                or (who != ANONYMOUS and who in row.allowed_in(target))
                else "deny"
                for target in targets
            )
    assert observed == expected


@pytest.mark.xfail(
    strict=True,
    reason="Hive Gateway masks the subgraph's FORBIDDEN/UNAUTHENTICATED on a subscription"
    " (over its WebSocket transport) as INTERNAL_SERVER_ERROR 'Unexpected error.'",
)
def test_subscription_refusals_through_the_gateway(gateway, matrix_users):
    """Subscriptions run as server-sent events; a refused caller gets the error at once.

    Only refusals are exercised: an allowed subscription stays open, and when the matrix
    opened and dropped ten of them the gateway process ended about 30 s later (an unhandled
    DOMException TimeoutError, its request deadline), taking the session's stack down.
    """
    observed: dict[str, dict[str, str]] = {}
    expected: dict[str, dict[str, str]] = {}
    for field, row in sorted(MATRIX.items()):
        if not _is_subscription(row.operation):
            continue
        refused = [who for who in ROLES if who not in row.allowed] + [ANONYMOUS]
        expected[field] = dict.fromkeys(refused, "deny")
        observed[field] = {}
        for who in refused:
            token = None if who == ANONYMOUS else matrix_users.tokens[who]
            event = _first_event(gateway.url, row.operation, token)
            errors = (event or {}).get("errors") or []
            codes = {(e.get("extensions") or {}).get("code") for e in errors}
            observed[field][who] = "deny" if codes & DENIED else f"answered {event}"
    assert observed == expected
