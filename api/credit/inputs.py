"""Input types of the credit subgraph."""

from __future__ import annotations

from datetime import date

import strawberry

from api.credit import models
from api.credit.types import RecordCategory, SubjectKind


@strawberry.input(description="登记信用主体")
class RegisterSubjectInput:
    credit_code: str = strawberry.field(description="统一社会信用代码（18位，含校验位）")
    name: str
    kind: SubjectKind = models.SubjectKind.LEGAL_PERSON  # type: ignore[valid-type]

    def to_model(self) -> models.SubjectCreate:
        return models.SubjectCreate(credit_code=self.credit_code, name=self.name, kind=self.kind)


@strawberry.input(description="新增信用记录")
class AddCreditRecordInput:
    subject_code: str
    category: RecordCategory  # type: ignore[valid-type]
    title: str
    source: str
    decided_on: date
    valid_until: date | None = None

    def to_model(self) -> models.CreditRecordCreate:
        return models.CreditRecordCreate(
            subject_code=self.subject_code.strip().upper(),
            category=self.category,
            title=self.title,
            source=self.source,
            decided_on=self.decided_on,
            valid_until=self.valid_until,
        )
