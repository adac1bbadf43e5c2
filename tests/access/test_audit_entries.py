import base64
from datetime import timedelta

import pytest
from sqlmodel import select, update

from api.core.audit import (
    Actor,
    AuditAction,
    AuditEntry,
    AuditFilter,
    AuditOutcome,
    list_entries,
    purge,
    record,
)
from api.core.models import utcnow
from tests import factories
from tests.access.helpers import access

PAGE = """
query($first: Int!, $after: String, $filter: AuditFilterInput) {
  auditEntries(first: $first, after: $after, filter: $filter) {
    edges { cursor node { actor action target outcome clientAddress } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


async def _three_exports(session):
    for n in range(3):
        await record(
            session,
            actor=Actor("exporter", "7", "10.0.0.9"),
            action=AuditAction.EXPORT,
            outcome=AuditOutcome.SUCCESS,
            target=f"export-{n}",
        )
    await record(
        session,
        actor=Actor("looker", "7", "10.0.0.8"),
        action=AuditAction.CREDIT_LOOKUP,
        outcome=AuditOutcome.SUCCESS,
        target="91430900MA4L00001U",
    )


async def test_audit_entries_page_newest_first_with_cursors_and_filters(session, authorizer):
    dept = await factories.department(session)
    admin = await factories.user(session, authorizer, role="system_admin", dept=dept)
    await _three_exports(session)
    first_two = await list_entries(
        session, filters=AuditFilter(action=AuditAction.EXPORT), before_id=None, limit=2
    )

    first_targets = [e.target for e in first_two]
    cursor = base64.urlsafe_b64encode(f"audit:{first_two[-1].id}".encode()).decode()
    result = await access(
        PAGE,
        session=session,
        authorizer=authorizer,
        principal=admin,
        variables={"first": 2, "after": cursor, "filter": {"action": "EXPORT"}},
    )

    assert first_targets == ["export-2", "export-1"]
    edges = result.data["auditEntries"]["edges"]
    assert [e["node"] for e in edges] == [
        {
            "actor": "exporter",
            "action": "EXPORT",
            "target": "export-0",
            "outcome": "SUCCESS",
            "clientAddress": "10.0.0.9",
        }
    ]
    assert result.data["auditEntries"]["pageInfo"] == {
        "hasNextPage": False,
        "endCursor": edges[0]["cursor"],
    }


async def test_a_supervision_liaison_cannot_read_the_audit_trail(session, authorizer):
    dept = await factories.department(session)
    liaison = await factories.user(session, authorizer, role="supervision_liaison", dept=dept)

    result = await access(
        PAGE, session=session, authorizer=authorizer, principal=liaison, variables={"first": 1}
    )

    assert result.data is None
    assert result.errors[0].extensions == {"code": "FORBIDDEN"}


async def test_purge_removes_only_rows_older_than_the_retention(session):
    await _three_exports(session)
    rows = (await session.exec(select(AuditEntry).order_by(AuditEntry.id))).all()
    old, kept = rows[0], rows[1]
    await session.exec(
        update(AuditEntry).where(AuditEntry.id == old.id).values(at=utcnow() - timedelta(days=181))
    )
    await session.exec(
        update(AuditEntry).where(AuditEntry.id == kept.id).values(at=utcnow() - timedelta(days=179))
    )

    removed = await purge(session)

    remaining = {r.id for r in (await session.exec(select(AuditEntry))).all()}
    assert removed == 1
    assert old.id not in remaining
    assert {r.id for r in rows[1:]} <= remaining


async def test_purge_refuses_a_retention_under_180_days(session):
    with pytest.raises(ValueError, match="180"):
        await purge(session, older_than_days=179)


async def test_audit_entries_name_the_person_not_the_account(session, authorizer):
    dept = await factories.department(session)
    admin = await factories.user(session, authorizer, role="system_admin", dept=dept)
    await factories.user(
        session, authorizer, role="system_admin", dept=dept, username="lisi", display_name="李四"
    )
    for actor in ("lisi", "gone_account", None):
        await record(
            session,
            actor=Actor(actor, "7", None),
            action=AuditAction.EXPORT,
            outcome=AuditOutcome.SUCCESS,
            target=f"by-{actor}",
        )

    result = await access(
        "query { auditEntries(first: 3, filter: { action: EXPORT }) "
        "{ edges { node { actor actorName } } } }",
        session=session,
        authorizer=authorizer,
        principal=admin,
    )

    assert [e["node"] for e in result.data["auditEntries"]["edges"]] == [
        {"actor": None, "actorName": None},
        {"actor": "gone_account", "actorName": "gone_account"},
        {"actor": "lisi", "actorName": "李四"},
    ]
