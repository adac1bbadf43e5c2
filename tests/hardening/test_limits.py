"""Each subgraph limit at its value passes, one over is refused; errors hide the values."""

from __future__ import annotations

import json
import re

import pytest
from graphql import parse

from api.catalog.loaders import CatalogLoaders
from api.catalog.schema import schema as catalog_schema
from api.core.limits import (
    MAX_ALIASES,
    MAX_COST,
    MAX_DEPTH,
    MAX_DIRECTIVES,
    MAX_DOCUMENT_CHARS,
    MAX_ROOT_FIELDS,
    MAX_TOKENS,
    operation_cost,
)
from tests.graphql import run
from tests.hardening.schema import loaders, schema


@pytest.fixture
def execute(session, authorizer):
    async def _execute(query, variables=None, target=schema):
        return await run(
            target,
            loaders if target is schema else _catalog_loaders(),
            query,
            session=session,
            authorizer=authorizer,
            principal=None,
            variables=variables,
        )

    return _execute


def _catalog_loaders():
    return CatalogLoaders


def codes(result) -> list[tuple[str, str]]:
    return [(e.extensions["code"], e.extensions.get("limit", "")) for e in result.errors or []]


def no_values(result) -> None:
    text = json.dumps([e.formatted for e in result.errors], ensure_ascii=False)
    for number in (
        MAX_DEPTH,
        MAX_ALIASES,
        MAX_DIRECTIVES,
        MAX_ROOT_FIELDS,
        MAX_TOKENS,
        MAX_DOCUMENT_CHARS,
        MAX_COST,
    ):
        assert not re.search(rf"\b{number}\b", text), text


def nested(depth: int) -> str:
    # root is depth 1, every child one more, the leaf `depth` field the last level.
    return "{ root { " + "child { " * (depth - 2) + "depth" + " }" * (depth - 2) + " } }"


async def test_depth_at_the_limit_passes_and_one_over_is_refused(execute):
    ok = await execute(nested(MAX_DEPTH))
    assert ok.errors is None
    inner = ok.data["root"]
    for _ in range(MAX_DEPTH - 2):
        inner = inner["child"]
    assert inner == {"depth": MAX_DEPTH - 1}
    over = await execute(nested(MAX_DEPTH + 1))
    assert over.data is None
    assert codes(over) == [("QUERY_LIMIT_EXCEEDED", "depth")]
    no_values(over)


def aliases(n: int) -> str:
    return " ".join(f"a{i}: __typename" for i in range(n))


async def test_aliases_at_the_limit_pass_and_one_over_is_refused(execute):
    ok = await execute(f"{{ {aliases(MAX_ALIASES)} }}")
    assert ok.data == {f"a{i}": "Query" for i in range(MAX_ALIASES)}
    over = await execute(f"{{ {aliases(MAX_ALIASES + 1)} }}")
    assert codes(over) == [("QUERY_LIMIT_EXCEEDED", "aliases")]
    no_values(over)


async def test_fragment_spread_alias_bomb_is_refused_by_every_subgraph(execute):
    fragment = f"fragment F on Query {{ {aliases(8)} }}"
    ok = await execute(f"{{ ...F }} {fragment}", target=catalog_schema)
    assert ok.data == {f"a{i}": "Query" for i in range(8)}
    bomb = await execute(f"{{ ...F ...F }} {fragment}", target=catalog_schema)
    assert codes(bomb) == [("QUERY_LIMIT_EXCEEDED", "aliases")]


async def test_nested_fragment_bomb_is_measured_in_linear_time(execute):
    # F0 spreads F1 twice, F1 spreads F2 twice ... 2**60 aliases if expanded naively.
    levels = 60
    fragments = " ".join(
        f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(levels)
    )
    query = f"{{ ...F0 }} {fragments} fragment F{levels} on Query {{ a: __typename }}"
    bomb = await execute(query)
    assert codes(bomb) == [
        ("QUERY_LIMIT_EXCEEDED", "root_fields"),
        ("QUERY_LIMIT_EXCEEDED", "aliases"),
    ]


