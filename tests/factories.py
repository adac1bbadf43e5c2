"""Builders that create real rows through the services (never raw inserts)."""

from __future__ import annotations

import itertools
from datetime import date

from api.approval import services as approval
from api.approval.models import Application, ApplicationCreate
from api.catalog import services as catalog
from api.catalog.models import Department, DepartmentCreate, Matter, MatterCreate, MatterKind
from api.core.auth import Principal, create_user
from api.core.authz import Authorizer, assign_role
from api.core.db import SerialSession
from api.core.identifiers import make_uscc
from api.credit import services as credit
from api.credit.models import (
    CreditRecord,
    CreditRecordCreate,
    RecordCategory,
    Subject,
    SubjectCreate,
)
from api.supervision import services as supervision
from api.supervision.models import Finding, FindingCreate, FindingKind

_seq = itertools.count(1)
PASSWORD = "Test@2026pass"


def uscc(n: int | None = None) -> str:
    return make_uscc(f"91430900MA4T{(n if n is not None else next(_seq)):05d}")


async def department(session: SerialSession, name: str | None = None) -> Department:
    n = next(_seq)
    return await catalog.create_department(
        session=session,
        data=DepartmentCreate(name=name or f"测试部门{n}", short_name=f"部门{n}"),
    )


async def matter(
    session: SerialSession,
    dept: Department,
    *,
    kind: MatterKind = MatterKind.APPROVAL,
    name: str | None = None,
) -> Matter:
    n = next(_seq)
    assert dept.id is not None
    return await catalog.create_matter(
        session=session,
        data=MatterCreate(
            code=f"T-{n:05d}", name=name or f"测试事项{n}", kind=kind, department_id=dept.id
        ),
    )


async def subject(session: SerialSession, name: str | None = None) -> Subject:
    n = next(_seq)
    return await credit.register_subject(
        session=session, data=SubjectCreate(credit_code=uscc(n), name=name or f"测试企业{n}")
    )


async def credit_record(session: SerialSession, subj: Subject, title: str) -> CreditRecord:
    return await credit.add_credit_record(
        session=session,
        data=CreditRecordCreate(
            subject_code=subj.credit_code,
            category=RecordCategory.LICENSING,
            title=title,
            source="测试",
            decided_on=date(2026, 1, 5),
        ),
    )


async def application(session: SerialSession, mat: Matter, subj: Subject) -> Application:
    assert mat.id is not None
    return await approval.submit_application(
        session=session,
        data=ApplicationCreate(
            matter_id=mat.id, applicant_code=subj.credit_code, applicant_name=subj.name
        ),
    )


async def finding(
    session: SerialSession, app: Application, dept: Department, summary: str = "检查正常"
) -> Finding:
    assert app.id is not None
    assert dept.id is not None
    return await supervision.record_finding(
        session=session,
        data=FindingCreate(
            application_id=app.id,
            department_id=dept.id,
            kind=FindingKind.INSPECTION,
            summary=summary,
            found_on=date(2026, 5, 1),
        ),
    )


async def user(
    session: SerialSession,
    authorizer: Authorizer,
    *,
    role: str,
    dept: Department,
    username: str | None = None,
) -> Principal:
    """A user holding ``role`` in ``dept``; the authorizer is reloaded to see it."""
    name = username or f"user{next(_seq)}"
    account = await create_user(
        session=session, username=name, display_name=name, password=PASSWORD
    )
    assert dept.id is not None
    assert account.id is not None
    await assign_role(session=session, username=name, role=role, department_id=str(dept.id))
    # The test's session holds the rows inside its (rolled-back) transaction.
    await authorizer.enforcer.add_grouping_policy(name, role, str(dept.id))
    return Principal(user_id=account.id, username=name, department_id=str(dept.id))
