"""Credit Query fields. Lookups of a subject's credit state a purpose and are logged."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry.exceptions import StrawberryGraphQLError

from api.core.audit import Actor, AuditAction, record_committed
from api.core.authz import Can, requires
from api.core.errors import parse_id
from api.core.kit import Info, optional_id, validation_result
from api.core.scope import Scope
from api.core.workbench import window_days
from api.credit import services
from api.credit.services import determination, lookups
from api.credit.services.lookups import LookupRequest
from api.credit.types import (
    AggregationRule,
    Application,
    CreditAssessment,
    CreditCheck,
    CreditCheckResult,
    CreditLookup,
    CreditProfile,
    CreditRecord,
    CreditRuleSet,
    HandlingModeDecision,
    HandlingPolicyEntry,
    JointPunishment,
    Spreadsheet,
    SpreadsheetResult,
    Subject,
    SubjectLookupResult,
)


def _application_id(value: strawberry.ID | None) -> int | None:
    return parse_id(value, "applicationId") if value is not None else None


def _log_filter(
    info: Info,
    application_id: strawberry.ID | None,
    department_id: strawberry.ID | None,
    since: date | None,
    until: date | None,
) -> lookups.LogFilter:
    """The part of the lookup log the caller reads or exports with these arguments."""
    return lookups.LogFilter(
        scope=lookup_log_scope(info),
        application_id=_application_id(application_id),
        department_id=optional_id(department_id, "departmentId"),
        since=since,
        until=until,
    )


def lookup_log_scope(info: Info) -> Scope:
    """Credit officers read every department's lookups; others their own (or city-wide)."""
    ctx = info.context
    scope: Scope = ctx.scope
    if ctx.authorizer.can(ctx.principal, "credit_lookup_log", "read_all"):
        return Scope(department_id=scope.department_id, city_wide=True)
    return scope


async def _audit_lookup_log(
    info: Info,
    action: AuditAction,
    where: lookups.LogFilter,
    application_id: strawberry.ID | None,
) -> None:
    """An export of the lookup log, and a city-wide read of it, are on the record (with the
    application id as the caller gave it)."""
    scope = where.scope
    own = where.department_id is not None and where.department_id == scope.department_id
    if action != AuditAction.EXPORT and (not scope.city_wide or own):
        return
    ctx = info.context
    principal = ctx.principal
    await record_committed(
        ctx.session,
        actor=Actor(principal.username, principal.department_id, ctx.client_address),
        action=action,
        target="credit_lookups",
        detail={
            "application_id": str(application_id) if application_id is not None else None,
            "department_id": where.department_id,
            "since": where.since.isoformat() if where.since else None,
            "until": where.until.isoformat() if where.until else None,
            "city_wide": scope.city_wide,
        },
    )


