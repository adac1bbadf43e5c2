"""GraphQL types of the credit subgraph."""

from __future__ import annotations

import base64
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from api.core.authz import requires
from api.core.errors import BadArgumentError, ValidationErrors
from api.core.kit import Info, from_row, person_name
from api.core.stubs import Department
from api.core.tracking_ticket import InvalidTrackingTicketError, verify_tracking_ticket
from api.credit import models
from api.credit.services import determination, identity
from api.credit.services import history as history_rules
from api.credit.services.determination import Assessment, ModeDecision, Rule, RuleSet

if TYPE_CHECKING:
    from api.credit.types.history import CreditDetermination

SubjectKind = models.SubjectKind
strawberry.enum(SubjectKind, description="主体类别：法人及其他组织 / 自然人")
RecordCategory = models.RecordCategory
strawberry.enum(
    RecordCategory,
    description="信用记录类别：行政许可 / 行政处罚 / 表彰奖励 / 信用承诺失信 / 其他",
)
RecordOrigin = models.RecordOrigin
strawberry.enum(RecordOrigin, description="记录来源：手工录入 / 审批办结 / 执法查处结果 / 表格导入")
RecordStatus = models.RecordStatus
strawberry.enum(RecordStatus, description="记录状态：有效 / 已撤销")
RevisionAction = models.RevisionAction
strawberry.enum(RevisionAction, description="修订动作：修复 / 撤销")
CreditLevel = models.CreditLevel
strawberry.enum(CreditLevel, description="信用等级：守信 / 一般 / 失信")
HandlingMode = models.HandlingMode
strawberry.enum(HandlingMode, description="受理方式：一般受理 / 绿色通道 / 容缺受理 / 告知承诺")
RuleCondition = models.RuleCondition
strawberry.enum(
    RuleCondition,
    description="认定规则条件：有效记录数达到阈值 / 期间内无该类记录 / 在联合惩戒名单中",
)
LookupChannel = models.LookupChannel
strawberry.enum(LookupChannel, description="查询方式：信用查询 / 受理核查 / 导出 / 浏览 / 办件跟踪")


@strawberry.federation.type(keys=["id"], description="办件（审批子图所有）")
class Application:
    id: strawberry.ID
    credit_tracking_ticket: str | None = strawberry.federation.field(external=True, default=None)

    @strawberry.federation.field(
        requires=["creditTrackingTicket"],
        description=(
            "申请人当前信用（办件跟踪）：限职责范围覆盖本办件的人员，每次读取记入信用查询日志"
            "（目的“办件跟踪”）；其他人得到 null"
        ),
        extensions=requires("credit_lookup", "read"),
    )
    async def applicant_credit(self, info: Info) -> CreditAssessment | None:
        ctx = info.context
        principal = ctx.principal
        if principal is None or not self.credit_tracking_ticket:
            return None
        try:
            ticket = verify_tracking_ticket(
                self.credit_tracking_ticket,
                application_id=int(self.id),
                username=principal.username,
                department_id=int(principal.department_id),
            )
        except InvalidTrackingTicketError:
            return None
        await ctx.loaders.tracking_log(principal).load((ticket.application_id, ticket.subject_code))
        assessment = await ctx.loaders.assessment.load(ticket.subject_code)
        return CreditAssessment.from_assessment(assessment)

    @classmethod
    def resolve_reference(cls, **key: Any) -> Application:
        ticket = key.get("creditTrackingTicket")
        return cls(id=strawberry.ID(str(key["id"])), credit_tracking_ticket=ticket)


