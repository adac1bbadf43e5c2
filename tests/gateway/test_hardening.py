"""Through the real gateway: every query limit at its value passes and one over fails, with
an error that does not reveal the limit; body limit, no batching, CSRF rules, headers."""

from __future__ import annotations

import json
import re

import httpx
import pytest

from api.core.http import MAX_BODY_BYTES
from api.core.limits import (
    MAX_ALIASES,
    MAX_DIRECTIVES,
    MAX_DOCUMENT_CHARS,
    MAX_ROOT_FIELDS,
    MAX_TOKENS,
)
from tests.trust import as_gateway

pytestmark = pytest.mark.gateway


@pytest.fixture(scope="module")
def token(gateway):
    return gateway.sign_in("coord")


def limit_errors(body: dict) -> list[tuple[str, str]]:
    return [(e["extensions"]["code"], e["extensions"].get("limit", "")) for e in body["errors"]]


def assert_no_limit_values(body: dict) -> None:
    text = json.dumps(body["errors"], ensure_ascii=False)
    for number in (10, 15, 20, 100, 2000, 15000, 5000000):
        assert not re.search(rf"\b{number}\b", text), text


def aliases(n: int) -> str:
    return " ".join(f"a{i}: __typename" for i in range(n))


DEPTH_10 = (
    "{ findings(first: 1) { application { matter { applications { matter { applications"
    " { matter { applications { matter { name } } } } } } } } } }"
)
DEPTH_11 = DEPTH_10.replace("{ name }", "{ department { name } }")


def test_depth_at_the_limit_passes_and_one_over_is_refused(gateway, token):
    assert "errors" not in gateway.post(DEPTH_10, token=token).json()
    body = gateway.post(DEPTH_11, token=token).json()
    assert limit_errors(body) == [("QUERY_LIMIT_EXCEEDED", "depth")]
    assert_no_limit_values(body)


def test_aliases_at_the_limit_pass_and_one_over_is_refused(gateway):
    ok = gateway.post(f"{{ {aliases(MAX_ALIASES)} }}").json()
    assert ok == {"data": {f"a{i}": "Query" for i in range(MAX_ALIASES)}}
    body = gateway.post(f"{{ {aliases(MAX_ALIASES + 1)} }}").json()
    assert limit_errors(body) == [("QUERY_LIMIT_EXCEEDED", "aliases")]
    assert_no_limit_values(body)


def test_fragment_spread_alias_bomb_is_counted_through_the_spreads(gateway):
    fragment = f"fragment F on Query {{ {aliases(8)} }}"
    once = gateway.post(f"query {{ ...F }} {fragment}").json()
    assert once == {"data": {f"a{i}": "Query" for i in range(8)}}
    body = gateway.post(f"query {{ ...F ...F }} {fragment}").json()
    assert limit_errors(body) == [("QUERY_LIMIT_EXCEEDED", "aliases")]


def _ids(n: int) -> str:
    # 10 tokens around the selection: { findings ( first : 1 ) { ... } }
    return "{ findings(first: 1) { " + " ".join(["id"] * (n - 10)) + " } }"


def test_tokens_at_the_limit_pass_and_one_over_is_refused(gateway, token):
    assert "errors" not in gateway.post(_ids(MAX_TOKENS), token=token).json()
    body = gateway.post(_ids(MAX_TOKENS + 1), token=token).json()
    assert limit_errors(body) == [("QUERY_LIMIT_EXCEEDED", "tokens")]
    assert_no_limit_values(body)


def _directives(n: int) -> str:
    return "{ findings(first: 1) { " + " ".join(["id @include(if: true)"] * n) + " } }"


def test_directives_at_the_limit_pass_and_one_over_is_refused(gateway, token):
    assert "errors" not in gateway.post(_directives(MAX_DIRECTIVES), token=token).json()
    body = gateway.post(_directives(MAX_DIRECTIVES + 1), token=token).json()
    assert limit_errors(body) == [("QUERY_LIMIT_EXCEEDED", "directives")]


def _padded(chars: int) -> str:
    head = "{ __typename }\n#"
    return head + "x" * (chars - len(head))


def test_document_size_at_the_limit_passes_and_one_over_is_refused(gateway):
    assert gateway.post(_padded(MAX_DOCUMENT_CHARS)).json() == {"data": {"__typename": "Query"}}
    body = gateway.post(_padded(MAX_DOCUMENT_CHARS + 1)).json()
    assert limit_errors(body) == [("QUERY_LIMIT_EXCEEDED", "document")]


def test_root_fields_at_the_limit_pass_and_one_over_are_refused(gateway):
    ok = gateway.post("{ " + "__typename " * MAX_ROOT_FIELDS + "}").json()
    assert ok == {"data": {"__typename": "Query"}}
    body = gateway.post("{ " + "__typename " * (MAX_ROOT_FIELDS + 1) + "}").json()
    assert limit_errors(body) == [("QUERY_LIMIT_EXCEEDED", "root_fields")]


