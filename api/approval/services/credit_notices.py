"""Credit level changes flowing back from credit as notices."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import (
    Application,
    CreditNotice,
)
from api.approval.services import messages
from api.approval.services.common import OPEN_STATUSES, application_scope, level_name
from api.core.pagination import MAX_PAGE, keyset_page
from api.core.pagination import KeysetPage as Page
from api.core.scope import Scope


@dataclass(frozen=True)
class CreditChange:
    """One ``credit.level.changed`` event (docs/EVENTS.md), as approval reads it."""

    subject_code: str
    level: str
    joint_punished: bool
    score: int
    determined_at: datetime
    previous_level: str | None
    previous_joint_punished: bool | None
    rule_version: int | None
    deciding_rule: str

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> CreditChange:
        previous_jp = payload.get("previous_joint_punished")
        version = payload.get("rule_version")
        rules = "、".join(str(r.get("name") or "") for r in payload.get("rules") or [])
        summary = str(payload.get("summary") or "")
        deciding = summary + (f"；触发规则：{rules}" if rules else "")
        return cls(
            subject_code=str(payload["subject_code"]),
            level=str(payload["level"]),
            joint_punished=bool(payload.get("joint_punished")),
            score=int(payload.get("score") or 0),
            determined_at=datetime.fromisoformat(str(payload["determined_at"])),
            previous_level=payload.get("previous_level"),
            previous_joint_punished=None if previous_jp is None else bool(previous_jp),
            rule_version=None if version is None else int(version),
            deciding_rule=deciding[:1000],
        )


async def receive_credit_change(
    session: AsyncSession, payload: dict[str, Any]
) -> list[CreditNotice]:
    """信用记录自动推送至审批系统: every open application (submitted or accepted, not
    completed) of the subject gives its approving department a credit-change notice, live.

    The old level is credit's previous determination; at a first determination, the level the
    application was accepted with. Nothing to say (no old level, or the same) → no notice.
    Idempotent: one notice per application and determination.
    """
    change = CreditChange.from_payload(payload)
    stmt = (
        select(Application)
        .where(
            Application.applicant_key == change.subject_code,
            col(Application.status).in_(OPEN_STATUSES),
            col(Application.approving_department_id).is_not(None),
        )
        .order_by(col(Application.id))
    )
    applications = (await session.exec(stmt)).all()
    known = set(
        (
            await session.exec(
                select(CreditNotice.application_id).where(
                    col(CreditNotice.application_id).in_([a.id for a in applications]),
                    CreditNotice.determined_at == change.determined_at,
                )
            )
        ).all()
    )
    notices: list[CreditNotice] = []
    for application in applications:
        assert application.id is not None  # noqa: S101 - loaded rows have ids
        assert application.approving_department_id is not None  # noqa: S101 - filtered above
        before = change.previous_level or application.credit_level
        before_jp = (
            change.previous_joint_punished
            if change.previous_level is not None
            else application.credit_joint_punished
        )
        if application.id in known or before is None:
            continue
        if (before, bool(before_jp)) == (change.level, change.joint_punished):
            continue
        notices.append(
            CreditNotice(
                application_id=application.id,
                department_id=application.approving_department_id,
                subject_code=change.subject_code,
                applicant_name=application.applicant_name,
                previous_level=before,
                previous_joint_punished=before_jp,
                level=change.level,
                joint_punished=change.joint_punished,
                score=change.score,
                rule_version=change.rule_version,
                deciding_rule=change.deciding_rule,
                determined_at=change.determined_at,
            )
        )
    session.add_all(notices)
    await session.flush()
    for notice in notices:
        await messages.post(
            session,
            department_id=notice.department_id,
            kind="CREDIT",
            ref_id=int(notice.id or 0),
            application_id=notice.application_id,
        )
    return notices


def credit_notice_text(notice: CreditNotice) -> str:
    """The notice as the approving clerk reads it (no codes: 守信 / 一般 / 失信)."""
    punished = ""
    if notice.joint_punished and not notice.previous_joint_punished:
        punished = "，并被列入联合惩戒对象名单"
    elif notice.previous_joint_punished and not notice.joint_punished:
        punished = "，已移出联合惩戒对象名单"
    return (
        f"办件{notice.application_id}的申请人{notice.applicant_name}信用等级由"
        f"“{level_name(notice.previous_level)}”变为“{level_name(notice.level)}”{punished}。"
        f"认定依据：{notice.deciding_rule or '（信用子图未说明）'}"
    )


async def received_credit_notices(
    *,
    session: AsyncSession,
    department_id: int,
    first: int = MAX_PAGE,
    after: int | None = None,
) -> Page[CreditNotice]:
    stmt = select(CreditNotice).where(CreditNotice.department_id == department_id)
    return await keyset_page(session, stmt, col(CreditNotice.id), first=first, after=after)


async def application_ids_in_scope(
    *, session: AsyncSession, ids: Sequence[int], scope: Scope
) -> list[bool]:
    """Per id: does the caller's responsibility scope cover that application?"""
    stmt = select(Application.id).where(col(Application.id).in_(ids), application_scope(scope))
    seen = {int(i) for i in (await session.exec(stmt)).all() if i is not None}
    return [i in seen for i in ids]
