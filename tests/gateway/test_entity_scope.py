"""Through the gateway, an entity reference never escapes its department (docs/TRUST.md)."""

from __future__ import annotations

from api.core.identifiers import make_uscc
from tests.trust import as_gateway

CHECK = """
query($code: String!, $app: ID!) {
  creditCheck(subjectCode: $code, applicationId: $app, purpose: "受理前核查信用") { __typename }
}
"""
ENTITIES = """query($r: [_Any!]!) {
  _entities(representations: $r) { ... on Application { applicantName } }
}"""
LOOKUPS = """query($app: ID!) {
  creditLookups(applicationId: $app) { applicationId application { id applicantName } }
}"""


def test_an_application_referenced_by_the_lookup_log_resolves_only_within_scope(gateway, stack):
    clerk = gateway.sign_in("spj_clerk")
    own = gateway.post("{ applications(first: 1) { id applicantName } }", token=clerk).json()
    [application] = own["data"]["applications"]
    checked = gateway.post(
        CHECK, {"code": make_uscc("91430900MA4L00006"), "app": application["id"]}, token=clerk
    ).json()
    assert checked["data"]["creditCheck"]["__typename"] == "CreditCheck", checked

    # The credit office reads every department's lookup log but holds no `application, read`:
    # the gateway's `_entities` call for the application at the approval subgraph answers null.
    officer = gateway.sign_in("credit_officer")
    response = gateway.post(LOOKUPS, {"app": application["id"]}, token=officer)
    body = response.json()
    assert body["data"]["creditLookups"]
    assert all(row["application"] is None for row in body["data"]["creditLookups"])
    assert application["applicantName"] not in response.text
    # (The gateway adds an error for the null entity's non-null `applicantName`.)
    assert {tuple(e["path"][-1:]) for e in body.get("errors", [])} <= {("applicantName",)}

    # The approval subgraph itself, asked by the gateway for this caller, answers null.
    direct = as_gateway(
        stack,
        "approval",
        {
            "query": ENTITIES,
            "variables": {"r": [{"__typename": "Application", "id": application["id"]}]},
        },
        token=officer,
    ).json()
    assert direct == {"data": {"_entities": [None]}}

    # The coordination office reads applications city-wide: the same query resolves them.
    coord = gateway.sign_in("coord")
    seen = gateway.post(LOOKUPS, {"app": application["id"]}, token=coord).json()
    assert {row["application"]["applicantName"] for row in seen["data"]["creditLookups"]} == {
        application["applicantName"]
    }
