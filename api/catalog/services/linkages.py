"""Linkages (审管联动事项) and their basis documents: the rules, no Strawberry.

A linkage is written by its approving department (writing counts as that side's
agreement) and confirmed by its supervising department; only a linkage both sides agree
on is published. Any edit of substance asks the supervising side to confirm again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import ColumnElement, func, or_
from sqlalchemy.orm import aliased
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.catalog import services
from api.catalog.models import (
    BasisDocument,
    BasisDocumentCreate,
    ChangeAction,
    ChangedEntity,
    ChangeRecord,
    Department,
    Linkage,
    LinkageCreate,
    ListVersion,
    Matter,
    MatterKind,
    MatterStatus,
    Person,
    Principle,
    Section,
)
from api.catalog.services import history
from api.catalog.services.bundle import LinkageView, views_of
from api.catalog.services.history import Editor
from api.core.errors import FieldIssue, ValidationFailed
from api.core.files import FileStore, default_store, require_type
from api.core.loaders import fetch_one_per_key
from api.core.models import utcnow
from api.core.pagination import MAX_PAGE
from api.core.scope import Scope

MAX_DAYS = 60
# Fields whose change needs the supervising department to confirm again.
SUBSTANCE = (
    "approval_matter_id",
    "supervision_matter_id",
    "approving_department_id",
    "approving_section_id",
    "approving_person_id",
    "supervising_department_id",
    "supervising_section_id",
    "supervising_person_id",
    "principles",
    "basis_document_id",
    "data_scope",
    "channel",
    "procedure",
    "claim_days",
    "feedback_days",
    "frequency",
    "confidentiality",
    "review_mode",
)


# --- basis documents ----------------------------------------


async def upload_basis_document(
    *,
    session: AsyncSession,
    data: BasisDocumentCreate,
    content: bytes,
    file_name: str,
    department_id: int,
    store: FileStore | None = None,
) -> BasisDocument:
    """Check the document and its file (type by content), store the file by hash."""
    issues: list[FieldIssue] = []
    number = data.number.strip()
    if not number:
        issues.append(FieldIssue("number", "REQUIRED", "请填写文件编号"))
    elif (await session.exec(select(BasisDocument).where(BasisDocument.number == number))).first():
        issues.append(FieldIssue("number", "DUPLICATE", "该编号的依据文件已存在"))
    if not data.parties.strip():
        issues.append(FieldIssue("parties", "REQUIRED", "请填写签订各方"))
    try:
        content_type = require_type(content, "contentBase64")
    except ValidationFailed as exc:
        issues.extend(exc.issues)
        content_type = ""
    if issues:
        raise ValidationFailed(issues)
    stored = await (store or default_store()).put(content, content_type)
    document = BasisDocument.model_validate(
        data,
        update={
            "number": number,
            "parties": data.parties.strip(),
            "file_sha256": stored.sha256,
            "file_name": (file_name.strip() or f"{number}")[:200],
            "content_type": stored.content_type,
            "size": stored.size,
            "uploaded_by_department_id": department_id,
        },
    )
    session.add(document)
    await session.flush()
    return document


async def basis_documents_by_ids(
    *, session: AsyncSession, ids: Sequence[int]
) -> list[BasisDocument | None]:
    return await fetch_one_per_key(session, BasisDocument, BasisDocument.id, ids)


async def basis_document_in_scope(
    *, session: AsyncSession, document_id: int, scope: Scope
) -> BasisDocument | None:
    """A basis document the caller may read: city-wide, uploaded by the caller's department,
    or the basis of a linkage the caller's department is on; otherwise not found."""
    document = await session.get(BasisDocument, document_id)
    if document is None or scope.city_wide:
        return document
    if document.uploaded_by_department_id == scope.department_id:
        return document
    linked = await session.exec(
        select(Linkage.id)
        .where(col(Linkage.basis_document_id) == document_id, *_conditions(scope, LinkageFilter()))
        .limit(1)
    )
    return document if linked.first() is not None else None