# matters 100 x (1 + applications 100 x (1 + findings 100)) = 1,010,100 objects.
COST_OK = "{ matters(first: 100) { applications { findings { id } } } }"
# One more unbounded list level: about 1e8.
COST_OVER = (
    "{ matters(first: 100) { applications { applicant { applications { findings { id } } } } } }"
)


def test_cost_within_the_limit_passes_and_over_it_is_refused(gateway, token):
    assert "errors" not in gateway.post(COST_OK, token=token).json()
    body = gateway.post(COST_OVER, token=token).json()
    assert limit_errors(body) == [("QUERY_LIMIT_EXCEEDED", "cost")]
    assert_no_limit_values(body)


def test_first_is_capped_at_one_hundred(gateway, token):
    assert "errors" not in gateway.post("{ matters(first: 100) { id } }", token=token).json()
    body = gateway.post("{ matters(first: 101) { id } }", token=token).json()
    assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"]
    by_variable = gateway.post(
        "query($n: Int!) { matters(first: $n) { id } }", {"n": 101}, token=token
    ).json()
    assert [e["extensions"]["code"] for e in by_variable["errors"]] == ["BAD_USER_INPUT"]
    negative = gateway.post("{ matters(first: 10, offset: -1) { id } }", token=token).json()
    assert [e["extensions"] for e in negative["errors"]] == [
        {"code": "BAD_USER_INPUT", "argument": "offset"}
    ]


def test_a_body_over_the_upload_sized_limit_is_refused(gateway):
    padding = "x" * (MAX_BODY_BYTES + 1)
    response = httpx.post(
        gateway.url, json={"query": "{ __typename }", "variables": {"p": padding}}
    )
    assert response.status_code == 413


def test_a_chunked_body_over_the_upload_sized_limit_is_refused(gateway):
    chunk = b"x" * 65536

    def body():
        yield b'{"query": "{ __typename }", "variables": {"p": "'
        for _ in range(MAX_BODY_BYTES // len(chunk) + 1):
            yield chunk
        yield b'"}}'

    # A fresh connection: the gateway drops the one whose body it stopped reading.
    response = httpx.post(gateway.url, content=body(), headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_batched_requests_are_not_accepted(gateway):
    response = gateway.http.post(
        gateway.url, json=[{"query": "{ a: __typename }"}, {"query": "{ b: __typename }"}]
    )
    assert response.status_code >= 400
    assert "data" not in response.json() or response.json().get("data") is None


def test_mutation_over_get_is_refused(gateway):
    response = gateway.http.get(
        gateway.url,
        params={"query": 'mutation { signIn(username: "coord", password: "x") { __typename } }'},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 405


@pytest.mark.parametrize(
    ("content_type", "content"),
    [
        ("application/x-www-form-urlencoded", "query=%7B__typename%7D"),
        ("text/plain", '{"query": "{ __typename }"}'),
    ],
)
def test_form_and_text_posts_are_refused(gateway, content_type, content):
    response = gateway.http.post(
        gateway.url, content=content, headers={"content-type": content_type}
    )
    assert response.status_code == 415


def test_security_headers_on_gateway_responses(gateway):
    plain = gateway.http.post(gateway.url, json={"query": "{ __typename }"})
    csp = plain.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert plain.headers["x-content-type-options"] == "nosniff"
    assert plain.headers["referrer-policy"] == "no-referrer"
    assert "strict-transport-security" not in plain.headers

    behind_tls = gateway.http.post(
        gateway.url, json={"query": "{ __typename }"}, headers={"x-forwarded-proto": "https"}
    )
    assert behind_tls.headers["strict-transport-security"].startswith("max-age=")


def test_subgraph_enforces_the_limits_itself(stack):
    url = stack.subgraph_url("catalog")
    body = as_gateway(stack, "catalog", {"query": f"{{ {aliases(MAX_ALIASES + 1)} }}"}).json()
    assert limit_errors(body) == [("QUERY_LIMIT_EXCEEDED", "aliases")]
    big = httpx.post(
        url, json={"query": "{ __typename }", "variables": {"p": "x" * (MAX_BODY_BYTES + 1)}}
    )
    assert big.status_code == 413
    form = httpx.post(
        url,
        content="query=%7B__typename%7D",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert form.status_code == 415
    assert "frame-ancestors 'none'" in form.headers["content-security-policy"]


def test_nested_fragment_bomb_is_refused_quickly_at_the_gateway_and_the_subgraph(gateway, stack):
    # F0 spreads F1 twice, F1 spreads F2 twice ... 2**40 aliases if counted naively.
    levels = 40
    fragments = " ".join(
        f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(levels)
    )
    query = f"{{ ...F0 }} {fragments} fragment F{levels} on Query {{ a: __typename }}"
    for url in (gateway.url, stack.subgraph_url("catalog")):
        response = (
            httpx.post(url, json={"query": query}, timeout=5)
            if url == gateway.url
            else as_gateway(stack, "catalog", {"query": query})
        )
        assert response.elapsed.total_seconds() < 2, url
        codes = {e["extensions"]["code"] for e in response.json()["errors"]}
        assert codes == {"QUERY_LIMIT_EXCEEDED"}, url
