"""GraphQL types of the approval subgraph, and its extensions of others' entities."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from api.approval import models
from api.core.authz import requires
from api.core.errors import ValidationErrors

ApplicationStatus = strawberry.enum(
    models.ApplicationStatus, description="办件状态：已申报 / 已受理 / 办结准予 / 办结不予"
)


@strawberry.federation.type(keys=["creditCode"], description="行政相对人（信用子图所有）")
class Subject:
    credit_code: strawberry.ID

    @strawberry.field(description="该相对人的办件", extensions=requires("application", "read"))
    async def applications(self, info: Info[Any, Any]) -> list[Application]:
        rows = await info.context.loaders.applications_by_applicant.load(str(self.credit_code))
        return [Application.from_row(r) for r in rows]

    @classmethod
    def resolve_reference(cls, **key: Any) -> Subject:
        return cls(credit_code=strawberry.ID(str(key["creditCode"])))


@strawberry.federation.type(keys=["id"], description="政务服务事项（目录子图所有）")
class Matter:
    id: strawberry.ID

    @strawberry.field(description="该事项的办件", extensions=requires("application", "read"))
    async def applications(self, info: Info[Any, Any]) -> list[Application]:
        rows = await info.context.loaders.applications_by_matter.load(int(self.id))
        return [Application.from_row(r) for r in rows]

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> Matter:  # noqa: A002
        return cls(id=id)


@strawberry.federation.type(keys=["id"], description="办件")
class Application:
    id: strawberry.ID
    status: ApplicationStatus  # type: ignore[valid-type]
    applicant_name: str
    applicant_contact: str
    applicant_address: str
    submitted_at: datetime
    matter_id: strawberry.Private[int]
    applicant_code: strawberry.Private[str]

    @strawberry.field(description="办理事项")
    def matter(self) -> Matter:
        return Matter(id=strawberry.ID(str(self.matter_id)))

    @strawberry.field(description="申请人（行政相对人）")
    def applicant(self) -> Subject:
        return Subject(credit_code=strawberry.ID(self.applicant_code))

    @classmethod
    def from_row(cls, row: models.Application) -> Application:
        return cls(
            id=strawberry.ID(str(row.id)),
            status=row.status,
            applicant_name=row.applicant_name,
            applicant_contact=row.applicant_contact,
            applicant_address=row.applicant_address,
            submitted_at=row.submitted_at,
            matter_id=row.matter_id,
            applicant_code=row.applicant_code,
        )

    @classmethod
    async def resolve_reference(
        cls,
        info: Info[Any, Any],
        id: strawberry.ID,  # noqa: A002
    ) -> Application | None:
        row = await info.context.loaders.application.load(int(id))
        return cls.from_row(row) if row else None


SubmitApplicationResult = Annotated[
    Application | ValidationErrors, strawberry.union("SubmitApplicationResult")
]
