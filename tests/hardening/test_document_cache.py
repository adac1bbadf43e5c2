"""Parsed and validated documents are remembered (api/core/documents.py) without letting a
document skip a check it would fail: the limits, validation errors, production's rules."""

from __future__ import annotations

import pytest

from api.core import documents, limits
from api.core.config import get_settings
from api.core.documents import Lru
from api.core.limits import MAX_DOCUMENT_CHARS
from tests.graphql import run
from tests.hardening.schema import loaders, schema


@pytest.fixture(autouse=True)
def empty_caches():
    documents.clear()
    yield
    documents.clear()


@pytest.fixture
def execute(session, authorizer):
    async def _execute(query, variables=None):
        return await run(
            schema,
            loaders,
            query,
            session=session,
            authorizer=authorizer,
            principal=None,
            variables=variables,
        )

    return _execute


def codes(result) -> list[str]:
    return [(e.extensions or {}).get("code", e.message) for e in result.errors or []]


async def test_the_same_text_is_parsed_once_and_answers_the_same(execute):
    query = "{ root { depth child { depth } } }"
    first = await execute(query)
    document = limits.check_document(query)
    second = await execute(query)
    assert first.errors is None
    assert second.errors is None
    assert second.data == first.data == {"root": {"depth": 1, "child": {"depth": 2}}}
    assert limits.check_document(query) is document


async def test_a_document_with_errors_is_validated_and_refused_every_time(execute):
    query = "{ root { depth nosuchfield } }"
    for _ in range(3):
        result = await execute(query)
        assert result.data is None
        assert result.errors
        assert "nosuchfield" in result.errors[0].message


async def test_a_valid_document_is_still_checked_against_its_variables(execute):
    query = "query($t: [String!]) { root(tags: $t) { depth } }"
    assert (await execute(query, {"t": ["a"]})).errors is None
    refused = await execute(query, {"t": [1]})
    assert refused.data is None
    assert refused.errors


async def test_an_oversized_text_is_refused_every_time_and_never_remembered(execute):
    query = "{ root { depth } }" + " " * MAX_DOCUMENT_CHARS
    for _ in range(2):
        result = await execute(query)
        assert codes(result) == ["QUERY_LIMIT_EXCEEDED"]
    assert len(documents._parsed) == 0


async def test_introspection_valid_in_development_is_still_refused_in_production(
    execute, monkeypatch
):
    query = "{ __schema { queryType { name } } }"
    assert (await execute(query)).errors is None
    monkeypatch.setattr(get_settings(), "env", "production")
    refused = await execute(query)
    assert refused.data is None
    assert refused.errors


def test_the_caches_are_bounded():
    lru: Lru[str, int] = Lru(maxsize=3)
    for n in range(10):
        lru.put(f"q{n}", n)
    assert len(lru) == 3
    assert lru.get("q0") is None
    assert lru.get("q9") == 9
    # Reading an entry keeps it: the least recently used goes first.
    lru.get("q7")
    lru.put("q10", 10)
    assert lru.get("q7") == 7
    assert lru.get("q8") is None
