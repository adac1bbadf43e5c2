"""Input types of the credit subgraph."""

from __future__ import annotations

from datetime import date

import strawberry

from api.core.errors import build_model
from api.credit import models
from api.credit.services.determination import Rule
from api.credit.types import CreditLevel, RecordCategory, RuleCondition, SubjectKind


@strawberry.input(description="登记信用主体：法人填统一社会信用代码，自然人填身份证号码")
class RegisterSubjectInput:
    name: str
    kind: SubjectKind = models.SubjectKind.LEGAL_PERSON
    credit_code: str | None = strawberry.field(
        default=None, description="统一社会信用代码（18位，含校验位）"
    )
    id_number: str | None = strawberry.field(
        default=None, description="自然人身份证号码（18位，含校验位；加密保存，仅脱敏显示）"
    )

    def to_model(self) -> models.SubjectCreate:
        return build_model(
            models.SubjectCreate,
            credit_code=self.credit_code,
            id_number=self.id_number,
            name=self.name,
            kind=self.kind,
        )


@strawberry.input(description="新增信用记录")
class AddCreditRecordInput:
    subject_code: str
    category: RecordCategory
    title: str
    source: str
    decided_on: date
    valid_until: date | None = None
    authority: str = strawberry.field(default="", description="作出决定的机关（部门名称）")
    matter_name: str = strawberry.field(default="", description="涉及的事项名称")
    document_number: str = strawberry.field(default="", description="文书编号")

    def to_model(self) -> models.CreditRecordCreate:
        return build_model(
            models.CreditRecordCreate,
            subject_code=self.subject_code.strip().upper(),
            category=self.category,
            title=self.title,
            source=self.source,
            decided_on=self.decided_on,
            valid_until=self.valid_until,
            authority=self.authority.strip(),
            matter_name=self.matter_name.strip(),
            document_number=self.document_number.strip(),
        )


@strawberry.input(description="修复信用记录：只填要更正的字段")
class RepairCreditRecordInput:
    title: str | None = None
    category: RecordCategory | None = None
    valid_until: date | None = None
    clear_valid_until: bool = False

    def to_model(self) -> models.CreditRecordRepair:
        return build_model(
            models.CreditRecordRepair,
            title=self.title,
            category=self.category,
            valid_until=self.valid_until,
            clear_valid_until=self.clear_valid_until,
        )


@strawberry.input(description="认定规则")
class CreditRuleInput:
    code: str
    name: str
    condition: RuleCondition
    score_delta: int
    category: RecordCategory | None = None
    min_count: int = 1
    within_days: int | None = None
    forces_level: CreditLevel | None = None

    def to_rule(self) -> Rule:
        return Rule(
            code=self.code.strip(),
            name=self.name.strip(),
            condition=self.condition,
            score_delta=self.score_delta,
            category=self.category,
            min_count=self.min_count,
            within_days=self.within_days,
            forces_level=self.forces_level,
        )


@strawberry.input(description="发布新版本的认定规则集")
class PublishCreditRulesInput:
    base_score: int
    trustworthy_min_score: int
    dishonest_below_score: int
    rules: list[CreditRuleInput]
    note: str = ""


@strawberry.input(description="保存归集规则（同一监管结果类别与结果类型只有一条）")
class AggregationRuleInput:
    finding_kind: str = strawberry.field(description="监管结果类别，如 ENFORCEMENT_RESULT")
    result_type: str = strawberry.field(description="结果类型，如 罚款；* 表示该类别的任意结果")
    category: RecordCategory
    validity_months: int | None = None
    enabled: bool = True

    def to_model(self) -> models.AggregationRuleCreate:
        return build_model(
            models.AggregationRuleCreate,
            finding_kind=self.finding_kind,
            result_type=self.result_type,
            category=self.category,
            validity_months=self.validity_months,
            enabled=self.enabled,
        )


@strawberry.input(description="手工列入联合惩戒名单")
class AddJointPunishmentInput:
    subject_code: str = strawberry.field(description="统一社会信用代码或身份证号码")
    source_document: str = strawberry.field(description="惩戒依据文号")
    measures: str
    starts_on: date
    ends_on: date | None = None
    subject_name: str | None = strawberry.field(
        default=None, description="主体名称（主体尚未登记时用于登记）"
    )

    def to_model(self) -> models.JointPunishmentCreate:
        return build_model(
            models.JointPunishmentCreate,
            source_document=self.source_document,
            measures=self.measures,
            starts_on=self.starts_on,
            ends_on=self.ends_on,
        )