@strawberry.type
class CreditQuery:
    @strawberry.field(
        description="查询信用主体（须说明目的，留痕）：统一社会信用代码、自然人主体代码或身份证号码",
        extensions=requires("credit_lookup", "read"),
    )
    @validation_result
    async def subject(
        self,
        info: Info,
        credit_code: str,
        purpose: str | None = None,
        application_id: strawberry.ID | None = None,
    ) -> SubjectLookupResult | None:
        ctx = info.context
        request = LookupRequest(ctx.principal, purpose, _application_id(application_id))
        lookup, row = await lookups.look_up_subject(
            session=ctx.session, request=request, code=credit_code
        )
        if row is None:
            return None
        assessment = await ctx.loaders.assessment.load(row.credit_code)
        records = await ctx.loaders.records_by_subject.load(row.credit_code)
        return CreditProfile(
            lookup_id=strawberry.ID(str(lookup.id)),
            subject=Subject.from_row(row),
            assessment=CreditAssessment.from_assessment(assessment),
            records=[CreditRecord.from_row(r) for r in records],
        )

    @strawberry.field(
        description=(
            "信用主体名录（名称与代码，每页至多100条）；recordsExpiringWithinDays 仅列出有效信用"
            "记录在该天数内到期的主体（须有信用记录查阅权限）"
        ),
        extensions=requires("subject", "read"),
    )
    async def subjects(
        self,
        info: Info,
        keyword: str | None = None,
        first: int = 100,
        offset: int = 0,
        records_expiring_within_days: int | None = None,
    ) -> list[Subject]:
        within = None
        if records_expiring_within_days is not None:
            within = window_days(records_expiring_within_days, "recordsExpiringWithinDays")
            # The filter tells whose records expire: only for those who may read records.
            if not Can("credit_record", "read").has_permission(None, info):
                raise StrawberryGraphQLError(Can.message, extensions=Can.error_extensions)
        rows = await services.list_subjects(
            session=info.context.session,
            keyword=keyword,
            records_expiring_within_days=within,
            limit=first,
            offset=offset,
        )
        return [Subject.from_row(r) for r in rows]

    @strawberry.field(
        description="受理时信用核查（须说明目的并指明办件，留痕）；返回可用受理方式与签名凭证",
        extensions=requires("credit_lookup", "read"),
    )
    @validation_result
    async def credit_check(
        self,
        info: Info,
        subject_code: str,
        application_id: strawberry.ID | None = None,
        purpose: str | None = None,
    ) -> CreditCheckResult:
        ctx = info.context
        request = LookupRequest(ctx.principal, purpose, _application_id(application_id))
        outcome = await lookups.credit_check(
            session=ctx.session, request=request, subject_code=subject_code
        )
        a = outcome.assessment
        explanation = CreditAssessment.from_assessment(a)
        return CreditCheck(
            lookup_id=strawberry.ID(str(outcome.lookup.id)),
            subject_code=a.subject_code,
            subject=Subject.from_row(outcome.subject)
            if outcome.subject
            else Subject.unregistered(a.subject_code),
            application=Application(id=strawberry.ID(str(request.application_id))),
            level=a.level,
            score=a.score,
            joint_punished=a.joint_punished,
            joint_punishments=explanation.joint_punishments,
            explanation=explanation,
            modes=[HandlingModeDecision.from_decision(d) for d in outcome.modes],
            allowed_modes=[d.mode for d in outcome.modes if d.allowed],
            ticket=outcome.ticket,
            checked_at=outcome.lookup.looked_up_at,
        )

    @strawberry.field(
        description="导出信用报告（须说明目的，每个主体各留痕一条）",
        extensions=requires("credit_lookup", "export"),
    )
    @validation_result
    async def export_credit_report(
        self,
        info: Info,
        subject_codes: list[str],
        purpose: str | None = None,
        application_id: strawberry.ID | None = None,
    ) -> SpreadsheetResult:
        ctx = info.context
        request = LookupRequest(ctx.principal, purpose, _application_id(application_id))
        content = await lookups.export_credit_report(
            session=ctx.session, request=request, subject_codes=subject_codes
        )
        return Spreadsheet.from_bytes("信用报告.xlsx", content)

    @strawberry.field(
        description="信用查询留痕（按办件用于案卷评查，按部门用于考核；每页至多100条）",
        extensions=requires("credit_lookup_log", "read"),
    )
    async def credit_lookups(
        self,
        info: Info,
        application_id: strawberry.ID | None = None,
        department_id: strawberry.ID | None = None,
        since: date | None = None,
        until: date | None = None,
        first: int = 100,
        offset: int = 0,
    ) -> list[CreditLookup]:
        where = _log_filter(info, application_id, department_id, since, until)
        rows = await lookups.list_lookups(
            session=info.context.session, where=where, limit=first, offset=offset
        )
        if offset == 0:  # one row per reading, not per page turned
            await _audit_lookup_log(info, AuditAction.CITY_WIDE_READ, where, application_id)
        return [CreditLookup.from_row(r) for r in rows]

    @strawberry.field(
        description="导出信用查询留痕（表格；公式字符已中和）",
        extensions=requires("credit_lookup_log", "read"),
    )
    async def export_credit_lookups(
        self,
        info: Info,
        application_id: strawberry.ID | None = None,
        department_id: strawberry.ID | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> Spreadsheet:
        where = _log_filter(info, application_id, department_id, since, until)
        content = await lookups.export_lookups(session=info.context.session, where=where)
        await _audit_lookup_log(info, AuditAction.EXPORT, where, application_id)
        return Spreadsheet.from_bytes("信用查询留痕.xlsx", content)

    @strawberry.field(
        description="认定规则集（默认为现行版本）", extensions=requires("credit_rule", "read")
    )
    async def credit_rules(self, info: Info, version: int | None = None) -> CreditRuleSet | None:
        session = info.context.session
        rule_set = (
            await determination.current_rule_set(session)
            if version is None
            else await determination.rule_set_version(session, version)
        )
        return CreditRuleSet.from_rule_set(rule_set) if rule_set else None

    @strawberry.field(
        description="认定规则集的全部版本（新→旧）", extensions=requires("credit_rule", "read")
    )
    async def credit_rule_versions(self, info: Info) -> list[CreditRuleSet]:
        history = await determination.rule_set_history(info.context.session)
        return [CreditRuleSet.from_rule_set(r) for r in history]

    @strawberry.field(description="归集规则", extensions=requires("credit_rule", "read"))
    async def aggregation_rules(self, info: Info) -> list[AggregationRule]:
        rows = await services.list_aggregation_rules(session=info.context.session)
        return [AggregationRule.from_row(r) for r in rows]

    @strawberry.field(
        description="受理方式政策（一般受理始终可用）", extensions=requires("credit_rule", "read")
    )
    async def handling_policy(self, info: Info) -> list[HandlingPolicyEntry]:
        policy = await determination.handling_policy(info.context.session)
        return [
            HandlingPolicyEntry(
                mode=mode,
                label=determination.MODE_LABELS[mode],
                allowed_levels=list(policy[mode]),
            )
            for mode in determination.SPECIAL_MODES
        ]

    @strawberry.field(
        description="联合惩戒名单（每页至多100条）",
        extensions=requires("joint_punishment", "read"),
    )
    async def joint_punishments(
        self,
        info: Info,
        subject_code: str | None = None,
        active_on: date | None = None,
        first: int = 100,
        offset: int = 0,
        ending_within_days: Annotated[
            int | None,
            strawberry.argument(
                description="仅列出今日有效、该天数内结束的联合惩戒（工作台到期联合惩戒）"
            ),
        ] = None,
    ) -> list[JointPunishment]:
        rows = await services.list_joint_punishments(
            session=info.context.session,
            subject_code=subject_code,
            active_on=active_on,
            ending_within_days=(
                window_days(ending_within_days, "endingWithinDays")
                if ending_within_days is not None
                else None
            ),
            limit=first,
            offset=offset,
        )
        return [JointPunishment.from_row(r) for r in rows]
