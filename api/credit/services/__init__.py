"""Credit business rules: subjects, records with history, aggregation, joint punishment.

No Strawberry here: tests call these directly. Determination lives in ``determination.py``,
the lookup log in ``lookups.py``. Every change that can move a subject's level calls
``determination.refresh`` in the same transaction.
"""

from __future__ import annotations

import base64
import binascii
import calendar
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core import events
from api.core.clock import utcnow
from api.core.errors import FieldIssue, NotFoundError, ValidationFailed
from api.core.identifiers import id_number_problem, uscc_problem
from api.core.loaders import fetch_many_per_key, fetch_one_per_key
from api.credit.models import (
    AggregationRule,
    AggregationRuleCreate,
    CreditRecord,
    CreditRecordCreate,
    CreditRecordRepair,
    CreditRecordRevision,
    DepartmentName,
    JointPunishment,
    JointPunishmentCreate,
    RecordCategory,
    RecordOrigin,
    RecordStatus,
    RevisionAction,
    Subject,
    SubjectCreate,
    SubjectKind,
)
from api.credit.services import determination, identity, spreadsheets, workbench

MAX_PAGE = 100
SYSTEM_ACTOR = "system"


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_end(start: date, months: int) -> date:
    """The last day of a period of ``months`` from ``start`` (both days included): a year
    from 2026-09-08 runs to 2027-09-07, the day before the anniversary."""
    return add_months(start, months) - timedelta(days=1)


def _page(limit: int) -> int:
    return min(max(limit, 0), MAX_PAGE)


# --- subjects ----------------------------------------------------------------------------


async def _natural_person(
    session: AsyncSession, data: SubjectCreate, name: str, issues: list[FieldIssue]
) -> Subject:
    number = identity.normalise(data.id_number or "")
    code = ""
    if not number:
        issues.append(FieldIssue("idNumber", "REQUIRED", "请填写身份证号码"))
    elif problem := id_number_problem(number):
        issues.append(FieldIssue("idNumber", "INVALID_ID_NUMBER", problem))
    else:
        code = identity.natural_person_key(number)
        if await session.get(Subject, code) is not None:
            issues.append(FieldIssue("idNumber", "DUPLICATE", "该身份证号码已登记"))
    if issues:
        raise ValidationFailed(issues)
    return Subject(
        credit_code=code,
        name=name,
        kind=SubjectKind.NATURAL_PERSON,
        id_number_hash=identity.id_number_hash(number),
        id_number_masked=identity.mask_id_number(number),
        id_number_encrypted=identity.encrypt_id_number(number),
    )


async def _legal_person(
    session: AsyncSession, data: SubjectCreate, name: str, issues: list[FieldIssue]
) -> Subject:
    code = identity.normalise(data.credit_code or "")
    if not code:
        issues.append(FieldIssue("creditCode", "REQUIRED", "请填写统一社会信用代码"))
    elif problem := uscc_problem(code):
        issues.append(FieldIssue("creditCode", "INVALID_CREDIT_CODE", problem))
    elif await session.get(Subject, code) is not None:
        issues.append(FieldIssue("creditCode", "DUPLICATE", "该统一社会信用代码已登记"))
    if issues:
        raise ValidationFailed(issues)
    return Subject(credit_code=code, name=name, kind=SubjectKind.LEGAL_PERSON)


async def register_subject(*, session: AsyncSession, data: SubjectCreate) -> Subject:
    """A legal person by USCC, or a natural person by ID number (never stored in clear)."""
    issues: list[FieldIssue] = []
    name = data.name.strip()
    if not name:
        issues.append(FieldIssue("name", "REQUIRED", "请填写名称"))
    build = _natural_person if data.kind == SubjectKind.NATURAL_PERSON else _legal_person
    subject = await build(session, data, name, issues)
    session.add(subject)
    await session.flush()
    return subject


def event_subject_key(code: str) -> str | None:
    """The subject key an event's applicant code is registered under (``ensure_subject``)."""
    return identity.subject_key(identity.normalise(code))


