"""Supervision's findings flowing back as feedback on a push."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlmodel import col, or_, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import (
    Application,
    Feedback,
    FeedbackState,
    Push,
)
from api.approval.services import messages
from api.approval.services.common import _now
from api.approval.services.linkage_list import version_in_force
from api.approval.services.pushes import _emit_fed_back


async def _feedback_targets(
    session: AsyncSession, application_id: int | None, subject_code: str
) -> tuple[set[int], str]:
    """The approving departments concerned, and the subject code (from the application)."""
    if application_id is not None:
        application = await session.get(Application, application_id)
        if application is None or application.approving_department_id is None:
            return set(), subject_code
        return {application.approving_department_id}, subject_code or application.applicant_code
    if not subject_code:
        return set(), subject_code
    stmt = select(Application.approving_department_id).where(
        or_(Application.applicant_code == subject_code, Application.applicant_key == subject_code),
        col(Application.approving_department_id).is_not(None),
    )
    return {int(d) for d in (await session.exec(stmt)).all() if d is not None}, subject_code


async def receive_finding(session: AsyncSession, payload: dict[str, Any]) -> list[Feedback]:
    """File an abnormal supervision finding in the approving departments' inboxes.

    Only abnormal results are fed back (normal ones need no feedback). Idempotent.
    """
    if not payload["abnormal"]:
        return []
    finding_id = int(payload["finding_id"])
    if (await session.exec(select(Feedback).where(Feedback.finding_id == finding_id))).first():
        return []
    raw_application = payload.get("application_id")
    application_id = int(raw_application) if raw_application is not None else None
    from_department = int(payload["department_id"])
    targets, subject_code = await _feedback_targets(
        session, application_id, str(payload.get("subject_code") or "")
    )
    in_force = await version_in_force(session)
    rows = [
        Feedback(
            finding_id=finding_id,
            application_id=application_id,
            subject_code=subject_code,
            from_department_id=from_department,
            to_department_id=target,
            kind=str(payload["kind"]),
            abnormal=True,
            result_type=str(payload.get("result_type") or ""),
            found_on=date.fromisoformat(str(payload["found_on"])),
            summary=str(payload["summary"]),
            list_version=in_force,
        )
        for target in sorted(targets)
    ]
    session.add_all(rows)
    await session.flush()
    for row in rows:
        await messages.post(
            session,
            department_id=row.to_department_id,
            kind="FEEDBACK",
            ref_id=int(row.id or 0),
            application_id=row.application_id,
        )
    if application_id is not None:
        open_pushes = await session.exec(
            select(Push).where(
                Push.application_id == application_id,
                Push.department_id == from_department,
                Push.feedback_state == FeedbackState.OPEN,
            )
        )
        # The business time: when the supervising department recorded the finding, not when
        # this consumer got round to it (a lagging worker must not make feedback late).
        recorded_at = payload.get("recorded_at")
        closed_at = datetime.fromisoformat(str(recorded_at)) if recorded_at else _now()
        for push in open_pushes.all():
            push.feedback_state = FeedbackState.ABNORMAL_REPORTED
            push.feedback_closed_at = closed_at
            push.feedback_list_version = in_force
            session.add(push)
            await session.flush()
            await _emit_fed_back(session, push, finding_id)
    await session.flush()
    return rows