async def basis_documents_by_numbers(
    *, session: AsyncSession, numbers: Sequence[str]
) -> dict[str, BasisDocument]:
    rows = (
        await session.exec(select(BasisDocument).where(col(BasisDocument.number).in_(numbers)))
    ).all()
    return {row.number: row for row in rows}


# --- validation ----------------------------------------


async def _check_matter(
    session: AsyncSession, matter_id: int, kind: MatterKind, field: str
) -> list[FieldIssue]:
    matter = await session.get(Matter, matter_id)
    if matter is None:
        return [FieldIssue(field, "NOT_FOUND", "事项不存在")]
    if matter.kind != kind:
        label = "审批事项" if kind == MatterKind.APPROVAL else "监管事项"
        return [FieldIssue(field, "WRONG_KIND", f"应选择{label}")]
    if matter.status == MatterStatus.REPEALED:
        return [FieldIssue(field, "REPEALED", "已废止的事项不能联动")]
    return []


async def _check_side(
    session: AsyncSession, prefix: str, department_id: int, section_id: int, person_id: int
) -> list[FieldIssue]:
    if await session.get(Department, department_id) is None:
        return [FieldIssue(f"{prefix}DepartmentId", "NOT_FOUND", "部门不存在")]
    section = await session.get(Section, section_id)
    if section is None or section.department_id != department_id:
        return [FieldIssue(f"{prefix}SectionId", "NOT_IN_DEPARTMENT", "科（股）室不属于该部门")]
    person = await session.get(Person, person_id)
    if person is None or not await services.holds_position(
        session=session, person=person, section_id=section_id
    ):
        return [FieldIssue(f"{prefix}PersonId", "NOT_IN_SECTION", "责任人不属于该科（股）室")]
    return []


def cross_department(approving: Department, supervising: Department) -> bool:
    """Approval and supervision lie with different departments (跨部门)."""
    return approving.id != supervising.id


def cross_level(approving: Department, supervising: Department) -> bool:
    """Approval and supervision lie on different levels, e.g. 市 ↔ 县区 (跨层级)."""
    return approving.level != supervising.level


def needs_basis_document(approving: Department, supervising: Department) -> bool:
    """A split across departments or levels must be documented (委托书/交付书/备忘录)."""
    return cross_department(approving, supervising) or cross_level(approving, supervising)


def ordered_principles(values: Sequence[str]) -> list[Principle]:
    """A set of principles in their canonical order, each once (unknown codes dropped)."""
    chosen = {str(v) for v in values}
    return [p for p in Principle if p.value in chosen]


def principles_text(values: Sequence[str]) -> str:
    """The principles as one history value: codes joined by commas, in canonical order."""
    return ",".join(p.value for p in ordered_principles(values))


