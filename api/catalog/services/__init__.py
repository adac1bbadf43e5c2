"""Catalog business rules for departments, sections, people, liaisons and matters.

No Strawberry here: tests call these directly. Functions that change data take the
caller's ``Scope`` (None = the system itself, e.g. demo loading): a department maintains
only its own sections, people, liaisons and matters; the city-wide scope may act anywhere.
Linkages live in ``linkages.py``, publication in ``publication.py``, Excel in ``workbook.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.catalog.models import (
    ApprovalCategory,
    ChangeAction,
    ChangedEntity,
    ChangeRecord,
    Department,
    DepartmentCreate,
    LiaisonAssignment,
    LiaisonKind,
    Matter,
    MatterCreate,
    MatterKind,
    MatterStatus,
    MatterUpdate,
    Person,
    PersonCreate,
    Position,
    Section,
    SectionCreate,
)
from api.catalog.services import history, liaison_events, phones
from api.catalog.services.history import Editor
from api.core.clock import local_today
from api.core.errors import FieldIssue, ValidationFailed
from api.core.identifiers import uscc_problem
from api.core.loaders import fetch_many_per_key, fetch_one_per_key
from api.core.models import utcnow
from api.core.pagination import MAX_PAGE
from api.core.scope import Scope


def may_maintain(scope: Scope | None, department_id: int) -> bool:
    """The system (None) and the city-wide scope maintain anything; a department its own."""
    return scope is None or scope.covers_department(department_id)


def phone_problem(office_phone: str, mobile: str) -> list[tuple[str, str, str]]:
    """(field, code, message) for numbers that break Chinese numbering rules (checked with
    libphonenumber's data, ``api/catalog/services/phones.py``); empty numbers are allowed."""
    problems = []
    if office_phone.strip() and phones.normalise_office_phone(office_phone) is None:
        problems.append(("officePhone", "INVALID_PHONE", phones.OFFICE_PHONE_MESSAGE))
    if mobile.strip() and phones.normalise_mobile(mobile) is None:
        problems.append(("mobile", "INVALID_MOBILE", phones.MOBILE_MESSAGE))
    return problems


def normalised_phones(office_phone: str, mobile: str) -> tuple[str, str]:
    """Both numbers in their stored form (call after ``phone_problem`` found nothing)."""
    office = phones.normalise_office_phone(office_phone) if office_phone.strip() else ""
    cell = phones.normalise_mobile(mobile) if mobile.strip() else ""
    return office or "", cell or ""


# --- departments ----------------------------------------


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


async def departments_by_names(
    *, session: AsyncSession, names: Sequence[str]
) -> dict[str, Department]:
    rows = (await session.exec(select(Department).where(col(Department.name).in_(names)))).all()
    return {row.name: row for row in rows}


# --- sections and people ----------------------------------------


def section_snapshot(section: Section) -> dict[str, Any]:
    return {"name": section.name}


def person_snapshot(person: Person, section_name: str) -> dict[str, Any]:
    return {
        "name": person.name,
        "sectionId": section_name,
        "officePhone": person.office_phone,
        "mobile": person.mobile,
        "role": person.role,
    }


def matter_snapshot(matter: Matter) -> dict[str, Any]:
    return {
        "code": matter.code,
        "name": matter.name,
        "kind": str(matter.kind),
        "legalBasis": matter.legal_basis,
        "approvalCategory": str(matter.approval_category) if matter.approval_category else None,
        "status": str(matter.status),
        "repealedOn": matter.repealed_on.isoformat() if matter.repealed_on else None,
    }


async def create_section(
    *,
    session: AsyncSession,
    data: SectionCreate,
    scope: Scope | None = None,
    editor: Editor | None = None,
) -> Section:
    name = data.name.strip()
    issues: list[FieldIssue] = []
    if not name:
        issues.append(FieldIssue("name", "REQUIRED", "请填写科（股）室名称"))
    department = await session.get(Department, data.department_id)
    if department is None:
        raise ValidationFailed.single("departmentId", "NOT_FOUND", "部门不存在")
    if not may_maintain(scope, data.department_id):
        raise ValidationFailed.single("departmentId", "NOT_OWN_DEPARTMENT", "只能维护本部门的科室")
    duplicate = await session.exec(
        select(Section).where(Section.department_id == data.department_id, Section.name == name)
    )
    if name and duplicate.first() is not None:
        issues.append(FieldIssue("name", "DUPLICATE", "本部门已有同名科（股）室"))
    if issues:
        raise ValidationFailed(issues)
    section = Section(department_id=data.department_id, name=name)
    await history.save(
        session,
        section,
        entity=ChangedEntity.SECTION,
        action=ChangeAction.CREATED,
        editor=editor,
        after=section_snapshot(section),
    )
    return section


async def create_person(
    *,
    session: AsyncSession,
    data: PersonCreate,
    scope: Scope | None = None,
    editor: Editor | None = None,
) -> Person:
    section = await session.get(Section, data.section_id)
    if section is None:
        raise ValidationFailed.single("sectionId", "NOT_FOUND", "科（股）室不存在")
    if not may_maintain(scope, section.department_id):
        raise ValidationFailed.single("sectionId", "NOT_OWN_DEPARTMENT", "只能维护本部门的人员")
    name = data.name.strip()
    issues = [FieldIssue(*p) for p in phone_problem(data.office_phone, data.mobile)]
    if not name:
        issues.insert(0, FieldIssue("name", "REQUIRED", "请填写姓名"))
    duplicate = await session.exec(
        select(Person).where(Person.section_id == data.section_id, Person.name == name)
    )
    if name and duplicate.first() is not None:
        issues.append(FieldIssue("name", "DUPLICATE", "本科室已有同名人员"))
    if issues:
        raise ValidationFailed(issues)
    office_phone, mobile = normalised_phones(data.office_phone, data.mobile)
    person = Person.model_validate(
        data,
        update={
            "name": name,
            "department_id": section.department_id,
            "office_phone": office_phone,
            "mobile": mobile,
        },
    )
    await history.save(
        session,
        person,
        entity=ChangedEntity.PERSON,
        action=ChangeAction.CREATED,
        editor=editor,
        after=person_snapshot(person, section.name),
    )
    return person


async def update_person_phones(
    *,
    session: AsyncSession,
    person: Person,
    office_phone: str,
    mobile: str,
    editor: Editor | None = None,
) -> bool:
    """Returns whether anything changed (the change is recorded in the person's history).

    The numbers must be valid (``phone_problem``); they are stored normalised.
    """
    office_phone, mobile = normalised_phones(office_phone, mobile)
    if (person.office_phone, person.mobile) == (office_phone, mobile):
        return False
    mobile_changed = person.mobile != mobile
    section = await session.get(Section, person.section_id)
    section_name = section.name if section else ""
    before = person_snapshot(person, section_name)
    person.office_phone = office_phone
    person.mobile = mobile
    session.add(person)
    await session.flush()
    if mobile_changed:
        await liaison_events.announce_person(session, person, local_today())
    await history.record(
        session,
        entity=ChangedEntity.PERSON,
        entity_id=person.id or 0,
        action=ChangeAction.UPDATED,
        editor=editor,
        before=before,
        after=person_snapshot(person, section_name),
    )
    return True


async def sections_of(
    *, session: AsyncSession, department_ids: Sequence[int]
) -> list[list[Section]]:
    return await fetch_many_per_key(
        session, Section, Section.department_id, department_ids, order_by=[col(Section.id)]
    )


async def people_of(*, session: AsyncSession, section_ids: Sequence[int]) -> list[list[Person]]:
    """Per section: the people whose home section it is, then those holding a further
    position there (``add_position``), each once, by id."""
    home = (
        await session.exec(
            select(Person).where(col(Person.section_id).in_(section_ids)).order_by(col(Person.id))
        )
    ).all()
    further = (
        await session.exec(
            select(Position.section_id, Person)
            .join(Person, col(Person.id) == col(Position.person_id))
            .where(col(Position.section_id).in_(section_ids))
            .order_by(col(Person.id))
        )
    ).all()
    pairs = [(p.section_id, p) for p in home] + [(s, p) for s, p in further]
    grouped: dict[int, dict[int, Person]] = {}
    for section_id, person in pairs:
        grouped.setdefault(section_id, {})[person.id or 0] = person
    return [sorted(grouped.get(k, {}).values(), key=lambda p: p.id or 0) for k in section_ids]


async def holds_position(*, session: AsyncSession, person: Person, section_id: int) -> bool:
    """Whether the person works in the section: their home section or a further position."""
    if person.section_id == section_id:
        return True
    found = await session.exec(
        select(Position.id).where(
            Position.person_id == person.id, Position.section_id == section_id
        )
    )
    return found.first() is not None


async def positions_of(*, session: AsyncSession, person_ids: Sequence[int]) -> list[list[Position]]:
    """Each person's further positions (the home section is on the person), oldest first."""
    return await fetch_many_per_key(
        session, Position, Position.person_id, person_ids, order_by=[col(Position.id)]
    )


async def _position_names(session: AsyncSession, person: Person) -> str:
    rows = (
        await session.exec(
            select(Department.name, Section.name)
            .join(Section, col(Section.department_id) == col(Department.id))
            .join(Position, col(Position.section_id) == col(Section.id))
            .where(Position.person_id == person.id)
            .order_by(col(Position.id))
        )
    ).all()
    return "、".join(f"{d} {s}" for d, s in rows)


async def add_position(
    *,
    session: AsyncSession,
    person_id: int,
    section_id: int,
    title: str = "",
    scope: Scope | None = None,
    editor: Editor | None = None,
) -> Position:
    """Give a person a further position in a section (of their own or another department):
    maintained by the section's department. Recorded in the person's history
    (``positions``: before / after)."""
    section = await session.get(Section, section_id)
    if section is None:
        raise ValidationFailed.single("sectionId", "NOT_FOUND", "科（股）室不存在")
    if not may_maintain(scope, section.department_id):
        raise ValidationFailed.single(
            "sectionId", "NOT_OWN_DEPARTMENT", "只能在本部门的科（股）室中任职"
        )
    person = await session.get(Person, person_id)
    if person is None:
        raise ValidationFailed.single("personId", "NOT_FOUND", "人员不存在")
    if await holds_position(session=session, person=person, section_id=section_id):
        raise ValidationFailed.single("sectionId", "DUPLICATE", "该人员已在此科（股）室任职")
    before = await _position_names(session, person)
    position = Position(
        person_id=person_id,
        section_id=section_id,
        department_id=section.department_id,
        title=title.strip()[:100],
    )
    session.add(position)
    await session.flush()
    await history.record(
        session,
        entity=ChangedEntity.PERSON,
        entity_id=person_id,
        action=ChangeAction.UPDATED,
        editor=editor,
        before={"positions": before},
        after={"positions": await _position_names(session, person)},
    )
    return position


async def sections_by_ids(*, session: AsyncSession, ids: Sequence[int]) -> list[Section | None]:
    return await fetch_one_per_key(session, Section, Section.id, ids)


async def people_by_ids(*, session: AsyncSession, ids: Sequence[int]) -> list[Person | None]:
    return await fetch_one_per_key(session, Person, Person.id, ids)


# --- liaisons ----------------------------------------


async def set_liaison(
    *,
    session: AsyncSession,
    department_id: int,
    kind: LiaisonKind,
    person_id: int,
    since: date,
    recorded_by: str = "",
    scope: Scope | None = None,
) -> LiaisonAssignment:
    """Name ``person`` the department's liaison of ``kind`` from ``since`` (may be future).

    The previous one's period ends on the day before, so on every day exactly one is current
    (``liaison_events.is_current``); until ``since`` arrives the previous one stays current.
    Announced to approval as ``catalog.liaison.appointed`` (docs/EVENTS.md).
    """
    if await session.get(Department, department_id) is None:
        raise ValidationFailed.single("departmentId", "NOT_FOUND", "部门不存在")
    if not may_maintain(scope, department_id):
        raise ValidationFailed.single(
            "departmentId", "NOT_OWN_DEPARTMENT", "只能指定本部门的联络员"
        )
    person = await session.get(Person, person_id)
    if person is None or person.department_id != department_id:
        raise ValidationFailed.single("personId", "NOT_IN_DEPARTMENT", "联络员须为本部门人员")
    latest = (
        await session.exec(
            select(LiaisonAssignment).where(
                LiaisonAssignment.department_id == department_id,
                LiaisonAssignment.kind == kind,
                col(LiaisonAssignment.until).is_(None),
            )
        )
    ).first()
    if latest is not None:
        if latest.person_id == person_id and since >= latest.since:
            return latest
        if since <= latest.since:
            raise ValidationFailed.single(
                "since",
                "BEFORE_CURRENT",
                f"起始日期须晚于上一任联络员的起始日期（{latest.since.isoformat()}）",
            )
        latest.until = since - timedelta(days=1)
        session.add(latest)
    assignment = LiaisonAssignment(
        department_id=department_id,
        kind=kind,
        person_id=person_id,
        since=since,
        recorded_by=recorded_by,
    )
    session.add(assignment)
    await session.flush()
    if latest is not None:
        previous = await session.get(Person, latest.person_id)
        if previous is not None:
            await liaison_events.announce(session, latest, previous)
    await liaison_events.announce(session, assignment, person)
    return assignment


async def liaisons_of(
    *, session: AsyncSession, department_ids: Sequence[int]
) -> list[list[LiaisonAssignment]]:
    """Every assignment (current and past), newest first, per department."""
    return await fetch_many_per_key(
        session,
        LiaisonAssignment,
        LiaisonAssignment.department_id,
        department_ids,
        order_by=[col(LiaisonAssignment.since).desc(), col(LiaisonAssignment.id).desc()],
    )


# --- matters ----------------------------------------


async def create_matter(
    *,
    session: AsyncSession,
    data: MatterCreate,
    scope: Scope | None = None,
    editor: Editor | None = None,
) -> Matter:
    issues: list[FieldIssue] = []
    code = data.code.strip()
    if not code:
        issues.append(FieldIssue("code", "REQUIRED", "请填写事项编码"))
    if not data.name.strip():
        issues.append(FieldIssue("name", "REQUIRED", "请填写事项名称"))
    if await session.get(Department, data.department_id) is None:
        issues.append(FieldIssue("departmentId", "NOT_FOUND", "责任单位不存在"))
    elif not may_maintain(scope, data.department_id):
        issues.append(FieldIssue("departmentId", "NOT_OWN_DEPARTMENT", "只能维护本部门的事项"))
    if code and (await session.exec(select(Matter).where(Matter.code == code))).first():
        issues.append(FieldIssue("code", "DUPLICATE", "事项编码已存在"))
    if data.kind == MatterKind.SUPERVISION and data.approval_category is not None:
        issues.append(FieldIssue("approvalCategory", "NOT_APPLICABLE", "监管事项没有审批类别"))
    if issues:
        raise ValidationFailed(issues)
    category = data.approval_category
    if data.kind == MatterKind.APPROVAL and category is None:
        category = ApprovalCategory.LICENSING
    matter = Matter.model_validate(
        data, update={"code": code, "name": data.name.strip(), "approval_category": category}
    )
    await history.save(
        session,
        matter,
        entity=ChangedEntity.MATTER,
        action=ChangeAction.CREATED,
        editor=editor,
        after=matter_snapshot(matter),
    )
    return matter


async def update_matter(
    *,
    session: AsyncSession,
    matter_id: int,
    data: MatterUpdate,
    scope: Scope | None = None,
    editor: Editor | None = None,
) -> Matter:
    """Edit a matter; the change is recorded in its history (field, before, after)."""
    matter = await session.get(Matter, matter_id)
    if matter is None or (scope is not None and not scope.covers_department(matter.department_id)):
        raise ValidationFailed.single("id", "NOT_FOUND", "事项不存在或不属于本部门")
    issues: list[FieldIssue] = []
    if data.name is not None and not data.name.strip():
        issues.append(FieldIssue("name", "REQUIRED", "请填写事项名称"))
    if data.approval_category is not None and matter.kind == MatterKind.SUPERVISION:
        issues.append(FieldIssue("approvalCategory", "NOT_APPLICABLE", "监管事项没有审批类别"))
    status = data.status or matter.status
    if data.repealed_on is not None and status != MatterStatus.REPEALED:
        issues.append(FieldIssue("repealedOn", "NOT_REPEALED", "只有已废止的事项才有废止日期"))
    if issues:
        raise ValidationFailed(issues)
    repealed_on = None
    if status == MatterStatus.REPEALED:
        repealed_on = data.repealed_on or matter.repealed_on or local_today()
    changes: dict[str, Any] = {
        "name": data.name.strip() if data.name is not None else None,
        "legal_basis": data.legal_basis,
        "approval_category": data.approval_category,
        "status": data.status,
    }
    changes = {k: v for k, v in changes.items() if v is not None and getattr(matter, k) != v}
    if matter.repealed_on != repealed_on:
        changes["repealed_on"] = repealed_on
    if not changes:
        return matter
    before = matter_snapshot(matter)
    for key, value in changes.items():
        setattr(matter, key, value)
    matter.updated_at = utcnow()
    await history.save(
        session,
        matter,
        entity=ChangedEntity.MATTER,
        action=ChangeAction.UPDATED,
        editor=editor,
        before=before,
        after=matter_snapshot(matter),
    )
    return matter


async def matters_by_codes(*, session: AsyncSession, codes: Sequence[str]) -> dict[str, Matter]:
    rows = (await session.exec(select(Matter).where(col(Matter.code).in_(codes)))).all()
    return {row.code: row for row in rows}


def _matter_conditions(
    *,
    kind: MatterKind | None,
    department_id: int | None,
    keyword: str | None,
    status: MatterStatus | None = None,
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if kind is not None:
        conditions.append(col(Matter.kind) == kind)
    if department_id is not None:
        conditions.append(col(Matter.department_id) == department_id)
    if status is not None:
        conditions.append(col(Matter.status) == status)
    if keyword and keyword.strip():
        pattern = f"%{keyword.strip()}%"
        conditions.append(col(Matter.name).like(pattern) | col(Matter.code).like(pattern))
    return conditions


async def list_matters(
    *,
    session: AsyncSession,
    kind: MatterKind | None = None,
    department_id: int | None = None,
    keyword: str | None = None,
    status: MatterStatus | None = None,
    limit: int = MAX_PAGE,
    offset: int = 0,
) -> Sequence[Matter]:
    conditions = _matter_conditions(
        kind=kind, department_id=department_id, keyword=keyword, status=status
    )
    stmt = (
        select(Matter)
        .where(*conditions)
        .order_by(col(Matter.id))
        .offset(max(offset, 0))
        .limit(min(max(limit, 0), MAX_PAGE))
    )
    return (await session.exec(stmt)).all()


async def count_matters(
    *,
    session: AsyncSession,
    kind: MatterKind | None = None,
    department_id: int | None = None,
    keyword: str | None = None,
    status: MatterStatus | None = None,
) -> int:
    conditions = _matter_conditions(
        kind=kind, department_id=department_id, keyword=keyword, status=status
    )
    stmt = select(func.count()).select_from(Matter).where(*conditions)
    return int((await session.exec(stmt)).one())


async def departments_by_ids(
    *, session: AsyncSession, ids: Sequence[int]
) -> list[Department | None]:
    return await fetch_one_per_key(session, Department, Department.id, ids)


async def matters_by_ids(*, session: AsyncSession, ids: Sequence[int]) -> list[Matter | None]:
    return await fetch_one_per_key(session, Matter, Matter.id, ids)


async def changes_of(
    *, session: AsyncSession, entity: ChangedEntity, ids: Sequence[int]
) -> list[list[ChangeRecord]]:
    return await history.history_of(session=session, entity=entity, ids=ids)
