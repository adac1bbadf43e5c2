"""The access revision that adds `schema, introspect` to a database whose policy predates it."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from sqlmodel import col, delete, select

from api.core.authz import current_rules
from api.core.db import make_engine, session_scope
from api.core.migrate import alembic_config, migrate
from api.core.models import CasbinRule, PolicyVersion
from tests.databases import fresh_database

BEFORE_INTROSPECT_RIGHT = "7bb1c4995923"  # down_revision of c4e1a9d2f7b3

RULES = [
    ["p", "system_admin", "*", "schema", "introspect"],
    ["p", "schema_reader", "*", "schema", "introspect"],
]


async def _state(url: str, *, drop: bool = False) -> tuple[list[list[str]], list[PolicyVersion]]:
    engine = make_engine(url)
    try:
        async with session_scope(engine) as session:
            if drop:
                await session.exec(delete(CasbinRule).where(col(CasbinRule.v2) == "schema"))  # type: ignore[call-overload]
            rules = await current_rules(session)
            versions = list(
                (await session.exec(select(PolicyVersion).order_by(col(PolicyVersion.id)))).all()
            )
            return rules, versions
    finally:
        await engine.dispose()


def test_an_existing_policy_gets_the_introspect_right_once(tmp_path: Path):
    with fresh_database(tmp_path) as url:
        migrate(url)
        fresh, _ = asyncio.run(_state(url))
        assert all(rule in fresh for rule in RULES)  # from policies/policy.csv
        # A policy loaded before the right existed: remove it and run the revision again.
        # Below the revision that grants it (and below its sibling head, merged after both).
        command.downgrade(alembic_config(url), BEFORE_INTROSPECT_RIGHT)
        old, versions_before = asyncio.run(_state(url, drop=True))
        assert not any(rule in old for rule in RULES)

        command.upgrade(alembic_config(url), "heads")
        rules, versions = asyncio.run(_state(url))

        assert [r for r in rules if r[3:4] == ["schema"]] == RULES
        assert len(versions) == len(versions_before) + 1
        assert versions[-1].rules == rules
        assert "schema/introspect" in versions[-1].summary
        assert sorted(map(tuple, rules)) == sorted(map(tuple, old + RULES))