@strawberry.type(description="信用记录的一次修复或撤销：修订前的内容、修订人和理由")
class CreditRecordRevision:
    action: RevisionAction
    reason: str
    changed_by: str
    changed_at: datetime
    before_title: str
    before_category: RecordCategory
    before_valid_until: date | None
    before_status: RecordStatus

    @classmethod
    def from_row(cls, row: models.CreditRecordRevision) -> CreditRecordRevision:
        before = row.before
        valid_until = before.get("valid_until")
        return from_row(
            cls,
            row,
            before_title=str(before["title"]),
            before_category=models.RecordCategory(before["category"]),
            before_valid_until=date.fromisoformat(valid_until) if valid_until else None,
            before_status=models.RecordStatus(before["status"]),
        )


@strawberry.federation.type(description="信用记录（修复、撤销留痕，从不删除）")
class CreditRecord:
    id: strawberry.ID
    category: RecordCategory
    title: str
    source: str
    decided_on: date
    valid_until: date | None
    authority: str = strawberry.field(description="作出决定的机关（部门名称）")
    matter_name: str = strawberry.field(description="涉及的事项名称")
    document_number: str = strawberry.field(
        description="文书编号（许可证号、处罚决定书号、核查意见书号等）"
    )
    origin: RecordOrigin
    status: RecordStatus
    created_at: datetime
    updated_at: datetime

    @strawberry.field(description="修复与撤销历史（先后顺序）")
    async def revisions(self, info: Info) -> list[CreditRecordRevision]:
        rows = await info.context.loaders.revisions_by_record.load(int(self.id))
        return [CreditRecordRevision.from_row(r) for r in rows]

    @classmethod
    def from_row(cls, row: models.CreditRecord) -> CreditRecord:
        return from_row(
            cls,
            row,
        )


@strawberry.type(description="联合惩戒名单条目")
class JointPunishment:
    id: strawberry.ID
    subject_code: str
    source_document: str
    measures: str
    starts_on: date
    ends_on: date | None
    origin: RecordOrigin
    added_by: str
    created_at: datetime
    revoked_at: datetime | None
    revoke_reason: str | None

    @strawberry.field(description="列入人姓名（账号已删除时为账号名）")
    async def added_by_name(self, info: Info) -> str:
        name: str = await info.context.loaders.display_name.load(self.added_by)
        return name

    @strawberry.field(description="今天是否在惩戒期内（未撤销、已开始、未结束）")
    def active(self) -> bool:
        today = determination.today_utc()
        return (
            self.revoked_at is None
            and self.starts_on <= today
            and (self.ends_on is None or self.ends_on >= today)
        )

    @classmethod
    def from_row(cls, row: models.JointPunishment) -> JointPunishment:
        return from_row(
            cls,
            row,
        )


@strawberry.type(description="认定规则")
class CreditRule:
    code: str
    name: str
    condition: RuleCondition
    category: RecordCategory | None
    min_count: int
    within_days: int | None
    score_delta: int
    forces_level: CreditLevel | None

    @classmethod
    def from_rule(cls, rule: Rule) -> CreditRule:
        return cls(
            code=rule.code,
            name=rule.name,
            condition=rule.condition,
            category=rule.category,
            min_count=rule.min_count,
            within_days=rule.within_days,
            score_delta=rule.score_delta,
            forces_level=rule.forces_level,
        )


@strawberry.type(description="认定规则集的一个版本（版本0为系统默认）")
class CreditRuleSet:
    version: int
    base_score: int
    trustworthy_min_score: int
    dishonest_below_score: int
    note: str
    published_by: str
    published_at: datetime | None
    rules: list[CreditRule]

    @strawberry.field(description="发布人姓名；系统默认版本（版本0）为空")
    async def published_by_name(self, info: Info) -> str | None:
        if self.version == 0:
            return None
        name: str = await info.context.loaders.display_name.load(self.published_by)
        return name

    @classmethod
    def from_rule_set(cls, rule_set: RuleSet) -> CreditRuleSet:
        return cls(
            version=rule_set.version,
            base_score=rule_set.base_score,
            trustworthy_min_score=rule_set.trustworthy_min_score,
            dishonest_below_score=rule_set.dishonest_below_score,
            note=rule_set.note,
            published_by=rule_set.published_by,
            published_at=rule_set.published_at,
            rules=[CreditRule.from_rule(r) for r in rule_set.rules],
        )


