"""Text the database cannot hold: U+0000 (NUL) in any string argument or variable.

PostgreSQL's text types refuse NUL (``invalid byte sequence for encoding "UTF8": 0x00``), and
SQLite would store a string that every other part of the system truncates. No user types one;
a client that sends one gets a typed ``BAD_USER_INPUT`` naming the argument (or variable)
before anything runs, on every database, instead of a driver error from deep inside a
resolver.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from graphql import ArgumentNode, DocumentNode, GraphQLError, StringValueNode, Visitor, visit
from graphql import ExecutionResult as GraphQLExecutionResult
from strawberry.extensions import SchemaExtension

NUL: Final = "\x00"
MESSAGE: Final = "文本不能包含空字符（U+0000）"


class _Finder(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.arguments: list[str] = []
        self.found: str | None = None

    def enter_argument(self, node: ArgumentNode, *_: object) -> None:
        self.arguments.append(node.name.value)

    def leave_argument(self, *_: object) -> None:
        self.arguments.pop()

    def enter_string_value(self, node: StringValueNode, *_: object) -> None:
        if self.found is None and NUL in node.value:
            self.found = self.arguments[0] if self.arguments else "query"


def in_document(document: DocumentNode | None) -> str | None:
    """The (outermost) argument whose literal holds a NUL, if any."""
    if document is None:
        return None
    finder = _Finder()
    visit(document, finder)
    return finder.found


def _paths(value: Any, path: str) -> Iterator[str]:
    if isinstance(value, str):
        if NUL in value:
            yield path
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _paths(item, f"{path}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _paths(item, f"{path}.{index}")


def in_variables(variables: Mapping[str, Any] | None) -> str | None:
    """The variable (with its path inside an input object) that holds a NUL, if any."""
    for name, value in (variables or {}).items():
        for path in _paths(value, name):
            return path
    return None


class RejectNulText(SchemaExtension):
    """Refuses an operation with NUL in its text before it executes (see the module note)."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        where = in_document(context.graphql_document) or in_variables(context.variables)
        if where is not None:
            context.result = GraphQLExecutionResult(
                data=None,
                errors=[
                    GraphQLError(MESSAGE, extensions={"code": "BAD_USER_INPUT", "argument": where})
                ],
            )
        yield