async def preload_event_subjects(*, session: AsyncSession, codes: Sequence[str]) -> None:
    """An outbox batch's subjects in one query (``ensure_subject`` then reads none)."""
    keys = [k for k in (event_subject_key(c) for c in codes) if k is not None]
    await events.preload_rows(session, Subject, keys)


async def ensure_subject(*, session: AsyncSession, code: str, name: str | None) -> Subject | None:
    """The subject for a USCC or ID number arriving in an event, registered on first sight."""
    key = event_subject_key(code)
    if key is None:
        return None
    value = identity.normalise(code)
    existing = await events.batch_get(session, Subject, key)  # an outbox batch may preload it
    if existing is not None:
        return existing
    if identity.is_natural_person_key(value):
        return None  # a key without its ID number cannot register a person
    label = (name or "").strip() or "（名称待补充）"
    if uscc_problem(value) is None:
        data = SubjectCreate(credit_code=value, name=label)
    else:
        data = SubjectCreate(id_number=value, name=label, kind=SubjectKind.NATURAL_PERSON)
    return await register_subject(session=session, data=data)


async def find_subject(*, session: AsyncSession, code: str) -> Subject | None:
    key = identity.subject_key(code)
    return await session.get(Subject, key) if key else None


async def list_subjects(
    *,
    session: AsyncSession,
    keyword: str | None = None,
    records_expiring_within_days: int | None = None,
    limit: int = MAX_PAGE,
    offset: int = 0,
) -> Sequence[Subject]:
    """Subjects by name or code; with ``records_expiring_within_days``, only those with an
    active credit record expiring within that many days (the workbench's 到期信用记录)."""
    stmt = select(Subject)
    if records_expiring_within_days is not None:
        expiring = select(CreditRecord.subject_code).where(
            *workbench.record_expiring_conditions(records_expiring_within_days)
        )
        stmt = stmt.where(col(Subject.credit_code).in_(expiring))
    if keyword and keyword.strip():
        word = keyword.strip()
        pattern = f"%{word}%"
        condition = col(Subject.name).like(pattern) | col(Subject.credit_code).like(pattern)
        if id_number_problem(word.upper()) is None:  # a whole ID number finds its person
            condition = condition | (col(Subject.id_number_hash) == identity.id_number_hash(word))
        stmt = stmt.where(condition)
    stmt = stmt.order_by(col(Subject.credit_code)).offset(offset).limit(_page(limit))
    return (await session.exec(stmt)).all()


async def subjects_by_codes(*, session: AsyncSession, codes: Sequence[str]) -> list[Subject | None]:
    return await fetch_one_per_key(session, Subject, Subject.credit_code, codes)


# --- records -----------------------------------------------------------------------------


async def add_credit_record(
    *, session: AsyncSession, data: CreditRecordCreate, today: date | None = None
) -> CreditRecord:
    issues: list[FieldIssue] = []
    if await session.get(Subject, data.subject_code) is None:
        issues.append(FieldIssue("subjectCode", "NOT_FOUND", "信用主体不存在"))
    if not data.title.strip():
        issues.append(FieldIssue("title", "REQUIRED", "请填写记录标题"))
    if not data.source.strip():
        issues.append(FieldIssue("source", "REQUIRED", "请填写记录来源"))
    if data.valid_until is not None and data.valid_until < data.decided_on:
        issues.append(FieldIssue("validUntil", "BEFORE_DECISION", "有效期不能早于决定日期"))
    if issues:
        raise ValidationFailed(issues)
    record = CreditRecord.model_validate(data, update={"title": data.title.strip()})
    return await _store(session, record, today)


async def _store(session: AsyncSession, record: CreditRecord, today: date | None) -> CreditRecord:
    """Write the record and determine its subject's credit again (a level may move)."""
    session.add(record)
    await session.flush()
    await determination.refresh(session=session, codes=[record.subject_code], today=today)
    return record


async def _record(session: AsyncSession, record_id: int) -> CreditRecord:
    record = await session.get(CreditRecord, record_id)
    if record is None:
        raise NotFoundError
    return record


