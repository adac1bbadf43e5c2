"""Through the gateway: every root field × every role × own and foreign department."""

from __future__ import annotations

from graphql import build_schema

from api.compose import SUPERGRAPH_PATH
from tests.gateway.authz_matrix import ANONYMOUS, MATRIX, ROLES, Row
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


def _outcome(gateway, row: Row, token: str | None, department: str) -> str:
    variables = {"dept": department} if "$dept" in row.operation else {}
    body = gateway.post(row.operation, variables, token=token).json()
    codes = {(e.get("extensions") or {}).get("code") for e in body.get("errors") or []}
    if codes & DENIED:
        return "deny"
    assert "errors" not in body, body
    return "allow"


def test_authorization_matrix_through_the_gateway(gateway, matrix_users):
    observed: dict[str, dict[str, tuple[str, str]]] = {}
    expected: dict[str, dict[str, tuple[str, str]]] = {}
    targets = {
        "own": matrix_users.own_department,
        "foreign": matrix_users.foreign_department,
    }
    for field, row in sorted(MATRIX.items()):
        observed[field], expected[field] = {}, {}
        for who in (*ROLES, ANONYMOUS):
            outcomes = []
            for target, department in targets.items():
                token = None
                if who != ANONYMOUS:
                    token = (
                        gateway.sign_in(f"matrix_{who}", MATRIX_PASSWORD)
                        if row.fresh_session
                        else matrix_users.tokens[who]
                    )
                outcomes.append(_outcome(gateway, row, token, department))
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
