"""What every approval rule shares: the actor, names users read, scope clauses."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import col, or_, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import (
    Application,
    ApplicationStatus,
    CreditMeasure,
    HandlingMode,
    LegalDocument,
    LinkageEntry,
    Push,
)
from api.approval.services.linkage_list import _version_in_force
from api.core.audit import note_out_of_scope
from api.core.auth import Actor as Actor  # noqa: PLC0414 - re-exported to the rules
from api.core.clock import (
    utcnow,
)
from api.core.errors import FieldIssue, NotFoundError, ValidationFailed
from api.core.loaders import fetch_many_per_key
from api.core.scope import Scope
from api.core.subject_keys import subject_key

# 监管码: 8 characters without look-alikes (no 0/O, 1/I/L); 31**8 ≈ 8.5e11 codes.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


CODE_LENGTH = 8


MODE_NAMES = {
    HandlingMode.NORMAL: "一般程序",
    HandlingMode.GREEN_CHANNEL: "绿色通道",
    HandlingMode.MISSING_DOCUMENTS: "容缺受理",
    HandlingMode.NOTIFY_AND_COMMIT: "告知承诺",
}


MEASURE_NAMES = {
    CreditMeasure.GREEN_CHANNEL: "绿色通道",
    CreditMeasure.MISSING_DOCUMENTS: "容缺受理",
    CreditMeasure.NOTIFY_AND_COMMIT: "告知承诺",
    CreditMeasure.STRICTER_REVIEW: "从严审查",
}


# Credit's levels (credit.level.changed, credit tickets) as users read them.
LEVEL_NAMES = {"TRUSTWORTHY": "守信", "NORMAL": "一般", "DISHONEST": "失信"}


OPEN_STATUSES = (ApplicationStatus.SUBMITTED, ApplicationStatus.ACCEPTED)


STATUS_NAMES = {
    ApplicationStatus.SUBMITTED: "已申报",
    ApplicationStatus.ACCEPTED: "已受理",
    ApplicationStatus.APPROVED: "已办结（准予）",
    ApplicationStatus.REFUSED: "已办结（不予）",
}


class IllegalTransitionError(ValidationFailed):
    """A lifecycle step that the application's current state does not allow."""

    @classmethod
    def of(cls, field_name: str, message: str) -> IllegalTransitionError:
        return cls([FieldIssue(field_name, "ILLEGAL_TRANSITION", message)])


def _now() -> datetime:
    return utcnow()


def level_name(level: str | None) -> str:
    """守信 / 一般 / 失信 (未认定 when credit has not determined one)."""
    return LEVEL_NAMES.get(level or "", "未认定")


def application_scope(scope: Scope) -> Any:
    """SQL condition: the applications a department may see (None: city-wide)."""
    if scope.city_wide:
        return sa.true()
    dept = scope.department_id
    listed = select(LinkageEntry.approval_matter_id).where(
        LinkageEntry.version == _version_in_force(),
        or_(
            LinkageEntry.approving_department_id == dept,
            LinkageEntry.supervising_department_id == dept,
        ),
    )
    pushed = select(Push.application_id).where(
        or_(Push.department_id == dept, Push.from_department_id == dept)
    )
    return or_(
        col(Application.matter_id).in_(listed),
        Application.approving_department_id == dept,
        col(Application.id).in_(pushed),
    )


def push_scope(scope: Scope) -> Any:
    if scope.city_wide:
        return sa.true()
    return or_(
        Push.department_id == scope.department_id, Push.from_department_id == scope.department_id
    )


async def get_application(
    session: AsyncSession, application_id: int, scope: Scope | None = None
) -> Application:
    stmt = select(Application).where(Application.id == application_id)
    if scope is not None:
        stmt = stmt.where(application_scope(scope))
    row = (await session.exec(stmt)).first()
    if row is None:
        await _note_if_exists(session, Application, application_id, scope)
        raise NotFoundError
    return row


async def _note_if_exists(
    session: AsyncSession, model: type[Application | Push], row_id: int, scope: Any
) -> None:
    """A scoped look-up found nothing: if the row exists, the caller asked outside its scope
    (audited as a denied access; the answer stays "not found")."""
    if scope is None:
        return
    exists = (await session.exec(select(model.id).where(model.id == row_id))).first()
    if exists is not None:
        note_out_of_scope(model.__tablename__.removeprefix("approval_"), row_id)


def applicant_key_of(application: Application) -> str:
    """The applicant's subject key: credit's name for it (the USCC, or NP+hash of the ID)."""
    return application.applicant_key or subject_key(application.applicant_code) or ""


async def _locked(session: AsyncSession, application_id: int, scope: Scope | None) -> Application:
    stmt = select(Application).where(Application.id == application_id).with_for_update()
    if scope is not None:
        stmt = stmt.where(application_scope(scope))
    row = (await session.exec(stmt)).first()
    if row is None:
        await _note_if_exists(session, Application, application_id, scope)
        raise ValidationFailed.single("applicationId", "NOT_FOUND", "办件不存在")
    return row


async def documents_of(session: AsyncSession, application_id: int) -> list[LegalDocument]:
    return (await documents_by_application_ids(session=session, ids=[application_id]))[0]


async def documents_by_application_ids(
    *, session: AsyncSession, ids: Sequence[int]
) -> list[list[LegalDocument]]:
    return await fetch_many_per_key(
        session, LegalDocument, LegalDocument.application_id, ids, order_by=[col(LegalDocument.id)]
    )
