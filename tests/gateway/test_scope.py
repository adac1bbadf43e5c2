"""Responsibility scope through the gateway: guessed ids and wider filters find nothing.

A department user sees linkages their department is on either side of, edits only their
own department's matters and people, and reads only their own department's credit look-ups
(department heads); the coordination office sees the whole city. Demo data (api/demo.py):
市审批局 approves five linkages; 赫山区审批局 → 市卫健委 (公共场所卫生许可) involves neither
市审批局 nor 市市场监管局.
"""

from __future__ import annotations

from typing import Any

import pytest

from api.core.pagination import encode_cursor
from tests.gateway.conftest import GatewayClient

ALL_LINKAGES = """{ linkages(first: 100) { edges { node { id approvalMatter { code } } } } }"""
LINKAGE = "query($id: ID!) { linkage(id: $id) { id approvalMatter { code } } }"
PAGE = """query($first: Int, $after: String, $dept: ID) {
  linkages(first: $first, after: $after, departmentId: $dept) {
    totalCount
    edges { cursor node { id } }
    pageInfo { hasNextPage }
  }
}"""
SPJ_APPROVES = [f"430900-XK-000{n}" for n in range(1, 6)]
COUNTY = "430903-XK-0001"  # 赫山区审批局 → 市卫健委


@pytest.fixture(scope="module")
def tokens(gateway: GatewayClient) -> dict[str, str]:
    users = ("coord", "spj_clerk", "spj_head", "scjg_liaison", "hs_clerk", "credit_officer")
    return {user: gateway.sign_in(user) for user in users}


@pytest.fixture(scope="module")
def ids(gateway: GatewayClient, tokens: dict[str, str]) -> dict[str, str]:
    """Department ids by short name and linkage ids by approval matter code (city-wide)."""
    departments = gateway.post("{ departments { id shortName } }", token=tokens["coord"]).json()
    linkages = gateway.post(ALL_LINKAGES, token=tokens["coord"]).json()
    found = {d["shortName"]: d["id"] for d in departments["data"]["departments"]}
    for edge in linkages["data"]["linkages"]["edges"]:
        found[edge["node"]["approvalMatter"]["code"]] = edge["node"]["id"]
    return found


def _data(gateway: GatewayClient, query: str, variables: dict[str, Any], token: str) -> Any:
    body = gateway.post(query, variables, token=token).json()
    assert "errors" not in body, body
    return body["data"]


def test_a_guessed_linkage_id_of_another_department_answers_null(gateway, tokens, ids):
    county, own = ids[COUNTY], ids["430900-XK-0001"]
    assert _data(gateway, LINKAGE, {"id": county}, tokens["spj_clerk"]) == {"linkage": None}
    assert _data(gateway, LINKAGE, {"id": county}, tokens["scjg_liaison"]) == {"linkage": None}
    assert _data(gateway, LINKAGE, {"id": own}, tokens["hs_clerk"]) == {"linkage": None}
    # Either side of a linkage sees it; the coordination office sees every one.
    seen = {"linkage": {"id": own, "approvalMatter": {"code": "430900-XK-0001"}}}
    assert _data(gateway, LINKAGE, {"id": own}, tokens["spj_clerk"]) == seen
    assert _data(gateway, LINKAGE, {"id": own}, tokens["scjg_liaison"]) == seen
    assert _data(gateway, LINKAGE, {"id": county}, tokens["coord"]) == {
        "linkage": {"id": county, "approvalMatter": {"code": COUNTY}}
    }


def test_a_guessed_basis_document_of_another_departments_linkage_answers_null(gateway, tokens, ids):
    documents = {
        code: _data(
            gateway,
            "query($id: ID!) { linkage(id: $id) { basisDocument { id } } }",
            {"id": ids[code]},
            tokens["coord"],
        )["linkage"]["basisDocument"]["id"]
        for code in (COUNTY, "430900-XK-0001")
    }
    download = "query($id: ID!) { basisDocumentFile(id: $id) { fileName contentType } }"
    clerk = tokens["spj_clerk"]
    assert _data(gateway, download, {"id": documents[COUNTY]}, clerk) == {"basisDocumentFile": None}
    assert _data(gateway, download, {"id": documents["430900-XK-0001"]}, clerk) == {
        "basisDocumentFile": {
            "fileName": "益审管联〔2026〕1号.pdf",
            "contentType": "application/pdf",
        }
    }


def test_a_department_filter_cannot_widen_the_linkage_scope(gateway, tokens, ids):
    variables = {"first": 100, "after": None, "dept": ids["赫山区审批局"]}
    assert _data(gateway, PAGE, variables, tokens["spj_clerk"]) == {
        "linkages": {"totalCount": 0, "edges": [], "pageInfo": {"hasNextPage": False}}
    }
    city = _data(gateway, PAGE, variables, tokens["coord"])["linkages"]
    assert [e["node"]["id"] for e in city["edges"]] == [ids[COUNTY]]


def test_paging_through_linkages_yields_exactly_the_departments_scope(gateway, tokens, ids):
    seen: list[str] = []
    after = None
    while True:
        page = _data(
            gateway, PAGE, {"first": 2, "after": after, "dept": None}, tokens["spj_clerk"]
        )["linkages"]
        assert page["totalCount"] == len(SPJ_APPROVES)
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["edges"][-1]["cursor"]
    assert seen == sorted((ids[code] for code in SPJ_APPROVES), key=int)
    # A forged cursor past the department's rows does not reach anyone else's.
    forged = {"first": 100, "after": encode_cursor(len(SPJ_APPROVES) - 1), "dept": None}
    assert _data(gateway, PAGE, forged, tokens["spj_clerk"]) == {
        "linkages": {"totalCount": 5, "edges": [], "pageInfo": {"hasNextPage": False}}
    }


