"""Production mode in-process: introspection refused, unknown errors masked with a request
id that is logged, known errors and development mode unchanged."""

from __future__ import annotations

import logging

import pytest

from api.catalog.loaders import CatalogLoaders
from api.catalog.schema import schema as catalog_schema
from api.core.config import get_settings
from tests import factories
from tests.graphql import run
from tests.hardening.schema import loaders, schema


@pytest.fixture
def production(monkeypatch):
    monkeypatch.setattr(get_settings(), "env", "production")


@pytest.fixture
def execute(session, authorizer):
    async def _execute(query, target=schema, principal=None):
        factory = loaders if target is schema else CatalogLoaders
        return await run(
            target, factory, query, session=session, authorizer=authorizer, principal=principal
        )

    return _execute


INTROSPECTION = "{ __schema { queryType { name } } }"


@pytest.mark.usefixtures("production")
async def test_introspection_is_refused_for_an_anonymous_user_in_production(execute):
    result = await execute(INTROSPECTION, target=catalog_schema)
    assert result.data is None
    assert [(e.message, e.extensions) for e in result.errors] == [
        ("生产环境已关闭内省查询", {"code": "INTROSPECTION_DISABLED"})
    ]


@pytest.mark.usefixtures("production")
async def test_a_subgraph_refuses_introspection_even_to_a_system_admin_in_production(
    execute, session, authorizer
):
    """Administrators introspect the supergraph at the gateway; subgraphs stay closed."""
    dept = await factories.department(session)
    admin = await factories.user(session, authorizer, role="system_admin", dept=dept)
    assert authorizer.can(admin, "schema", "introspect")
    result = await execute(INTROSPECTION, target=catalog_schema, principal=admin)
    assert result.data is None
    assert [e.extensions for e in result.errors] == [{"code": "INTROSPECTION_DISABLED"}]


async def test_introspection_works_in_development(execute):
    result = await execute(INTROSPECTION, target=catalog_schema)
    assert result.errors is None
    assert result.data == {"__schema": {"queryType": {"name": "Query"}}}


@pytest.mark.usefixtures("production")
async def test_internal_error_is_masked_with_a_logged_request_id_in_production(execute, caplog):
    with caplog.at_level(logging.ERROR, logger="shenguan.errors"):
        result = await execute("{ boom }")
    [error] = result.errors
    request_id = error.extensions["requestId"]
    assert (error.message, error.extensions) == (
        "Unexpected error.",
        {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id},
    )
    assert "secret" not in str(error.formatted)
    [record] = [r for r in caplog.records if r.name == "shenguan.errors"]
    assert request_id in record.getMessage()
    assert "secret internal detail" in record.getMessage()


async def test_internal_error_is_visible_in_development(execute):
    result = await execute("{ boom }")
    assert [e.message for e in result.errors] == ["secret internal detail"]


@pytest.mark.usefixtures("production")
async def test_known_errors_are_not_masked_in_production(execute):
    result = await execute("{ departments { name } }", target=catalog_schema)
    assert [(e.message, e.extensions) for e in result.errors] == [
        ("未登录或会话已过期，请重新登录", {"code": "UNAUTHENTICATED"})
    ]


@pytest.mark.usefixtures("production")
async def test_field_suggestions_are_hidden_in_production(execute):
    result = await execute("{ departmentz { name } }", target=catalog_schema)
    assert [e.message for e in result.errors] == [
        "Cannot query field 'departmentz' on type 'Query'."
    ]


async def test_field_suggestions_are_shown_in_development(execute):
    result = await execute("{ departmentz { name } }", target=catalog_schema)
    assert "Did you mean" in result.errors[0].message