def _snapshot(record: CreditRecord) -> dict[str, Any]:
    return {
        "category": record.category.value,
        "title": record.title,
        "valid_until": record.valid_until.isoformat() if record.valid_until else None,
        "status": record.status.value,
    }


def _require_reason(reason: str) -> str:
    if not reason.strip():
        raise ValidationFailed.single("reason", "REQUIRED", "请填写修复或撤销的理由")
    return reason.strip()


def _keep_revision(
    session: AsyncSession, record: CreditRecord, action: RevisionAction, reason: str, actor: str
) -> None:
    """The record's content before a repair or withdrawal, kept in its history."""
    session.add(
        CreditRecordRevision(
            record_id=record.id or 0,
            action=action,
            reason=reason,
            before=_snapshot(record),
            changed_by=actor,
        )
    )


async def repair_credit_record(
    *,
    session: AsyncSession,
    record_id: int,
    repair: CreditRecordRepair,
    reason: str,
    actor: str,
    today: date | None = None,
) -> CreditRecord:
    """Correct a record (信用修复); the previous content stays in its history."""
    record = await _record(session, record_id)
    why = _require_reason(reason)
    if record.status == RecordStatus.WITHDRAWN:
        raise ValidationFailed.single("id", "WITHDRAWN", "已撤销的记录不能修复")
    if repair.title is not None and not repair.title.strip():
        raise ValidationFailed.single("input.title", "REQUIRED", "请填写记录标题")
    valid_until = None if repair.clear_valid_until else (repair.valid_until or record.valid_until)
    if valid_until is not None and valid_until < record.decided_on:
        raise ValidationFailed.single(
            "input.validUntil", "BEFORE_DECISION", "有效期不能早于决定日期"
        )
    _keep_revision(session, record, RevisionAction.REPAIRED, why, actor)
    record.title = repair.title.strip() if repair.title is not None else record.title
    record.category = repair.category or record.category
    record.valid_until = valid_until
    record.updated_at = utcnow()
    return await _store(session, record, today)


async def withdraw_credit_record(
    *, session: AsyncSession, record_id: int, reason: str, actor: str, today: date | None = None
) -> CreditRecord:
    """Withdraw (撤销) a record: it stays listed with its history, and stops counting."""
    record = await _record(session, record_id)
    why = _require_reason(reason)
    if record.status == RecordStatus.WITHDRAWN:
        raise ValidationFailed.single("id", "WITHDRAWN", "该记录已撤销")
    _keep_revision(session, record, RevisionAction.WITHDRAWN, why, actor)
    record.status = RecordStatus.WITHDRAWN
    record.updated_at = utcnow()
    return await _store(session, record, today)


async def records_by_subject_codes(
    *, session: AsyncSession, codes: Sequence[str]
) -> list[list[CreditRecord]]:
    return await fetch_many_per_key(
        session,
        CreditRecord,
        CreditRecord.subject_code,
        codes,
        order_by=[col(CreditRecord.decided_on).desc(), col(CreditRecord.id)],
    )


async def revisions_by_record_ids(
    *, session: AsyncSession, ids: Sequence[int]
) -> list[list[CreditRecordRevision]]:
    return await fetch_many_per_key(
        session,
        CreditRecordRevision,
        CreditRecordRevision.record_id,
        ids,
        order_by=[col(CreditRecordRevision.id)],
    )


# --- aggregation rules: which supervision results become records --------------------------


