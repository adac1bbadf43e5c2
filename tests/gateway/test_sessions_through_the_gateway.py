"""Browser sessions (cookie) and policy changes across processes, through the real stack."""

from __future__ import annotations

import time

from api.core.auth import SESSION_COOKIE
from api.demo import DEMO_PASSWORD
from tests.trust import as_gateway

SIGN_IN = """mutation($u: String!, $p: String!) {
  signIn(username: $u, password: $p) { ... on SignInPayload { username } }
}"""


def test_sign_in_sets_an_httponly_strict_cookie_that_identifies_the_browser(gateway):
    response = gateway.post(SIGN_IN, {"u": "coord", "p": DEMO_PASSWORD})
    cookie = response.headers["set-cookie"]
    token = response.cookies[SESSION_COOKIE]

    me = gateway.post("{ me { username } }", cookies={SESSION_COOKIE: token}).json()

    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie or "SameSite=Strict" in cookie
    assert "Path=/" in cookie
    assert me == {"data": {"me": {"username": "coord"}}}


def test_sign_out_clears_the_cookie_and_ends_the_session_in_every_subgraph(gateway):
    token = gateway.post(SIGN_IN, {"u": "coord", "p": DEMO_PASSWORD}).cookies[SESSION_COOKIE]
    cookies = {SESSION_COOKIE: token}

    out = gateway.post("mutation { signOut { ok } }", cookies=cookies)
    after = gateway.post("{ departments { id } }", cookies=cookies).json()

    assert out.json() == {"data": {"signOut": {"ok": True}}}
    assert f'{SESSION_COOKIE}=""' in out.headers["set-cookie"]
    assert after["data"] is None
    assert after["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_the_access_subgraph_called_for_an_anonymous_caller_refuses(stack):
    body = as_gateway(stack, "access", {"query": "{ me { username } }"}).json()
    assert body["data"] == {"me": None}
    assert [e["extensions"] for e in body["errors"]] == [{"code": "UNAUTHENTICATED"}]


def _findings_allowed(stack, token: str) -> bool:
    body = as_gateway(
        stack, "supervision", {"query": "{ findings(first: 1) { id } }"}, token=token
    ).json()
    return not body.get("errors")


def _until(predicate, timeout: float = 5.0) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.02)
    return timeout


def test_a_role_change_reaches_another_subgraph_process_within_two_seconds(gateway, stack):
    admin = gateway.sign_in("admin")
    own = gateway.post("{ me { departmentIds } }", token=gateway.sign_in("spj_clerk")).json()
    dept = own["data"]["me"]["departmentIds"][0]
    change = """mutation($input: RoleAssignmentInput!) {
      %s(input: $input, reason: "跨进程生效测试") { __typename }
    }"""
    assignment = {"username": "probe_user", "role": "supervision_liaison", "departmentId": dept}
    gateway.post(
        """mutation { createAccount(input: {username: "probe_user", displayName: "probe",
             initialPassword: "Probe@2026", serviceAccount: true}) { __typename } }""",
        token=admin,
    )
    gateway.post(
        change % "assignRole",
        {"input": {**assignment, "role": "credit_officer"}},
        token=admin,
    )
    token = gateway.sign_in("probe_user", "Probe@2026")
    assert not _findings_allowed(stack, token)

    granted = gateway.post(change % "assignRole", {"input": assignment}, token=admin).json()
    seen = _until(lambda: _findings_allowed(stack, token))
    revoked = gateway.post(change % "revokeRole", {"input": assignment}, token=admin).json()
    gone = _until(lambda: not _findings_allowed(stack, token))

    assert granted == {"data": {"assignRole": {"__typename": "PolicyVersion"}}}
    assert revoked == {"data": {"revokeRole": {"__typename": "PolicyVersion"}}}
    assert seen < 2.0
    assert gone < 2.0
    print(  # noqa: T201 - the measured propagation time is reported with -s
        f"policy change visible in supervision after {seen * 1000:.0f} ms,"
        f" revocation {gone * 1000:.0f} ms"
    )


