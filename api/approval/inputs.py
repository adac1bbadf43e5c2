"""Input types of the approval subgraph."""

from __future__ import annotations

import strawberry

from api.approval import models
from api.core.errors import parse_id


@strawberry.input(description="申报办件")
class SubmitApplicationInput:
    matter_id: strawberry.ID
    applicant_code: str = strawberry.field(description="统一社会信用代码")
    applicant_name: str
    applicant_contact: str = ""
    applicant_address: str = ""

    def to_model(self) -> models.ApplicationCreate:
        return models.ApplicationCreate(
            matter_id=parse_id(self.matter_id, "matterId"),
            applicant_code=self.applicant_code,
            applicant_name=self.applicant_name,
            applicant_contact=self.applicant_contact,
            applicant_address=self.applicant_address,
        )
