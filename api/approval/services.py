"""Approval business rules. No Strawberry here: tests call these directly."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import Application, ApplicationCreate
from api.core.errors import FieldIssue, ValidationFailed
from api.core.identifiers import uscc_problem
from api.core.loaders import many_per_key, one_per_key

MAX_PAGE = 100


async def submit_application(*, session: AsyncSession, data: ApplicationCreate) -> Application:
    issues: list[FieldIssue] = []
    if problem := uscc_problem(data.applicant_code.strip().upper()):
        issues.append(FieldIssue("applicantCode", "INVALID_CREDIT_CODE", problem))
    if not data.applicant_name.strip():
        issues.append(FieldIssue("applicantName", "REQUIRED", "请填写申请人名称"))
    if issues:
        raise ValidationFailed(issues)
    application = Application.model_validate(
        data,
        update={
            "applicant_code": data.applicant_code.strip().upper(),
            "applicant_name": data.applicant_name.strip(),
        },
    )
    session.add(application)
    await session.flush()
    return application


async def list_applications(
    *, session: AsyncSession, matter_id: int | None = None, limit: int = MAX_PAGE, offset: int = 0
) -> Sequence[Application]:
    stmt = select(Application)
    if matter_id is not None:
        stmt = stmt.where(Application.matter_id == matter_id)
    stmt = stmt.order_by(col(Application.id)).offset(offset).limit(min(max(limit, 0), MAX_PAGE))
    return (await session.exec(stmt)).all()


async def applications_by_ids(
    *, session: AsyncSession, ids: Sequence[int]
) -> list[Application | None]:
    rows = (await session.exec(select(Application).where(col(Application.id).in_(ids)))).all()
    return one_per_key(rows, ids, lambda r: r.id)


async def applications_by_matter_ids(
    *, session: AsyncSession, matter_ids: Sequence[int]
) -> list[list[Application]]:
    stmt = (
        select(Application)
        .where(col(Application.matter_id).in_(matter_ids))
        .order_by(col(Application.id))
    )
    rows = (await session.exec(stmt)).all()
    return many_per_key(rows, matter_ids, lambda r: r.matter_id)


async def applications_by_applicant_codes(
    *, session: AsyncSession, codes: Sequence[str]
) -> list[list[Application]]:
    stmt = (
        select(Application)
        .where(col(Application.applicant_code).in_(codes))
        .order_by(col(Application.id))
    )
    rows = (await session.exec(stmt)).all()
    return many_per_key(rows, codes, lambda r: r.applicant_code)
