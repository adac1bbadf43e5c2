"""Query and Mutation fields of the facilitation follow-up (thin: check, call a service, map)."""

from __future__ import annotations

import strawberry

from api.approval.models.facilitation import VerificationTask as VerificationTaskRow
from api.approval.services import facilitation
from api.approval.types.facilitation import (
    FacilitationFollowUp,
    VerificationTask,
    VerificationTaskConnection,
)
from api.core.authz import requires
from api.core.kit import Info, optional_id
from api.core.pagination import KeysetPage, keyset_list


def _who(info: Info) -> tuple[str, int]:
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
        info: Info,
        open_only: bool | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> VerificationTaskConnection:
        _, department_id = _who(info)

        async def fetch(after_id: int | None) -> KeysetPage[VerificationTaskRow]:
            rows, total, has_next = await facilitation.verification_inbox(
                info.context.session,
                department_id=department_id,
                open_only=open_only,
                first=first,
                after=after_id,
            )
            return KeysetPage(rows=rows, total=total, has_next=has_next)

        return await keyset_list("verification", after, fetch, VerificationTask.from_row)

    @strawberry.field(
        description=(
            "容缺材料与告知承诺核查的跟进统计（本部门；协调办可看全市，或以 departmentId 指定）"
        ),
        extensions=requires("application", "read"),
    )
    async def facilitation_follow_up(
        self, info: Info, department_id: strawberry.ID | None = None
    ) -> FacilitationFollowUp:
        figures = await facilitation.follow_up(
            info.context.session,
            info.context.scope,
            optional_id(department_id, "departmentId"),
        )
        return FacilitationFollowUp.from_figures(figures)
