"""The city's working spreadsheet: one row per linkage. Import (all or nothing) and export.

Import reads with openpyxl, checks every row before writing anything, and reports each bad
cell as (row number, column, code, reason). A good file upserts matters by code, sections
and people by name within their department, and linkages by (approval code, supervision
code). Export writes the same columns back, so export → import changes nothing.

Cells that a spreadsheet would run as a formula (starting with = + - @) are written with a
leading apostrophe, and that apostrophe is removed again on import.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.catalog import services
from api.catalog.models import (
    Department,
    Linkage,
    LinkageCreate,
    Matter,
    MatterCreate,
    MatterKind,
    MatterStatus,
    MatterUpdate,
    Person,
    PersonCreate,
    Principle,
    Section,
    SectionCreate,
    SharingRules,
)
from api.catalog.services import linkages
from api.catalog.services.bundle import Side, views_of
from api.catalog.services.history import Editor
from api.core.errors import ValidationFailed
from api.core.scope import Scope
from api.core.spreadsheets import FORMULA_PREFIXES, neutralise, workbook_bytes

SHEET_TITLE = "审管联动事项清单"
HEADERS = (
    "审批事项编码",
    "审批事项名称",
    "审批部门",
    "审批科室",
    "审批责任人",
    "审批办公电话",
    "审批手机",
    "监管事项编码",
    "监管事项名称",
    "监管部门",
    "监管科室",
    "监管责任人",
    "监管办公电话",
    "监管手机",
    "联动原则",
    "依据文件编号",
)
OPTIONAL = {"审批办公电话", "审批手机", "监管办公电话", "监管手机", "依据文件编号"}
PRINCIPLES = {"谁审批谁负责": Principle.WHO_APPROVES, "谁主管谁监管": Principle.WHO_GOVERNS}
PRINCIPLE_TEXT = {v: k for k, v in PRINCIPLES.items()}
# Several principles in one cell: 谁审批谁负责、谁主管谁监管 (also , ， ; ； / or spaces).
PRINCIPLE_SEPARATORS = re.compile(r"[、,，;；/\s]+")
MAX_ROWS = 5000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class RowIssue:
    row: int
    column: str
    code: str
    message: str


@dataclass
class ImportRejected(Exception):  # noqa: N818 - reads as a sentence: raise ImportRejected
    issues: list[RowIssue] = field(default_factory=list)


@dataclass(frozen=True)
class ImportSummary:
    created: int
    updated: int
    unchanged: int
    # Linkages naming a person whose data the import changed: back to the supervising side.
    awaiting_confirmation: list[int] = field(default_factory=list)


Row = dict[str, str]


def restore(value: str) -> str:
    if value.startswith("'") and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def principle_names(cell: str) -> list[str]:
    """The principle names in one cell (several separated by 、 and the like)."""
    return [p for p in PRINCIPLE_SEPARATORS.split(cell.strip()) if p]


def principles_cell(values: Sequence[str]) -> str:
    return "、".join(PRINCIPLE_TEXT[p] for p in linkages.ordered_principles(values))


# --- reading the file ----------------------------------------


def _header_issues(header: Sequence[Any]) -> list[RowIssue]:
    names = [_text(c.value) for c in header]
    return [
        RowIssue(1, expected, "BAD_HEADER", f"第{index + 1}列表头应为“{expected}”")
        for index, expected in enumerate(HEADERS)
        if (names[index] if index < len(names) else "") != expected
    ]


def _read_row(number: int, cells: Sequence[Any], issues: list[RowIssue]) -> Row:
    values: Row = {}
    for index, column in enumerate(HEADERS):
        cell = cells[index] if index < len(cells) else None
        if cell is not None and getattr(cell, "data_type", None) == "f":
            issues.append(RowIssue(number, column, "FORMULA", "单元格不能包含公式"))
            values[column] = ""
        else:
            values[column] = restore(_text(cell.value if cell is not None else None))
    return values


def read_rows(data: bytes) -> list[tuple[int, Row]]:
    """(row number, {header: text}) for every non-empty data row; raises ImportRejected."""
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ImportRejected(
            [RowIssue(0, "", "INVALID_FILE", "不是有效的 Excel（.xlsx）文件")]
        ) from None
    try:
        rows: Iterator[tuple[Any, ...]] = book.worksheets[0].iter_rows()
        issues = _header_issues(next(rows, ()))
        if issues:
            raise ImportRejected(issues)
        result: list[tuple[int, Row]] = []
        for number, cells in enumerate(rows, start=2):
            values = _read_row(number, cells, issues)
            if any(values.values()):
                result.append((number, values))
        if len(result) > MAX_ROWS:
            issues.append(RowIssue(0, "", "TOO_MANY_ROWS", f"单个文件不得超过 {MAX_ROWS} 行"))
        if issues:
            raise ImportRejected(issues)
        return result
    finally:
        book.close()


# --- checking every row before writing ----------------------------------------


@dataclass
class _Lookups:
    """Everything the rows refer to, loaded in a handful of statements and kept current
    while rows are applied (so an unchanged row costs no SQL)."""

    departments: dict[str, Department]
    matters: dict[str, Matter]
    documents: dict[str, Any]
    linkages: dict[tuple[int, int], Linkage]
    sections: dict[tuple[int, str], Section]
    people: dict[tuple[int, str], Person]
    editor: Editor | None = None
    reconfirmed: set[int] = field(default_factory=set)

    def linkage_of(self, approval_code: str, supervision_code: str) -> Linkage | None:
        approval = self.matters.get(approval_code)
        supervision = self.matters.get(supervision_code)
        if approval is None or supervision is None:
            return None
        return self.linkages.get((approval.id or 0, supervision.id or 0))


async def _lookups(session: AsyncSession, rows: Sequence[tuple[int, Row]]) -> _Lookups:
    names = {r[c] for _, r in rows for c in ("审批部门", "监管部门") if r[c]}
    codes = {r[c] for _, r in rows for c in ("审批事项编码", "监管事项编码") if r[c]}
    numbers = {r["依据文件编号"] for _, r in rows if r["依据文件编号"]}
    departments = await services.departments_by_names(session=session, names=sorted(names))
    department_ids = sorted(d.id for d in departments.values() if d.id is not None)
    matters = await services.matters_by_codes(session=session, codes=sorted(codes))
    matter_ids = sorted(m.id for m in matters.values() if m.id is not None)
    existing = (
        await session.exec(select(Linkage).where(col(Linkage.approval_matter_id).in_(matter_ids)))
    ).all()
    sections = (
        await session.exec(select(Section).where(col(Section.department_id).in_(department_ids)))
    ).all()
    people = (
        await session.exec(select(Person).where(col(Person.department_id).in_(department_ids)))
    ).all()
    return _Lookups(
        departments=departments,
        matters=matters,
        documents=await linkages.basis_documents_by_numbers(
            session=session, numbers=sorted(numbers)
        ),
        linkages={(x.approval_matter_id, x.supervision_matter_id): x for x in existing},
        sections={(x.department_id, x.name): x for x in sections},
        people={(x.section_id, x.name): x for x in people},
    )


def _check_row(  # noqa: C901, PLR0912 - one flat list of independent checks reads best
    number: int,
    row: Row,
    found: _Lookups,
    scope: Scope | None,
    seen_pairs: dict[tuple[str, str], int],
    seen_matters: dict[str, tuple[str, str, int]],
) -> list[RowIssue]:
    issues = [
        RowIssue(number, column, "REQUIRED", "必填")
        for column in HEADERS
        if column not in OPTIONAL and not row[column]
    ]
    for side in ("审批", "监管"):
        column = f"{side}部门"
        name = row[column]
        if name and name not in found.departments:
            issues.append(RowIssue(number, column, "NOT_FOUND", f"部门“{name}”不存在"))
        for phone_field, code, message in services.phone_problem(
            row[f"{side}办公电话"], row[f"{side}手机"]
        ):
            column = f"{side}办公电话" if phone_field == "officePhone" else f"{side}手机"
            issues.append(RowIssue(number, column, code, message))
    approving = found.departments.get(row["审批部门"])
    supervising = found.departments.get(row["监管部门"])
    existing = found.linkage_of(row["审批事项编码"], row["监管事项编码"])
    owner = existing.approving_department_id if existing else None
    if approving and scope is not None and not scope.covers_department(approving.id):
        issues.append(
            RowIssue(number, "审批部门", "NOT_APPROVING_DEPARTMENT", "只能导入本部门审批的联动事项")
        )
    elif owner is not None and scope is not None and not scope.covers_department(owner):
        issues.append(
            RowIssue(number, "审批部门", "OWNED_ELSEWHERE", "该联动事项由其他审批部门维护")
        )
    for side, kind in (("审批", MatterKind.APPROVAL), ("监管", MatterKind.SUPERVISION)):
        code_column, name_column = f"{side}事项编码", f"{side}事项名称"
        code, name = row[code_column], row[name_column]
        if not code:
            continue
        matter = found.matters.get(code)
        if matter is not None and matter.kind != kind:
            issues.append(RowIssue(number, code_column, "WRONG_KIND", f"编码{code}不是{side}事项"))
        elif matter is not None and matter.status == MatterStatus.REPEALED:
            issues.append(RowIssue(number, code_column, "REPEALED", "已废止的事项不能联动"))
        earlier = seen_matters.get(code)
        if earlier is not None and (earlier[0], earlier[1]) != (kind, name):
            issues.append(
                RowIssue(
                    number, name_column, "INCONSISTENT", f"与第{earlier[2]}行同一编码的事项不一致"
                )
            )
        elif earlier is None:
            seen_matters[code] = (kind, name, number)
    unknown = [p for p in principle_names(row["联动原则"]) if p not in PRINCIPLES]
    if unknown:
        issues.append(
            RowIssue(
                number,
                "联动原则",
                "INVALID_CHOICE",
                f"“{unknown[0]}”不是联动原则：应为“谁审批谁负责”“谁主管谁监管”之一或多项（以顿号分隔）",
            )
        )
    basis = row["依据文件编号"]
    if basis and basis not in found.documents:
        issues.append(RowIssue(number, "依据文件编号", "NOT_FOUND", "依据文件不存在，请先上传"))
    if (
        not basis
        and approving
        and supervising
        and linkages.needs_basis_document(approving, supervising)
    ):
        issues.append(
            RowIssue(
                number,
                "依据文件编号",
                "BASIS_DOCUMENT_REQUIRED",
                "审批与监管分属不同部门或层级，须填写依据文件编号",
            )
        )
    pair = (row["审批事项编码"], row["监管事项编码"])
    if all(pair):
        if pair in seen_pairs:
            issues.append(
                RowIssue(number, "监管事项编码", "DUPLICATE", f"与第{seen_pairs[pair]}行重复")
            )
        else:
            seen_pairs[pair] = number
    return issues


# --- writing ----------------------------------------


async def _matter(
    session: AsyncSession,
    found: _Lookups,
    code: str,
    name: str,
    kind: MatterKind,
    department_id: int,
) -> tuple[Matter, bool]:
    existing = found.matters.get(code)
    if existing is None:
        created = await services.create_matter(
            session=session,
            editor=found.editor,
            data=MatterCreate(code=code, name=name, kind=kind, department_id=department_id),
        )
        found.matters[code] = created
        return created, True
    if existing.name == name:
        return existing, False
    updated = await services.update_matter(
        session=session,
        editor=found.editor,
        matter_id=existing.id or 0,
        data=MatterUpdate(name=name),
    )
    return updated, True


async def _section(
    session: AsyncSession, found: _Lookups, department_id: int, name: str
) -> tuple[Section, bool]:
    existing = found.sections.get((department_id, name))
    if existing is not None:
        return existing, False
    created = await services.create_section(
        session=session,
        editor=found.editor,
        data=SectionCreate(department_id=department_id, name=name),
    )
    found.sections[department_id, name] = created
    return created, True


async def _person(
    session: AsyncSession,
    found: _Lookups,
    section: Section,
    name: str,
    office_phone: str,
    mobile: str,
) -> tuple[Person, bool]:
    assert section.id is not None  # noqa: S101 - flushed rows have ids
    existing = found.people.get((section.id, name))
    if existing is None:
        created = await services.create_person(
            session=session,
            editor=found.editor,
            data=PersonCreate(
                section_id=section.id,
                name=name,
                office_phone=office_phone,
                mobile=mobile,
                role="责任人",
            ),
        )
        found.people[section.id, name] = created
        return created, True
    if services.normalised_phones(office_phone, mobile) == (existing.office_phone, existing.mobile):
        return existing, False  # unchanged rows cost no SQL
    naming = await linkages.linkages_naming(session=session, person_id=existing.id or 0)
    before = await linkages.snapshots(session=session, rows=naming)
    changed = await services.update_person_phones(
        session=session,
        person=existing,
        office_phone=office_phone,
        mobile=mobile,
        editor=found.editor,
    )
    if changed:
        # A change to the person is a change to every linkage naming them.
        found.reconfirmed.update(
            await linkages.ask_supervising_side_again(
                session=session, rows=naming, before=before, editor=found.editor
            )
        )
    return existing, changed


async def _apply_row(session: AsyncSession, row: Row, found: _Lookups, scope: Scope | None) -> str:
    """Upsert one row; returns "created", "updated" or "unchanged"."""
    approving = found.departments[row["审批部门"]]
    supervising = found.departments[row["监管部门"]]
    assert approving.id is not None  # noqa: S101 - loaded rows have ids
    assert supervising.id is not None  # noqa: S101
    approval, c1 = await _matter(
        session, found, row["审批事项编码"], row["审批事项名称"], MatterKind.APPROVAL, approving.id
    )
    supervision, c2 = await _matter(
        session,
        found,
        row["监管事项编码"],
        row["监管事项名称"],
        MatterKind.SUPERVISION,
        supervising.id,
    )
    a_section, c3 = await _section(session, found, approving.id, row["审批科室"])
    a_person, c4 = await _person(
        session, found, a_section, row["审批责任人"], row["审批办公电话"], row["审批手机"]
    )
    s_section, c5 = await _section(session, found, supervising.id, row["监管科室"])
    s_person, c6 = await _person(
        session, found, s_section, row["监管责任人"], row["监管办公电话"], row["监管手机"]
    )
    basis = found.documents.get(row["依据文件编号"]) if row["依据文件编号"] else None
    existing = found.linkages.get((approval.id or 0, supervision.id or 0))
    rules = (
        SharingRules.model_validate(existing, from_attributes=True) if existing else SharingRules()
    )
    data = LinkageCreate(
        **rules.model_dump(),
        approval_matter_id=approval.id or 0,
        supervision_matter_id=supervision.id or 0,
        approving_department_id=approving.id,
        approving_section_id=a_section.id or 0,
        approving_person_id=a_person.id or 0,
        supervising_department_id=supervising.id,
        supervising_section_id=s_section.id or 0,
        supervising_person_id=s_person.id or 0,
        principles=linkages.ordered_principles(
            [PRINCIPLES[p] for p in principle_names(row["联动原则"])]
        ),
        basis_document_id=basis.id if basis else None,
    )
    if existing is None:
        created = await linkages.create_linkage(
            session=session, data=data, scope=scope, editor=found.editor
        )
        found.linkages[data.approval_matter_id, data.supervision_matter_id] = created
        return "created"
    # With the caller's scope: a department cannot take over another's linkage by import.
    _, changed = await linkages.update_linkage(
        session=session, linkage_id=existing.id or 0, data=data, scope=scope, editor=found.editor
    )
    return "updated" if changed or any((c1, c2, c3, c4, c5, c6)) else "unchanged"


async def import_workbook(
    *,
    session: AsyncSession,
    data: bytes,
    scope: Scope | None = None,
    editor: Editor | None = None,
) -> ImportSummary:
    """All or nothing: any bad row raises ImportRejected listing every bad cell.

    A row that changes a person's phones changes every linkage naming that person: each goes
    back to the supervising side and is listed in ``awaiting_confirmation``.
    """
    rows = read_rows(data)
    if not rows:
        raise ImportRejected([RowIssue(0, "", "EMPTY", "文件中没有数据行")])
    found = await _lookups(session, rows)
    found.editor = editor
    issues: list[RowIssue] = []
    seen_pairs: dict[tuple[str, str], int] = {}
    seen_matters: dict[str, tuple[str, str, int]] = {}
    for number, row in rows:
        issues += _check_row(number, row, found, scope, seen_pairs, seen_matters)
    if issues:
        raise ImportRejected(issues)
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    savepoint = await session.begin_nested()
    current = 0
    try:
        for number, row in rows:
            current = number
            counts[await _apply_row(session, row, found, scope)] += 1
    except ValidationFailed as exc:
        # A rule the row checks did not foresee: undo every row, report this one.
        await savepoint.rollback()
        raise ImportRejected(
            [RowIssue(current, i.field, i.code, i.message) for i in exc.issues]
        ) from None
    await savepoint.commit()
    return ImportSummary(**counts, awaiting_confirmation=sorted(found.reconfirmed))


# --- export ----------------------------------------


def _side_cells(matter: Matter, side: Side) -> list[str]:
    """One side's seven columns: its matter, department, section and responsible person."""
    person = side.person
    return [
        matter.code,
        matter.name,
        side.department.name,
        side.section.name,
        person.name,
        person.office_phone,
        person.mobile,
    ]


async def export_rows(*, session: AsyncSession, scope: Scope | None) -> list[list[str]]:
    rows = await linkages.all_linkages(session=session, scope=scope)
    return [
        [
            *_side_cells(view.approval_matter, view.approving),
            *_side_cells(view.supervision_matter, view.supervising),
            principles_cell(view.linkage.principles),
            view.basis_document.number if view.basis_document else "",
        ]
        for view in await views_of(session=session, linkages=rows)
    ]


def write_workbook(rows: Sequence[Sequence[str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook has one sheet
    sheet.title = SHEET_TITLE
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([neutralise(v) for v in row])
    for index, _ in enumerate(HEADERS):
        sheet.column_dimensions[get_column_letter(index + 1)].width = 18
    sheet.freeze_panes = "A2"
    return workbook_bytes(book)


async def export_workbook(*, session: AsyncSession, scope: Scope | None) -> bytes:
    return write_workbook(await export_rows(session=session, scope=scope))
