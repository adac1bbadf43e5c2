"""The gateway serves the built SPA on its own origin without shadowing GraphQL."""

from __future__ import annotations

import httpx

from api.launcher import Stack
from tests.gateway.conftest import WEB_ASSET, WEB_INDEX

HTML = {"accept": "text/html,application/xhtml+xml"}


def _origin(stack: Stack) -> str:
    return f"http://{stack.host}:{stack.gateway_port}"


def test_root_serves_the_app_and_is_revalidated(stack: Stack):
    response = httpx.get(f"{_origin(stack)}/", headers=HTML)
    assert (response.status_code, response.text) == (200, WEB_INDEX)
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["cache-control"] == "no-cache"


def test_root_serves_the_app_to_a_client_that_does_not_ask_for_html(stack: Stack):
    response = httpx.get(f"{_origin(stack)}/", headers={"accept": "*/*"})
    assert (response.status_code, response.text) == (200, WEB_INDEX)
    assert response.headers["content-type"] == "text/html; charset=utf-8"


def test_a_client_route_falls_back_to_the_app(stack: Stack):
    response = httpx.get(f"{_origin(stack)}/applications/7?tab=findings", headers=HTML)
    assert (response.status_code, response.text) == (200, WEB_INDEX)


def test_hashed_assets_are_served_with_a_long_cache(stack: Stack):
    response = httpx.get(f"{_origin(stack)}/assets/app-3f2a.js")
    assert (response.status_code, response.text) == (200, WEB_ASSET)
    assert response.headers["content-type"] == "text/javascript; charset=utf-8"
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"


def test_a_missing_asset_is_not_found_rather_than_the_app(stack: Stack):
    response = httpx.get(f"{_origin(stack)}/assets/gone-1234.js", headers=HTML)
    assert response.status_code == 404


def test_no_file_outside_the_app_folder_is_served(stack: Stack):
    response = httpx.get(f"{_origin(stack)}/..%2f..%2fsupergraph.graphql", headers=HTML)
    assert "join__Graph" not in response.text


def test_graphql_and_the_health_check_are_not_shadowed(stack: Stack):
    origin = _origin(stack)
    health = httpx.get(f"{origin}/healthcheck", headers=HTML)
    assert health.status_code == 200
    assert health.text != WEB_INDEX
    graphql = httpx.post(f"{origin}/graphql", json={"query": "{ __typename }"})
    assert graphql.json() == {"data": {"__typename": "Query"}}
    graphiql = httpx.get(f"{origin}/graphql", headers=HTML)
    assert graphiql.status_code == 200
    assert graphiql.text != WEB_INDEX