def selection(n: int) -> str:
    # 12 tokens around the list items: { root ( tags : [ ... ] ) { depth } }
    return "{ root(tags: [" + " ".join(['"t"'] * (n - 12)) + "]) { depth } }"


async def test_tokens_at_the_limit_pass_and_one_over_is_refused(execute):
    ok = await execute(selection(MAX_TOKENS))
    assert ok.data == {"root": {"depth": 1}}
    over = await execute(selection(MAX_TOKENS + 1))
    assert codes(over) == [("QUERY_LIMIT_EXCEEDED", "tokens")]
    no_values(over)


def directives(n: int) -> str:
    return "{ root { " + " ".join(["depth @include(if: true)"] * n) + " } }"


async def test_directives_at_the_limit_pass_and_one_over_is_refused(execute):
    ok = await execute(directives(MAX_DIRECTIVES))
    assert ok.data == {"root": {"depth": 1}}
    over = await execute(directives(MAX_DIRECTIVES + 1))
    assert codes(over) == [("QUERY_LIMIT_EXCEEDED", "directives")]


def padded(chars: int) -> str:
    head = "{ __typename }\n#"
    return head + "x" * (chars - len(head))


async def test_document_size_at_the_limit_passes_and_one_over_is_refused(execute):
    ok = await execute(padded(MAX_DOCUMENT_CHARS))
    assert ok.data == {"__typename": "Query"}
    over = await execute(padded(MAX_DOCUMENT_CHARS + 1))
    assert codes(over) == [("QUERY_LIMIT_EXCEEDED", "document")]


async def test_root_fields_at_the_limit_pass_and_one_over_are_refused(execute):
    ok = await execute("{ " + "__typename " * MAX_ROOT_FIELDS + "}")
    assert ok.data == {"__typename": "Query"}
    over = await execute("{ " + "__typename " * (MAX_ROOT_FIELDS + 1) + "}")
    assert codes(over) == [("QUERY_LIMIT_EXCEEDED", "root_fields")]


def test_cost_multiplies_list_sizes_from_first_and_defaults_unbounded_lists_to_100():
    graphql_schema = schema._schema
    assert operation_cost(graphql_schema, parse("{ root { depth } }")) == 1
    assert operation_cost(graphql_schema, parse("{ root { children(first: 7) { depth } } }")) == 8
    assert operation_cost(graphql_schema, parse("{ root { children { depth } } }")) == 101
    assert operation_cost(
        graphql_schema,
        parse("query($n: Int) { root { children(first: $n) { children { depth } } } }"),
        variables={"n": 3},
    ) == 1 + 3 * (1 + 100)


def lists(levels: int, first: int) -> str:
    return "{ root { " + f"children(first: {first}) {{ " * levels + "depth" + " }" * levels + " } }"


async def test_cost_within_the_limit_passes_and_over_it_is_refused(execute):
    # 1 + 100 + 100**2 + 100**3 = 1,010,101 objects: within; one more level: 1e8.
    ok = await execute(lists(3, 100))
    assert ok.errors is None
    over = await execute(lists(4, 100))
    assert codes(over) == [("QUERY_LIMIT_EXCEEDED", "cost")]
    no_values(over)


async def test_first_over_one_hundred_is_a_validation_error(execute):
    ok = await execute("{ root { children(first: 100) { depth } } }")
    assert ok.data == {"root": {"children": [{"depth": 2}, {"depth": 2}]}}
    literal = await execute("{ root { children(first: 101) { depth } } }")
    by_variable = await execute(
        "query($n: Int) { root { children(first: $n) { depth } } }", {"n": 101}
    )
    for result in (literal, by_variable):
        assert result.data is None
        assert [(e.message, e.extensions) for e in result.errors] == [
            ("分页参数 first 超出允许范围", {"code": "BAD_USER_INPUT", "argument": "first"})
        ]
