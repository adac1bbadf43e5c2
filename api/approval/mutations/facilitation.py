"""Query and Mutation fields of the facilitation follow-up (thin: check, call a service, map)."""

from __future__ import annotations

import strawberry

from api.approval.queries.facilitation import _who
from api.approval.services import facilitation
from api.approval.types.facilitation import (
    MissingItem,
    MissingItemResult,
    RecordVerificationInput,
    SupplyMissingItemInput,
    VerificationTask,
    VerificationTaskResult,
    WaiveMissingItemInput,
)
from api.core.authz import requires
from api.core.errors import parse_id
from api.core.kit import Info, validation_result


@strawberry.type
class FacilitationMutation:
    @strawberry.mutation(
        description="登记容缺材料已补正（承办的审批部门）",
        extensions=requires("application", "write"),
    )
    @validation_result
    async def supply_missing_item(
        self,
        info: Info,
        input: SupplyMissingItemInput,  # noqa: A002
    ) -> MissingItemResult:
        username, department_id = _who(info)
        row = await facilitation.supply_item(
            info.context.session,
            item_id=parse_id(input.item_id, "itemId"),
            note=input.note,
            username=username,
            department_id=department_id,
        )
        return MissingItem.from_row(row)

    @strawberry.mutation(
        description="登记容缺材料免于补正（须说明理由；承办的审批部门）",
        extensions=requires("application", "write"),
    )
    @validation_result
    async def waive_missing_item(
        self,
        info: Info,
        input: WaiveMissingItemInput,  # noqa: A002
    ) -> MissingItemResult:
        username, department_id = _who(info)
        row = await facilitation.waive_item(
            info.context.session,
            item_id=parse_id(input.item_id, "itemId"),
            reason=input.reason,
            username=username,
            department_id=department_id,
        )
        return MissingItem.from_row(row)

    @strawberry.mutation(
        description="登记告知承诺核查结果：属实或不实（不实转信用子图记为信用承诺失信）",
        extensions=requires("push", "claim"),
    )
    @validation_result
    async def record_verification(
        self,
        info: Info,
        input: RecordVerificationInput,  # noqa: A002
    ) -> VerificationTaskResult:
        username, department_id = _who(info)
        row = await facilitation.record_verification(
            info.context.session,
            task_id=parse_id(input.task_id, "taskId"),
            draft=input.to_draft(),
            username=username,
            department_id=department_id,
        )
        return VerificationTask.from_row(row)
