"""Publication: freeze the agreed linkages as a numbered, dated, public version.

A version stores only public fields (office phones, never mobiles), the diff against the
previous version (linkage ids added / changed / removed), and emits
``catalog.linkage_list.published`` in the same transaction (payload in docs/EVENTS.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.catalog import liaison_events, linkages
from api.catalog.bundle import LinkageView, views_of
from api.catalog.models import LiaisonAssignment, LiaisonKind, ListVersion, Person
from api.core import events
from api.core.clock import local_today
from api.core.errors import ValidationFailed

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
        "principle": x.principle,
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


async def publish(*, session: AsyncSession, published_by: str) -> ListVersion:
    """Freeze every linkage both sides have confirmed as the next version."""
    agreed = await linkages.all_linkages(session=session, scope=None, confirmed_only=True)
    if not agreed:
        raise ValidationFailed.single("list", "EMPTY", "没有双方均已确认的联动事项，无法发布")
    entries = [public_entry(v) for v in await views_of(session=session, linkages=agreed)]
    previous = await latest_version(session=session)
    added, changed, removed = diff(previous.entries if previous else [], entries)
    if previous is not None and not (added or changed or removed):
        raise ValidationFailed.single("list", "NO_CHANGES", "与上一版本相比没有变化，无需发布")
    version = ListVersion(
        number=(previous.number + 1) if previous else 1,
        published_by=published_by,
        entries=entries,
        added=added,
        changed=changed,
        removed=removed,
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
