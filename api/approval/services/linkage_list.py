"""The replica of catalog's published linkage list (审管联动清单) in force."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import (
    Channel,
    LinkageEntry,
    LinkageListVersion,
)


async def store_published_list(session: AsyncSession, payload: dict[str, Any]) -> bool:
    """Keep a replica of a published list version; a version already held is left alone."""
    version = int(payload["version"])
    if await session.get(LinkageListVersion, version) is not None:
        return False
    session.add(
        LinkageListVersion(
            version=version, published_at=datetime.fromisoformat(str(payload["published_at"]))
        )
    )
    await session.flush()
    for entry in payload["entries"]:
        session.add(
            LinkageEntry(
                version=version,
                linkage_id=int(entry["linkage_id"]),
                approval_matter_id=int(entry["approval_matter_id"]),
                approval_matter_code=str(entry["approval_matter_code"]),
                approval_matter_name=str(entry["approval_matter_name"]),
                approving_department_id=int(entry["approving_department_id"]),
                supervision_matter_id=int(entry["supervision_matter_id"]),
                supervision_matter_code=str(entry["supervision_matter_code"]),
                supervision_matter_name=str(entry["supervision_matter_name"]),
                supervising_department_id=int(entry["supervising_department_id"]),
                channel=Channel(entry["channel"]),
                claim_days=int(entry["claim_days"]),
                feedback_days=int(entry["feedback_days"]),
                confidentiality=str(entry.get("confidentiality") or ""),
                review_mode=str(entry.get("review_mode") or "AFTER_APPROVAL"),
                approving_section_name=str(entry.get("approving_section_name") or ""),
                approving_person_name=str(entry.get("approving_person_name") or ""),
                approving_office_phone=str(entry.get("approving_office_phone") or ""),
                supervising_section_name=str(entry.get("supervising_section_name") or ""),
                supervising_person_name=str(entry.get("supervising_person_name") or ""),
                supervising_office_phone=str(entry.get("supervising_office_phone") or ""),
                receive_liaison_name=str(entry.get("receive_liaison_name") or ""),
                receive_liaison_mobile=str(entry.get("receive_liaison_mobile") or ""),
                department_head_mobile=str(entry.get("department_head_mobile") or ""),
            )
        )
    await session.flush()
    return True


def _version_in_force() -> sa.ScalarSelect[Any]:
    return select(sa.func.max(LinkageListVersion.version)).scalar_subquery()


async def version_in_force(session: AsyncSession) -> int | None:
    value = (await session.exec(select(sa.func.max(LinkageListVersion.version)))).one()
    return int(value) if value is not None else None


async def entries_for_matter(session: AsyncSession, matter_id: int) -> Sequence[LinkageEntry]:
    stmt = (
        select(LinkageEntry)
        .where(
            LinkageEntry.version == _version_in_force(),
            LinkageEntry.approval_matter_id == matter_id,
        )
        .order_by(col(LinkageEntry.linkage_id))
    )
    return (await session.exec(stmt)).all()
