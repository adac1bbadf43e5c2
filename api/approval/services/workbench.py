"""Counts for the workbench (工作台): how many of a department's applications wait at a step.

One statement per count, scoped like the list it clicks through to (``applications``)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models import Application, ApplicationStatus
from api.approval.services.common import application_scope
from api.core.scope import Scope


async def count_applications(
    *, session: AsyncSession, scope: Scope, status: ApplicationStatus | None = None
) -> int:
    """Applications in scope (optionally at one status): what ``applications`` would list."""
    stmt = select(sa.func.count()).select_from(Application).where(application_scope(scope))
    if status is not None:
        stmt = stmt.where(Application.status == status)
    return int((await session.exec(stmt)).one())
