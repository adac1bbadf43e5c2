"""Workbench count fields of the approval subgraph (thin: check, call a service)."""

from __future__ import annotations

import strawberry

from api.approval.models import ApplicationStatus as StatusModel
from api.approval.services import workbench
from api.approval.types import ApplicationStatus
from api.core.authz import requires
from api.core.kit import Info


@strawberry.type
class WorkbenchQuery:
    @strawberry.field(
        description="办件数（限职责范围，与 applications 同；status 为某一状态，如待受理、待办结）",
        extensions=requires("application", "read"),
    )
    async def application_count(
        self,
        info: Info,
        status: ApplicationStatus | None = None,
    ) -> int:
        return await workbench.count_applications(
            session=info.context.session,
            scope=info.context.scope,
            status=StatusModel(status) if status else None,
        )
