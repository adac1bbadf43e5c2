"""`shenguan seed --scale small` fills an empty database that the graph then answers over."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
import sqlalchemy as sa
import sqlalchemy.orm
from sqlalchemy.ext.asyncio import AsyncEngine

from api.approval.loaders import ApprovalLoaders
from api.approval.models import Application, LinkageEntry, Push
from api.approval.schema import schema as approval_schema
from api.catalog.loaders import CatalogLoaders
from api.catalog.models import Department, Linkage, ListVersion, Matter
from api.catalog.schema import schema as catalog_schema
from api.core.auth import Principal
from api.core.authz import Authorizer
from api.core.db import SerialSession, make_engine
from api.core.identifiers import uscc_problem
from api.credit.models import CreditRecord, Subject
from api.seed import SCALES, seed
from api.supervision.models import Finding, LinkedMatter, ReceivedPush
from tests.databases import migrated_database
from tests.graphql import run

SMALL = SCALES["small"]


@pytest.fixture(scope="module")
def seed_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database of its own: the seed needs an empty one, the other tests share theirs."""
    with migrated_database(tmp_path_factory.mktemp("seed")) as url:
        yield url


@pytest.fixture(scope="module")
async def seeded(seed_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(seed_url)
    try:
        await seed(engine, SMALL)
        yield engine
    finally:
        await engine.dispose()


async def _count(engine: AsyncEngine, table: type, where: object = None) -> int:
    stmt = sa.select(sa.func.count()).select_from(table)
    if where is not None:
        stmt = stmt.where(where)  # type: ignore[arg-type]
    async with engine.connect() as conn:
        return int((await conn.execute(stmt)).scalar_one())


async def _principal(engine: AsyncEngine, username: str) -> Principal:
    """The benchmark account as the services made it (its one role names its department)."""
    async with engine.connect() as conn:
        user_id = (
            await conn.execute(
                sa.text("SELECT id FROM core_user WHERE username = :u"), {"u": username}
            )
        ).scalar_one()
        dept = (
            await conn.execute(
                sa.text("SELECT v2 FROM casbin_rule WHERE ptype = 'g' AND v0 = :u"), {"u": username}
            )
        ).scalar_one()
    return Principal(user_id=user_id, username=username, department_id=dept)


async def test_seed_writes_the_configured_numbers_of_rows(seeded):
    counts = {
        "departments": await _count(seeded, Department),
        "matters": await _count(seeded, Matter),
        "linkages": await _count(seeded, Linkage),
        "applications": await _count(seeded, Application),
        "pushes": await _count(seeded, Push),
        "received pushes": await _count(seeded, ReceivedPush),
        "findings": await _count(seeded, Finding),
        "subjects": await _count(seeded, Subject),
        "credit records": await _count(seeded, CreditRecord),
        "list versions": await _count(seeded, ListVersion),
        "approval replica": await _count(seeded, LinkageEntry),
        "supervision replica": await _count(seeded, LinkedMatter),
    }
    assert counts == {
        "departments": SMALL.departments,
        "matters": SMALL.matters,
        "linkages": SMALL.linkages,
        "applications": SMALL.applications,
        "pushes": SMALL.pushes,
        "received pushes": SMALL.pushes,
        "findings": SMALL.findings,
        "subjects": SMALL.subjects,
        "credit records": SMALL.credit_records,
        "list versions": 1,
        "approval replica": SMALL.linkages,
        "supervision replica": SMALL.linkages,
    }


async def test_seeded_subject_codes_carry_valid_check_characters(seeded):
    async with seeded.connect() as conn:
        codes = (await conn.execute(sa.select(Subject.credit_code))).scalars().all()  # type: ignore[call-overload]
    assert [c for c in codes if uscc_problem(c) is not None] == []


async def test_the_benchmark_liaison_sees_its_inbox_over_seeded_data(seeded):
    principal = await _principal(seeded, "bench_liaison")
    dept = int(principal.department_id)
    total = await _count(seeded, Push, Push.department_id == dept)
    async with seeded.connect() as conn:
        first = (
            await conn.execute(
                sa.select(Push.stage, Application.applicant_name, Application.status)  # type: ignore[call-overload]
                .join(Application, Application.id == Push.application_id)
                .where(Push.department_id == dept)
                .order_by(Push.id)
                .limit(2)
            )
        ).all()
    async with seeded.connect() as connection:
        session = SerialSession(bind=connection, expire_on_commit=False)
        authorizer = await Authorizer.from_engine(seeded)
        result = await run(
            approval_schema,
            ApprovalLoaders,
            "{ pushInbox(first: 2) { totalCount edges { node { stage"
            " application { applicantName status } } } } }",
            session=session,
            authorizer=authorizer,
            principal=principal,
        )
        await session.close()
    assert result.errors is None
    assert total > 0
    assert result.data == {
        "pushInbox": {
            "totalCount": total,
            "edges": [
                {
                    "node": {
                        "stage": stage,
                        "application": {"applicantName": name, "status": status},
                    }
                }
                for stage, name, status in first
            ],
        }
    }


async def test_the_coordination_office_pages_the_seeded_linkage_list(seeded):
    principal = await _principal(seeded, "bench_coord")
    approval, supervision = sa.orm.aliased(Matter), sa.orm.aliased(Matter)
    async with seeded.connect() as conn:
        expected = (
            await conn.execute(
                sa.select(approval.code, supervision.code)
                .select_from(Linkage)
                .join(approval, approval.id == Linkage.approval_matter_id)
                .join(supervision, supervision.id == Linkage.supervision_matter_id)
                .order_by(Linkage.id)
                .limit(3)
            )
        ).all()
    async with seeded.connect() as connection:
        session = SerialSession(bind=connection, expire_on_commit=False)
        authorizer = await Authorizer.from_engine(seeded)
        result = await run(
            catalog_schema,
            CatalogLoaders,
            "{ linkages(first: 3, confirmed: true) { totalCount edges { node {"
            " approvalMatter { code } supervisionMatter { code } } } } }",
            session=session,
            authorizer=authorizer,
            principal=principal,
        )
        await session.close()
    assert result.errors is None
    assert result.data == {
        "linkages": {
            "totalCount": SMALL.linkages,
            "edges": [
                {"node": {"approvalMatter": {"code": a}, "supervisionMatter": {"code": s}}}
                for a, s in expected
            ],
        }
    }
