"""GraphQL types of the determination history (``history.py``): what was decided on a day."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import strawberry

from api.core.kit import Info, from_row
from api.credit import models
from api.credit.services import determination
from api.credit.types import CreditLevel, RecordCategory, RuleCondition


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)) if value else None


@strawberry.type(description="认定时依据的信用记录（认定当时的内容）")
class DeterminedRecord:
    record_id: strawberry.ID
    category: RecordCategory
    title: str
    source: str
    decided_on: date
    valid_until: date | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DeterminedRecord:
        return cls(
            record_id=strawberry.ID(str(data["id"])),
            category=models.RecordCategory(data["category"]),
            title=str(data["title"]),
            source=str(data["source"]),
            decided_on=date.fromisoformat(str(data["decided_on"])),
            valid_until=_day(data.get("valid_until")),
        )


@strawberry.type(description="认定时依据的联合惩戒名单条目（认定当时的内容）")
class DeterminedPunishment:
    entry_id: strawberry.ID
    source_document: str
    measures: str
    starts_on: date
    ends_on: date | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DeterminedPunishment:
        return cls(
            entry_id=strawberry.ID(str(data["id"])),
            source_document=str(data["source_document"]),
            measures=str(data["measures"]),
            starts_on=date.fromisoformat(str(data["starts_on"])),
            ends_on=_day(data.get("ends_on")),
        )


@strawberry.type(description="认定时触发的一条规则及其依据")
class DeterminedCause:
    rule_code: str
    rule_name: str
    condition: RuleCondition
    score_delta: int
    forces_level: CreditLevel | None
    records: list[DeterminedRecord]
    joint_punishments: list[DeterminedPunishment]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DeterminedCause:
        forced = data.get("forces_level")
        return cls(
            rule_code=str(data["code"]),
            rule_name=str(data["name"]),
            condition=models.RuleCondition(data["condition"]),
            score_delta=int(data["score_delta"]),
            forces_level=models.CreditLevel(forced) if forced else None,
            records=[DeterminedRecord.from_json(r) for r in data.get("records") or []],
            joint_punishments=[
                DeterminedPunishment.from_json(p) for p in data.get("punishments") or []
            ],
        )


@strawberry.type(
    description="一次信用认定（留存不改）：认定日期、规则版本、等级、分数、触发的规则与依据记录"
)
class CreditDetermination:
    id: strawberry.ID
    subject_code: str
    determined_at: datetime
    determined_on: date
    rule_version: int = strawberry.field(description="作出本次认定的规则版本（0为系统默认）")
    level: CreditLevel
    level_label: str
    previous_level: CreditLevel | None
    score: int
    joint_punished: bool
    summary: str = strawberry.field(description="认定说明（含规则版本）")
    causes: list[DeterminedCause]

    @strawberry.field(description="作出本次认定的规则集版本全文")
    async def rule_set(self, info: Info) -> CreditRuleSetRef | None:
        rule_set = await determination.rule_set_version(info.context.session, self.rule_version)
        if rule_set is None:
            return None
        return CreditRuleSetRef(
            version=rule_set.version,
            base_score=rule_set.base_score,
            trustworthy_min_score=rule_set.trustworthy_min_score,
            dishonest_below_score=rule_set.dishonest_below_score,
            note=rule_set.note,
            published_at=rule_set.published_at,
        )

    @classmethod
    def from_row(cls, row: models.DeterminationEntry) -> CreditDetermination:
        return from_row(
            cls,
            row,
            level_label=determination.LEVEL_LABELS[row.level],
            causes=[DeterminedCause.from_json(c) for c in row.causes],
        )


@strawberry.type(description="规则集版本概要（分数线与说明）")
class CreditRuleSetRef:
    version: int
    base_score: int
    trustworthy_min_score: int
    dishonest_below_score: int
    note: str
    published_at: datetime | None