@strawberry.type(description="触发的一条规则，以及导致它触发的记录和名单条目")
class CreditCause:
    rule_code: str
    rule_name: str
    condition: RuleCondition
    score_delta: int
    forces_level: CreditLevel | None
    records: list[CreditRecord]
    joint_punishments: list[JointPunishment]


@strawberry.type(description="信用认定结果及其依据")
class CreditAssessment:
    level: CreditLevel
    level_label: str
    score: int
    joint_punished: bool
    rule_version: int
    determined_on: date
    summary: str = strawberry.field(description="认定说明：分数、分数线与规则版本")
    causes: list[CreditCause]
    joint_punishments: list[JointPunishment]

    @classmethod
    def from_assessment(cls, assessment: Assessment) -> CreditAssessment:
        return cls(
            level=assessment.level,
            level_label=determination.LEVEL_LABELS[assessment.level],
            score=assessment.score,
            joint_punished=assessment.joint_punished,
            rule_version=assessment.rule_set.version,
            determined_on=assessment.determined_on,
            summary=assessment.summary,
            causes=[
                CreditCause(
                    rule_code=c.rule.code,
                    rule_name=c.rule.name,
                    condition=c.rule.condition,
                    score_delta=c.rule.score_delta,
                    forces_level=c.rule.forces_level,
                    records=[CreditRecord.from_row(r) for r in c.records],
                    joint_punishments=[JointPunishment.from_row(p) for p in c.punishments],
                )
                for c in assessment.causes
            ],
            joint_punishments=[JointPunishment.from_row(p) for p in assessment.punishments],
        )


# The history's types use this module's enums; resolved lazily to avoid an import cycle.
DeterminationRef = Annotated["CreditDetermination", strawberry.lazy("api.credit.types.history")]


def _determination(row: models.DeterminationEntry) -> CreditDetermination:
    from api.credit.types.history import (  # noqa: PLC0415 - import cycle
        CreditDetermination as Determination,
    )

    return Determination.from_row(row)


async def _logged(info: Info, code: str) -> None:
    """Reading a subject's credit through the graph is a lookup too: log it (once per request)."""
    await info.context.loaders.browse_log(info.context.principal).load(code)