def test_the_audit_trail_records_the_socket_address_not_a_forged_header(gateway):
    gateway.http.post(
        gateway.url,
        json={"query": SIGN_IN, "variables": {"u": "wjw_liaison", "p": "wrong"}},
        headers={"x-forwarded-for": "203.0.113.7"},
    )
    gateway.http.cookies.clear()
    admin = gateway.sign_in("admin")

    body = gateway.post(
        """{ auditEntries(first: 1, filter: {actor: "wjw_liaison", action: SIGN_IN_FAILED}) {
               edges { node { actor action outcome clientAddress detail } } } }""",
        token=admin,
    ).json()

    assert body == {
        "data": {
            "auditEntries": {
                "edges": [
                    {
                        "node": {
                            "actor": "wjw_liaison",
                            "action": "SIGN_IN_FAILED",
                            "outcome": "FAILURE",
                            "clientAddress": "127.0.0.1",
                            "detail": {"reason": "BAD_CREDENTIALS"},
                        }
                    }
                ]
            }
        }
    }


def test_five_failed_sign_ins_lock_the_account_across_requests(gateway):
    codes = []
    for password in ["Wrong@1", "Wrong@2", "Wrong@3", "Wrong@4", "Wrong@5", DEMO_PASSWORD]:
        body = gateway.post(
            """mutation($u: String!, $p: String!) {
                 signIn(username: $u, password: $p) {
                   __typename ... on ValidationErrors { errors { code } }
                 }
               }""",
            {"u": "zjj_liaison", "p": password},
        ).json()
        codes.append(body["data"]["signIn"].get("errors", [{"code": None}])[0]["code"])

    assert codes == ["BAD_CREDENTIALS"] * 5 + ["LOCKED"]


def test_a_connected_systems_api_key_works_until_revoked(gateway):
    admin = gateway.sign_in("admin")
    fgw = gateway.post("{ me { departmentIds } }", token=gateway.sign_in("credit_officer")).json()
    dept = fgw["data"]["me"]["departmentIds"][0]
    gateway.post(
        """mutation { createAccount(input: {username: "svc_credit_platform",
             displayName: "省信用平台", initialPassword: "Svc@2026x", serviceAccount: true}) {
             __typename } }""",
        token=admin,
    )
    gateway.post(
        """mutation($d: String!) { assignRole(input: {username: "svc_credit_platform",
             role: "credit_officer", departmentId: $d}, reason: "省信用平台对接") {
             __typename } }""",
        {"d": dept},
        token=admin,
    )
    issued = gateway.post(
        """mutation($d: ID!) { issueApiKey(username: "svc_credit_platform", departmentId: $d,
             name: "省信用平台") { ... on IssuedApiKey { key apiKey { id departmentId } } } }""",
        {"d": dept},
        token=admin,
    ).json()["data"]["issueApiKey"]
    query = '{ subjects(keyword: "资江") { name } }'

    # The role reaches the credit process within the watcher's interval.
    _until(lambda: "errors" not in gateway.post(query, token=issued["key"]).json())
    before = gateway.post(query, token=issued["key"]).json()
    gateway.post(
        "mutation($id: ID!) { revokeApiKey(id: $id) { __typename } }",
        {"id": issued["apiKey"]["id"]},
        token=admin,
    )
    after = gateway.post(query, token=issued["key"]).json()

    assert issued["apiKey"]["departmentId"] == dept
    assert before == {"data": {"subjects": [{"name": "益阳市资江食品有限公司"}]}}
    assert after["data"] is None
    assert after["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_a_denied_access_is_audited_with_who_where_and_what(gateway):
    clerk = gateway.sign_in("spj_clerk")
    denied = gateway.post("{ policyVersions { id } }", token=clerk).json()
    me = gateway.post("{ me { departmentId } }", token=clerk).json()["data"]["me"]
    admin = gateway.sign_in("admin")

    body = gateway.post(
        """{ auditEntries(first: 1, filter: {actor: "spj_clerk", action: ACCESS_DENIED}) {
               edges { node { actor departmentId action target outcome detail } } } }""",
        token=admin,
    ).json()

    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert body == {
        "data": {
            "auditEntries": {
                "edges": [
                    {
                        "node": {
                            "actor": "spj_clerk",
                            "departmentId": me["departmentId"],
                            "action": "ACCESS_DENIED",
                            "target": "policyVersions",
                            "outcome": "DENIED",
                            "detail": {
                                "field": "policyVersions",
                                "reason": "FORBIDDEN",
                                "needs": "policy:admin",
                                "operation": "",
                            },
                        }
                    }
                ]
            }
        }
    }