async def save_aggregation_rule(
    *, session: AsyncSession, data: AggregationRuleCreate, actor: str
) -> AggregationRule:
    """Create or replace the rule for one (finding kind, result type) pair."""
    issues: list[FieldIssue] = []
    if not data.finding_kind.strip():
        issues.append(FieldIssue("findingKind", "REQUIRED", "请填写监管结果类别"))
    if not data.result_type.strip():
        issues.append(FieldIssue("resultType", "REQUIRED", "请填写结果类型（或 * 表示任意）"))
    if data.validity_months is not None and data.validity_months <= 0:
        issues.append(FieldIssue("validityMonths", "NOT_POSITIVE", "有效期（月）应大于0"))
    if issues:
        raise ValidationFailed(issues)
    kind, result_type = data.finding_kind.strip().upper(), data.result_type.strip()
    existing = (
        await session.exec(
            select(AggregationRule).where(
                AggregationRule.finding_kind == kind, AggregationRule.result_type == result_type
            )
        )
    ).first()
    rule = existing or AggregationRule(
        finding_kind=kind, result_type=result_type, category=data.category, updated_by=actor
    )
    rule.category = data.category
    rule.validity_months = data.validity_months
    rule.enabled = data.enabled
    rule.updated_by = actor
    rule.updated_at = utcnow()
    session.add(rule)
    await session.flush()
    return rule


async def list_aggregation_rules(*, session: AsyncSession) -> Sequence[AggregationRule]:
    stmt = select(AggregationRule).order_by(
        col(AggregationRule.finding_kind), col(AggregationRule.result_type)
    )
    return (await session.exec(stmt)).all()


async def matching_aggregation_rule(
    *, session: AsyncSession, finding_kind: str, result_type: str | None
) -> AggregationRule | None:
    """The enabled rule for the exact result type, else the kind's wildcard rule."""
    rules = (
        await session.exec(
            select(AggregationRule).where(
                AggregationRule.finding_kind == finding_kind.upper(),
                col(AggregationRule.enabled).is_(True),
            )
        )
    ).all()
    exact = [r for r in rules if result_type and r.result_type == result_type]
    wildcard = [r for r in rules if r.result_type == "*"]
    chosen = exact or wildcard
    if chosen:
        return chosen[0]
    if result_type == FALSE_COMMITMENT:
        return DEFAULT_FALSE_COMMITMENT_RULE  # built in, like rule-set version 0
    return None


# A commitment (告知承诺) later found false is a 失信 fact whatever the finding's kind: without
# a stored rule for it, it becomes a penalty record valid three years (the officer may store
# a rule for the kind and FALSE_COMMITMENT to change or disable this).
FALSE_COMMITMENT = "FALSE_COMMITMENT"
DEFAULT_FALSE_COMMITMENT_RULE = AggregationRule(
    finding_kind="*",
    result_type=FALSE_COMMITMENT,
    category=RecordCategory.COMMITMENT_BREACH,
    validity_months=36,
    enabled=True,
    updated_by="system",
)
# Supervision's codes (docs/EVENTS.md) as a record's title names them.
RESULT_TYPE_LABELS = {
    "NO_ABNORMALITY": "未发现问题",
    "RECTIFICATION_ORDERED": "责令整改",
    "PENALIZED": "行政处罚",
    "LICENCE_REVOKED": "撤销、吊销许可",
    "CASE_FILED": "立案查处",
    "FALSE_COMMITMENT": "信用承诺失信",
    "OTHER": "其他",
}
FINDING_KIND_LABELS = {
    "INSPECTION": "监督检查",
    "SPOT_CHECK": "抽查",
    "ADMINISTRATIVE_MEASURE": "行政措施",
    "ENFORCEMENT_RESULT": "执法查处结果",
    "CREDIT_ABNORMALITY": "异常信用信息",
}
FALSE_COMMITMENT_MONTHS = 36  # a 信用承诺失信 record from a verification counts three years
UNKNOWN_DEPARTMENT = "（部门名称尚未同步）"


# --- department names (from the published linkage list) ----------------------------------


async def store_department_names(*, session: AsyncSession, payload: dict[str, Any]) -> int:
    """Keep each department's name as the newest published list names it."""
    version = int(payload["version"])
    names: dict[int, str] = {}
    for entry in payload.get("entries") or []:
        for side in ("approving", "supervising"):
            ident, name = entry.get(f"{side}_department_id"), entry.get(f"{side}_department_name")
            if ident is not None and name:
                names[int(ident)] = str(name)[:200]
    rows = {
        r.department_id: r
        for r in (
            await session.exec(
                select(DepartmentName).where(col(DepartmentName.department_id).in_(list(names)))
            )
        ).all()
    }
    for ident, name in names.items():
        row = rows.get(ident)
        if row is not None and row.list_version > version:
            continue  # an older publication arriving late never overwrites a newer name
        row = row or DepartmentName(department_id=ident, name=name, list_version=version)
        row.name, row.list_version, row.updated_at = name, version, utcnow()
        session.add(row)
    await session.flush()
    return len(names)


