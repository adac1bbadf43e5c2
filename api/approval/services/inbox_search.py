"""The push inbox as the console's query form searches it: 监管码, applicant, stage, state,
feedback state, overdue, pushed-at days; newest first or oldest first, keyset-paged.

Kept apart from ``services`` so the inbox's search rules read in one place; the scope is the
receiving department's, or (asked for explicitly) the caller's whole push scope — the one
``overduePushes`` counts — and never widens with a filter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlmodel import col, or_, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import Application, FeedbackState, Push, PushStage, PushState
from api.approval.services.common import CODE_ALPHABET, CODE_LENGTH, push_scope
from api.approval.services.lists import local_midnight, overdue_clause
from api.approval.services.pushes import normalise_code
from api.core.clock import local_today
from api.core.errors import FieldIssue, ValidationFailed
from api.core.pagination import MAX_PAGE, keyset_page
from api.core.pagination import KeysetPage as Page
from api.core.scope import Scope

MAX_APPLICANT = 200


@dataclass(frozen=True)
class PushFilter:
    """What the inbox's query form asks for; every field optional (None or blank: any)."""

    supervision_code: str | None = None
    applicant: str | None = None
    stage: PushStage | None = None
    state: PushState | None = None
    feedback_state: FeedbackState | None = None
    overdue: bool | None = None
    pushed_since: date | None = None
    pushed_until: date | None = None


def _checked(filters: PushFilter) -> tuple[str | None, str | None]:
    """The normalised 监管码 and applicant text, or ValidationFailed naming each bad field."""
    issues: list[FieldIssue] = []
    code = normalise_code(filters.supervision_code or "") or None
    if code is not None and (len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code)):
        issues.append(
            FieldIssue(
                "supervisionCode",
                "INVALID_CODE",
                f"监管码应为 {CODE_LENGTH} 位字母或数字（短信末尾所附）",
            )
        )
    applicant = (filters.applicant or "").strip() or None
    if applicant is not None and len(applicant) > MAX_APPLICANT:
        issues.append(
            FieldIssue("applicant", "TOO_LONG", f"申请人名称或代码不超过 {MAX_APPLICANT} 字")
        )
    since, until = filters.pushed_since, filters.pushed_until
    if since is not None and until is not None and since > until:
        issues.append(FieldIssue("pushedUntil", "BEFORE_SINCE", "推送日期的截止日不能早于起始日"))
    if issues:
        raise ValidationFailed(issues)
    return code, applicant


def push_filter_clauses(
    filters: PushFilter, today: date | None = None
) -> list[sa.ColumnElement[bool]]:
    """WHERE clauses for ``filters`` (on Push, joined to its Application for the applicant)."""
    code, applicant = _checked(filters)
    clauses: list[sa.ColumnElement[bool]] = []
    if code is not None:
        clauses.append(col(Push.supervision_code) == code)
    if applicant is not None:
        # The name as typed (contains) or the code (USCC / identity number, exact).
        named = select(Application.id).where(
            or_(
                col(Application.applicant_name).contains(applicant),
                col(Application.applicant_code) == applicant.upper(),
            )
        )
        clauses.append(col(Push.application_id).in_(named.scalar_subquery()))
    if filters.stage is not None:
        clauses.append(col(Push.stage) == filters.stage)
    if filters.state is not None:
        clauses.append(col(Push.state) == filters.state)
    if filters.feedback_state is not None:
        clauses.append(col(Push.feedback_state) == filters.feedback_state)
    if filters.overdue is not None:
        late = overdue_clause(today or local_today())
        clauses.append(late if filters.overdue else sa.not_(late))
    if filters.pushed_since is not None:
        clauses.append(col(Push.pushed_at) >= local_midnight(filters.pushed_since))
    if filters.pushed_until is not None:
        next_day = local_midnight(filters.pushed_until + timedelta(days=1))
        clauses.append(col(Push.pushed_at) < next_day)
    return clauses


async def search_received_pushes(
    *,
    session: AsyncSession,
    department_id: int,
    filters: PushFilter,
    newest_first: bool = False,
    first: int = 20,
    after: int | None = None,
    today: date | None = None,
) -> Page[Push]:
    """The department's received pushes matching ``filters``: one count, one page."""
    stmt = select(Push).where(
        col(Push.department_id) == department_id, *push_filter_clauses(filters, today)
    )
    return await keyset_page(
        session, stmt, col(Push.id), first=first, after=after, newest_first=newest_first
    )


async def search_pushes_in_scope(
    *,
    session: AsyncSession,
    scope: Scope,
    filters: PushFilter,
    newest_first: bool = False,
    first: int = 20,
    after: int | None = None,
    today: date | None = None,
) -> Page[Push]:
    """Pushes within ``scope`` (sent or received by the department; the city for the
    coordination office) matching ``filters``: the list behind the workbench's overdue count."""
    stmt = select(Push).where(push_scope(scope), *push_filter_clauses(filters, today))
    return await keyset_page(
        session, stmt, col(Push.id), first=first, after=after, newest_first=newest_first
    )


async def received_pushes(
    *,
    session: AsyncSession,
    department_id: int,
    state: PushState | None = None,
    feedback_state: FeedbackState | None = None,
    overdue: bool | None = None,
    today: date | None = None,
    first: int = MAX_PAGE,
    after: int | None = None,
) -> Page[Push]:
    """The department's received pushes by state, feedback state and lateness, oldest first."""
    filters = PushFilter(state=state, feedback_state=feedback_state, overdue=overdue)
    return await search_received_pushes(
        session=session,
        department_id=department_id,
        filters=filters,
        first=first,
        after=after,
        today=today,
    )
