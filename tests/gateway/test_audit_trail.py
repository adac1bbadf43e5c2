"""The audit trail through the real stack: out-of-scope requests are on the record, once."""

from __future__ import annotations

from typing import Any

from tests.gateway.conftest import GatewayClient

DENIED = """query($actor: String!) {
  auditEntries(first: 20, filter: {actor: $actor, outcome: DENIED}) {
    edges { node { id actor departmentId action target outcome detail } } } }"""


def _denied(gateway: GatewayClient, actor: str) -> list[dict[str, Any]]:
    body = gateway.post(DENIED, {"actor": actor}, token=gateway.sign_in("admin")).json()
    return [e["node"] for e in body["data"]["auditEntries"]["edges"]]


def _foreign_application(gateway: GatewayClient) -> str:
    """An application of 市审批局, outside 赫山区审批局's scope."""
    body = gateway.post("{ applications(first: 1) { id } }", token=gateway.sign_in("spj_clerk"))
    return str(body.json()["data"]["applications"][0]["id"])


def _new_rows(gateway: GatewayClient, actor: str, before: list[dict[str, Any]]) -> list[Any]:
    seen = {row["id"] for row in before}
    return [row for row in _denied(gateway, actor) if row["id"] not in seen]


def _department(gateway: GatewayClient, token: str) -> str:
    return str(
        gateway.post("{ me { departmentId } }", token=token).json()["data"]["me"]["departmentId"]
    )


def test_an_out_of_scope_read_by_id_answers_null_and_leaves_one_denied_row(gateway):
    application = _foreign_application(gateway)
    clerk = gateway.sign_in("hs_clerk")
    before = _denied(gateway, "hs_clerk")

    body = gateway.post(
        "query ReadForeign($id: ID!) { application(id: $id) { id } }",
        {"id": application},
        token=clerk,
    ).json()

    assert body == {"data": {"application": None}}
    assert _new_rows(gateway, "hs_clerk", before) == [
        {
            "id": _new_rows(gateway, "hs_clerk", before)[0]["id"],
            "actor": "hs_clerk",
            "departmentId": _department(gateway, clerk),
            "action": "ACCESS_DENIED",
            "target": f"application:{application}",
            "outcome": "DENIED",
            "detail": {
                "field": "application",
                "reason": "OUT_OF_SCOPE",
                "needs": "",
                "object": f"application:{application}",
                "operation": "ReadForeign",
            },
        }
    ]


def test_an_out_of_scope_mutation_answers_not_found_and_leaves_one_denied_row(gateway):
    application = _foreign_application(gateway)
    clerk = gateway.sign_in("hs_clerk")
    before = _denied(gateway, "hs_clerk")

    body = gateway.post(
        """mutation CompleteForeign($id: ID!) {
             completeApplication(input: {applicationId: $id, outcome: APPROVED,
                                         documents: [{kind: LICENCE, number: "X-1"}]}) {
               __typename ... on ValidationErrors { errors { field code } } } }""",
        {"id": application},
        token=clerk,
    ).json()

    assert body == {
        "data": {
            "completeApplication": {
                "__typename": "ValidationErrors",
                "errors": [{"field": "applicationId", "code": "NOT_FOUND"}],
            }
        }
    }
    rows = _new_rows(gateway, "hs_clerk", before)
    assert [(r["target"], r["detail"]["reason"], r["detail"]["operation"]) for r in rows] == [
        (f"application:{application}", "OUT_OF_SCOPE", "CompleteForeign")
    ]


def test_a_missing_object_is_no_refusal(gateway):
    clerk = gateway.sign_in("hs_clerk")
    before = _denied(gateway, "hs_clerk")

    body = gateway.post("{ application(id: 99999999) { id } }", token=clerk).json()

    assert body == {"data": {"application": None}}
    assert _new_rows(gateway, "hs_clerk", before) == []


ANY_DENIED = """{ auditEntries(first: 50, filter: {outcome: DENIED}) {
  edges { node { id actor target } } } }"""