def test_another_departments_linkage_cannot_be_edited_or_deleted(gateway, tokens, ids):
    county = ids[COUNTY]
    deleted = gateway.post(
        """mutation($id: ID!) { deleteLinkage(id: $id) {
             __typename ... on ValidationErrors { errors { field code } } } }""",
        {"id": county},
        token=tokens["spj_clerk"],
    ).json()
    assert deleted == {
        "data": {
            "deleteLinkage": {
                "__typename": "ValidationErrors",
                "errors": [{"field": "id", "code": "NOT_FOUND"}],
            }
        }
    }
    assert _data(gateway, LINKAGE, {"id": county}, tokens["coord"])["linkage"] is not None


def _department_people(gateway: GatewayClient, token: str, department: str) -> dict[str, Any]:
    query = "query($d: ID!) { department(id: $d) { sections { id people { id } } } }"
    section = _data(gateway, query, {"d": department}, token)["department"]["sections"][0]
    return {"section": section["id"], "person": section["people"][0]["id"]}


def test_another_departments_people_and_matters_cannot_be_maintained(gateway, tokens, ids):
    foreign = _department_people(gateway, tokens["coord"], ids["市市场监管局"])
    head = tokens["spj_head"]
    answers = {
        "person": gateway.post(
            """mutation($s: ID!) { createPerson(input: {sectionId: $s, name: "张三"}) {
                 __typename ... on ValidationErrors { errors { field code } } } }""",
            {"s": foreign["section"]},
            token=head,
        ).json(),
        # The own department's liaison must be one of its own people.
        "liaison": gateway.post(
            """mutation($d: ID!, $p: ID!) { setLiaison(input: {departmentId: $d, kind: PUSH,
                 personId: $p, since: "2026-03-01"}) {
                 __typename ... on ValidationErrors { errors { field code } } } }""",
            {"d": ids["市审批局"], "p": foreign["person"]},
            token=head,
        ).json(),
        "matter": gateway.post(
            """mutation($id: ID!) { updateMatter(id: $id, input: {name: "改名"}) {
                 __typename ... on ValidationErrors { errors { field code } } } }""",
            {"id": _matter_id(gateway, tokens["coord"], "430900-JG-0001")},
            token=head,
        ).json(),
    }
    refused = {"__typename": "ValidationErrors"}
    assert answers == {
        "person": {
            "data": {
                "createPerson": {
                    **refused,
                    "errors": [{"field": "sectionId", "code": "NOT_OWN_DEPARTMENT"}],
                }
            }
        },
        "liaison": {
            "data": {
                "setLiaison": {
                    **refused,
                    "errors": [{"field": "personId", "code": "NOT_IN_DEPARTMENT"}],
                }
            }
        },
        "matter": {
            "data": {"updateMatter": {**refused, "errors": [{"field": "id", "code": "NOT_FOUND"}]}}
        },
    }


def _matter_id(gateway: GatewayClient, token: str, code: str) -> str:
    query = (
        "query($k: String!) { matterConnection(keyword: $k, first: 1) { edges { node { id } } } }"
    )
    (edge,) = _data(gateway, query, {"k": code}, token)["matterConnection"]["edges"]
    return str(edge["node"]["id"])


LOOK_UP = """query($code: String!, $purpose: String!) {
  subject(creditCode: $code, purpose: $purpose) { ... on CreditProfile { lookupId } }
}"""
LOOKUPS = """query($dept: ID, $first: Int!, $offset: Int!) {
  creditLookups(departmentId: $dept, first: $first, offset: $offset) {
    id purpose department { id }
  }
}"""


def _lookups(gateway, token: str, purpose: str, dept: str | None = None) -> list[dict[str, Any]]:
    """Every look-up the caller may read (paged to the end), those with ``purpose`` only."""
    rows: list[dict[str, Any]] = []
    offset = 0
    while True:
        variables = {"dept": dept, "first": 100, "offset": offset}
        page = _data(gateway, LOOKUPS, variables, token)["creditLookups"]
        rows += page
        if len(page) < 100:
            break
        offset += 100
    return [r for r in rows if r["purpose"] == purpose]


def test_credit_lookups_of_another_department_stay_invisible(gateway, tokens, ids):
    subjects = _data(gateway, "{ subjects(first: 1) { creditCode } }", {}, tokens["coord"])
    code = subjects["subjects"][0]["creditCode"]
    purpose = "范围测试：受理前核查"
    looked_up = {
        who: _data(gateway, LOOK_UP, {"code": code, "purpose": purpose}, tokens[who])["subject"][
            "lookupId"
        ]
        for who in ("spj_clerk", "scjg_liaison")
    }
    spj, scjg = ids["市审批局"], ids["市市场监管局"]
    own = {"id": looked_up["spj_clerk"], "purpose": purpose, "department": {"id": spj}}
    other = {"id": looked_up["scjg_liaison"], "purpose": purpose, "department": {"id": scjg}}
    head = tokens["spj_head"]
    assert _lookups(gateway, head, purpose) == [own]
    # Naming the other department (or paging further) does not reach its rows.
    assert _lookups(gateway, head, purpose, dept=scjg) == []
    assert _data(gateway, LOOKUPS, {"dept": scjg, "first": 100, "offset": 0}, head) == {
        "creditLookups": []
    }
    # The credit office reads every department's look-ups (newest first).
    assert _lookups(gateway, tokens["credit_officer"], purpose) == [other, own]