async def department_name(session: AsyncSession, department_id: Any) -> str:
    if department_id is None:
        return UNKNOWN_DEPARTMENT
    row = await session.get(DepartmentName, int(department_id))
    return row.name if row is not None else UNKNOWN_DEPARTMENT


# --- records from events -----------------------------------------------------------------


async def record_completed_approval(
    *, session: AsyncSession, payload: dict[str, Any]
) -> CreditRecord | None:
    """A completed, approved application becomes one 行政许可 record (idempotent)."""
    if payload.get("outcome") != "APPROVED":
        return None
    ref = f"approval.application:{payload['application_id']}"
    if await _record_by_ref(session, ref) is not None:
        return None
    subject = await ensure_subject(
        session=session, code=str(payload["applicant_code"]), name=payload.get("applicant_name")
    )
    if subject is None:
        return None
    completed = datetime.fromisoformat(str(payload["completed_at"])).date()
    documents = payload.get("legal_documents") or []
    numbers = "、".join(str(d["number"]) for d in documents if d.get("number"))
    valid_until = max(
        (date.fromisoformat(str(d["valid_until"])) for d in documents if d.get("valid_until")),
        default=None,
    )
    authority = await department_name(session, payload.get("approving_department_id"))
    matter = str(payload.get("matter_name") or "").strip() or "（事项名称未提供）"
    parts = [f"文书编号{numbers}" if numbers else "", f"发证机关{authority}"]
    if valid_until is not None and valid_until >= completed:
        parts.append(f"有效期至{valid_until.isoformat()}")
    title = f"准予行政许可：{matter}（{'，'.join(p for p in parts if p)}）"
    return await add_credit_record(
        session=session,
        data=CreditRecordCreate(
            subject_code=subject.credit_code,
            category=RecordCategory.LICENSING,
            title=title[:300],
            source=authority[:100],
            decided_on=completed,
            valid_until=valid_until if valid_until and valid_until >= completed else None,
            authority=authority,
            matter_name=matter[:200],
            document_number=numbers[:200],
            origin=RecordOrigin.APPROVAL,
            source_ref=ref,
            source_department_id=payload.get("approving_department_id"),
        ),
    )


async def record_supervision_finding(
    *, session: AsyncSession, payload: dict[str, Any]
) -> CreditRecord | None:
    """A supervision result becomes a record only when an aggregation rule says so."""
    ref = f"supervision.finding:{payload['finding_id']}"
    if await _record_by_ref(session, ref) is not None:
        return None
    rule = await matching_aggregation_rule(
        session=session,
        finding_kind=str(payload.get("kind") or ""),
        result_type=payload.get("result_type"),
    )
    if rule is None or not payload.get("subject_code"):
        return None
    subject = await ensure_subject(
        session=session, code=str(payload["subject_code"]), name=payload.get("subject_name")
    )
    if subject is None:
        return None
    found_on = date.fromisoformat(str(payload["found_on"]))
    valid_until = period_end(found_on, rule.validity_months) if rule.validity_months else None
    result_type = str(payload.get("result_type") or "")
    kind = str(payload.get("kind") or "")
    label = RESULT_TYPE_LABELS.get(result_type) or result_type or FINDING_KIND_LABELS.get(kind, "")
    authority = await department_name(session, payload.get("department_id"))
    return await add_credit_record(
        session=session,
        data=CreditRecordCreate(
            subject_code=subject.credit_code,
            category=rule.category,
            title=f"{label}：{payload.get('summary') or ''}"[:300],
            source=authority[:100],
            decided_on=found_on,
            valid_until=valid_until,
            authority=authority,
            document_number=str(payload.get("document_number") or "")[:200],
            origin=RecordOrigin.ENFORCEMENT,
            source_ref=ref,
            source_department_id=payload.get("department_id"),
        ),
    )


