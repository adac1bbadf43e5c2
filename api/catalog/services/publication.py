"""Publication: freeze the agreed linkages as a numbered, dated, public version.

A version stores the entries (office phones, never mobiles; the sharing rules are kept for
the event, but only ``PUBLIC_SHARING_FIELDS`` leave through the public list), a required
summary, the publisher's name and department, the diff against the previous version
(linkage ids added / changed / removed), and emits ``catalog.linkage_list.published`` in the
same transaction (payload in docs/EVENTS.md).

What goes into version N+1:
- every linkage both sides confirmed, unless it is marked for removal;
- every linkage of version N with an edit still awaiting the supervising side, with the
  values of version N (a pending edit never drops a published entry);
- nothing marked for removal: it appears in the diff as removed, earlier versions keep it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.catalog.models import (
    Department,
    LiaisonAssignment,
    LiaisonKind,
    Linkage,
    ListVersion,
    Person,
)
from api.catalog.services import liaison_events, linkages
from api.catalog.services.bundle import LinkageView, views_of
from api.core import events
from api.core.clock import local_today
from api.core.errors import ValidationFailed
from api.core.models import User

MAX_SUMMARY = 200
# Sharing-rule fields marked public: shown in the public list. Data scope, procedure and
# confidentiality class are internal (kept in the version for the event, never published).
PUBLIC_SHARING_FIELDS = ("channel", "claim_days", "feedback_days", "frequency")
# The fields of an entry a diff compares (public fields only; ids are not compared).
DIFF_FIELDS = (
    "approval_matter_code",
    "approval_matter_name",
    "approving_department_name",
    "approving_section_name",
    "approving_person_name",
    "approving_office_phone",
    "supervision_matter_code",
    "supervision_matter_name",
    "supervising_department_name",
    "supervising_section_name",
    "supervising_person_name",
    "supervising_office_phone",
    "principles",
    "cross_department",
    "cross_level",
    "basis_document_kind",
    "basis_document_number",
    *PUBLIC_SHARING_FIELDS,
)

TOPIC = "catalog.linkage_list.published"


def public_entry(view: LinkageView) -> dict[str, Any]:
    """The public face of one linkage; the snapshot stored in a version."""
    x = view.linkage
    doc = view.basis_document
    return {
        "linkage_id": x.id,
        "approval_matter_id": view.approval_matter.id,
        "approval_matter_code": view.approval_matter.code,
        "approval_matter_name": view.approval_matter.name,
        "approval_category": view.approval_matter.approval_category,
        "approving_department_id": view.approving.department.id,
        "approving_department_name": view.approving.department.name,
        "approving_section_name": view.approving.section.name,
        "approving_person_name": view.approving.person.name,
        "approving_office_phone": view.approving.person.office_phone,
        "supervision_matter_id": view.supervision_matter.id,
        "supervision_matter_code": view.supervision_matter.code,
        "supervision_matter_name": view.supervision_matter.name,
        "supervising_department_id": view.supervising.department.id,
        "supervising_department_name": view.supervising.department.name,
        "supervising_section_name": view.supervising.section.name,
        "supervising_person_name": view.supervising.person.name,
        "supervising_office_phone": view.supervising.person.office_phone,
        "principles": [p.value for p in linkages.ordered_principles(x.principles)],
        "cross_department": linkages.cross_department(
            view.approving.department, view.supervising.department
        ),
        "cross_level": linkages.cross_level(view.approving.department, view.supervising.department),
        "basis_document_kind": doc.kind if doc else None,
        "basis_document_number": doc.number if doc else None,
        "basis_document_signed_on": doc.signed_on.isoformat() if doc else None,
        "data_scope": x.data_scope,
        "channel": x.channel,
        "procedure": x.procedure,
        "claim_days": x.claim_days,
        "feedback_days": x.feedback_days,
        "frequency": x.frequency,
        "confidentiality": x.confidentiality,
        "review_mode": x.review_mode,
    }


EVENT_ENTRY_KEYS = (
    "linkage_id",
    "approval_matter_id",
    "approval_matter_code",
    "approval_matter_name",
    "approving_department_id",
    "approving_department_name",
    "approving_section_name",
    "approving_person_name",
    "approving_office_phone",
    "supervision_matter_id",
    "supervision_matter_code",
    "supervision_matter_name",
    "supervising_department_id",
    "supervising_department_name",
    "supervising_section_name",
    "supervising_person_name",
    "supervising_office_phone",
    "channel",
    "claim_days",
    "feedback_days",
    "confidentiality",
    "review_mode",
)


def diff(
    previous: Sequence[dict[str, Any]], current: Sequence[dict[str, Any]]
) -> tuple[list[int], list[int], list[int]]:
    """Linkage ids added, changed and removed between two snapshots."""
    before = {e["linkage_id"]: e for e in previous}
    after = {e["linkage_id"]: e for e in current}
    added = sorted(k for k in after if k not in before)
    removed = sorted(k for k in before if k not in after)
    changed = sorted(k for k in after if k in before and after[k] != before[k])
    return added, changed, removed


async def latest_version(*, session: AsyncSession) -> ListVersion | None:
    stmt = select(ListVersion).order_by(col(ListVersion.number).desc()).limit(1)
    return (await session.exec(stmt)).first()


async def version_by_number(*, session: AsyncSession, number: int) -> ListVersion | None:
    stmt = select(ListVersion).where(ListVersion.number == number)
    return (await session.exec(stmt)).first()


async def list_versions(*, session: AsyncSession) -> Sequence[ListVersion]:
    stmt = select(ListVersion).order_by(col(ListVersion.number).desc())
    return (await session.exec(stmt)).all()


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class ChangedEntry:
    linkage_id: int
    before: dict[str, Any]
    after: dict[str, Any]
    changes: list[FieldChange]


@dataclass(frozen=True)
class VersionComparison:
    """What changed from version ``base`` to version ``target`` (public fields only)."""

    base: ListVersion
    target: ListVersion
    added: list[dict[str, Any]]
    removed: list[dict[str, Any]]
    changed: list[ChangedEntry]


def compare_entries(
    previous: Sequence[dict[str, Any]], current: Sequence[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[ChangedEntry]]:
    before = {e["linkage_id"]: e for e in previous}
    after = {e["linkage_id"]: e for e in current}
    added = [after[k] for k in sorted(after) if k not in before]
    removed = [before[k] for k in sorted(before) if k not in after]
    changed = []
    for k in sorted(after):
        if k not in before:
            continue
        fields = [
            FieldChange(f, before[k].get(f), after[k].get(f))
            for f in DIFF_FIELDS
            if before[k].get(f) != after[k].get(f)
        ]
        if fields:
            changed.append(ChangedEntry(k, before[k], after[k], fields))
    return added, removed, changed


async def compare(*, session: AsyncSession, base: int, target: int) -> VersionComparison:
    """The diff between any two versions; an unknown number raises ``ValidationFailed``
    naming the argument (``base`` / ``target``) with ``NOT_FOUND``."""
    rows = {v.number: v for v in await versions_by_numbers(session=session, numbers=[base, target])}
    for name, number in (("base", base), ("target", target)):
        if number not in rows:
            raise ValidationFailed.single(name, "NOT_FOUND", f"清单第 {number} 版不存在")
    added, removed, changed = compare_entries(rows[base].entries, rows[target].entries)
    return VersionComparison(rows[base], rows[target], added, removed, changed)


async def versions_by_numbers(
    *, session: AsyncSession, numbers: Sequence[int]
) -> Sequence[ListVersion]:
    stmt = select(ListVersion).where(col(ListVersion.number).in_(numbers))
    return (await session.exec(stmt)).all()


async def _entries_of_next_version(
    session: AsyncSession, previous: ListVersion | None
) -> list[dict[str, Any]]:
    agreed = [
        x
        for x in await linkages.all_linkages(session=session, scope=None, confirmed_only=True)
        if x.removal_requested_at is None
    ]
    entries = {
        e["linkage_id"]: e
        for e in (public_entry(v) for v in await views_of(session=session, linkages=agreed))
    }
    if previous is not None:
        # Published entries whose edit awaits confirmation keep their published values.
        kept = [e for e in previous.entries if e["linkage_id"] not in entries]
        if kept:
            rows = (
                await session.exec(
                    select(Linkage).where(col(Linkage.id).in_([e["linkage_id"] for e in kept]))
                )
            ).all()
            pending = {x.id for x in rows if x.removal_requested_at is None}
            entries.update({e["linkage_id"]: e for e in kept if e["linkage_id"] in pending})
    return [entries[k] for k in sorted(entries)]


async def publish(
    *,
    session: AsyncSession,
    published_by: str,
    summary: str,
    department_id: int | None = None,
    publisher_name: str | None = None,
) -> ListVersion:
    """Freeze the next version (see the module docstring for what it holds).

    ``published_by`` is the account name (kept, never public); the public list shows
    ``publisher_name`` (default: the account's display name; never the account name) and the
    department's name.
    """
    summary = summary.strip()
    if not summary:
        raise ValidationFailed.single(
            "summary", "REQUIRED", "请填写发布说明（如：2026年第1次调整）"
        )
    if len(summary) > MAX_SUMMARY:
        raise ValidationFailed.single(
            "summary", "TOO_LONG", f"发布说明不能超过 {MAX_SUMMARY} 个字符"
        )
    previous = await latest_version(session=session)
    entries = await _entries_of_next_version(session, previous)
    if not entries and previous is None:
        raise ValidationFailed.single("list", "EMPTY", "没有双方均已确认的联动事项，无法发布")
    added, changed, removed = diff(previous.entries if previous else [], entries)
    if previous is not None and not (added or changed or removed):
        raise ValidationFailed.single("list", "NO_CHANGES", "与上一版本相比没有变化，无需发布")
    user = (await session.exec(select(User).where(User.username == published_by))).first()
    department = await session.get(Department, department_id) if department_id else None
    version = ListVersion(
        number=(previous.number + 1) if previous else 1,
        published_by=published_by,
        publisher_name=publisher_name or (user.display_name if user else ""),
        publishing_department_name=department.name if department else "",
        summary=summary,
        entries=entries,
        added=added,
        changed=changed,
        removed=removed,
        removed_entries=[
            e for e in (previous.entries if previous else []) if e["linkage_id"] in removed
        ],
    )
    session.add(version)
    await session.flush()
    supervising = sorted({e["supervising_department_id"] for e in entries})
    liaisons = await receive_liaisons(session=session, department_ids=supervising)
    # Approval texts the liaison current at each push (its copy of catalog.liaison.appointed);
    # every publication refreshes that copy for the departments on the list.
    await liaison_events.announce_departments(session, supervising, local_today())
    await events.emit(
        session,
        topic=TOPIC,
        key=str(version.number),
        payload={
            "version": version.number,
            "published_at": version.published_at.isoformat(),
            "summary": version.summary,
            # Linkage ids against the previous version (every key of an entry is compared).
            "added": added,
            "changed": changed,
            "removed": removed,
            "entries": [
                {
                    **{k: e[k] for k in EVENT_ENTRY_KEYS},
                    # The receive liaison current at publication (kept for compatibility;
                    # approval texts the one current at each push, catalog.liaison.appointed).
                    "receive_liaison_name": liaisons.get(e["supervising_department_id"], ("", ""))[
                        0
                    ],
                    "receive_liaison_mobile": liaisons.get(
                        e["supervising_department_id"], ("", "")
                    )[1],
                }
                for e in entries
            ],
        },
    )
    return version


async def receive_liaisons(
    *, session: AsyncSession, department_ids: Sequence[int]
) -> dict[int, tuple[str, str]]:
    """The receive liaison current today: (name, mobile) per department."""
    today = local_today()
    stmt = (
        select(LiaisonAssignment.department_id, Person.name, Person.mobile)
        .join(Person, col(Person.id) == col(LiaisonAssignment.person_id))
        .where(
            col(LiaisonAssignment.department_id).in_(department_ids),
            LiaisonAssignment.kind == LiaisonKind.RECEIVE,
            col(LiaisonAssignment.since) <= today,
            (col(LiaisonAssignment.until).is_(None)) | (col(LiaisonAssignment.until) >= today),
        )
    )
    return {dept: (name, mobile or "") for dept, name, mobile in (await session.exec(stmt)).all()}