@strawberry.federation.type(
    keys=["creditCode"],
    description=(
        '行政相对人（信用主体）。外部子图可按 @key(fields: "creditCode") 扩展'
        "（docs/joining-the-graph.md）"
    ),
)
class Subject:
    credit_code: strawberry.ID = strawberry.field(
        description="法人：统一社会信用代码；自然人：NP+16位密钥哈希（不含身份证号码）"
    )
    name: str | None
    kind: SubjectKind | None
    masked_id_number: str | None = strawberry.field(
        description="自然人身份证号码（脱敏，如 430902********1234）"
    )
    id_number_encrypted: strawberry.Private[str | None]

    @strawberry.field(
        description="自然人身份证号码全文（需“主体身份信息”权限）",
        extensions=requires("subject_identity", "read"),
    )
    def id_number(self) -> str | None:
        return (
            identity.decrypt_id_number(self.id_number_encrypted)
            if self.id_number_encrypted
            else None
        )

    @strawberry.field(description="信用记录", extensions=requires("credit_record", "read"))
    async def credit_records(self, info: Info) -> list[CreditRecord]:
        await _logged(info, str(self.credit_code))
        rows = await info.context.loaders.records_by_subject.load(str(self.credit_code))
        return [CreditRecord.from_row(r) for r in rows]

    @strawberry.field(
        description="信用认定（等级、分数、依据）", extensions=requires("credit_record", "read")
    )
    async def credit(self, info: Info) -> CreditAssessment:
        await _logged(info, str(self.credit_code))
        assessment = await info.context.loaders.assessment.load(str(self.credit_code))
        return CreditAssessment.from_assessment(assessment)

    @strawberry.field(
        description="认定历史：每次认定留存不改（最新在前，最多200条）",
        extensions=requires("credit_record", "read"),
    )
    async def determinations(self, info: Info, first: int = 50) -> list[DeterminationRef]:
        if not 1 <= first <= history_rules.MAX_ENTRIES:
            raise BadArgumentError("first", f"条数应在 1 到 {history_rules.MAX_ENTRIES} 之间")
        await _logged(info, str(self.credit_code))
        rows = await info.context.loaders.determinations_by_subject.load(str(self.credit_code))
        return [_determination(r) for r in rows[:first]]

    @strawberry.field(
        description="某日有效的认定：该日或之前最近的一次（此前从未认定则为 null）",
        extensions=requires("credit_record", "read"),
    )
    async def determination_as_of(self, info: Info, day: date) -> DeterminationRef | None:
        await _logged(info, str(self.credit_code))
        row = await history_rules.as_of(info.context.session, str(self.credit_code), day)
        return _determination(row) if row else None

    @strawberry.field(
        description="联合惩戒名单条目（含已结束、已撤销）",
        extensions=requires("joint_punishment", "read"),
    )
    async def joint_punishments(self, info: Info) -> list[JointPunishment]:
        await _logged(info, str(self.credit_code))
        rows = await info.context.loaders.punishments_by_subject.load(str(self.credit_code))
        return [JointPunishment.from_row(r) for r in rows]

    @classmethod
    def from_row(cls, row: models.Subject) -> Subject:
        return from_row(
            cls,
            row,
            credit_code=strawberry.ID(row.credit_code),
            masked_id_number=row.id_number_masked,
        )

    @classmethod
    def unregistered(cls, code: str) -> Subject:
        return cls(
            credit_code=strawberry.ID(code),
            name=None,
            kind=None,
            masked_id_number=None,
            id_number_encrypted=None,
        )

    @classmethod
    async def resolve_reference(cls, info: Info, **key: Any) -> Subject | None:
        # The subject registry is not department-scoped (neither are its root fields), and
        # every field beyond the name carries its own permission and masking (credit records,
        # the full ID number); an anonymous caller gets nothing.
        if info.context.principal is None:
            return None
        credit_code = str(key["creditCode"])
        row = await info.context.loaders.subject.load(credit_code)
        # An applicant the credit system has not registered yet is still a valid reference.
        return cls.from_row(row) if row else cls.unregistered(credit_code)


@strawberry.type(description="一次留痕的信用查询结果")
class CreditProfile:
    lookup_id: strawberry.ID
    subject: Subject
    assessment: CreditAssessment
    records: list[CreditRecord]


@strawberry.type(description="受理方式是否适用，不适用时说明理由")
class HandlingModeDecision:
    mode: HandlingMode
    label: str
    allowed: bool
    reason: str | None

    @classmethod
    def from_decision(cls, decision: ModeDecision) -> HandlingModeDecision:
        return cls(
            mode=decision.mode,
            label=determination.MODE_LABELS[decision.mode],
            allowed=decision.allowed,
            reason=decision.reason,
        )


@strawberry.type(description="受理时的信用核查：等级、联合惩戒、依据、可用受理方式与签名凭证")
class CreditCheck:
    lookup_id: strawberry.ID
    subject_code: str
    subject: Subject
    application: Application
    level: CreditLevel
    score: int
    joint_punished: bool
    joint_punishments: list[JointPunishment]
    explanation: CreditAssessment
    modes: list[HandlingModeDecision]
    allowed_modes: list[HandlingMode]
    ticket: str = strawberry.field(description="签名凭证：受理办件时提交，30分钟内有效")
    checked_at: datetime


