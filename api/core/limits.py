"""Query limits every subgraph enforces itself (it does not trust the gateway).

The gateway (``gateway/security.ts``) applies the same limits with the same definitions.
A rejected document gets one generic error per limit: the message names the kind of limit
(深度、别名……) but never its value, so a client cannot tune an attack to the threshold.

Definitions (identical at the gateway):

- document: characters of the query text;
- tokens: lexical tokens (graphql-core's own ``max_tokens`` parse limit);
- depth: nesting of fields, a root field is depth 1; introspection (``__schema``/``__type``)
  is not counted (it is refused in production anyway);
- aliases, directives: counted through fragment spreads (a fragment spread twice counts
  twice), with memoisation, so a fragment "bomb" costs linear time to measure;
- root fields: selections at the operation root, through fragments;
- cost: objects the operation may return. Each field of object type costs 1 times the
  product of the list sizes above it; a list's size is its ``first:`` argument, the number
  of ``representations`` for ``_entities``, and ``DEFAULT_LIST_SIZE`` otherwise;
- ``first:`` on any field may not exceed ``MAX_FIRST``; ``first:`` and ``offset:`` may not
  be negative (PostgreSQL would fail on a negative LIMIT/OFFSET; SQLite would ignore it).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    is_composite_type,
    parse,
)
from graphql.language import Lexer, Source, TokenKind
from strawberry.extensions import SchemaExtension

from api.core import documents

MAX_DOCUMENT_CHARS: Final = 15_000
MAX_TOKENS: Final = 2_000
MAX_DEPTH: Final = 10
MAX_ALIASES: Final = 15
MAX_DIRECTIVES: Final = 10
MAX_ROOT_FIELDS: Final = 20
MAX_FIRST: Final = 100
DEFAULT_LIST_SIZE: Final = 100
# Three nested unbounded lists (100 x 100 x 100 objects, e.g. the README's cross-subgraph
# query) stay below this; a fourth level (1e8) or a wide fan-out of such trees does not.
MAX_COST: Final = 5_000_000

LIMIT_CODE: Final = "QUERY_LIMIT_EXCEEDED"

_MESSAGES: Final = {
    "document": "查询文档过大",
    "tokens": "查询文档过于复杂（词法单元过多）",
    "depth": "查询嵌套层级过深",
    "aliases": "查询使用的别名过多",
    "directives": "查询使用的指令过多",
    "root_fields": "查询的根字段过多",
    "cost": "查询代价过高，请缩小分页或减少嵌套列表",
}


class QueryLimitError(GraphQLError):
    """A document over one of the limits; the message never states the limit's value."""

    def __init__(self, limit: str) -> None:
        super().__init__(_MESSAGES[limit], extensions={"code": LIMIT_CODE, "limit": limit})


class FirstTooLargeError(GraphQLError):
    """A pagination argument out of range: ``first`` over the cap, or either one negative."""

    def __init__(self, node: FieldNode | None = None, argument: str = "first") -> None:
        super().__init__(
            f"分页参数 {argument} 超出允许范围",
            nodes=[node] if node is not None else None,
            extensions={"code": "BAD_USER_INPUT", "argument": argument},
        )


def count_tokens(query: str, stop_after: int) -> int:
    """Lexical tokens of ``query`` (comments excluded), counting at most ``stop_after + 1``."""
    lexer = Lexer(Source(query))
    count = 0
    try:
        while lexer.advance().kind != TokenKind.EOF:
            count += 1
            if count > stop_after:
                break
    except GraphQLError:
        return count  # a syntax error: the parser reports it
    return count


@dataclass
class Shape:
    """What the limits measure of one selection set (fragments expanded)."""

    aliases: int = 0
    directives: int = 0
    depth: int = 0
    root_fields: int = 0