async def validate(
    *, session: AsyncSession, data: LinkageCreate, existing_id: int | None = None
) -> None:
    issues: list[FieldIssue] = []
    if not data.principles:
        issues.append(FieldIssue("principles", "REQUIRED", "请至少选择一项联动原则"))
    issues += await _check_matter(
        session, data.approval_matter_id, MatterKind.APPROVAL, "approvalMatterId"
    )
    issues += await _check_matter(
        session, data.supervision_matter_id, MatterKind.SUPERVISION, "supervisionMatterId"
    )
    issues += await _check_side(
        session,
        "approving",
        data.approving_department_id,
        data.approving_section_id,
        data.approving_person_id,
    )
    issues += await _check_side(
        session,
        "supervising",
        data.supervising_department_id,
        data.supervising_section_id,
        data.supervising_person_id,
    )
    approving = await session.get(Department, data.approving_department_id)
    supervising = await session.get(Department, data.supervising_department_id)
    split = approving and supervising and needs_basis_document(approving, supervising)
    if split and data.basis_document_id is None:
        issues.append(
            FieldIssue(
                "basisDocumentId",
                "BASIS_DOCUMENT_REQUIRED",
                "审批与监管分属不同部门或层级，须提供委托书、工作交付书或工作备忘录",
            )
        )
    if (
        data.basis_document_id is not None
        and await session.get(BasisDocument, data.basis_document_id) is None
    ):
        issues.append(FieldIssue("basisDocumentId", "NOT_FOUND", "依据文件不存在"))
    for field, value in (("claimDays", data.claim_days), ("feedbackDays", data.feedback_days)):
        if not 1 <= value <= MAX_DAYS:
            issues.append(FieldIssue(field, "OUT_OF_RANGE", f"时限应为1至{MAX_DAYS}个工作日"))
    duplicate = await session.exec(
        select(Linkage.id).where(
            Linkage.approval_matter_id == data.approval_matter_id,
            Linkage.supervision_matter_id == data.supervision_matter_id,
        )
    )
    other = duplicate.first()
    if other is not None and other != existing_id:
        issues.append(
            FieldIssue("supervisionMatterId", "DUPLICATE", "该审批事项与监管事项已建立联动")
        )
    if issues:
        raise ValidationFailed(issues)


def _require_approving_side(scope: Scope | None, approving_department_id: int) -> None:
    if scope is not None and not scope.covers_department(approving_department_id):
        raise ValidationFailed.single(
            "approvingDepartmentId", "NOT_APPROVING_DEPARTMENT", "联动事项只能由审批部门维护"
        )


# --- writing ----------------------------------------


def snapshot(view: LinkageView) -> dict[str, Any]:
    """A linkage as a reviewer reads it: names, not ids (the values its history records)."""
    x = view.linkage
    doc = view.basis_document
    return {
        "approvalMatterId": f"{view.approval_matter.name}（{view.approval_matter.code}）",
        "approvingDepartmentId": view.approving.department.name,
        "approvingSectionId": view.approving.section.name,
        "approvingPersonId": view.approving.person.name,
        "supervisionMatterId": f"{view.supervision_matter.name}（{view.supervision_matter.code}）",
        "supervisingDepartmentId": view.supervising.department.name,
        "supervisingSectionId": view.supervising.section.name,
        "supervisingPersonId": view.supervising.person.name,
        "approvingOfficePhone": view.approving.person.office_phone,
        "supervisingOfficePhone": view.supervising.person.office_phone,
        "principles": principles_text(x.principles),
        "basisDocumentId": doc.number if doc else None,
        "dataScope": x.data_scope,
        "channel": str(x.channel),
        "procedure": x.procedure,
        "claimDays": x.claim_days,
        "feedbackDays": x.feedback_days,
        "frequency": x.frequency,
        "confidentiality": str(x.confidentiality),
        "reviewMode": str(x.review_mode),
        "status": str(x.status),
        "removalRequested": x.removal_requested_at is not None,
    }


async def _snapshot(session: AsyncSession, linkage: Linkage) -> dict[str, Any]:
    (view,) = await views_of(session=session, linkages=[linkage])
    return snapshot(view)


