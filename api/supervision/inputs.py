"""Input types of the supervision subgraph."""

from __future__ import annotations

from datetime import date

import strawberry

from api.core.errors import parse_id
from api.supervision import models
from api.supervision.types import FindingKind


@strawberry.input(description="登记监管结果")
class RecordFindingInput:
    application_id: strawberry.ID
    kind: FindingKind  # type: ignore[valid-type]
    summary: str
    found_on: date
    abnormal: bool = False

    def to_model(self, *, department_id: int) -> models.FindingCreate:
        return models.FindingCreate(
            application_id=parse_id(self.application_id, "applicationId"),
            department_id=department_id,
            kind=self.kind,
            summary=self.summary,
            found_on=self.found_on,
            abnormal=self.abnormal,
        )
