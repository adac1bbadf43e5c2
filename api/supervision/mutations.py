"""Supervision Mutation fields."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from api.core.authz import requires
from api.core.errors import ValidationErrors, ValidationFailed
from api.supervision import services
from api.supervision.inputs import RecordFindingInput
from api.supervision.types import Finding, RecordFindingResult


@strawberry.type
class SupervisionMutation:
    @strawberry.mutation(
        description="登记监管结果（记在当前用户所在部门名下）",
        extensions=requires("finding", "write"),
    )
    async def record_finding(
        self,
        info: Info[Any, Any],
        input: RecordFindingInput,  # noqa: A002
    ) -> RecordFindingResult:
        ctx = info.context
        try:
            data = input.to_model(department_id=int(ctx.principal.department_id))
            row = await services.record_finding(session=ctx.session, data=data)
        except ValidationFailed as exc:
            return ValidationErrors.from_exception(exc)
        return Finding.from_row(row)
