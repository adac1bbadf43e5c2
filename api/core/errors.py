"""Expected failures are data: services raise ``ValidationFailed``; mutations return it typed.

Every subgraph returns the same two shareable GraphQL types, so a client handles bad input
the same way everywhere: ``... on ValidationErrors { errors { field code message } }``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

import pydantic
import strawberry
from graphql import GraphQLError
from strawberry.exceptions import StrawberryGraphQLError
from strawberry.extensions import MaskErrors

M = TypeVar("M", bound=pydantic.BaseModel)


@dataclass(frozen=True)
class FieldIssue:
    """One problem with one input field. ``field`` is the input path, e.g. ``creditCode``."""

    field: str
    code: str
    message: str


@dataclass
class ValidationFailed(Exception):  # noqa: N818 - reads as a sentence: raise ValidationFailed
    issues: list[FieldIssue] = field(default_factory=list)

    def __str__(self) -> str:
        return "; ".join(f"{i.field}: {i.message}" for i in self.issues)

    @classmethod
    def single(cls, field_name: str, code: str, message: str) -> ValidationFailed:
        return cls([FieldIssue(field_name, code, message)])


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _issue(error: Any) -> FieldIssue:
    """One pydantic error as a field issue: the input's camelCase name and a Chinese message."""
    name = _camel(str(error["loc"][0])) if error.get("loc") else "input"
    ctx = error.get("ctx") or {}
    kind = error.get("type", "")
    if kind == "string_too_long":
        return FieldIssue(name, "TOO_LONG", f"不能超过 {ctx.get('max_length')} 个字符")
    if kind == "string_too_short":
        return FieldIssue(name, "REQUIRED", "不能为空")
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        return FieldIssue(name, "OUT_OF_RANGE", "数值超出允许范围")
    return FieldIssue(name, "INVALID", "格式不正确")


def build_model(model: type[M], /, **values: Any) -> M:
    """An input model built from GraphQL arguments: its own constraints (lengths, ranges)
    answer as typed field errors, never as an unexpected error carrying pydantic's text."""
    try:
        return model(**values)
    except pydantic.ValidationError as exc:
        raise ValidationFailed([_issue(e) for e in exc.errors()]) from None


class NotFoundError(Exception):
    """An object is missing, or lies outside the caller's scope (both answer the same)."""


@strawberry.federation.type(
    shareable=True, description="输入字段错误：字段路径、机器可读代码、中文说明"
)
class FieldError:
    field: str
    code: str
    message: str


@strawberry.federation.type(shareable=True, description="预期内的失败（输入校验），逐字段列出")
class ValidationErrors:
    errors: list[FieldError]

    @classmethod
    def from_exception(cls, exc: ValidationFailed) -> ValidationErrors:
        return cls(
            errors=[FieldError(field=i.field, code=i.code, message=i.message) for i in exc.issues]
        )


def parse_id(value: object, field_name: str) -> int:
    """Turn a GraphQL ``ID`` into a row id, or fail naming the field."""
    try:
        number = int(str(value))
    except ValueError:
        raise ValidationFailed.single(field_name, "INVALID_ID", "编号格式不正确") from None
    if number <= 0:
        raise ValidationFailed.single(field_name, "INVALID_ID", "编号格式不正确")
    return number


class BadArgumentError(StrawberryGraphQLError):
    """A malformed argument (a paging cursor, an id): a client bug, answered with its name."""

    def __init__(self, argument: str, message: str) -> None:
        super().__init__(message, extensions={"code": "BAD_USER_INPUT", "argument": argument})

    @classmethod
    def from_validation(cls, exc: ValidationFailed) -> BadArgumentError:
        issue = exc.issues[0]
        return cls(issue.field, issue.message)


class ArgumentNotFoundError(StrawberryGraphQLError):
    """An argument names something that does not exist (e.g. a list version): ``NOT_FOUND``
    with the argument's name, never a silent ``null``."""

    def __init__(self, argument: str, message: str) -> None:
        super().__init__(message, extensions={"code": "NOT_FOUND", "argument": argument})


def reference_id(value: object) -> int:
    """The id of an entity representation (``_entities``): a malformed one names the argument."""
    try:
        return parse_id(value, "representations")
    except ValidationFailed as exc:
        raise BadArgumentError.from_validation(exc) from None


def _raised_validation(error: GraphQLError) -> bool:
    return isinstance(error.original_error, ValidationFailed)


class TypedInputErrors(MaskErrors):
    """A ``ValidationFailed`` raised by a query's argument (``parse_id`` of a malformed id, a
    bad cursor) answers ``BAD_USER_INPUT`` naming the argument, in every environment.

    Mutations return their validation errors as data (``ValidationErrors``); this covers the
    ones raised where a field has no such union."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=_raised_validation)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        issue = cast("ValidationFailed", error.original_error).issues[0]
        return GraphQLError(
            message=issue.message,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions={"code": "BAD_USER_INPUT", "argument": issue.field},
        )