async def record_false_commitment(
    *, session: AsyncSession, payload: dict[str, Any]
) -> CreditRecord | None:
    """``approval.commitment.found_false``: a 信用承诺失信 record (idempotent), naming the
    department that verified, the matter and the verification document number."""
    ref = f"approval.verification:{payload['task_id']}"
    if await _record_by_ref(session, ref) is not None:
        return None
    subject = await ensure_subject(
        session=session, code=str(payload["applicant_code"]), name=payload.get("applicant_name")
    )
    if subject is None:
        return None
    found_on = date.fromisoformat(str(payload["found_on"]))
    authority = await department_name(session, payload.get("department_id"))
    matter = str(payload.get("matter_name") or "").strip() or "（事项名称未提供）"
    number = str(payload.get("document_number") or "").strip()
    title = f"信用承诺失信：{matter}告知承诺经{authority}核查不实" + (
        f"（{number}）" if number else ""
    )
    return await add_credit_record(
        session=session,
        data=CreditRecordCreate(
            subject_code=subject.credit_code,
            category=RecordCategory.COMMITMENT_BREACH,
            title=title[:300],
            source=authority[:100],
            decided_on=found_on,
            valid_until=period_end(found_on, FALSE_COMMITMENT_MONTHS),
            authority=authority,
            matter_name=matter[:200],
            document_number=number[:200],
            origin=RecordOrigin.ENFORCEMENT,
            source_ref=ref,
            source_department_id=payload.get("department_id"),
        ),
    )


async def _record_by_ref(session: AsyncSession, ref: str) -> CreditRecord | None:
    return (await session.exec(select(CreditRecord).where(CreditRecord.source_ref == ref))).first()


# --- joint punishment list ---------------------------------------------------------------


async def add_joint_punishment(
    *,
    session: AsyncSession,
    subject_code: str,
    data: JointPunishmentCreate,
    actor: str,
    subject_name: str | None = None,
    today: date | None = None,
    field_prefix: str = "",
) -> JointPunishment:
    """Add an entry by hand or from a spreadsheet row; an unknown subject is registered."""
    issues: list[FieldIssue] = []
    identity.checked_subject_key(subject_code, f"{field_prefix}subjectCode", issues)
    if not data.source_document.strip():
        issues.append(FieldIssue(f"{field_prefix}sourceDocument", "REQUIRED", "请填写惩戒依据文号"))
    if not data.measures.strip():
        issues.append(FieldIssue(f"{field_prefix}measures", "REQUIRED", "请填写惩戒措施"))
    if data.ends_on is not None and data.ends_on < data.starts_on:
        issues.append(
            FieldIssue(f"{field_prefix}endsOn", "BEFORE_START", "结束日期不能早于开始日期")
        )
    if issues:
        raise ValidationFailed(issues)
    subject = await ensure_subject(session=session, code=subject_code, name=subject_name)
    if subject is None:
        raise ValidationFailed.single(
            f"{field_prefix}subjectCode", "NOT_FOUND", "信用主体不存在，请先登记"
        )
    entry = JointPunishment(
        subject_code=subject.credit_code,
        source_document=data.source_document.strip(),
        measures=data.measures.strip(),
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        origin=data.origin,
        added_by=actor,
    )
    session.add(entry)
    await session.flush()
    await determination.refresh(session=session, codes=[subject.credit_code], today=today)
    return entry


IMPORT_COLUMNS = (
    "统一社会信用代码或身份证号码",
    "名称",
    "惩戒依据文号",
    "惩戒措施",
    "开始日期",
    "结束日期",
)
MAX_IMPORT_BYTES = 5 * 1024 * 1024


def _cell_date(value: object) -> date | None:
    if value is None or str(value).strip() == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value).strip())