def test_an_anonymous_session_probe_is_no_refusal_but_an_anonymous_read_is(gateway):
    admin = gateway.sign_in("admin")
    before = gateway.post(ANY_DENIED, token=admin).json()["data"]["auditEntries"]["edges"]
    seen = {e["node"]["id"] for e in before}

    probe = gateway.post("query Me { me { username } }").json()
    read = gateway.post("{ applications(first: 1) { id } }").json()

    after = gateway.post(ANY_DENIED, token=admin).json()["data"]["auditEntries"]["edges"]
    assert probe["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert read["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    fresh = [e["node"] for e in after if e["node"]["id"] not in seen]
    assert [(n["actor"], n["target"]) for n in fresh] == [(None, "applications")]


POLICY_ROWS = """{ auditEntries(first: 5, filter: {action: POLICY_CHANGE, actor: "admin"}) {
  edges { node { id target outcome detail } } } }"""
ADD = """mutation($input: PermissionInput!) { addPermission(input: $input, reason: "审计测试") {
  __typename ... on PolicyVersion { id } ... on ValidationErrors { errors { field code } } } }"""
REMOVE = """mutation($input: PermissionInput!) {
  removePermission(input: $input, reason: "审计测试结束") {
  __typename ... on ValidationErrors { errors { field code } } } }"""


def test_a_policy_change_is_audited_with_the_rules_before_and_after_and_a_refused_one_too(
    gateway,
):
    admin = gateway.sign_in("admin")
    rule = {
        "role": "credit_officer",
        "departmentId": "*",
        "object": "escalation",
        "action": "read",
    }
    row = ["p", "credit_officer", "*", "escalation", "read"]

    added = gateway.post(ADD, {"input": rule}, token=admin).json()["data"]["addPermission"]
    refused = gateway.post(ADD, {"input": rule}, token=admin).json()["data"]["addPermission"]
    rows = gateway.post(POLICY_ROWS, token=admin).json()["data"]["auditEntries"]["edges"]
    gateway.post(REMOVE, {"input": rule}, token=admin)

    assert added["__typename"] == "PolicyVersion"
    assert refused == {
        "__typename": "ValidationErrors",
        "errors": [{"field": "rule", "code": "DUPLICATE"}],
    }
    failure, success = rows[0]["node"], rows[1]["node"]
    assert (failure["outcome"], failure["target"], failure["detail"]) == (
        "FAILURE",
        "新增 p, credit_officer, *, escalation, read",
        {
            "attempted": {"rule": row},
            "reason": "审计测试",
            "refused": [{"field": "rule", "code": "DUPLICATE", "message": "该规则已存在"}],
        },
    )
    detail = success["detail"]
    assert success["outcome"] == "SUCCESS"
    assert detail["reason"] == "审计测试"
    assert detail["version"] == int(added["id"])
    assert (detail["added"], detail["removed"]) == ([row], [])
    assert row not in detail["before"]
    assert detail["after"] == [*detail["before"], row]


def _rows(gateway: GatewayClient, actor: str, action: str) -> list[dict[str, Any]]:
    body = gateway.post(
        """query($actor: String!, $action: AuditAction!) {
             auditEntries(first: 20, filter: {actor: $actor, action: $action}) {
               edges { node { id target outcome detail } } } }""",
        {"actor": actor, "action": action},
        token=gateway.sign_in("admin"),
    ).json()
    return [e["node"] for e in body["data"]["auditEntries"]["edges"]]


def test_a_city_wide_read_and_an_export_of_the_lookup_log_are_on_the_record(gateway):
    coord = gateway.sign_in("coord")
    reads, exports = _rows(gateway, "coord", "CITY_WIDE_READ"), _rows(gateway, "coord", "EXPORT")

    listed = gateway.post("{ creditLookups(first: 5) { id } }", token=coord).json()
    exported = gateway.post("{ exportCreditLookups { filename } }", token=coord).json()

    assert "errors" not in listed, listed
    assert "errors" not in exported, exported
    new_reads = [r for r in _rows(gateway, "coord", "CITY_WIDE_READ") if r not in reads]
    new_exports = [r for r in _rows(gateway, "coord", "EXPORT") if r not in exports]
    assert [(r["target"], r["outcome"], r["detail"]["city_wide"]) for r in new_reads] == [
        ("credit_lookups", "SUCCESS", True)
    ]
    assert [(r["target"], r["outcome"]) for r in new_exports] == [("credit_lookups", "SUCCESS")]
