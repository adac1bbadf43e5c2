"""Credit Mutation fields."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

import strawberry

from api.core.authz import requires
from api.core.errors import FieldIssue, NotFoundError, ValidationErrors, ValidationFailed, parse_id
from api.core.kit import Info, validation_result
from api.credit import services
from api.credit.inputs import (
    AddCreditRecordInput,
    AddJointPunishmentInput,
    AggregationRuleInput,
    PublishCreditRulesInput,
    RegisterSubjectInput,
    RepairCreditRecordInput,
)
from api.credit.services import determination
from api.credit.types import (
    AddCreditRecordResult,
    AggregationRule,
    AggregationRuleResult,
    CreditLevel,
    CreditRecord,
    CreditRecordChangeResult,
    CreditRuleSet,
    CreditRuleSetResult,
    HandlingMode,
    HandlingPolicyEntry,
    HandlingPolicyResult,
    JointPunishment,
    JointPunishmentImport,
    JointPunishmentImportResult,
    JointPunishmentResult,
    RegisterSubjectResult,
    Subject,
)

RowT = TypeVar("RowT")
NodeT = TypeVar("NodeT")
NOT_FOUND = ValidationFailed([FieldIssue("id", "NOT_FOUND", "记录不存在")])


async def _found(
    change: Awaitable[RowT], to_node: Callable[[RowT], NodeT]
) -> NodeT | ValidationErrors:
    """The changed row as its type, or ``NOT_FOUND`` on ``id`` when there is no such row."""
    try:
        return to_node(await change)
    except NotFoundError:
        return ValidationErrors.from_exception(NOT_FOUND)


def _actor(info: Info) -> str:
    return str(info.context.principal.username)


@strawberry.type
class CreditMutation:
    @strawberry.mutation(description="登记信用主体", extensions=requires("subject", "write"))
    @validation_result
    async def register_subject(
        self,
        info: Info,
        input: RegisterSubjectInput,  # noqa: A002
    ) -> RegisterSubjectResult:
        row = await services.register_subject(session=info.context.session, data=input.to_model())
        return Subject.from_row(row)

    @strawberry.mutation(description="新增信用记录", extensions=requires("credit_record", "write"))
    @validation_result
    async def add_credit_record(
        self,
        info: Info,
        input: AddCreditRecordInput,  # noqa: A002
    ) -> AddCreditRecordResult:
        row = await services.add_credit_record(session=info.context.session, data=input.to_model())
        return CreditRecord.from_row(row)

    @strawberry.mutation(
        description="修复（更正）信用记录，原内容留痕",
        extensions=requires("credit_record", "write"),
    )
    @validation_result
    async def repair_credit_record(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
        input: RepairCreditRecordInput,  # noqa: A002
        reason: str,
    ) -> CreditRecordChangeResult:
        return await _found(
            services.repair_credit_record(
                session=info.context.session,
                record_id=parse_id(id, "id"),
                repair=input.to_model(),
                reason=reason,
                actor=_actor(info),
            ),
            CreditRecord.from_row,
        )

    @strawberry.mutation(
        description="撤销信用记录（保留并留痕，不再参与认定）",
        extensions=requires("credit_record", "write"),
    )
    @validation_result
    async def withdraw_credit_record(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
        reason: str,
    ) -> CreditRecordChangeResult:
        return await _found(
            services.withdraw_credit_record(
                session=info.context.session,
                record_id=parse_id(id, "id"),
                reason=reason,
                actor=_actor(info),
            ),
            CreditRecord.from_row,
        )

    @strawberry.mutation(
        description="发布新版本的认定规则集（所有主体随即重新认定）",
        extensions=requires("credit_rule", "write"),
    )
    @validation_result
    async def publish_credit_rules(
        self,
        info: Info,
        input: PublishCreditRulesInput,  # noqa: A002
    ) -> CreditRuleSetResult:
        rule_set = await determination.publish_rule_set(
            session=info.context.session,
            base_score=input.base_score,
            trustworthy_min_score=input.trustworthy_min_score,
            dishonest_below_score=input.dishonest_below_score,
            rules=[r.to_rule() for r in input.rules],
            note=input.note,
            actor=_actor(info),
        )
        return CreditRuleSet.from_rule_set(rule_set)

    @strawberry.mutation(description="保存归集规则", extensions=requires("credit_rule", "write"))
    @validation_result
    async def save_aggregation_rule(
        self,
        info: Info,
        input: AggregationRuleInput,  # noqa: A002
    ) -> AggregationRuleResult:
        row = await services.save_aggregation_rule(
            session=info.context.session, data=input.to_model(), actor=_actor(info)
        )
        return AggregationRule.from_row(row)

    @strawberry.mutation(
        description="设置受理方式政策：哪些信用等级可用该方式（失信不可）",
        extensions=requires("credit_rule", "write"),
    )
    @validation_result
    async def set_handling_policy(
        self,
        info: Info,
        mode: HandlingMode,
        allowed_levels: list[CreditLevel],
    ) -> HandlingPolicyResult:
        levels = await determination.set_handling_policy(
            session=info.context.session, mode=mode, levels=allowed_levels, actor=_actor(info)
        )
        return HandlingPolicyEntry(
            mode=mode, label=determination.MODE_LABELS[mode], allowed_levels=list(levels)
        )

    @strawberry.mutation(
        description="手工列入联合惩戒名单", extensions=requires("joint_punishment", "write")
    )
    @validation_result
    async def add_joint_punishment(
        self,
        info: Info,
        input: AddJointPunishmentInput,  # noqa: A002
    ) -> JointPunishmentResult:
        row = await services.add_joint_punishment(
            session=info.context.session,
            subject_code=input.subject_code,
            subject_name=input.subject_name,
            data=input.to_model(),
            actor=_actor(info),
        )
        return JointPunishment.from_row(row)

    @strawberry.mutation(
        description="从表格（.xlsx，Base64）导入联合惩戒名单：全部成功或全部不导入",
        extensions=requires("joint_punishment", "write"),
    )
    @validation_result
    async def import_joint_punishments(
        self, info: Info, content_base64: str
    ) -> JointPunishmentImportResult:
        rows = await services.import_joint_punishments(
            session=info.context.session, content_base64=content_base64, actor=_actor(info)
        )
        entries = [JointPunishment.from_row(r) for r in rows]
        return JointPunishmentImport(imported=len(entries), entries=entries)

    @strawberry.mutation(
        description="撤销联合惩戒名单条目（留痕）", extensions=requires("joint_punishment", "write")
    )
    @validation_result
    async def revoke_joint_punishment(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
        reason: str,
    ) -> JointPunishmentResult:
        return await _found(
            services.revoke_joint_punishment(
                session=info.context.session, entry_id=parse_id(id, "id"), reason=reason
            ),
            JointPunishment.from_row,
        )
