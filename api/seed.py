"""A deterministic data set at the scale of a prefecture-level city, for benchmarks.

`shenguan seed --scale city` fills an empty, migrated database. What the services decide
runs through the services: the linkage list is published by `publication.publish` and its
event delivered to approval's and supervision's replicas by the outbox handlers; the
benchmark accounts are made by `create_user` / `assign_role`. The bulk history (catalog
rows, applications with their legal documents, pushes and what supervision received of
them, findings and their feedback, subjects and credit records) is written the way those
services write it, but in bulk: PostgreSQL `COPY` (asyncpg `copy_records_to_table`), or
executemany in large batches on SQLite. Identifiers carry real check digits
(`api/core/identifiers.py`). The same seed and scale give the same rows.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlmodel import SQLModel, col

from api.approval.models import Application, LegalDocument, Push
from api.approval.models import Feedback as ApprovalFeedback
from api.catalog.models import (
    BasisDocument,
    Department,
    LiaisonAssignment,
    Linkage,
    Matter,
    Person,
    Section,
)
from api.catalog.services import publication
from api.core import events
from api.core.auth import create_user
from api.core.authz import assign_role
from api.core.db import is_sqlite, session_scope
from api.core.files import default_store
from api.core.identifiers import USCC_ALPHABET, make_uscc
from api.credit.models import CreditRecord, Subject
from api.registry import consumer_table
from api.supervision.models import Finding, ReceivedPush

BENCH_PASSWORD = "Bench@2026"  # noqa: S105 - benchmark accounts on a throw-away database
SEED_START = datetime(2022, 1, 3, 8, 30, tzinfo=UTC)
SEED_DAYS = 4 * 365 + 300  # until late 2026: several years of history


@dataclass(frozen=True)
class Scale:
    departments: int
    matters: int
    linkages: int
    applications: int
    pushes: int
    findings: int
    subjects: int
    credit_records: int


SCALES = {
    "small": Scale(8, 60, 40, 400, 800, 120, 300, 1_200),
    "medium": Scale(60, 3_000, 4_000, 50_000, 100_000, 15_000, 20_000, 80_000),
    "city": Scale(60, 3_000, 4_000, 500_000, 1_000_000, 150_000, 200_000, 800_000),
}

# Benchmark accounts (username, role, which department: see _accounts).
ACCOUNTS = [
    ("bench_coord", "coordination_office", "coordination"),
    ("bench_liaison", "supervision_liaison", "busiest_supervising"),
    ("bench_clerk", "approval_clerk", "first_approving"),
    ("bench_credit", "credit_officer", "coordination"),
    ("bench_admin", "system_admin", "coordination"),
]

_PLACES = ["资阳", "赫山", "南县", "桃江", "安化", "沅江", "大通湖", "高新", "龙岭", "银城"]
_TRADES = ["食品", "建材", "医药", "物流", "环保", "酒店", "餐饮", "建筑", "竹业", "茶业"]
_FORMS = ["有限公司", "有限责任公司", "股份有限公司", "合作社", "经营部"]
_APPROVALS = ["经营许可", "施工许可", "执业登记", "卫生许可", "生产许可", "排污许可", "备案"]
_SUPERVISIONS = ["监督检查", "抽查", "专项检查", "年度检查", "质量安全监管"]
_SUMMARIES = ["现场检查未发现问题", "台账记录不全，责令整改", "超范围经营，立案查处"]
_KINDS = ["INSPECTION", "SPOT_CHECK", "ADMINISTRATIVE_MEASURE", "ENFORCEMENT_RESULT"]
_RESULTS = ["NO_ABNORMALITY", "RECTIFICATION_ORDERED", "PENALIZED", "CASE_FILED"]
_CATEGORIES = ["LICENSING"] * 6 + ["PENALTY"] * 2 + ["COMMENDATION", "OTHER"]
_BATCH = 20_000


@dataclass
class SeedSummary:
    departments: int = 0
    matters: int = 0
    linkages: int = 0
    list_version: int = 0
    applications: int = 0
    legal_documents: int = 0
    pushes: int = 0
    findings: int = 0
    feedback: int = 0
    subjects: int = 0
    credit_records: int = 0
    users: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass(frozen=True)
class _Link:
    id: int
    supervising_department_id: int
    supervision_matter_id: int
    online: bool


def _at(day: float) -> datetime:
    return SEED_START + timedelta(days=day)


def _working_days_after(start: date, days: int) -> date:
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:  # noqa: PLR2004 - Monday..Friday
            days -= 1
    return current


def subject_code(index: int) -> str:
    """The USCC of seeded subject ``index`` (91 = enterprise, 430900 = Yiyang)."""
    digits = []
    for _ in range(9):
        index, rest = divmod(index, len(USCC_ALPHABET))
        digits.append(USCC_ALPHABET[rest])
    return make_uscc("91430900" + "".join(reversed(digits)))


def _table(model: type[SQLModel]) -> sa.Table:
    return model.__table__  # type: ignore[attr-defined, no-any-return]


class _Writer:
    """Bulk rows into one table: COPY on PostgreSQL, batched executemany on SQLite."""

    def __init__(self, conn: AsyncConnection, postgres: bool) -> None:
        self.conn = conn
        self.postgres = postgres

    async def write(self, model: type[SQLModel], rows: list[dict[str, Any]]) -> int:
        if not rows:
            return 0
        table = _table(model)
        if not self.postgres:
            for start in range(0, len(rows), _BATCH):
                await self.conn.execute(table.insert(), rows[start : start + _BATCH])
            return len(rows)
        columns = list(rows[0])
        json_columns = {c for c in columns if isinstance(table.c[c].type, sa.JSON)}
        records = [
            tuple(
                json.dumps(row[c], ensure_ascii=False) if c in json_columns else row[c]
                for c in columns
            )
            for row in rows
        ]
        raw = await self.conn.get_raw_connection()
        await raw.driver_connection.copy_records_to_table(  # type: ignore[union-attr]
            table.name, records=records, columns=columns
        )
        return len(rows)


class _Catalog:
    """Departments, sections, people, liaisons, matters, basis documents and linkages."""

    def __init__(self, scale: Scale, rng: random.Random) -> None:
        self.scale = scale
        self.rng = rng
        count = scale.departments
        self.coordination = 1
        self.approving = list(range(2, 2 + max(1, count // 6)))
        self.supervising = list(range(self.approving[-1] + 1, count + 1))
        if not self.supervising:
            raise ValueError("at least 3 departments are needed")
        self.approval_matters: list[int] = []
        self.supervision_matters: list[int] = []
        self.matter_dept: dict[int, int] = {}
        self.matter_code: dict[int, str] = {}
        self.matter_name: dict[int, str] = {}
        self.links_of: dict[int, list[_Link]] = {}

    def departments(self) -> list[dict[str, Any]]:
        rows = []
        for dept in range(1, self.scale.departments + 1):
            if dept == self.coordination:
                name, short = "益阳市审管联动协调小组办公室", "市协调办"
            elif dept in self.approving:
                place = _PLACES[(dept - 2) % len(_PLACES)]
                suffix = "" if dept == self.approving[0] else f"（{dept}）"
                name, short = f"益阳市{place}行政审批服务局{suffix}", f"{place}审批局{dept}"
            else:
                trade = _TRADES[dept % len(_TRADES)]
                name, short = f"益阳市第{dept}{trade}监管局", f"{trade}监管{dept}"
            rows.append(
                {
                    "id": dept,
                    "name": name,
                    "short_name": short,
                    "level": "CITY" if dept <= len(self.approving) + 1 else "COUNTY",
                    "credit_code": make_uscc(f"11430900{dept:09d}"),
                    "parent_id": None,
                    "created_at": SEED_START,
                }
            )
        return rows

    def people(self) -> tuple[list[dict[str, Any]], ...]:
        sections, people, liaisons = [], [], []
        for dept in range(1, self.scale.departments + 1):
            sections.append({"id": dept, "department_id": dept, "name": "审管联动工作科"})
            for offset, (name, role) in enumerate((("责任人", "责任人"), ("联络员", "联络员"))):
                people.append(
                    {
                        "id": 2 * dept - 1 + offset,
                        "section_id": dept,
                        "department_id": dept,
                        "name": f"{name}{dept:02d}",
                        "office_phone": f"0737-42{dept:03d}{offset:02d}",
                        "mobile": f"138073{dept:03d}{offset:02d}",
                        "role": role,
                    }
                )
            for offset, kind in enumerate(("PUSH", "RECEIVE")):
                liaisons.append(
                    {
                        "id": 2 * dept - 1 + offset,
                        "department_id": dept,
                        "kind": kind,
                        "person_id": 2 * dept,
                        "since": SEED_START.date(),
                        "until": None,
                        "recorded_by": "seed",
                        "recorded_at": SEED_START,
                    }
                )
        return sections, people, liaisons

    def matters(self) -> list[dict[str, Any]]:
        rows = []
        approval_count = self.scale.matters // 2
        for index in range(self.scale.matters):
            matter = index + 1
            approval = index < approval_count
            if approval:
                dept = self.approving[index % len(self.approving)]
                code = f"430900-XK-{index:05d}"
                name = f"{_TRADES[index % 10]}{_APPROVALS[index % 7]}（{index}）"
                self.approval_matters.append(matter)
            else:
                dept = self.supervising[index % len(self.supervising)]
                code = f"430900-JG-{index:05d}"
                name = f"{_TRADES[index % 10]}{_SUPERVISIONS[index % 5]}（{index}）"
                self.supervision_matters.append(matter)
            self.matter_dept[matter] = dept
            self.matter_code[matter] = code
            self.matter_name[matter] = name
            rows.append(
                {
                    "id": matter,
                    "code": code,
                    "name": name,
                    "kind": "APPROVAL" if approval else "SUPERVISION",
                    "department_id": dept,
                    "legal_basis": "《中华人民共和国行政许可法》",
                    "approval_category": "LICENSING" if approval else None,
                    "status": "IN_FORCE",
                    "created_at": SEED_START,
                    "updated_at": None,
                }
            )
        return rows

    def linkages(self, file: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        documents: dict[tuple[int, int], int] = {}
        document_rows: list[dict[str, Any]] = []
        rows: list[dict[str, Any]] = []
        approvals, supervisions = self.approval_matters, self.supervision_matters
        pairs: set[tuple[int, int]] = set()
        index = 0
        while len(rows) < self.scale.linkages:
            a = approvals[index % len(approvals)]
            s = supervisions[(index * 7 + (index // len(approvals)) * 131) % len(supervisions)]
            index += 1
            if (a, s) in pairs:
                if index > self.scale.linkages * 10:
                    raise ValueError("too many linkages for the number of matters")
                continue
            pairs.add((a, s))
            a_dept, s_dept = self.matter_dept[a], self.matter_dept[s]
            if (a_dept, s_dept) not in documents:
                documents[(a_dept, s_dept)] = len(documents) + 1
                document_rows.append(
                    {
                        "id": len(documents),
                        "kind": "MEMORANDUM",
                        "number": f"益审管联〔2022〕{len(documents)}号",
                        "signed_on": SEED_START.date(),
                        "parties": f"部门{a_dept}、部门{s_dept}",
                        "file_sha256": file.sha256,
                        "file_name": "备忘录.pdf",
                        "content_type": file.content_type,
                        "size": file.size,
                        "uploaded_by_department_id": a_dept,
                        "created_at": SEED_START,
                    }
                )
            linkage = len(rows) + 1
            online = self.rng.random() < 0.9  # noqa: PLR2004
            rows.append(
                {
                    "id": linkage,
                    "data_scope": "审批结果信息：事项名称、法律文书、行政相对人及联系方式",
                    "channel": "ONLINE" if online else "OWN_SYSTEM",
                    "procedure": "推送即认领，认领后按时限反馈",
                    "claim_days": 1,
                    "feedback_days": 5 if linkage % 2 else 10,
                    "frequency": "实时",
                    "confidentiality": "INTERNAL",
                    "approval_matter_id": a,
                    "supervision_matter_id": s,
                    "approving_department_id": a_dept,
                    "approving_section_id": a_dept,
                    "approving_person_id": 2 * a_dept - 1,
                    "supervising_department_id": s_dept,
                    "supervising_section_id": s_dept,
                    "supervising_person_id": 2 * s_dept - 1,
                    "principles": ["WHO_GOVERNS"],
                    "basis_document_id": documents[(a_dept, s_dept)],
                    "approval_confirmed_at": SEED_START,
                    "supervision_confirmed_at": SEED_START,
                    "created_at": SEED_START,
                    "updated_at": None,
                }
            )
            self.links_of.setdefault(a, []).append(_Link(linkage, s_dept, s, online))
        return document_rows, rows


def _subjects(scale: Scale, rng: random.Random) -> Iterable[tuple[list[dict[str, Any]], ...]]:
    """Subjects and their credit records, in batches."""
    record_id = 0
    subjects: list[dict[str, Any]] = []
    records: list[dict[str, Any]] = []
    for index in range(scale.subjects):
        code = subject_code(index)
        name = f"益阳{_PLACES[index % 10]}{_TRADES[(index // 10) % 10]}{index}{_FORMS[index % 5]}"
        subjects.append(
            {
                "credit_code": code,
                "name": name,
                "kind": "LEGAL_PERSON",
                "id_number_hash": None,
                "id_number_masked": None,
                "id_number_encrypted": None,
                "created_at": SEED_START,
            }
        )
        target = (index + 1) * scale.credit_records // scale.subjects
        while record_id < target:
            record_id += 1
            category = _CATEGORIES[rng.randrange(len(_CATEGORIES))]
            decided = _at(rng.uniform(0, SEED_DAYS))
            penalty = category == "PENALTY"
            records.append(
                {
                    "id": record_id,
                    "subject_code": code,
                    "category": category,
                    "title": f"{name}{'行政处罚' if penalty else '行政许可'}（{record_id}）",
                    "source": "益阳市行政审批服务局",
                    "decided_on": decided.date(),
                    "valid_until": (decided + timedelta(days=1095)).date() if penalty else None,
                    "origin": "MANUAL",
                    "source_ref": None,
                    "source_department_id": None,
                    "status": "ACTIVE",
                    "created_at": decided,
                    "updated_at": decided,
                }
            )
        if len(subjects) >= _BATCH:
            yield subjects, records
            subjects, records = [], []
    yield subjects, records


@dataclass
class _Loop:
    """Applications and what follows them: documents, pushes, received pushes, findings."""

    scale: Scale
    catalog: _Catalog
    rng: random.Random
    list_version: int
    push_id: int = 0
    finding_id: int = 0
    carry: int = 0

    def batch(self, first: int, last: int) -> dict[type[SQLModel], list[dict[str, Any]]]:
        out: dict[type[SQLModel], list[dict[str, Any]]] = {
            Application: [],
            LegalDocument: [],
            Push: [],
            ReceivedPush: [],
            Finding: [],
            ApprovalFeedback: [],
        }
        scale, cat = self.scale, self.catalog
        finding_rate = min(1.0, scale.findings / max(1, scale.pushes * 0.45))
        for index in range(first, last):
            app_id = index + 1
            matter = cat.approval_matters[index % len(cat.approval_matters)]
            subject = (index * 7919) % scale.subjects
            code = subject_code(subject)
            name = f"益阳{_PLACES[subject % 10]}{_TRADES[(subject // 10) % 10]}{subject}"
            name += _FORMS[subject % 5]
            submitted = _at(index * SEED_DAYS / scale.applications)
            in_progress = index >= scale.applications * 0.98
            refused = not in_progress and index % 17 == 0
            status = "ACCEPTED" if in_progress else ("REFUSED" if refused else "APPROVED")
            accepted = submitted + timedelta(hours=2)
            completed = None if in_progress else submitted + timedelta(days=3)
            dept = cat.matter_dept[matter]
            out[Application].append(
                {
                    "id": app_id,
                    "matter_id": matter,
                    "applicant_kind": "LEGAL_PERSON",
                    "applicant_code": code,
                    "applicant_key": code,  # a legal person's subject key is its USCC
                    "applicant_name": name,
                    "applicant_contact": f"0737-{4200000 + index % 99999}",
                    "applicant_address": f"湖南省益阳市{_PLACES[subject % 10]}区",
                    "status": status,
                    "approving_department_id": dept,
                    "handling_mode": "NORMAL",
                    "submitted_at": submitted,
                    "submitted_by": "bench_clerk",
                    "accepted_at": accepted,
                    "accepted_by": "bench_clerk",
                    "completed_at": completed,
                    "completed_by": None if completed is None else "bench_clerk",
                    "refusal_reason": "申请材料不符合法定形式" if refused else None,
                    "credit_level": "NORMAL",
                    "credit_joint_punished": False,
                    "credit_lookup_id": None,
                    "list_version": self.list_version,
                    "source_system": None,
                    "external_id": None,
                }
            )
            documents = []
            if completed is not None:
                kind = "REFUSAL_DECISION" if refused else "LICENCE"
                doc: dict[str, Any] = {
                    "kind": kind,
                    "number": f"益审许〔{completed.year}〕{app_id}号",
                    "valid_from": completed.date() if not refused else None,
                    "valid_until": None,
                }
                valid_from = doc["valid_from"]
                documents.append({**doc, "valid_from": valid_from and valid_from.isoformat()})
                out[LegalDocument].append(
                    {
                        "id": app_id,
                        "application_id": app_id,
                        **doc,
                        "file_name": "",
                        "file_url": "",
                        "created_at": completed,
                    }
                )
            application = {
                "id": app_id,
                "code": code,
                "name": name,
                "status": status,
                "dept": dept,
                "accepted": accepted,
                "completed": completed,
                "documents": documents,
                "matter": matter,
            }
            quota = (index + 1) * scale.pushes // scale.applications
            quota -= index * scale.pushes // scale.applications
            self.carry += quota
            self._pushes(application, out, in_progress=in_progress, finding_rate=finding_rate)
        return out

    def _pushes(
        self,
        app: dict[str, Any],
        out: dict[type[SQLModel], list[dict[str, Any]]],
        *,
        in_progress: bool,
        finding_rate: float,
    ) -> None:
        cat = self.catalog
        seen: set[int] = set()
        candidates = []
        for link in cat.links_of.get(app["matter"], []):
            if link.supervising_department_id in seen:
                continue
            seen.add(link.supervising_department_id)
            candidates.append(("ACCEPTED", link))
            if app["completed"] is not None:
                candidates.append(("COMPLETED", link))
        for stage, link in candidates:
            if self.carry <= 0:
                return
            self.carry -= 1
            self.push_id += 1
            completed = stage == "COMPLETED"
            pushed_at = app["completed"] if completed else app["accepted"]
            needs_feedback = completed and app["status"] == "APPROVED"
            finding = (
                needs_feedback
                and self.finding_id < self.scale.findings
                and self.rng.random() < finding_rate
            )
            abnormal = finding and self.rng.random() < 0.2  # noqa: PLR2004
            recent = in_progress or pushed_at > _at(SEED_DAYS - 20)
            if not needs_feedback:
                feedback = "NOT_REQUIRED"
            elif abnormal:
                feedback = "ABNORMAL_REPORTED"
            elif recent and not finding:
                feedback = "OPEN"
            else:
                feedback = "NO_ABNORMALITY"
            closed = feedback in {"ABNORMAL_REPORTED", "NO_ABNORMALITY"}
            claimed = link.online or not recent
            claimed_by = ("推送即认领" if link.online else "seed") if claimed else None
            method = ("ONLINE" if link.online else "LETTER") if claimed else None
            out[Push].append(
                {
                    "id": self.push_id,
                    "application_id": app["id"],
                    "stage": stage,
                    "department_id": link.supervising_department_id,
                    "from_department_id": app["dept"],
                    "linkage_id": link.id,
                    "list_version": self.list_version,
                    "supervision_matter_id": link.supervision_matter_id,
                    "channel": "ONLINE" if link.online else "OWN_SYSTEM",
                    "state": "CLAIMED" if claimed else "AWAITING_CLAIM",
                    "content": {
                        "matter_name": cat.matter_name[app["matter"]],
                        "matter_code": cat.matter_code[app["matter"]],
                        "applicant_name": app["name"],
                        "applicant_contact": "",
                        "applicant_address": "",
                        "status": app["status"] if completed else "ACCEPTED",
                        "legal_documents": app["documents"] if completed else [],
                    },
                    "receive_liaison_name": f"联络员{link.supervising_department_id:02d}",
                    "receive_liaison_mobile": f"138073{link.supervising_department_id:03d}01",
                    "pushed_at": pushed_at,
                    "claim_due": _working_days_after(pushed_at.date(), 1),
                    "claimed_at": pushed_at if claimed else None,
                    "claimed_by": claimed_by,
                    "claim_method": method,
                    "claim_note": "",
                    "feedback_state": feedback,
                    "feedback_due": (
                        _working_days_after(pushed_at.date(), 5) if needs_feedback else None
                    ),
                    "feedback_closed_at": pushed_at + timedelta(days=4) if closed else None,
                    "feedback_closed_by": f"liaison{link.supervising_department_id}"
                    if closed
                    else None,
                }
            )
            out[ReceivedPush].append(
                {
                    "id": self.push_id,
                    "push_id": self.push_id,
                    "application_id": app["id"],
                    "department_id": link.supervising_department_id,
                    "approving_department_id": app["dept"],
                    "applicant_code": app["code"],
                    "stage": stage,
                }
            )
            if finding:
                self._finding(app, link, pushed_at, abnormal=abnormal, out=out)

    def _finding(
        self,
        app: dict[str, Any],
        link: _Link,
        pushed_at: datetime,
        *,
        abnormal: bool,
        out: dict[type[SQLModel], list[dict[str, Any]]],
    ) -> None:
        self.finding_id += 1
        kind = _KINDS[self.finding_id % len(_KINDS)]
        result = _RESULTS[1 + self.finding_id % 3] if abnormal else "NO_ABNORMALITY"
        summary = _SUMMARIES[1 + self.finding_id % 2] if abnormal else _SUMMARIES[0]
        found_on = (pushed_at + timedelta(days=4)).date()
        out[Finding].append(
            {
                "id": self.finding_id,
                "application_id": app["id"],
                "subject_code": app["code"],
                "department_id": link.supervising_department_id,
                "kind": kind,
                "abnormal": abnormal,
                "result_type": result,
                "measures": "责令限期整改" if abnormal else "",
                "document_number": (
                    f"益监罚〔2026〕{self.finding_id}号" if result == "PENALIZED" else ""
                ),
                "summary": summary,
                "found_on": found_on,
                "approving_department_id": app["dept"],
                "recorded_by": f"liaison{link.supervising_department_id}",
                "created_at": pushed_at + timedelta(days=4),
            }
        )
        out[ApprovalFeedback].append(
            {
                "id": self.finding_id,
                "finding_id": self.finding_id,
                "application_id": app["id"],
                "subject_code": app["code"],
                "from_department_id": link.supervising_department_id,
                "to_department_id": app["dept"],
                "kind": kind,
                "abnormal": abnormal,
                "result_type": result,
                "found_on": found_on,
                "summary": summary,
                "received_at": pushed_at + timedelta(days=4),
            }
        )

    def subject_findings(self, catalog: _Catalog) -> list[dict[str, Any]]:
        """Findings about subjects with no application, up to the configured number."""
        rows = []
        while self.finding_id < self.scale.findings:
            self.finding_id += 1
            dept = catalog.supervising[self.finding_id % len(catalog.supervising)]
            rows.append(
                {
                    "id": self.finding_id,
                    "application_id": None,
                    "subject_code": subject_code(self.finding_id % self.scale.subjects),
                    "department_id": dept,
                    "kind": "SPOT_CHECK",
                    "abnormal": False,
                    "result_type": "NO_ABNORMALITY",
                    "measures": "",
                    "document_number": "",
                    "summary": _SUMMARIES[0],
                    "found_on": _at(self.finding_id % SEED_DAYS).date(),
                    "approving_department_id": None,
                    "recorded_by": f"liaison{dept}",
                    "created_at": _at(self.finding_id % SEED_DAYS),
                }
            )
        return rows


_SEQUENCED: list[type[SQLModel]] = [
    Department,
    Section,
    Person,
    LiaisonAssignment,
    Matter,
    BasisDocument,
    Linkage,
    Application,
    LegalDocument,
    Push,
    ReceivedPush,
    Finding,
    ApprovalFeedback,
    CreditRecord,
]


async def _reset_sequences(conn: AsyncConnection) -> None:
    for model in _SEQUENCED:
        table = _table(model).name
        await conn.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608 - model names
                f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"
            )
        )


async def is_empty(engine: AsyncEngine) -> bool:
    async with engine.connect() as conn:
        count = (await conn.execute(sa.select(sa.func.count()).select_from(Department))).scalar()
    return not count


async def _publish(engine: AsyncEngine) -> int:
    """Publish the list through catalog and deliver the event to the replicas."""
    async with session_scope(engine) as session:
        version = await publication.publish(
            session=session, published_by="bench_coord", summary="基准数据首次发布"
        )
    while await events.dispatch_pending(engine, consumer_table(), limit=100):
        pass
    return version.number


async def _accounts(engine: AsyncEngine, catalog: _Catalog) -> int:
    async with engine.connect() as conn:
        busiest = (
            await conn.execute(
                sa.select(col(Push.department_id))
                .group_by(col(Push.department_id))
                .order_by(sa.func.count().desc(), col(Push.department_id))
                .limit(1)
            )
        ).scalar()
    where = {
        "coordination": catalog.coordination,
        "busiest_supervising": busiest or catalog.supervising[0],
        "first_approving": catalog.approving[0],
    }
    async with session_scope(engine) as session:
        for username, role, dept in ACCOUNTS:
            await create_user(
                session=session, username=username, display_name=username, password=BENCH_PASSWORD
            )
            await assign_role(
                session=session, username=username, role=role, department_id=str(where[dept])
            )
    return len(ACCOUNTS)


async def _load_catalog(
    engine: AsyncEngine, catalog: _Catalog, summary: SeedSummary, *, postgres: bool
) -> None:
    from api.demo import memo_pdf  # noqa: PLC0415 - reportlab only when seeding

    file = await default_store().put(
        memo_pdf("审管联动工作备忘录", ["基准数据"]), "application/pdf"
    )
    async with engine.begin() as conn:
        writer = _Writer(conn, postgres)
        summary.departments = await writer.write(Department, catalog.departments())
        sections, people, liaisons = catalog.people()
        await writer.write(Section, sections)
        await writer.write(Person, people)
        await writer.write(LiaisonAssignment, liaisons)
        summary.matters = await writer.write(Matter, catalog.matters())
        documents, linkages = catalog.linkages(file)
        await writer.write(BasisDocument, documents)
        summary.linkages = await writer.write(Linkage, linkages)
        if postgres:
            await _reset_sequences(conn)


async def _load_history(
    engine: AsyncEngine,
    loop: _Loop,
    summary: SeedSummary,
    *,
    postgres: bool,
    say: Callable[[str], None],
) -> None:
    total = loop.scale.applications
    chunk = 5_000
    for first in range(0, total, chunk):
        last = min(total, first + chunk)
        async with engine.begin() as conn:
            writer = _Writer(conn, postgres)
            rows = loop.batch(first, last)
            summary.applications += await writer.write(Application, rows[Application])
            summary.legal_documents += await writer.write(LegalDocument, rows[LegalDocument])
            summary.pushes += await writer.write(Push, rows[Push])
            await writer.write(ReceivedPush, rows[ReceivedPush])
            summary.findings += await writer.write(Finding, rows[Finding])
            summary.feedback += await writer.write(ApprovalFeedback, rows[ApprovalFeedback])
        if last % 50_000 == 0 or last == total:
            say(f"applications: {last:,} of {total:,}; pushes {summary.pushes:,}")
    async with engine.begin() as conn:
        writer = _Writer(conn, postgres)
        summary.findings += await writer.write(Finding, loop.subject_findings(loop.catalog))
        if postgres:
            await _reset_sequences(conn)
    if postgres:
        # What autovacuum would do after a bulk load, at once: planner statistics, and the
        # visibility map that lets count(*) of a department's pushes be an index-only scan.
        async with engine.connect() as conn:
            auto = await conn.execution_options(isolation_level="AUTOCOMMIT")
            for model in [*_SEQUENCED, cast("type[SQLModel]", Subject)]:
                await auto.execute(sa.text(f"VACUUM (ANALYZE) {_table(model).name}"))


async def seed(
    engine: AsyncEngine,
    scale: Scale,
    *,
    random_seed: int = 2026,
    progress: Callable[[str], None] | None = None,
) -> SeedSummary:
    """Fill an empty, migrated database; returns the counts written."""
    if not await is_empty(engine):
        raise ValueError("数据库非空：请在新建并迁移后的空库上生成基准数据")
    say = progress or (lambda _message: None)
    rng = random.Random(random_seed)  # noqa: S311 - deterministic test data, not secrets
    postgres = not is_sqlite(engine.url.render_as_string(hide_password=False))
    summary = SeedSummary()
    catalog = _Catalog(scale, rng)
    await _load_catalog(engine, catalog, summary, postgres=postgres)
    say(f"catalog: {summary.departments} departments, {summary.linkages} linkages")
    summary.list_version = await _publish(engine)
    say(f"published list version {summary.list_version}; replicas filled")

    async with engine.begin() as conn:
        writer = _Writer(conn, postgres)
        for subjects, records in _subjects(scale, rng):
            summary.subjects += await writer.write(Subject, subjects)
            summary.credit_records += await writer.write(CreditRecord, records)
    say(f"credit: {summary.subjects} subjects, {summary.credit_records} records")

    loop = _Loop(scale, catalog, rng, summary.list_version)
    await _load_history(engine, loop, summary, postgres=postgres, say=say)
    summary.users = await _accounts(engine, catalog)
    say(f"accounts: {', '.join(name for name, *_ in ACCOUNTS)} (password {BENCH_PASSWORD})")
    return summary


def scale_named(name: str, **overrides: int | None) -> Scale:
    scale = SCALES[name]
    return replace(scale, **{k: v for k, v in overrides.items() if v is not None})