async def _record(
    session: AsyncSession,
    linkage_id: int,
    action: ChangeAction,
    editor: Editor | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    await history.record(
        session,
        entity=ChangedEntity.LINKAGE,
        entity_id=linkage_id,
        action=action,
        editor=editor,
        before=before,
        after=after,
    )


async def _save(
    session: AsyncSession,
    linkage: Linkage,
    action: ChangeAction,
    editor: Editor | None,
    before: dict[str, Any] | None,
) -> None:
    """Write the linkage, then record the change (``before`` → the linkage as it now reads)."""
    session.add(linkage)
    await session.flush()
    await _record(
        session, linkage.id or 0, action, editor, before, await _snapshot(session, linkage)
    )


async def create_linkage(
    *,
    session: AsyncSession,
    data: LinkageCreate,
    scope: Scope | None = None,
    editor: Editor | None = None,
    draft: bool = False,
) -> Linkage:
    """A new linkage; unless it is a draft, writing counts as the approving side's agreement
    and it awaits the supervising side."""
    _require_approving_side(scope, data.approving_department_id)
    data.principles = ordered_principles(data.principles)
    await validate(session=session, data=data)
    linkage = Linkage.model_validate(
        data, update={"approval_confirmed_at": None if draft else utcnow()}
    )
    await _save(session, linkage, ChangeAction.CREATED, editor, None)
    return linkage


async def get_in_scope(
    *, session: AsyncSession, linkage_id: int, scope: Scope | None
) -> Linkage | None:
    linkage = await session.get(Linkage, linkage_id)
    if linkage is None:
        return None
    if scope is None or scope.city_wide:
        return linkage
    if scope.department_id in {linkage.approving_department_id, linkage.supervising_department_id}:
        return linkage
    return None


async def _require(session: AsyncSession, linkage_id: int, scope: Scope | None) -> Linkage:
    linkage = await get_in_scope(session=session, linkage_id=linkage_id, scope=scope)
    if linkage is None:
        raise ValidationFailed.single("id", "NOT_FOUND", "联动事项不存在")
    return linkage


def _value(row: object, key: str) -> object:
    value = getattr(row, key)
    return principles_text(value) if key == "principles" else value


async def update_linkage(
    *,
    session: AsyncSession,
    linkage_id: int,
    data: LinkageCreate,
    scope: Scope | None = None,
    editor: Editor | None = None,
) -> tuple[Linkage, bool]:
    """Returns the linkage and whether anything changed.

    A draft stays a draft; any other linkage goes back to the supervising side. Until it
    confirms, the published list keeps the values it published (see ``publication``).
    """
    linkage = await _require(session, linkage_id, scope)
    _require_approving_side(scope, linkage.approving_department_id)
    _require_approving_side(scope, data.approving_department_id)
    data.principles = ordered_principles(data.principles)
    changed = [k for k in SUBSTANCE if _value(linkage, k) != _value(data, k)]
    if not changed:
        # Saving what is already there is a no-op: confirmations stand.
        return linkage, False
    await validate(session=session, data=data, existing_id=linkage_id)
    before = await _snapshot(session, linkage)
    for key in changed:
        setattr(linkage, key, getattr(data, key))
    now = utcnow()
    linkage.updated_at = now
    if linkage.approval_confirmed_at is not None:
        linkage.approval_confirmed_at = now
    linkage.supervision_confirmed_at = None
    await _save(session, linkage, ChangeAction.UPDATED, editor, before)
    return linkage, True


async def submit_linkage(
    *, session: AsyncSession, linkage_id: int, scope: Scope | None, editor: Editor | None = None
) -> Linkage:
    """The approving side hands a draft to the supervising side for confirmation."""
    return await _stamp_once(
        session, linkage_id, scope, editor, "approval_confirmed_at", ChangeAction.SUBMITTED
    )


async def _stamp_once(
    session: AsyncSession,
    linkage_id: int,
    scope: Scope | None,
    editor: Editor | None,
    stamp: Literal["approval_confirmed_at", "removal_requested_at"],
    action: ChangeAction,
) -> Linkage:
    """The approving side stamps the time on a linkage's ``stamp``, once (again, nothing
    changes), and the history records it as ``action``."""
    linkage = await _require(session, linkage_id, scope)
    _require_approving_side(scope, linkage.approving_department_id)
    if getattr(linkage, stamp) is None:
        before = await _snapshot(session, linkage)
        setattr(linkage, stamp, utcnow())
        await _save(session, linkage, action, editor, before)
    return linkage


async def confirm_linkage(
    *, session: AsyncSession, linkage_id: int, scope: Scope, editor: Editor | None = None
) -> Linkage:
    """The supervising department agrees to the linkage as it stands."""
    linkage = await _require(session, linkage_id, scope)
    if linkage.supervising_department_id != scope.department_id:
        raise ValidationFailed.single(
            "id", "NOT_SUPERVISING_DEPARTMENT", "只有监管部门可以确认联动事项"
        )
    if linkage.approval_confirmed_at is None:
        raise ValidationFailed.single("id", "DRAFT", "审批部门尚未提交，草稿不能确认")
    if linkage.supervision_confirmed_at is None:
        before = await _snapshot(session, linkage)
        linkage.supervision_confirmed_at = utcnow()
        await _save(
            session, linkage, ChangeAction.CONFIRMED, editor or Editor.of("", scope), before
        )
    return linkage


async def linkages_naming(*, session: AsyncSession, person_id: int) -> list[Linkage]:
    """Every linkage that names the person on either side."""
    stmt = (
        select(Linkage)
        .where(
            or_(
                col(Linkage.approving_person_id) == person_id,
                col(Linkage.supervising_person_id) == person_id,
            )
        )
        .order_by(col(Linkage.id))
    )
    return list((await session.exec(stmt)).all())


async def snapshots(*, session: AsyncSession, rows: Sequence[Linkage]) -> dict[int, dict[str, Any]]:
    return {v.linkage.id or 0: snapshot(v) for v in await views_of(session=session, linkages=rows)}


async def ask_supervising_side_again(
    *,
    session: AsyncSession,
    rows: Sequence[Linkage],
    before: dict[int, dict[str, Any]],
    editor: Editor | None = None,
) -> list[int]:
    """A person named by these linkages changed: each submitted one goes back to the
    supervising side (its history records the change); returns their ids."""
    asked = [x for x in rows if x.approval_confirmed_at is not None]
    for linkage in asked:
        linkage.supervision_confirmed_at = None
        linkage.updated_at = utcnow()
        session.add(linkage)
    await session.flush()
    after = await snapshots(session=session, rows=asked)
    for linkage in asked:
        key = linkage.id or 0
        await _record(session, key, ChangeAction.UPDATED, editor, before.get(key), after[key])
    return [x.id or 0 for x in asked]


async def published_linkage_ids(*, session: AsyncSession) -> set[int]:
    """The linkages in the latest published version."""
    latest = (
        await session.exec(select(ListVersion).order_by(col(ListVersion.number).desc()).limit(1))
    ).first()
    return {int(e["linkage_id"]) for e in latest.entries} if latest else set()


async def delete_linkage(
    *,
    session: AsyncSession,
    linkage_id: int,
    scope: Scope | None,
    editor: Editor | None = None,
) -> int:
    """Delete a linkage that is not in the published version; its history keeps the deletion.

    A published one cannot vanish: ``PUBLISHED`` (mark it for removal instead).
    """
    linkage = await _require(session, linkage_id, scope)
    _require_approving_side(scope, linkage.approving_department_id)
    if linkage_id in await published_linkage_ids(session=session):
        raise ValidationFailed.single(
            "id",
            "PUBLISHED",
            "该联动事项在已发布的清单中，不能删除；可标记为在下一版本中移除",
        )
    before = await _snapshot(session, linkage)
    await session.delete(linkage)
    await session.flush()
    await _record(session, linkage_id, ChangeAction.DELETED, editor, before, None)
    return linkage_id


async def request_removal(
    *,
    session: AsyncSession,
    linkage_id: int,
    scope: Scope | None,
    editor: Editor | None = None,
) -> Linkage:
    """Mark a linkage for removal: the next published version leaves it out (as removed);
    earlier versions keep it."""
    return await _stamp_once(
        session, linkage_id, scope, editor, "removal_requested_at", ChangeAction.REMOVAL_REQUESTED
    )


# --- reading ----------------------------------------


_SIDE_FIELDS = ("approvingDepartmentId", "supervisingDepartmentId")


async def history_in_scope(
    *, session: AsyncSession, linkage_id: int, scope: Scope | None
) -> list[ChangeRecord]:
    """A linkage's changes, newest first, also after it was deleted (its history keeps the
    deletion). Readable city-wide, or by a department that is (or, for a deleted linkage,
    was named as) the approving or supervising side, or that changed it; otherwise empty."""
    (rows,) = await history.history_of(
        session=session, entity=ChangedEntity.LINKAGE, ids=[linkage_id]
    )
    if not rows or scope is None or scope.city_wide:
        return rows
    if await session.get(Linkage, linkage_id) is not None:
        found = await get_in_scope(session=session, linkage_id=linkage_id, scope=scope)
        return rows if found is not None else []
    if any(r.department_id == scope.department_id for r in rows):
        return rows
    own = await session.get(Department, scope.department_id)
    named = {
        value
        for r in rows
        for c in r.changes
        if c.get("field") in _SIDE_FIELDS
        for value in (c.get("before"), c.get("after"))
    }
    return rows if own is not None and own.name in named else []


@dataclass(frozen=True)
class LinkageFilter:
    keyword: str | None = None
    department_id: int | None = None
    matter_id: int | None = None
    confirmed: bool | None = None


def _conditions(scope: Scope | None, where: LinkageFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if scope is not None and not scope.city_wide:
        conditions.append(
            or_(
                col(Linkage.approving_department_id) == scope.department_id,
                col(Linkage.supervising_department_id) == scope.department_id,
            )
        )
    if where.department_id is not None:
        conditions.append(
            or_(
                col(Linkage.approving_department_id) == where.department_id,
                col(Linkage.supervising_department_id) == where.department_id,
            )
        )
    if where.matter_id is not None:
        conditions.append(
            or_(
                col(Linkage.approval_matter_id) == where.matter_id,
                col(Linkage.supervision_matter_id) == where.matter_id,
            )
        )
    if where.confirmed is True:
        conditions.append(col(Linkage.approval_confirmed_at).is_not(None))
        conditions.append(col(Linkage.supervision_confirmed_at).is_not(None))
    elif where.confirmed is False:
        conditions.append(
            or_(
                col(Linkage.approval_confirmed_at).is_(None),
                col(Linkage.supervision_confirmed_at).is_(None),
            )
        )
    if where.keyword and where.keyword.strip():
        pattern = f"%{where.keyword.strip()}%"
        approval = aliased(Matter)
        supervision = aliased(Matter)
        matching = (
            select(Linkage.id)
            .join(approval, col(approval.id) == col(Linkage.approval_matter_id))
            .join(supervision, col(supervision.id) == col(Linkage.supervision_matter_id))
            .where(
                or_(
                    col(approval.name).like(pattern),
                    col(approval.code).like(pattern),
                    col(supervision.name).like(pattern),
                    col(supervision.code).like(pattern),
                )
            )
        )
        conditions.append(col(Linkage.id).in_(matching))
    return conditions


async def search_linkages(
    *,
    session: AsyncSession,
    scope: Scope | None,
    where: LinkageFilter,
    offset: int = 0,
    limit: int = MAX_PAGE,
) -> tuple[Sequence[Linkage], int]:
    conditions = _conditions(scope, where)
    rows = (
        await session.exec(
            select(Linkage)
            .where(*conditions)
            .order_by(col(Linkage.id))
            .offset(max(offset, 0))
            .limit(min(max(limit, 0), MAX_PAGE))
        )
    ).all()
    total = (await session.exec(select(func.count()).select_from(Linkage).where(*conditions))).one()
    return rows, int(total)


async def all_linkages(
    *, session: AsyncSession, scope: Scope | None, confirmed_only: bool = False
) -> Sequence[Linkage]:
    where = LinkageFilter(confirmed=True if confirmed_only else None)
    stmt = select(Linkage).where(*_conditions(scope, where)).order_by(col(Linkage.id))
    return (await session.exec(stmt)).all()
