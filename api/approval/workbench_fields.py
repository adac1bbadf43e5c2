"""Workbench count fields of the approval subgraph (thin: check, call a service)."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from api.approval import workbench
from api.approval.models import ApplicationStatus as StatusModel
from api.approval.types import ApplicationStatus
from api.core.authz import requires


@strawberry.type
class WorkbenchQuery:
    @strawberry.field(
        description="办件数（限职责范围，与 applications 同；status 为某一状态，如待受理、待办结）",
        extensions=requires("application", "read"),
    )
    async def application_count(
        self,
        info: Info[Any, Any],
        status: ApplicationStatus | None = None,  # type: ignore[valid-type]
    ) -> int:
        return await workbench.count_applications(
            session=info.context.session,
            scope=info.context.scope,
            status=StatusModel(status) if status else None,
        )
