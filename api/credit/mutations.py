"""Credit Mutation fields."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from api.core.authz import requires
from api.core.errors import ValidationErrors, ValidationFailed
from api.credit import services
from api.credit.inputs import AddCreditRecordInput, RegisterSubjectInput
from api.credit.types import AddCreditRecordResult, CreditRecord, RegisterSubjectResult, Subject


@strawberry.type
class CreditMutation:
    @strawberry.mutation(description="登记信用主体", extensions=requires("subject", "write"))
    async def register_subject(
        self,
        info: Info[Any, Any],
        input: RegisterSubjectInput,  # noqa: A002
    ) -> RegisterSubjectResult:
        try:
            row = await services.register_subject(
                session=info.context.session, data=input.to_model()
            )
        except ValidationFailed as exc:
            return ValidationErrors.from_exception(exc)
        return Subject.from_row(row)

    @strawberry.mutation(description="新增信用记录", extensions=requires("credit_record", "write"))
    async def add_credit_record(
        self,
        info: Info[Any, Any],
        input: AddCreditRecordInput,  # noqa: A002
    ) -> AddCreditRecordResult:
        try:
            row = await services.add_credit_record(
                session=info.context.session, data=input.to_model()
            )
        except ValidationFailed as exc:
            return ValidationErrors.from_exception(exc)
        return CreditRecord.from_row(row)
