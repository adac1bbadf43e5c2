"""The account list through the real stack: the administrator sees it, nobody else does."""

from __future__ import annotations

from api.core.auth import SESSION_COOKIE
from api.demo import DEMO_PASSWORD

SIGN_IN = """mutation($u: String!, $p: String!) {
  signIn(username: $u, password: $p) { ... on SignInPayload { username } }
}"""
ACCOUNTS = """{ accounts(keyword: "admin", first: 5) {
  totalCount edges { node { username serviceAccount roleAssignments { role } } } } }"""


def _cookies(gateway, username: str) -> dict[str, str]:
    response = gateway.post(SIGN_IN, {"u": username, "p": DEMO_PASSWORD})
    return {SESSION_COOKIE: response.cookies[SESSION_COOKIE]}


def test_the_administrator_lists_accounts_with_their_roles(gateway):
    body = gateway.post(ACCOUNTS, cookies=_cookies(gateway, "admin")).json()

    assert "errors" not in body
    nodes = [e["node"] for e in body["data"]["accounts"]["edges"]]
    admin = next(n for n in nodes if n["username"] == "admin")
    assert admin["serviceAccount"] is False
    assert {"role": "system_admin"} in admin["roleAssignments"]


def test_a_city_wide_reader_and_an_anonymous_caller_are_refused(gateway):
    coord = gateway.post(ACCOUNTS, cookies=_cookies(gateway, "coord")).json()
    anonymous = gateway.post(ACCOUNTS).json()

    assert coord["data"] is None
    assert [e["extensions"]["code"] for e in coord["errors"]] == ["FORBIDDEN"]
    assert anonymous["data"] is None
    assert [e["extensions"]["code"] for e in anonymous["errors"]] == ["UNAUTHENTICATED"]
