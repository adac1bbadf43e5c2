"""Builders that create real rows through the services (never raw inserts)."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime
from typing import Any

from api.approval import services as approval
from api.approval.models import Application, ApplicationCreate
from api.catalog import services as catalog
from api.catalog.models import (
    BasisDocument,
    BasisDocumentCreate,
    BasisKind,
    Department,
    DepartmentCreate,
    DepartmentLevel,
    Linkage,
    LinkageCreate,
    Matter,
    MatterCreate,
    MatterKind,
    Person,
    PersonCreate,
    Principle,
    Section,
    SectionCreate,
)
from api.catalog.services import linkages
from api.core import events
from api.core.auth import Principal, create_user
from api.core.authz import Authorizer, assign_role
from api.core.credit_ticket import CreditTicket, sign_ticket
from api.core.db import SerialSession
from api.core.identifiers import make_id_number, make_uscc
from api.core.scope import Scope
from api.credit import services as credit
from api.credit.models import (
    CreditRecord,
    CreditRecordCreate,
    RecordCategory,
    Subject,
    SubjectCreate,
)
from api.demo import memo_pdf
from api.registry import consumer_table
from api.supervision import services as supervision
from api.supervision.models import Finding, FindingCreate, FindingKind

_seq = itertools.count(1)
# List versions published by tests: far above anything a demo would publish.
_versions = itertools.count(1_000)
PASSWORD = "Test@2026pass"


def uscc(n: int | None = None) -> str:
    return make_uscc(f"91430900MA4T{(n if n is not None else next(_seq)):05d}")


def id_number() -> str:
    """A valid resident identity number (GB 11643 check digit) born in 1990."""
    return make_id_number(f"43090219900101{next(_seq) % 1000:03d}")


async def department(
    session: SerialSession, name: str | None = None, *, level: DepartmentLevel | None = None
) -> Department:
    n = next(_seq)
    return await catalog.create_department(
        session=session,
        data=DepartmentCreate(
            name=name or f"测试部门{n}",
            short_name=f"部门{n}",
            level=level or DepartmentLevel.CITY,
        ),
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
        require_push=False,
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
    display_name: str | None = None,
) -> Principal:
    """A user holding ``role`` in ``dept``; the authorizer is reloaded to see it."""
    name = username or f"user{next(_seq)}"
    account = await create_user(
        session=session, username=name, display_name=display_name or name, password=PASSWORD
    )
    assert dept.id is not None
    assert account.id is not None
    await assign_role(session=session, username=name, role=role, department_id=str(dept.id))
    # The test's session holds the rows inside its (rolled-back) transaction.
    await authorizer.enforcer.add_grouping_policy(name, role, str(dept.id))
    return Principal(user_id=account.id, username=name, department_id=str(dept.id))


async def section(session: SerialSession, dept: Department, name: str | None = None) -> Section:
    assert dept.id is not None
    return await catalog.create_section(
        session=session,
        data=SectionCreate(department_id=dept.id, name=name or f"测试科{next(_seq)}"),
    )


async def person(
    session: SerialSession,
    sect: Section,
    name: str | None = None,
    *,
    office_phone: str = "0737-4220000",
    mobile: str = "13800000000",
) -> Person:
    assert sect.id is not None
    return await catalog.create_person(
        session=session,
        data=PersonCreate(
            section_id=sect.id,
            name=name or f"测试人员{next(_seq)}",
            office_phone=office_phone,
            mobile=mobile,
            role="责任人",
        ),
    )


async def responsible(session: SerialSession, dept: Department) -> Person:
    """A section with one responsible person in ``dept``."""
    return await person(session, await section(session, dept))


def pdf_bytes() -> bytes:
    return memo_pdf("测试委托书", ["测试"])


async def basis_document(session: SerialSession, dept: Department) -> BasisDocument:
    assert dept.id is not None
    n = next(_seq)
    return await linkages.upload_basis_document(
        session=session,
        data=BasisDocumentCreate(
            kind=BasisKind.MEMORANDUM,
            number=f"测试备忘录〔2026〕{n}号",
            signed_on=date(2026, 2, 1),
            parties="测试双方",
        ),
        content=pdf_bytes(),
        file_name=f"memo-{n}.pdf",
        department_id=dept.id,
    )


async def linkage(
    session: SerialSession,
    *,
    approving: Department,
    supervising: Department,
    approval_matter: Matter | None = None,
    supervision_matter: Matter | None = None,
    a_person: Person | None = None,
    s_person: Person | None = None,
    confirm: bool = False,
) -> Linkage:
    """A linkage between two departments (with a basis document when they differ)."""
    a_matter = approval_matter or await matter(session, approving)
    s_matter = supervision_matter or await matter(session, supervising, kind=MatterKind.SUPERVISION)
    a_person = a_person or await responsible(session, approving)
    s_person = s_person or await responsible(session, supervising)
    document = None if approving.id == supervising.id else await basis_document(session, approving)
    assert a_matter.id
    assert s_matter.id
    assert a_person.id
    assert s_person.id
    assert approving.id
    assert supervising.id
    row = await linkages.create_linkage(
        session=session,
        data=LinkageCreate(
            approval_matter_id=a_matter.id,
            supervision_matter_id=s_matter.id,
            approving_department_id=approving.id,
            approving_section_id=a_person.section_id,
            approving_person_id=a_person.id,
            supervising_department_id=supervising.id,
            supervising_section_id=s_person.section_id,
            supervising_person_id=s_person.id,
            principles=[Principle.WHO_GOVERNS],
            basis_document_id=document.id if document else None,
        ),
    )
    if confirm:
        assert row.id is not None
        await linkages.confirm_linkage(
            session=session,
            linkage_id=row.id,
            scope=Scope(department_id=supervising.id, city_wide=False),
        )
    return row


def published_entry(
    approval_matter: Matter,
    supervising: Department,
    *,
    approving: Department | None = None,
    channel: str = "ONLINE",
    claim_days: int = 3,
    feedback_days: int = 10,
    mobile: str = "13800000000",
    liaison: str = "接收联络员",
) -> dict[str, Any]:
    """One entry of the ``catalog.linkage_list.published`` payload (docs/EVENTS.md)."""
    n = next(_seq)
    return {
        "linkage_id": n,
        "approval_matter_id": approval_matter.id,
        "approval_matter_code": approval_matter.code,
        "approval_matter_name": approval_matter.name,
        "approving_department_id": (approving.id if approving else approval_matter.department_id),
        "supervision_matter_id": 900_000 + n,
        "supervision_matter_code": f"JG-{n:05d}",
        "supervision_matter_name": f"{approval_matter.name}监督检查",
        "supervising_department_id": supervising.id,
        "channel": channel,
        "claim_days": claim_days,
        "feedback_days": feedback_days,
        "confidentiality": "PUBLIC",
        "receive_liaison_name": liaison,
        "receive_liaison_mobile": mobile,
    }


async def deliver(session: SerialSession) -> int:
    """Run the outbox handlers for every due message inside the test's transaction."""
    delivered = 0
    while await events.process_one(session, consumer_table()):
        delivered += 1
    return delivered


async def publish_list(session: SerialSession, entries: list[dict[str, Any]]) -> int:
    """Catalog's side is another subgraph: emit its documented event, then deliver it."""
    version = next(_versions)
    await events.emit(
        session,
        topic="catalog.linkage_list.published",
        key=str(version),
        payload={
            "version": version,
            "published_at": datetime.now(UTC).isoformat(),
            "entries": entries,
        },
    )
    await deliver(session)
    return version


def credit_ticket(
    app: Application,
    *,
    level: str = "NORMAL",
    modes: tuple[str, ...] = ("NORMAL",),
    joint_punished: bool = False,
    lookup_id: int = 77,
) -> str:
    """A ticket as the credit subgraph's ``creditCheck`` signs it."""
    assert app.id is not None
    return sign_ticket(
        CreditTicket(
            lookup_id=lookup_id,
            subject_code=app.applicant_key or app.applicant_code,
            application_id=app.id,
            level=level,
            joint_punished=joint_punished,
            allowed_modes=modes,
            checked_at=datetime.now(UTC).replace(microsecond=0),
        )
    )