@dataclass
class _Measure:
    fragments: Mapping[str, FragmentDefinitionNode]
    memo: dict[str, Shape] = field(default_factory=dict)
    in_progress: set[str] = field(default_factory=set)

    def selection_set(self, node: SelectionSetNode | None) -> Shape:
        shape = Shape()
        if node is None:
            return shape
        for selection in node.selections:
            shape.directives += len(selection.directives or ())
            if isinstance(selection, FieldNode):
                shape.root_fields += 1
                if selection.alias is not None:
                    shape.aliases += 1
                if selection.name.value.startswith("__") and selection.selection_set:
                    continue  # introspection: not counted (refused in production)
                inner = self.selection_set(selection.selection_set)
                shape.aliases += inner.aliases
                shape.directives += inner.directives
                shape.depth = max(shape.depth, 1 + inner.depth)
            else:
                if isinstance(selection, FragmentSpreadNode):
                    inner = self.fragment(selection.name.value)
                elif isinstance(selection, InlineFragmentNode):
                    inner = self.selection_set(selection.selection_set)
                else:  # pragma: no cover - graphql-core has three kinds of selection
                    continue
                shape.aliases += inner.aliases
                shape.directives += inner.directives
                shape.root_fields += inner.root_fields
                shape.depth = max(shape.depth, inner.depth)
        return shape

    def fragment(self, name: str) -> Shape:
        if name in self.memo:
            return self.memo[name]
        definition = self.fragments.get(name)
        if definition is None or name in self.in_progress:
            return Shape()  # unknown or cyclic: validation reports it
        self.in_progress.add(name)
        shape = self.selection_set(definition.selection_set)
        shape.directives += len(definition.directives or ())
        self.in_progress.discard(name)
        self.memo[name] = shape
        return shape


def _fragments(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


def _operations(document: DocumentNode) -> Iterator[OperationDefinitionNode]:
    return (d for d in document.definitions if isinstance(d, OperationDefinitionNode))


def shape_errors(document: DocumentNode) -> list[GraphQLError]:
    """Depth, aliases, directives and root fields of every operation in ``document``."""
    measure = _Measure(_fragments(document))
    aliases = directives = 0
    errors: list[QueryLimitError] = []
    for operation in _operations(document):
        shape = measure.selection_set(operation.selection_set)
        aliases += shape.aliases
        directives += shape.directives + len(operation.directives or ())
        if shape.depth > MAX_DEPTH:
            errors.append(QueryLimitError("depth"))
        if shape.root_fields > MAX_ROOT_FIELDS:
            errors.append(QueryLimitError("root_fields"))
    if aliases > MAX_ALIASES:
        errors.append(QueryLimitError("aliases"))
    if directives > MAX_DIRECTIVES:
        errors.append(QueryLimitError("directives"))
    # One error per kind of limit, in a stable order.
    seen: dict[str, GraphQLError] = {}
    for error in errors:
        seen.setdefault(error.message, error)
    return list(seen.values())


@dataclass
class _Cost:
    schema: GraphQLSchema
    fragments: Mapping[str, FragmentDefinitionNode]
    variables: Mapping[str, Any]
    memo: dict[str, int] = field(default_factory=dict)
    in_progress: set[str] = field(default_factory=set)

    def _argument(self, node: FieldNode, name: str) -> object:
        for argument in node.arguments or ():
            if argument.name.value != name:
                continue
            value = argument.value
            if isinstance(value, VariableNode):
                return self.variables.get(value.name.value)
            if isinstance(value, IntValueNode):
                return int(value.value)
            if isinstance(value, ListValueNode):
                return list(value.values)
            return None
        return None

    def list_size(self, node: FieldNode) -> int:
        first = self._argument(node, "first")
        if isinstance(first, int) and not isinstance(first, bool):
            if first > MAX_FIRST:
                raise FirstTooLargeError(node)
            return max(first, 0)
        if node.name.value == "_entities":
            representations = self._argument(node, "representations")
            if isinstance(representations, list):
                return len(representations)
        return DEFAULT_LIST_SIZE

    def selection_set(self, node: SelectionSetNode | None, parent: Any) -> int:
        if node is None or parent is None:
            return 0
        total = 0
        for selection in node.selections:
            if isinstance(selection, FieldNode):
                total += self.field(selection, parent)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = self.schema.get_type(condition.name.value) if condition else parent
                total += self.selection_set(selection.selection_set, target)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment(selection.name.value)
        return total

    def field(self, node: FieldNode, parent: Any) -> int:
        for name, upper in (("first", MAX_FIRST), ("offset", None)):
            value = self._argument(node, name)
            if not isinstance(value, int) or isinstance(value, bool):
                continue
            if value < 0 or (upper is not None and value > upper):
                raise FirstTooLargeError(node, name)
        if not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return self.selection_set(node.selection_set, None)
        definition = parent.fields.get(node.name.value)
        if definition is None:
            return 0
        return_type: GraphQLOutputType = definition.type
        named = get_named_type(return_type)
        if not is_composite_type(named):
            return 0
        size = self.list_size(node) if _is_list(return_type) else 1
        return size * (1 + self.selection_set(node.selection_set, named))

    def fragment(self, name: str) -> int:
        if name in self.memo:
            return self.memo[name]
        definition = self.fragments.get(name)
        if definition is None or name in self.in_progress:
            return 0
        self.in_progress.add(name)
        target = self.schema.get_type(definition.type_condition.name.value)
        cost = self.selection_set(definition.selection_set, target)
        self.in_progress.discard(name)
        self.memo[name] = cost
        return cost


def _is_list(type_: GraphQLOutputType) -> bool:
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    return isinstance(type_, GraphQLList)


def operation_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    *,
    operation_name: str | None = None,
    variables: Mapping[str, Any] | None = None,
) -> int:
    """The cost of the operation that will run; raises ``FirstTooLargeError``."""
    calc = _Cost(schema, _fragments(document), variables or {})
    cost = 0
    for operation in _operations(document):
        if operation_name and operation.name and operation.name.value != operation_name:
            continue
        root = schema.get_root_type(operation.operation)
        cost = max(cost, calc.selection_set(operation.selection_set, root))
    return cost


