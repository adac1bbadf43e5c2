"""Parse and validate each distinct document once per subgraph process.

The gateway sends the same few subgraph documents on every request (the inbox page: one
``pushInbox`` selection and three ``_entities`` selections), and graphql-core's validation
of such a document cost more than resolving it (profiled in benchmarks/README.md: a third of
the approval subgraph's CPU per inbox request). A document is a pure function of its text,
and its validation a pure function of the document, the schema and the rules, so both are
remembered, in bounded LRU maps (an attacker sending unique texts only evicts entries):

- ``parsed``: query text → document, used by ``limits.check_document`` after the size and
  token checks, which run on the text before anything is parsed (a cached text passed them);
- :class:`ValidatedDocuments`: a document that validated **without errors** against this
  schema and these rules is not validated again. A document with errors is validated every
  time (its errors go through the error masking of each request as before).

Documents are immutable (frozen dataclasses), so sharing one between requests is safe;
graphql-core's executor never changes them.
"""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from typing import Final, Generic, TypeVar

from graphql import DocumentNode
from strawberry.extensions import SchemaExtension

MAX_DOCUMENTS: Final = 256

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Lru(Generic[K, V]):
    """A small least-recently-used map. No lock: a subgraph runs one event loop, and an
    entry evicted by another thread between two steps is only a miss."""

    def __init__(self, maxsize: int = MAX_DOCUMENTS) -> None:
        self.maxsize = maxsize
        self._items: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        value = self._items.get(key)
        if value is not None:
            with contextlib.suppress(KeyError):
                self._items.move_to_end(key)
        return value

    def put(self, key: K, value: V) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self.maxsize:
            with contextlib.suppress(KeyError):
                self._items.popitem(last=False)

    def clear(self) -> None:
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


_parsed: Lru[str, DocumentNode] = Lru()
# (id of the graphql-core schema, id of the document, the rules) → the document itself,
# kept so that its id cannot be reused by another document while the entry lives.
_valid: Lru[tuple[int, int, tuple[type, ...]], DocumentNode] = Lru()


def parsed(query: str, parse: Callable[[str], DocumentNode | None]) -> DocumentNode | None:
    """The document of ``query``, parsed by ``parse`` the first time (None: a syntax error,
    not remembered, so Strawberry parses again and reports it)."""
    document = _parsed.get(query)
    if document is None:
        document = parse(query)
        if document is not None:
            _parsed.put(query, document)
    return document


def clear() -> None:
    _parsed.clear()
    _valid.clear()


class ValidatedDocuments(SchemaExtension):
    """Skips graphql-core's validation of a document already found valid (last in the
    extension list: it sees the rules other extensions added, e.g. production's
    ``NoIntrospection``, and steps aside when an earlier one already reported errors)."""

    def on_validate(self) -> Iterator[None]:
        ctx = self.execution_context
        document = ctx.graphql_document
        if document is None or ctx.pre_execution_errors is not None:
            yield
            return
        key = (id(ctx.schema._schema), id(document), tuple(ctx.validation_rules))  # noqa: SLF001
        if _valid.get(key) is document:
            ctx.pre_execution_errors = []  # Strawberry's validation runs only while None
            yield
            return
        yield
        if ctx.pre_execution_errors == []:
            _valid.put(key, document)
