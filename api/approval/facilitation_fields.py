"""Query and Mutation fields of the facilitation follow-up (thin: check, call a service, map)."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from api.approval import facilitation
from api.approval.facilitation_types import (
    FacilitationFollowUp,
    MissingItem,
    MissingItemResult,
    RecordVerificationInput,
    SupplyMissingItemInput,
    VerificationTask,
    VerificationTaskConnection,
    VerificationTaskResult,
    WaiveMissingItemInput,
)
from api.core.authz import requires
from api.core.errors import BadArgumentError, ValidationErrors, ValidationFailed, parse_id
from api.core.pagination import decode_key_cursor, keyset_connection


def _who(info: Info[Any, Any]) -> tuple[str, int]:
    principal = info.context.require_principal()
    return principal.username, int(principal.department_id)


@strawberry.type
class FacilitationQuery:
    @strawberry.field(
        description="本部门收到的告知承诺核查任务（openOnly：true 待核查，false 已核查）",
        extensions=requires("push", "read"),
    )
    async def verification_inbox(
        self,
        info: Info[Any, Any],
        open_only: bool | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> VerificationTaskConnection:
        _, department_id = _who(info)
        try:
            rows, total, has_next = await facilitation.verification_inbox(
                info.context.session,
                department_id=department_id,
                open_only=open_only,
                first=first,
                after=decode_key_cursor("verification", after),
            )
        except ValidationFailed as exc:
            raise BadArgumentError.from_validation(exc) from None
        return keyset_connection(
            "verification",
            rows,
            total=total,
            has_next=has_next,
            row_id=lambda r: r.id,
            to_node=VerificationTask.from_row,
        )

    @strawberry.field(
        description=(
            "容缺材料与告知承诺核查的跟进统计（本部门；协调办可看全市，或以 departmentId 指定）"
        ),
        extensions=requires("application", "read"),
    )
    async def facilitation_follow_up(
        self, info: Info[Any, Any], department_id: strawberry.ID | None = None
    ) -> FacilitationFollowUp:
        figures = await facilitation.follow_up(
            info.context.session,
            info.context.scope,
            parse_id(department_id, "departmentId") if department_id else None,
        )
        return FacilitationFollowUp.from_figures(figures)


@strawberry.type
class FacilitationMutation:
    @strawberry.mutation(
        description="登记容缺材料已补正（承办的审批部门）",
        extensions=requires("application", "write"),
    )
    async def supply_missing_item(
        self,
        info: Info[Any, Any],
        input: SupplyMissingItemInput,  # noqa: A002
    ) -> MissingItemResult:
        username, department_id = _who(info)
        try:
            row = await facilitation.supply_item(
                info.context.session,
                item_id=parse_id(input.item_id, "itemId"),
                note=input.note,
                username=username,
                department_id=department_id,
            )
        except ValidationFailed as exc:
            return ValidationErrors.from_exception(exc)
        return MissingItem.from_row(row)

    @strawberry.mutation(
        description="登记容缺材料免于补正（须说明理由；承办的审批部门）",
        extensions=requires("application", "write"),
    )
    async def waive_missing_item(
        self,
        info: Info[Any, Any],
        input: WaiveMissingItemInput,  # noqa: A002
    ) -> MissingItemResult:
        username, department_id = _who(info)
        try:
            row = await facilitation.waive_item(
                info.context.session,
                item_id=parse_id(input.item_id, "itemId"),
                reason=input.reason,
                username=username,
                department_id=department_id,
            )
        except ValidationFailed as exc:
            return ValidationErrors.from_exception(exc)
        return MissingItem.from_row(row)

    @strawberry.mutation(
        description="登记告知承诺核查结果：属实或不实（不实转信用子图记为信用承诺失信）",
        extensions=requires("push", "claim"),
    )
    async def record_verification(
        self,
        info: Info[Any, Any],
        input: RecordVerificationInput,  # noqa: A002
    ) -> VerificationTaskResult:
        username, department_id = _who(info)
        try:
            row = await facilitation.record_verification(
                info.context.session,
                task_id=parse_id(input.task_id, "taskId"),
                draft=input.to_draft(),
                username=username,
                department_id=department_id,
            )
        except ValidationFailed as exc:
            return ValidationErrors.from_exception(exc)
        return VerificationTask.from_row(row)
