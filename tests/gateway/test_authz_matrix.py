"""Through the gateway: every root field × every role × own and foreign department."""

from __future__ import annotations

from typing import Any

from graphql import build_schema, parse, validate

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
