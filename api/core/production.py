"""Production mode of a subgraph (``SHENGUAN_ENV=production``), decided per operation.

``check_production_settings`` refuses to start a production process without real keys.

- introspection (``__schema``, ``__type``) is refused;
- validation messages carry no field suggestions ("Did you mean …?");
- every error that is not one of our known kinds is masked: the client sees
  "Unexpected error." and a request id, the server log holds the error under that id.

Known kinds pass unchanged: errors with a code we raise on purpose (UNAUTHENTICATED,
FORBIDDEN, the query limits, bad input) and parse/validation errors (no path, no cause).
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterator
from typing import Any, Final

from graphql import FieldNode, GraphQLError, get_named_type, is_introspection_type
from graphql.validation import ValidationRule
from strawberry.extensions import MaskErrors

from api.core.config import Settings, get_settings
from api.core.errors import NotFoundError, ValidationFailed
from api.core.limits import LIMIT_CODE
from api.core.outage import UNAVAILABLE_CODE, is_database_unavailable

logger = logging.getLogger("shenguan.errors")

MASKED_MESSAGE: Final = "Unexpected error."
INTROSPECTION_CODE: Final = "INTROSPECTION_DISABLED"
INTROSPECTION_MESSAGE: Final = "生产环境已关闭内省查询"
INTERNAL_CODE: Final = "INTERNAL_SERVER_ERROR"
KNOWN_CODES: Final = frozenset(
    {
        "UNAUTHENTICATED",
        "FORBIDDEN",
        "BAD_USER_INPUT",
        "NOT_FOUND",  # an argument names what does not exist (ArgumentNotFoundError)
        INTROSPECTION_CODE,
        "RATE_LIMITED",
        "GRAPHQL_VALIDATION_FAILED",
        "GRAPHQL_PARSE_FAILED",
        LIMIT_CODE,
        UNAVAILABLE_CODE,
    }
)
MIN_KEY_LENGTH: Final = 32


class ProductionSettingsError(RuntimeError):
    pass


def check_production_settings(settings: Settings) -> None:
    """The one check of a production process's settings: every key set, long, distinct.

    The gateway key signs every subgraph call (api/core/trust.py): without it, or with a
    short or reused one, anyone could speak for the gateway."""
    problems: list[str] = []
    if len(settings.secret_key) < MIN_KEY_LENGTH:
        problems.append(f"SHENGUAN_SECRET_KEY must be set (at least {MIN_KEY_LENGTH} characters)")
    keys = [
        ("SHENGUAN_GATEWAY_KEY", settings.gateway_key),
        *(
            ("SHENGUAN_GATEWAY_PREVIOUS_KEYS", k.strip())
            for k in settings.gateway_previous_keys.split(",")
            if k.strip()
        ),
    ]
    for name, key in keys:
        if len(key) < MIN_KEY_LENGTH:
            problems.append(f"{name} must be set (at least {MIN_KEY_LENGTH} characters each)")
        elif key == settings.secret_key:
            problems.append(f"{name} must differ from SHENGUAN_SECRET_KEY")
    if problems:
        raise ProductionSettingsError("; ".join(dict.fromkeys(problems)))


class NoIntrospection(ValidationRule):
    """Production refuses introspection (``__schema``, ``__type``) with one typed error."""

    reported = False

    def enter_field(self, node: FieldNode, *_args: object) -> None:
        type_ = get_named_type(self.context.get_type())
        if self.reported or type_ is None or not is_introspection_type(type_):
            return
        self.reported = True
        self.report_error(
            GraphQLError(
                INTROSPECTION_MESSAGE,
                node,
                extensions={"code": INTROSPECTION_CODE},
            )
        )


_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


def is_known_error(error: GraphQLError) -> bool:
    code = (error.extensions or {}).get("code")
    if code in KNOWN_CODES:
        return True
    # Expected failures raised by services and the context: their messages are for users.
    if isinstance(error.original_error, ValidationFailed | NotFoundError | PermissionError):
        return True
    # The database went away: DatabaseOutage answers SERVICE_UNAVAILABLE for it.
    if is_database_unavailable(error.original_error):
        return True
    # graphql-core's parse and validation errors: raised before execution, with no cause.
    return error.path is None and error.original_error is None


def request_id_of(context: Any) -> str:
    """The id the HTTP middleware gave this request (a fresh one in-process)."""
    request = getattr(context, "request", None)
    state = getattr(request, "state", None)
    request_id = getattr(state, "request_id", None)
    return str(request_id) if request_id else uuid.uuid4().hex


class ProductionErrors(MaskErrors):
    """Masks unknown errors and hides suggestions; a no-op outside production."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=lambda error: not is_known_error(error))
        self._request_id = ""

    def on_validate(self) -> Iterator[None]:
        if get_settings().is_production:
            ctx = self.execution_context
            ctx.validation_rules = (*ctx.validation_rules, NoIntrospection)
        yield

    def on_operation(self) -> Iterator[None]:
        if not get_settings().is_production:
            yield
            return
        self._request_id = request_id_of(self.execution_context.context)
        yield from super().on_operation()

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error or error
        logger.error(
            "request %s: unexpected error at %s: %s",
            self._request_id,
            error.path,
            error.message,
            exc_info=(type(original), original, original.__traceback__),
        )
        return GraphQLError(
            message=MASKED_MESSAGE,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions={"code": INTERNAL_CODE, "requestId": self._request_id},
        )

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        processed = []
        for error in super()._process_errors(errors):
            if _SUGGESTION.search(error.message):
                error = GraphQLError(  # noqa: PLW2901 - the same error without the hint
                    _SUGGESTION.sub("", error.message),
                    nodes=error.nodes,
                    source=error.source,
                    positions=error.positions,
                    path=error.path,
                    extensions=error.extensions,
                )
            processed.append(error)
        return processed
