"""Catalog business rules. No Strawberry here: tests call these directly."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.catalog.models import Department, DepartmentCreate, Matter, MatterCreate, MatterKind
from api.core.errors import FieldIssue, ValidationFailed
from api.core.identifiers import uscc_problem
from api.core.loaders import one_per_key

MAX_PAGE = 100


async def create_department(*, session: AsyncSession, data: DepartmentCreate) -> Department:
    issues: list[FieldIssue] = []
    if not data.name.strip():
        issues.append(FieldIssue("name", "REQUIRED", "请填写部门名称"))
    if data.credit_code and (problem := uscc_problem(data.credit_code)):
        issues.append(FieldIssue("creditCode", "INVALID_CREDIT_CODE", problem))
    if data.parent_id is not None and await session.get(Department, data.parent_id) is None:
        issues.append(FieldIssue("parentId", "NOT_FOUND", "上级部门不存在"))
    existing = await session.exec(select(Department).where(Department.name == data.name.strip()))
    if existing.first() is not None:
        issues.append(FieldIssue("name", "DUPLICATE", "已存在同名部门"))
    if issues:
        raise ValidationFailed(issues)
    department = Department.model_validate(data, update={"name": data.name.strip()})
    session.add(department)
    await session.flush()
    return department


async def list_departments(*, session: AsyncSession) -> Sequence[Department]:
    result = await session.exec(select(Department).order_by(col(Department.id)))
    return result.all()


async def create_matter(*, session: AsyncSession, data: MatterCreate) -> Matter:
    issues: list[FieldIssue] = []
    code = data.code.strip()
    if not code:
        issues.append(FieldIssue("code", "REQUIRED", "请填写事项编码"))
    if not data.name.strip():
        issues.append(FieldIssue("name", "REQUIRED", "请填写事项名称"))
    if await session.get(Department, data.department_id) is None:
        issues.append(FieldIssue("departmentId", "NOT_FOUND", "责任单位不存在"))
    if code and (await session.exec(select(Matter).where(Matter.code == code))).first():
        issues.append(FieldIssue("code", "DUPLICATE", "事项编码已存在"))
    if issues:
        raise ValidationFailed(issues)
    matter = Matter.model_validate(data, update={"code": code, "name": data.name.strip()})
    session.add(matter)
    await session.flush()
    return matter


async def list_matters(
    *,
    session: AsyncSession,
    kind: MatterKind | None = None,
    department_id: int | None = None,
    keyword: str | None = None,
    limit: int = MAX_PAGE,
    offset: int = 0,
) -> Sequence[Matter]:
    stmt = select(Matter)
    if kind is not None:
        stmt = stmt.where(Matter.kind == kind)
    if department_id is not None:
        stmt = stmt.where(Matter.department_id == department_id)
    if keyword:
        pattern = f"%{keyword.strip()}%"
        stmt = stmt.where(col(Matter.name).like(pattern) | col(Matter.code).like(pattern))
    stmt = stmt.order_by(col(Matter.id)).offset(offset).limit(min(max(limit, 0), MAX_PAGE))
    return (await session.exec(stmt)).all()


async def departments_by_ids(
    *, session: AsyncSession, ids: Sequence[int]
) -> list[Department | None]:
    rows = (await session.exec(select(Department).where(col(Department.id).in_(ids)))).all()
    return one_per_key(rows, ids, lambda r: r.id)


async def matters_by_ids(*, session: AsyncSession, ids: Sequence[int]) -> list[Matter | None]:
    rows = (await session.exec(select(Matter).where(col(Matter.id).in_(ids)))).all()
    return one_per_key(rows, ids, lambda r: r.id)
