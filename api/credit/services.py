"""Credit business rules. No Strawberry here: tests call these directly."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core.errors import FieldIssue, ValidationFailed
from api.core.identifiers import uscc_problem
from api.core.loaders import many_per_key, one_per_key
from api.credit.models import CreditRecord, CreditRecordCreate, Subject, SubjectCreate

MAX_PAGE = 100


async def register_subject(*, session: AsyncSession, data: SubjectCreate) -> Subject:
    code = data.credit_code.strip().upper()
    issues: list[FieldIssue] = []
    if problem := uscc_problem(code):
        issues.append(FieldIssue("creditCode", "INVALID_CREDIT_CODE", problem))
    elif await session.get(Subject, code) is not None:
        issues.append(FieldIssue("creditCode", "DUPLICATE", "该统一社会信用代码已登记"))
    if not data.name.strip():
        issues.append(FieldIssue("name", "REQUIRED", "请填写名称"))
    if issues:
        raise ValidationFailed(issues)
    subject = Subject.model_validate(data, update={"credit_code": code, "name": data.name.strip()})
    session.add(subject)
    await session.flush()
    return subject


async def add_credit_record(*, session: AsyncSession, data: CreditRecordCreate) -> CreditRecord:
    issues: list[FieldIssue] = []
    if await session.get(Subject, data.subject_code) is None:
        issues.append(FieldIssue("subjectCode", "NOT_FOUND", "信用主体不存在"))
    if not data.title.strip():
        issues.append(FieldIssue("title", "REQUIRED", "请填写记录标题"))
    if data.valid_until is not None and data.valid_until < data.decided_on:
        issues.append(FieldIssue("validUntil", "BEFORE_DECISION", "有效期不能早于决定日期"))
    if issues:
        raise ValidationFailed(issues)
    record = CreditRecord.model_validate(data, update={"title": data.title.strip()})
    session.add(record)
    await session.flush()
    return record


async def list_subjects(
    *, session: AsyncSession, keyword: str | None = None, limit: int = MAX_PAGE, offset: int = 0
) -> Sequence[Subject]:
    stmt = select(Subject)
    if keyword:
        pattern = f"%{keyword.strip()}%"
        stmt = stmt.where(col(Subject.name).like(pattern) | col(Subject.credit_code).like(pattern))
    stmt = (
        stmt.order_by(col(Subject.credit_code)).offset(offset).limit(min(max(limit, 0), MAX_PAGE))
    )
    return (await session.exec(stmt)).all()


async def subjects_by_codes(*, session: AsyncSession, codes: Sequence[str]) -> list[Subject | None]:
    rows = (await session.exec(select(Subject).where(col(Subject.credit_code).in_(codes)))).all()
    return one_per_key(rows, codes, lambda r: r.credit_code)


async def records_by_subject_codes(
    *, session: AsyncSession, codes: Sequence[str]
) -> list[list[CreditRecord]]:
    stmt = (
        select(CreditRecord)
        .where(col(CreditRecord.subject_code).in_(codes))
        .order_by(col(CreditRecord.decided_on).desc(), col(CreditRecord.id))
    )
    rows = (await session.exec(stmt)).all()
    return many_per_key(rows, codes, lambda r: r.subject_code)
