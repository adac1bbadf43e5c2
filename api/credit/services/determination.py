"""Rule-based credit determination, the handling-mode policy, and the acceptance check.

A rule set is data (``credit_rule_version``): a base score, two thresholds and a list of
rules, each a condition on the subject's records or on the joint-punishment list with a
score delta and, optionally, a level it forces. The newest published version is in force;
``DEFAULT_RULE_SET`` (version 0) applies until the credit officer publishes one.

The assessment is explainable: it lists every rule that fired with the records and list
entries that made it fire. A change of level or joint-punishment status is stored in
``credit_determination`` and emitted as ``credit.level.changed`` in the same transaction;
every determination is also kept in ``credit_determination_history`` (``history.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core import events
from api.core.clock import local_today, utcnow
from api.core.errors import FieldIssue, ValidationFailed
from api.credit.models import (
    CreditLevel,
    CreditRecord,
    Determination,
    HandlingMode,
    HandlingPolicy,
    JointPunishment,
    RecordCategory,
    RecordStatus,
    RuleCondition,
    RuleSetVersion,
    Subject,
)
from api.credit.services import history

LEVEL_CHANGED = "credit.level.changed"

LEVEL_LABELS = {
    CreditLevel.TRUSTWORTHY: "守信",
    CreditLevel.NORMAL: "一般",
    CreditLevel.DISHONEST: "失信",
}
MODE_LABELS = {
    HandlingMode.NORMAL: "一般受理",
    HandlingMode.GREEN_CHANNEL: "绿色通道",
    HandlingMode.MISSING_DOCUMENTS: "容缺受理",
    HandlingMode.NOTIFY_AND_COMMIT: "告知承诺",
}
SPECIAL_MODES = (
    HandlingMode.GREEN_CHANNEL,
    HandlingMode.MISSING_DOCUMENTS,
    HandlingMode.NOTIFY_AND_COMMIT,
)
DEFAULT_POLICY: dict[HandlingMode, tuple[CreditLevel, ...]] = {
    HandlingMode.GREEN_CHANNEL: (CreditLevel.TRUSTWORTHY,),
    HandlingMode.MISSING_DOCUMENTS: (CreditLevel.TRUSTWORTHY, CreditLevel.NORMAL),
    HandlingMode.NOTIFY_AND_COMMIT: (CreditLevel.TRUSTWORTHY, CreditLevel.NORMAL),
}


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    condition: RuleCondition
    score_delta: int
    category: RecordCategory | None = None
    min_count: int = 1
    within_days: int | None = None
    forces_level: CreditLevel | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "condition": self.condition.value,
            "score_delta": self.score_delta,
            "category": self.category.value if self.category else None,
            "min_count": self.min_count,
            "within_days": self.within_days,
            "forces_level": self.forces_level.value if self.forces_level else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Rule:
        return cls(
            code=str(data["code"]),
            name=str(data["name"]),
            condition=RuleCondition(data["condition"]),
            score_delta=int(data["score_delta"]),
            category=RecordCategory(data["category"]) if data.get("category") else None,
            min_count=int(data.get("min_count") or 1),
            within_days=int(data["within_days"]) if data.get("within_days") else None,
            forces_level=CreditLevel(data["forces_level"]) if data.get("forces_level") else None,
        )


@dataclass(frozen=True)
class RuleSet:
    version: int
    base_score: int
    trustworthy_min_score: int
    dishonest_below_score: int
    rules: tuple[Rule, ...]
    note: str = ""
    published_by: str = "system"
    published_at: datetime | None = None

    @classmethod
    def from_row(cls, row: RuleSetVersion) -> RuleSet:
        return cls(
            version=row.version,
            base_score=row.base_score,
            trustworthy_min_score=row.trustworthy_min_score,
            dishonest_below_score=row.dishonest_below_score,
            rules=tuple(Rule.from_json(r) for r in row.rules),
            note=row.note,
            published_by=row.published_by,
            published_at=row.published_at,
        )

    @property
    def label(self) -> str:
        """规则第N版 from 1; version 0 is the built-in default, named so (no 第0版 on screen)."""
        return "系统默认规则" if self.version == 0 else f"规则第{self.version}版"


DEFAULT_RULE_SET = RuleSet(
    version=0,
    base_score=80,
    trustworthy_min_score=90,
    dishonest_below_score=60,
    note="系统默认规则（信用部门发布新版本后不再适用）",
    rules=(
        Rule(
            "JOINT_PUNISHMENT",
            "列入联合惩戒名单",
            RuleCondition.JOINT_PUNISHMENT,
            -40,
            forces_level=CreditLevel.DISHONEST,
        ),
        Rule(
            "PENALTY_REPEATED",
            "两年内受到3次及以上行政处罚",
            RuleCondition.RECORD_COUNT,
            -30,
            category=RecordCategory.PENALTY,
            min_count=3,
            within_days=730,
        ),
        Rule(
            "PENALTY_RECENT",
            "一年内受到行政处罚",
            RuleCondition.RECORD_COUNT,
            -15,
            category=RecordCategory.PENALTY,
            within_days=365,
        ),
        Rule(
            "NO_PENALTY_TWO_YEARS",
            "两年内无行政处罚",
            RuleCondition.NO_RECORDS,
            5,
            category=RecordCategory.PENALTY,
            within_days=730,
        ),
        Rule(
            "COMMENDED",
            "三年内获得表彰奖励",
            RuleCondition.RECORD_COUNT,
            10,
            category=RecordCategory.COMMENDATION,
            within_days=1095,
        ),
        Rule(
            "LICENSED",
            "持有有效行政许可",
            RuleCondition.RECORD_COUNT,
            5,
            category=RecordCategory.LICENSING,
        ),
    ),
)


@dataclass(frozen=True)
class Cause:
    """One rule that fired, and what made it fire."""

    rule: Rule
    records: tuple[CreditRecord, ...] = ()
    punishments: tuple[JointPunishment, ...] = ()


@dataclass(frozen=True)
class Assessment:
    subject_code: str
    level: CreditLevel
    score: int
    rule_set: RuleSet
    causes: tuple[Cause, ...]
    punishments: tuple[JointPunishment, ...]
    determined_on: date

    @property
    def joint_punished(self) -> bool:
        return bool(self.punishments)

    @property
    def summary(self) -> str:
        rs = self.rule_set
        forced = [c.rule.name for c in self.causes if c.rule.forces_level is not None]
        if forced and self.level == CreditLevel.DISHONEST:
            return f"因“{'、'.join(forced)}”认定为失信（{rs.label}）"
        return (
            f"基础分{rs.base_score}，合计{self.score}分；守信≥{rs.trustworthy_min_score}，"
            f"失信<{rs.dishonest_below_score}：认定为{LEVEL_LABELS[self.level]}"
            f"（{rs.label}）"
        )


@dataclass(frozen=True)
class ModeDecision:
    mode: HandlingMode
    allowed: bool
    reason: str | None = None


@dataclass
class Evidence:
    records: list[CreditRecord] = field(default_factory=list)
    punishments: list[JointPunishment] = field(default_factory=list)


def today_utc() -> date:
    """Today in the city (the name is kept for callers): validity ends on local dates."""
    return local_today()


def active_punishment_conditions(on: date) -> list[ColumnElement[bool]]:
    return [
        col(JointPunishment.revoked_at).is_(None),
        col(JointPunishment.starts_on) <= on,
        or_(col(JointPunishment.ends_on).is_(None), col(JointPunishment.ends_on) >= on),
    ]


# --- rule sets ---------------------------------------------------------------------------


async def current_rule_set(session: AsyncSession) -> RuleSet:
    row = (
        await session.exec(
            select(RuleSetVersion).order_by(col(RuleSetVersion.version).desc()).limit(1)
        )
    ).first()
    return RuleSet.from_row(row) if row else DEFAULT_RULE_SET


async def rule_set_version(session: AsyncSession, version: int) -> RuleSet | None:
    if version == 0:
        return DEFAULT_RULE_SET
    row = await session.get(RuleSetVersion, version)
    return RuleSet.from_row(row) if row else None


async def rule_set_history(session: AsyncSession) -> list[RuleSet]:
    rows = (
        await session.exec(select(RuleSetVersion).order_by(col(RuleSetVersion.version).desc()))
    ).all()
    return [*(RuleSet.from_row(r) for r in rows), DEFAULT_RULE_SET]


def _rule_issues(rules: Sequence[Rule]) -> list[FieldIssue]:
    issues: list[FieldIssue] = []
    seen: set[str] = set()
    for index, rule in enumerate(rules):
        prefix = f"rules[{index}]."
        if not rule.code.strip():
            issues.append(FieldIssue(f"{prefix}code", "REQUIRED", "请填写规则代码"))
        elif rule.code in seen:
            issues.append(FieldIssue(f"{prefix}code", "DUPLICATE", "规则代码重复"))
        seen.add(rule.code)
        if not rule.name.strip():
            issues.append(FieldIssue(f"{prefix}name", "REQUIRED", "请填写规则名称"))
        if rule.condition != RuleCondition.JOINT_PUNISHMENT and rule.category is None:
            issues.append(FieldIssue(f"{prefix}category", "REQUIRED", "该条件需要指定记录类别"))
        if rule.min_count < 1:
            issues.append(FieldIssue(f"{prefix}minCount", "NOT_POSITIVE", "记录数应至少为1"))
        if rule.within_days is not None and rule.within_days < 1:
            issues.append(FieldIssue(f"{prefix}withinDays", "NOT_POSITIVE", "期间（天）应大于0"))
    return issues


async def publish_rule_set(
    *,
    session: AsyncSession,
    base_score: int,
    trustworthy_min_score: int,
    dishonest_below_score: int,
    rules: Sequence[Rule],
    note: str,
    actor: str,
    today: date | None = None,
) -> RuleSet:
    """Publish a new version; every subject is determined again under it."""
    issues = _rule_issues(rules)
    if dishonest_below_score > trustworthy_min_score:
        issues.append(
            FieldIssue("dishonestBelowScore", "ABOVE_TRUSTWORTHY", "失信分数线不能高于守信分数线")
        )
    if issues:
        raise ValidationFailed(issues)
    current = await current_rule_set(session)
    row = RuleSetVersion(
        version=current.version + 1,
        base_score=base_score,
        trustworthy_min_score=trustworthy_min_score,
        dishonest_below_score=dishonest_below_score,
        rules=[r.to_json() for r in rules],
        note=note.strip(),
        published_by=actor,
    )
    session.add(row)
    await session.flush()
    await refresh_all(session=session, today=today)
    return RuleSet.from_row(row)


# --- assessment --------------------------------------------------------------------------


def _counts(record: CreditRecord, on: date) -> bool:
    return record.status == RecordStatus.ACTIVE and (
        record.valid_until is None or record.valid_until >= on
    )


def _cause(
    rule: Rule,
    effective: Sequence[CreditRecord],
    punishments: Sequence[JointPunishment],
    on: date,
) -> Cause | None:
    """The cause if ``rule`` fires for this evidence, else None."""
    if rule.condition == RuleCondition.JOINT_PUNISHMENT:
        return Cause(rule, punishments=tuple(punishments)) if punishments else None
    since = on - timedelta(days=rule.within_days) if rule.within_days else None
    matching = tuple(
        r
        for r in effective
        if r.category == rule.category and (since is None or r.decided_on >= since)
    )
    if rule.condition == RuleCondition.RECORD_COUNT and len(matching) >= rule.min_count:
        return Cause(rule, records=matching)
    if rule.condition == RuleCondition.NO_RECORDS and not matching:
        return Cause(rule)
    return None


def _level(rule_set: RuleSet, score: int, causes: Sequence[Cause]) -> CreditLevel:
    forced = {c.rule.forces_level for c in causes if c.rule.forces_level is not None}
    # A forced DISHONEST wins over anything; otherwise a forced level wins over the score.
    for level in (CreditLevel.DISHONEST, CreditLevel.NORMAL, CreditLevel.TRUSTWORTHY):
        if level in forced:
            return level
    if score >= rule_set.trustworthy_min_score:
        return CreditLevel.TRUSTWORTHY
    if score < rule_set.dishonest_below_score:
        return CreditLevel.DISHONEST
    return CreditLevel.NORMAL


def assess(
    *,
    subject_code: str,
    rule_set: RuleSet,
    records: Sequence[CreditRecord],
    punishments: Sequence[JointPunishment],
    on: date,
) -> Assessment:
    effective = [r for r in records if _counts(r, on)]
    causes = [
        cause
        for rule in rule_set.rules
        if (cause := _cause(rule, effective, punishments, on)) is not None
    ]
    score = rule_set.base_score + sum(c.rule.score_delta for c in causes)
    return Assessment(
        subject_code=subject_code,
        level=_level(rule_set, score, causes),
        score=score,
        rule_set=rule_set,
        causes=tuple(causes),
        punishments=tuple(punishments),
        determined_on=on,
    )


async def evidence_for(
    session: AsyncSession, codes: Sequence[str], on: date
) -> dict[str, Evidence]:
    """Records and active list entries of many subjects: two statements in all."""
    evidence = {code: Evidence() for code in codes}
    records = (
        await session.exec(
            select(CreditRecord)
            .where(col(CreditRecord.subject_code).in_(codes))
            .order_by(col(CreditRecord.decided_on).desc(), col(CreditRecord.id))
        )
    ).all()
    for record in records:
        evidence[record.subject_code].records.append(record)
    punishments = (
        await session.exec(
            select(JointPunishment)
            .where(col(JointPunishment.subject_code).in_(codes), *active_punishment_conditions(on))
            .order_by(col(JointPunishment.starts_on), col(JointPunishment.id))
        )
    ).all()
    for entry in punishments:
        evidence[entry.subject_code].punishments.append(entry)
    return evidence


async def assess_many(
    *, session: AsyncSession, codes: Sequence[str], today: date | None = None
) -> list[Assessment]:
    on = today or today_utc()
    rule_set = await current_rule_set(session)
    evidence = await evidence_for(session, codes, on)
    return [
        assess(
            subject_code=code,
            rule_set=rule_set,
            records=evidence[code].records,
            punishments=evidence[code].punishments,
            on=on,
        )
        for code in codes
    ]


async def refresh(
    *, session: AsyncSession, codes: Sequence[str], today: date | None = None
) -> list[Assessment]:
    """Determine again; store and emit ``credit.level.changed`` where the outcome changed."""
    unique = list(dict.fromkeys(codes))
    assessments = await assess_many(session=session, codes=unique, today=today)
    stored = {
        d.subject_code: d
        for d in (
            await session.exec(
                select(Determination).where(col(Determination.subject_code).in_(unique))
            )
        ).all()
    }
    registered = set(
        (
            await session.exec(
                select(Subject.credit_code).where(col(Subject.credit_code).in_(unique))
            )
        ).all()
    )
    kept = await history.latest(session, unique)
    now = utcnow()
    for assessment in assessments:
        if assessment.subject_code not in registered:
            continue  # an unregistered applicant has an assessment but nothing to store
        previous = stored.get(assessment.subject_code)
        outcome = (
            assessment.level,
            assessment.score,
            assessment.joint_punished,
            assessment.rule_set.version,
        )
        moved = previous is None or outcome != (
            previous.level,
            previous.score,
            previous.joint_punished,
            previous.rule_version,
        )
        if moved or not history.unchanged(kept.get(assessment.subject_code), assessment):
            # Every determination is kept: the outcome, or the records behind it, changed.
            history.append(
                session,
                assessment,
                previous_level=previous.level if previous is not None else None,
                at=now,
            )
        if not moved:
            continue  # the outcome did not move: the current row and subscribers stay as they are
        changed = previous is None or (previous.level, previous.joint_punished) != (
            assessment.level,
            assessment.joint_punished,
        )
        before = (previous.level.value, previous.joint_punished) if previous else (None, None)
        row = previous or Determination(
            subject_code=assessment.subject_code,
            level=assessment.level,
            score=assessment.score,
            joint_punished=assessment.joint_punished,
            rule_version=assessment.rule_set.version,
        )
        row.level = assessment.level
        row.score = assessment.score
        row.joint_punished = assessment.joint_punished
        row.rule_version = assessment.rule_set.version
        row.determined_at = now
        session.add(row)
        if changed:
            await events.emit(
                session,
                topic=LEVEL_CHANGED,
                key=assessment.subject_code,
                payload={
                    "subject_code": assessment.subject_code,
                    "level": assessment.level.value,
                    "score": assessment.score,
                    "joint_punished": assessment.joint_punished,
                    "determined_at": now.isoformat(),
                    # The level before (null at a first determination) and what decided it.
                    "previous_level": before[0],
                    "previous_joint_punished": before[1],
                    "rule_version": assessment.rule_set.version,
                    "summary": assessment.summary,
                    "rules": [
                        {"code": c.rule.code, "name": c.rule.name} for c in assessment.causes
                    ],
                },
            )
    await session.flush()
    return assessments


async def refresh_all(*, session: AsyncSession, today: date | None = None, batch: int = 500) -> int:
    done, last = 0, ""
    while True:
        codes = list(
            (
                await session.exec(
                    select(Subject.credit_code)
                    .where(col(Subject.credit_code) > last)
                    .order_by(col(Subject.credit_code))
                    .limit(batch)
                )
            ).all()
        )
        if not codes:
            return done
        await refresh(session=session, codes=codes, today=today)
        done += len(codes)
        last = codes[-1]


# --- handling policy ---------------------------------------------------------------------


async def handling_policy(session: AsyncSession) -> dict[HandlingMode, tuple[CreditLevel, ...]]:
    policy = dict(DEFAULT_POLICY)
    for row in (await session.exec(select(HandlingPolicy))).all():
        policy[row.mode] = tuple(CreditLevel(level) for level in row.allowed_levels)
    return policy


async def set_handling_policy(
    *, session: AsyncSession, mode: HandlingMode, levels: Sequence[CreditLevel], actor: str
) -> tuple[CreditLevel, ...]:
    if mode == HandlingMode.NORMAL:
        raise ValidationFailed.single("mode", "ALWAYS_ALLOWED", "一般受理对所有主体开放，无需设置")
    if CreditLevel.DISHONEST in levels:
        raise ValidationFailed.single(
            "allowedLevels", "DISHONEST_NOT_ALLOWED", "失信主体不得适用容缺受理、告知承诺或绿色通道"
        )
    unique = tuple(dict.fromkeys(levels))
    row = await session.get(HandlingPolicy, mode)
    if row is None:
        row = HandlingPolicy(mode=mode, allowed_levels=[], updated_by=actor)
    row.allowed_levels = [level.value for level in unique]
    row.updated_by = actor
    row.updated_at = utcnow()
    session.add(row)
    await session.flush()
    return unique


def cite_record(record: CreditRecord) -> str:
    """A record as a refusal cites it: title, issuing authority, document number, validity."""
    parts = [record.authority or record.source]
    if record.document_number:
        parts.append(record.document_number)
    parts.append(
        f"{record.decided_on.isoformat()}至{record.valid_until.isoformat()}"
        if record.valid_until
        else f"{record.decided_on.isoformat()}起"
    )
    return f"“{record.title}”（{'，'.join(p for p in parts if p)}）"


def cite_punishment(entry: JointPunishment) -> str:
    """A joint-punishment entry as a refusal cites it: document number, measures, period."""
    period = (
        f"{entry.starts_on.isoformat()}至{entry.ends_on.isoformat()}"
        if entry.ends_on
        else f"{entry.starts_on.isoformat()}起"
    )
    return f"依据{entry.source_document}列入联合惩戒名单（惩戒措施：{entry.measures}，{period}）"


def _dishonest_because(assessment: Assessment) -> str:
    """The rules that lowered the level, with the records behind each."""
    causes = [c for c in assessment.causes if c.rule.forces_level or c.rule.score_delta < 0]
    cited = [
        f"{c.rule.name}：{'；'.join(cite_record(r) for r in c.records)}"
        if c.records
        else c.rule.name
        for c in causes
    ]
    return "；".join(cited) or assessment.summary


def commitment_breaches(records: Sequence[CreditRecord], on: date) -> list[CreditRecord]:
    """Active 信用承诺失信 records in force on ``on`` (they close 告知承诺)."""
    return [r for r in records if r.category == RecordCategory.COMMITMENT_BREACH and _counts(r, on)]


def decide_modes(
    assessment: Assessment,
    policy: dict[HandlingMode, tuple[CreditLevel, ...]],
    breaches: Sequence[CreditRecord] = (),
) -> list[ModeDecision]:
    """Each handling mode, allowed or refused with a reason that cites what causes it: the
    joint-punishment entry, the records behind a 失信 level, or a 信用承诺失信 record."""
    decisions = [ModeDecision(HandlingMode.NORMAL, allowed=True)]
    for mode in SPECIAL_MODES:
        label = MODE_LABELS[mode]
        if assessment.joint_punished:
            entries = "；".join(cite_punishment(p) for p in assessment.punishments)
            reason = f"该主体{entries}，不得适用{label}"
            decisions.append(ModeDecision(mode, allowed=False, reason=reason))
        elif assessment.level == CreditLevel.DISHONEST:
            reason = f"该主体信用等级为失信（{_dishonest_because(assessment)}），不得适用{label}"
            decisions.append(ModeDecision(mode, allowed=False, reason=reason))
        elif mode == HandlingMode.NOTIFY_AND_COMMIT and breaches:
            cited = "；".join(cite_record(r) for r in breaches)
            reason = f"该主体有信用承诺失信记录{cited}，不得适用{label}"
            decisions.append(ModeDecision(mode, allowed=False, reason=reason))
        elif assessment.level not in policy.get(mode, ()):
            levels = "、".join(LEVEL_LABELS[level] for level in policy.get(mode, ())) or "无"
            reason = f"现行政策仅对信用等级为“{levels}”的主体开放{label}"
            decisions.append(ModeDecision(mode, allowed=False, reason=reason))
        else:
            decisions.append(ModeDecision(mode, allowed=True))
    return decisions
