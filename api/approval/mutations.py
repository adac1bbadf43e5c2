"""Approval Mutation fields."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from api.approval import services
from api.approval.inputs import SubmitApplicationInput
from api.approval.types import Application, SubmitApplicationResult
from api.core.authz import requires
from api.core.errors import ValidationErrors, ValidationFailed


@strawberry.type
class ApprovalMutation:
    @strawberry.mutation(description="申报办件", extensions=requires("application", "write"))
    async def submit_application(
        self,
        info: Info[Any, Any],
        input: SubmitApplicationInput,  # noqa: A002
    ) -> SubmitApplicationResult:
        try:
            row = await services.submit_application(
                session=info.context.session, data=input.to_model()
            )
        except ValidationFailed as exc:
            return ValidationErrors.from_exception(exc)
        return Application.from_row(row)