def check_document(query: str) -> DocumentNode | None:
    """Size and token limits, before the (bounded) parse. Returns the parsed document.

    A text seen before passed these checks then (they depend on the text alone): its
    document comes from the process's parse cache (api/core/documents.py)."""
    return documents.parsed(query, _check_and_parse)


def _check_and_parse(query: str) -> DocumentNode | None:
    if len(query) > MAX_DOCUMENT_CHARS:
        raise QueryLimitError("document")
    if count_tokens(query, MAX_TOKENS) > MAX_TOKENS:
        raise QueryLimitError("tokens")
    try:
        return parse(query, max_tokens=MAX_TOKENS)
    except GraphQLError:
        return None  # a syntax error: Strawberry parses again and reports it


class QueryLimits(SchemaExtension):
    """Every limit above, on every operation of the schema it is added to."""

    def on_parse(self) -> Iterator[None]:
        ctx = self.execution_context
        if ctx.graphql_document is None and ctx.query is not None:
            ctx.graphql_document = check_document(ctx.query)
        ctx.parse_options["max_tokens"] = MAX_TOKENS
        yield

    def on_validate(self) -> Iterator[None]:
        ctx = self.execution_context
        document = ctx.graphql_document
        if document is not None:
            errors = shape_errors(document)
            try:
                cost = operation_cost(
                    ctx.schema._schema,  # noqa: SLF001 - the graphql-core schema
                    document,
                    operation_name=ctx.operation_name,
                    variables=ctx.variables,
                )
            except FirstTooLargeError as error:
                errors.append(error)
            else:
                if cost > MAX_COST:
                    errors.append(QueryLimitError("cost"))
            if errors:
                ctx.pre_execution_errors = [*(ctx.pre_execution_errors or []), *errors]
        yield