async def import_joint_punishments(
    *, session: AsyncSession, content_base64: str, actor: str, today: date | None = None
) -> list[JointPunishment]:
    """Import every row of a spreadsheet, or nothing: errors name ``rows[N].field``."""
    try:
        content = base64.b64decode(content_base64, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationFailed.single(
            "contentBase64", "INVALID_FILE", "文件内容不是有效的Base64"
        ) from None
    if len(content) > MAX_IMPORT_BYTES:
        raise ValidationFailed.single("contentBase64", "TOO_LARGE", "文件不能超过5MB")
    try:
        rows = spreadsheets.read_rows(content)
    except Exception:  # noqa: BLE001 - any unreadable file is the same user error
        raise ValidationFailed.single(
            "contentBase64", "INVALID_FILE", "无法读取表格，请使用 .xlsx 模板"
        ) from None
    if not rows:
        raise ValidationFailed.single("contentBase64", "EMPTY", "表格中没有数据行")
    # All or nothing: a savepoint undoes the rows already added when a later row fails.
    async with session.begin_nested():
        return await _import_rows(session, rows, actor=actor, today=today)


async def _import_rows(
    session: AsyncSession,
    rows: list[tuple[int, dict[str, Any]]],
    *,
    actor: str,
    today: date | None,
) -> list[JointPunishment]:
    issues: list[FieldIssue] = []
    entries: list[JointPunishment] = []
    code_col, name_col, doc_col, measures_col, start_col, end_col = IMPORT_COLUMNS
    for number, row in rows:
        prefix = f"rows[{number}]."
        try:
            starts_on = _cell_date(row.get(start_col))
            ends_on = _cell_date(row.get(end_col))
        except ValueError:
            issues.append(
                FieldIssue(f"{prefix}startsOn", "INVALID_DATE", "日期格式应为 YYYY-MM-DD")
            )
            continue
        if starts_on is None:
            issues.append(FieldIssue(f"{prefix}startsOn", "REQUIRED", "请填写开始日期"))
            continue
        try:
            entries.append(
                await add_joint_punishment(
                    session=session,
                    subject_code=str(row.get(code_col) or ""),
                    subject_name=str(row.get(name_col) or ""),
                    data=JointPunishmentCreate(
                        source_document=str(row.get(doc_col) or ""),
                        measures=str(row.get(measures_col) or ""),
                        starts_on=starts_on,
                        ends_on=ends_on,
                        origin=RecordOrigin.IMPORT,
                    ),
                    actor=actor,
                    today=today,
                    field_prefix=prefix,
                )
            )
        except ValidationFailed as exc:
            issues.extend(exc.issues)
    if issues:
        raise ValidationFailed(issues)
    return entries


async def revoke_joint_punishment(
    *, session: AsyncSession, entry_id: int, reason: str, today: date | None = None
) -> JointPunishment:
    entry = await session.get(JointPunishment, entry_id)
    if entry is None:
        raise NotFoundError
    why = _require_reason(reason)
    if entry.revoked_at is not None:
        raise ValidationFailed.single("id", "REVOKED", "该惩戒记录已撤销")
    entry.revoked_at = utcnow()
    entry.revoke_reason = why
    session.add(entry)
    await session.flush()
    await determination.refresh(session=session, codes=[entry.subject_code], today=today)
    return entry


async def list_joint_punishments(
    *,
    session: AsyncSession,
    subject_code: str | None = None,
    active_on: date | None = None,
    ending_within_days: int | None = None,
    limit: int = MAX_PAGE,
    offset: int = 0,
) -> Sequence[JointPunishment]:
    stmt = select(JointPunishment)
    if ending_within_days is not None:
        stmt = stmt.where(*workbench.punishment_ending_conditions(ending_within_days))
    if subject_code:
        stmt = stmt.where(JointPunishment.subject_code == identity.subject_key(subject_code))
    if active_on is not None:
        stmt = stmt.where(*determination.active_punishment_conditions(active_on))
    stmt = stmt.order_by(col(JointPunishment.id)).offset(offset).limit(_page(limit))
    return (await session.exec(stmt)).all()
