"""The real stack in production mode: no introspection, no GraphiQL, no suggestions, and
internal errors masked with a request id that is found in the subgraph's log."""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api.compose import SUBGRAPHS
from api.core.migrate import migrate
from api.launcher import Stack
from tests.databases import fresh_database
from tests.gateway.conftest import _seed, free_port

pytestmark = pytest.mark.gateway

# resolve_reference turns the id into an int: "abc" raises ValueError, an internal error.
BROKEN_ENTITY = (
    '{ _entities(representations: [{__typename: "Matter", id: "abc"}]) '
    "{ ... on Matter { name } } }"
)


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    work = tmp_path_factory.mktemp("production")
    with fresh_database(work) as url:
        migrate(url)
        asyncio.run(_seed(url))
        env = dict(os.environ, DATABASE_URL=url, SHENGUAN_ENV="production")
        stack = Stack(
            host="127.0.0.1",
            gateway_port=free_port(),
            subgraph_ports={n: free_port() for n in SUBGRAPHS},
            env=env,
            work_dir=Path(work),
            log_dir=Path(work) / "logs",
        )
        stack.start()
        try:
            yield stack
        finally:
            stack.stop()


def test_introspection_is_refused_for_an_anonymous_user_in_production(production):
    query = {"query": "{ __schema { queryType { name } } }"}
    through_gateway = httpx.post(production.gateway_url, json=query).json()
    assert through_gateway.get("data") is None
    assert all("introspection" in e["message"] for e in through_gateway["errors"])
    direct = httpx.post(production.subgraph_url("catalog"), json=query).json()
    assert direct == {
        "data": None,
        "errors": [
            {
                "message": "GraphQL introspection has been disabled, but the requested query"
                " contained the field '__schema'.",
                "locations": [{"line": 1, "column": 3}],
            },
            {
                "message": "GraphQL introspection has been disabled, but the requested query"
                " contained the field 'queryType'.",
                "locations": [{"line": 1, "column": 14}],
            },
        ],
    }


def test_no_graphiql_in_production(production):
    for url in (production.gateway_url, production.subgraph_url("catalog")):
        page = httpx.get(url, headers={"accept": "text/html"})
        assert "graphiql" not in page.text.lower(), url


def test_no_field_suggestions_in_production(production):
    for url in (production.gateway_url, production.subgraph_url("catalog")):
        body = httpx.post(url, json={"query": "{ matter { id } }"}).json()
        assert body["errors"], url
        assert all("Did you mean" not in e["message"] for e in body["errors"]), body


def test_internal_error_is_masked_with_a_request_id_found_in_the_log(production):
    response = httpx.post(production.subgraph_url("catalog"), json={"query": BROKEN_ENTITY})
    body = response.json()
    [error] = body["errors"]
    assert error["message"] == "Unexpected error."
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    request_id = error["extensions"]["requestId"]
    assert response.headers["x-request-id"] == request_id
    assert "abc" not in response.text
    assert production.log_dir is not None
    log = (production.log_dir / "catalog.log").read_text()
    assert re.search(rf"request {request_id}: unexpected error", log)
    assert "invalid literal for int()" in log


def test_internal_error_is_visible_in_development(stack):
    body = httpx.post(stack.subgraph_url("catalog"), json={"query": BROKEN_ENTITY}).json()
    [error] = body["errors"]
    assert "invalid literal for int()" in error["message"]


def test_known_errors_pass_unmasked_in_production(production):
    body = httpx.post(production.gateway_url, json={"query": "{ departments { name } }"}).json()
    assert [(e["message"], e["extensions"]["code"]) for e in body["errors"]] == [
        ("未登录或会话已过期，请重新登录", "UNAUTHENTICATED")
    ]
