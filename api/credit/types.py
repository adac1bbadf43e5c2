"""GraphQL types of the credit subgraph."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from api.core.authz import requires
from api.core.errors import ValidationErrors
from api.credit import models

SubjectKind = strawberry.enum(models.SubjectKind, description="主体类别：法人及其他组织 / 自然人")
RecordCategory = strawberry.enum(
    models.RecordCategory, description="信用记录类别：行政许可 / 行政处罚 / 表彰奖励 / 其他"
)


@strawberry.federation.type(description="信用记录")
class CreditRecord:
    id: strawberry.ID
    category: RecordCategory  # type: ignore[valid-type]
    title: str
    source: str
    decided_on: date
    valid_until: date | None
    created_at: datetime

    @classmethod
    def from_row(cls, row: models.CreditRecord) -> CreditRecord:
        return cls(
            id=strawberry.ID(str(row.id)),
            category=row.category,
            title=row.title,
            source=row.source,
            decided_on=row.decided_on,
            valid_until=row.valid_until,
            created_at=row.created_at,
        )


@strawberry.federation.type(keys=["creditCode"], description="行政相对人（信用主体）")
class Subject:
    credit_code: strawberry.ID
    name: str | None
    kind: SubjectKind | None  # type: ignore[valid-type]

    @strawberry.field(description="信用记录", extensions=requires("credit_record", "read"))
    async def credit_records(self, info: Info[Any, Any]) -> list[CreditRecord]:
        rows = await info.context.loaders.records_by_subject.load(str(self.credit_code))
        return [CreditRecord.from_row(r) for r in rows]

    @classmethod
    def from_row(cls, row: models.Subject) -> Subject:
        return cls(credit_code=strawberry.ID(row.credit_code), name=row.name, kind=row.kind)

    @classmethod
    async def resolve_reference(cls, info: Info[Any, Any], **key: Any) -> Subject:
        credit_code = strawberry.ID(str(key["creditCode"]))
        row = await info.context.loaders.subject.load(credit_code)
        # An applicant the credit system has not registered yet is still a valid reference.
        return cls.from_row(row) if row else cls(credit_code=credit_code, name=None, kind=None)


RegisterSubjectResult = Annotated[
    Subject | ValidationErrors, strawberry.union("RegisterSubjectResult")
]
AddCreditRecordResult = Annotated[
    CreditRecord | ValidationErrors, strawberry.union("AddCreditRecordResult")
]
