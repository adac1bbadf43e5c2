"""Malformed ids and representations answer BAD_USER_INPUT naming the argument, never the
interpreter's text; production refuses introspection with a typed error."""

from __future__ import annotations

import pytest

from api.catalog.loaders import CatalogLoaders
from api.catalog.schema import schema
from api.core.config import get_settings
from tests import factories
from tests.graphql import run

MALFORMED_REP = "实体表示格式不正确"
INTROSPECTION = '{ __schema { queryType { name } } __type(name: "Query") { name } }'
MALFORMED = [
    ('{ department(id: "abc") { name } }', "编号格式不正确", "id"),
    ('{ matters(departmentId: "x1") { name } }', "编号格式不正确", "departmentId"),
    (
        '{ _entities(representations: [{__typename: "Matter", id: "abc"}]) { __typename } }',
        "编号格式不正确",
        "representations",
    ),
    (
        '{ _entities(representations: [{__typename: "Matter"}]) { __typename } }',
        "实体表示格式不正确",
        "representations",
    ),
    (
        '{ _entities(representations: [{__typename: "Nope", id: "1"}]) { __typename } }',
        "实体表示格式不正确",
        "representations",
    ),
    (
        '{ _entities(representations: [{id: "1"}]) { __typename } }',
        "实体表示格式不正确",
        "representations",
    ),
    (
        '{ _entities(representations: ["x"]) { __typename } }',
        "实体表示格式不正确",
        "representations",
    ),
]


@pytest.mark.parametrize(("query", "message", "argument"), MALFORMED)
async def test_a_malformed_argument_names_itself(session, authorizer, query, message, argument):
    dept = await factories.department(session)
    head = await factories.user(session, authorizer, role="department_head", dept=dept)

    result = await run(
        schema, CatalogLoaders, query, session=session, authorizer=authorizer, principal=head
    )

    assert [(e.message, e.extensions) for e in result.errors or []] == [
        (message, {"code": "BAD_USER_INPUT", "argument": argument})
    ]


async def test_good_and_malformed_representations_in_one_batch(session, authorizer):
    dept = await factories.department(session)
    head = await factories.user(session, authorizer, role="department_head", dept=dept)
    name = dept.name
    query = (
        "{ _entities(representations: ["
        f'{{__typename: "Department", id: "{dept.id}"}}, {{__typename: "Department"}}'
        "]) { ... on Department { name } } }"
    )

    result = await run(
        schema, CatalogLoaders, query, session=session, authorizer=authorizer, principal=head
    )

    assert result.data == {"_entities": [{"name": name}, None]}
    assert [e.path for e in result.errors or []] == [["_entities", 1]]


@pytest.fixture
def production(monkeypatch):
    monkeypatch.setattr(get_settings(), "env", "production")


@pytest.mark.usefixtures("production")
async def test_production_introspection_is_refused_with_a_typed_error(session, authorizer):
    result = await run(
        schema, CatalogLoaders, INTROSPECTION,
        session=session, authorizer=authorizer, principal=None,
    )  # fmt: skip

    assert result.data is None
    assert [(e.message, e.extensions) for e in result.errors or []] == [
        ("生产环境已关闭内省查询", {"code": "INTROSPECTION_DISABLED"})
    ]
