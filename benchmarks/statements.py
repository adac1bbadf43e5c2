"""SQL statements per request, counted in-process with an SQLAlchemy listener.

A page through the gateway is one subgraph query plus one `_entities` call per other
subgraph it touches; each is run here against its subgraph's schema, exactly as the gateway
sends it, and the statements of all of them are added up. The session look-up every
subgraph does for the bearer token (2 statements per subgraph call) is not included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from api.approval.loaders import ApprovalLoaders
from api.approval.schema import schema as approval_schema
from api.catalog.loaders import CatalogLoaders
from api.catalog.schema import schema as catalog_schema
from api.core.auth import Principal
from api.core.authz import Authorizer
from api.core.context import Context
from api.core.db import SerialSession
from api.credit.loaders import CreditLoaders
from api.credit.schema import schema as credit_schema
from api.supervision.loaders import SupervisionLoaders
from api.supervision.schema import schema as supervision_schema

_SKIP = ("SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT")


@dataclass
class Counter:
    count: int = 0

    def __call__(self, _conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if not statement.strip().upper().startswith(_SKIP):
            self.count += 1


async def _execute(
    engine: AsyncEngine,
    authorizer: Authorizer,
    principal: Principal,
    target: tuple[Any, Any],
    query: str,
    variables: dict[str, Any],
) -> tuple[int, dict[str, Any]]:
    schema, loaders = target
    counter = Counter()
    event.listen(engine.sync_engine, "before_cursor_execute", counter)
    try:
        async with engine.connect() as connection:
            session = SerialSession(bind=connection, expire_on_commit=False)
            context = Context(
                request=None,  # type: ignore[arg-type]
                response=None,
                session=session,
                principal=principal,
                authorizer=authorizer,
                loaders=loaders(session),
            )
            result = await schema.execute(query, variable_values=variables, context_value=context)
            await session.rollback()  # the credit page writes a look-up log row: not kept
            await session.close()
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", counter)
    if result.errors:
        raise RuntimeError(f"{query[:60]}…: {result.errors}")
    return counter.count, result.data or {}


APPROVAL = (approval_schema, ApprovalLoaders)
CATALOG = (catalog_schema, CatalogLoaders)
CREDIT = (credit_schema, CreditLoaders)
SUPERVISION = (supervision_schema, SupervisionLoaders)

_INBOX_ROOT = """query($first: Int!) { pushInbox(first: $first) { totalCount edges { node {
  id stage state pushedAt claimDue feedbackState
  application { id status applicantName } } } } }"""


async def inbox(
    engine: AsyncEngine, authorizer: Authorizer, principal: Principal, first: int
) -> int:
    total, data = await _execute(
        engine, authorizer, principal, APPROVAL, _INBOX_ROOT, {"first": first}
    )
    app_ids = [e["node"]["application"]["id"] for e in data["pushInbox"]["edges"]]
    async with engine.connect() as conn:
        rows = (
            await conn.execute(
                sa.text(
                    "SELECT id, matter_id, applicant_code FROM approval_application"
                    " WHERE id = ANY(:ids)"
                ),
                {"ids": [int(i) for i in app_ids]},
            )
        ).all()
    steps: Sequence[tuple[tuple[Any, Any], str, list[dict[str, Any]]]] = [
        (
            CATALOG,
            "... on Matter { code name }",
            [{"__typename": "Matter", "id": str(r.matter_id)} for r in rows],
        ),
        (
            CREDIT,
            "... on Subject { name }",
            [{"__typename": "Subject", "creditCode": r.applicant_code} for r in rows],
        ),
        (
            SUPERVISION,
            "... on Application { findings { kind abnormal summary foundOn } }",
            [{"__typename": "Application", "id": str(r.id)} for r in rows],
        ),
    ]
    for target, selection, representations in steps:
        count, _ = await _execute(
            engine,
            authorizer,
            principal,
            target,
            "query($r: [_Any!]!) { _entities(representations: $r) { " + selection + " } }",
            {"r": representations},
        )
        total += count
    return total


_LINKAGES = """query($first: Int!) { linkages(first: $first) { totalCount edges { node {
  id channel claimDays feedbackDays approvalMatter { code name } supervisionMatter { code name }
  approvingDepartment { name } supervisingDepartment { name }
  approvingPerson { name mobile } supervisingPerson { name mobile } } } } }"""


async def linkages(
    engine: AsyncEngine, authorizer: Authorizer, principal: Principal, first: int
) -> int:
    count, _ = await _execute(engine, authorizer, principal, CATALOG, _LINKAGES, {"first": first})
    return count


_CREDIT = """query($code: String!) { subject(creditCode: $code, purpose: "基准测试") {
  ... on CreditProfile { subject { name kind } assessment { level score ruleVersion summary }
  records { category title decidedOn validUntil } } } }"""


async def credit(
    engine: AsyncEngine, authorizer: Authorizer, principal: Principal, code: str
) -> int:
    count, _ = await _execute(engine, authorizer, principal, CREDIT, _CREDIT, {"code": code})
    return count