@strawberry.type(description="受理方式政策：哪些信用等级可用该方式")
class HandlingPolicyEntry:
    mode: HandlingMode
    label: str
    allowed_levels: list[CreditLevel]


@strawberry.type(description="归集规则：哪类监管结果、以何类别和有效期计入信用记录")
class AggregationRule:
    id: strawberry.ID
    finding_kind: str
    result_type: str
    category: RecordCategory
    validity_months: int | None
    enabled: bool
    updated_by: str
    updated_at: datetime

    @strawberry.field(description="修改人姓名（内置规则为空）")
    async def updated_by_name(self, info: Info) -> str:
        return await person_name(info, self.updated_by)

    @classmethod
    def from_row(cls, row: models.AggregationRule) -> AggregationRule:
        return from_row(
            cls,
            row,
        )


@strawberry.type(description="信用查询留痕")
class CreditLookup:
    id: strawberry.ID
    username: str
    department_id: strawberry.ID
    subject_code: str
    purpose: str
    application_id: strawberry.ID | None
    application_number: str | None = strawberry.field(
        description="办件编号（审批受理时由审批子图告知；尚未受理的办件为空）"
    )
    channel: LookupChannel
    looked_up_at: datetime

    @strawberry.field(description="查询人所在部门")
    def department(self) -> Department:
        return Department(id=self.department_id)

    @strawberry.field(description="查询人姓名（账号已删除时为账号名）")
    async def username_display(self, info: Info) -> str:
        return await person_name(info, self.username)

    @strawberry.field(description="查询所服务的办件")
    def application(self) -> Application | None:
        return Application(id=self.application_id) if self.application_id else None

    @classmethod
    def from_row(cls, row: models.LookupLog) -> CreditLookup:
        return from_row(
            cls,
            row,
            department_id=strawberry.ID(str(row.department_id)),
            application_id=strawberry.ID(str(row.application_id)) if row.application_id else None,
        )


XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@strawberry.type(description="导出的表格文件（Base64）")
class Spreadsheet:
    filename: str
    media_type: str
    content_base64: str

    @classmethod
    def from_bytes(cls, filename: str, content: bytes) -> Spreadsheet:
        return cls(
            filename=filename,
            media_type=XLSX_MEDIA_TYPE,
            content_base64=base64.b64encode(content).decode(),
        )


@strawberry.type(description="联合惩戒名单导入结果")
class JointPunishmentImport:
    imported: int
    entries: list[JointPunishment]


RegisterSubjectResult = Annotated[
    Subject | ValidationErrors, strawberry.union("RegisterSubjectResult")
]
AddCreditRecordResult = Annotated[
    CreditRecord | ValidationErrors, strawberry.union("AddCreditRecordResult")
]
CreditRecordChangeResult = Annotated[
    CreditRecord | ValidationErrors, strawberry.union("CreditRecordChangeResult")
]
SubjectLookupResult = Annotated[
    CreditProfile | ValidationErrors, strawberry.union("SubjectLookupResult")
]
CreditCheckResult = Annotated[CreditCheck | ValidationErrors, strawberry.union("CreditCheckResult")]
SpreadsheetResult = Annotated[Spreadsheet | ValidationErrors, strawberry.union("SpreadsheetResult")]
CreditRuleSetResult = Annotated[
    CreditRuleSet | ValidationErrors, strawberry.union("CreditRuleSetResult")
]
AggregationRuleResult = Annotated[
    AggregationRule | ValidationErrors, strawberry.union("AggregationRuleResult")
]
HandlingPolicyResult = Annotated[
    HandlingPolicyEntry | ValidationErrors, strawberry.union("HandlingPolicyResult")
]
JointPunishmentResult = Annotated[
    JointPunishment | ValidationErrors, strawberry.union("JointPunishmentResult")
]
JointPunishmentImportResult = Annotated[
    JointPunishmentImport | ValidationErrors, strawberry.union("JointPunishmentImportResult")
]
