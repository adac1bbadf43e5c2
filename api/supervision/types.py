"""GraphQL types of the supervision subgraph, and its extension of ``Application``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from api.core.authz import requires
from api.core.errors import ValidationErrors
from api.supervision import models

FindingKind = strawberry.enum(
    models.FindingKind,
    description="监管结果类别：监督检查 / 抽查 / 行政措施 / 执法查处结果 / 异常信用信息",
)


@strawberry.federation.type(keys=["id"], description="部门（目录子图所有）")
class Department:
    id: strawberry.ID

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> Department:  # noqa: A002
        return cls(id=id)


@strawberry.federation.type(keys=["id"], description="办件（审批子图所有）")
class Application:
    id: strawberry.ID

    @strawberry.field(description="针对该办件的监管结果", extensions=requires("finding", "read"))
    async def findings(self, info: Info[Any, Any]) -> list[Finding]:
        rows = await info.context.loaders.findings_by_application.load(int(self.id))
        return [Finding.from_row(r) for r in rows]

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> Application:  # noqa: A002
        return cls(id=id)


@strawberry.federation.type(keys=["id"], description="监管结果（检查、抽查、措施、执法结果）")
class Finding:
    id: strawberry.ID
    kind: FindingKind  # type: ignore[valid-type]
    abnormal: bool
    summary: str
    found_on: date
    created_at: datetime
    application_id: strawberry.Private[int]
    department_id: strawberry.Private[int]

    @strawberry.field(description="所涉办件")
    def application(self) -> Application:
        return Application(id=strawberry.ID(str(self.application_id)))

    @strawberry.field(description="监管部门")
    def department(self) -> Department:
        return Department(id=strawberry.ID(str(self.department_id)))

    @classmethod
    def from_row(cls, row: models.Finding) -> Finding:
        return cls(
            id=strawberry.ID(str(row.id)),
            kind=row.kind,
            abnormal=row.abnormal,
            summary=row.summary,
            found_on=row.found_on,
            created_at=row.created_at,
            application_id=row.application_id,
            department_id=row.department_id,
        )

    @classmethod
    async def resolve_reference(cls, info: Info[Any, Any], id: strawberry.ID) -> Finding | None:  # noqa: A002
        row = await info.context.loaders.finding.load(int(id))
        return cls.from_row(row) if row else None


RecordFindingResult = Annotated[Finding | ValidationErrors, strawberry.union("RecordFindingResult")]
