"""`shenguan migrate`: Alembic to the newest revision of every branch, then the default policy."""

from __future__ import annotations

import asyncio

from alembic import command
from alembic.config import Config
from sqlalchemy.ext.asyncio import AsyncEngine

from api.core.authz import load_default_policy_if_empty
from api.core.config import ROOT_DIR, get_settings
from api.core.db import make_engine, session_scope
from api.core.workdays import seed_calendar_if_empty


def alembic_config(database_url: str) -> Config:
    config = Config(str(ROOT_DIR / "alembic.ini"))
    config.attributes["database_url"] = database_url
    config.attributes["skip_logging"] = True
    return config


def upgrade(database_url: str) -> None:
    # Alembic's env.py runs its own event loop: call this outside any running loop.
    command.upgrade(alembic_config(database_url), "heads")


async def load_default_policy(engine: AsyncEngine) -> int:
    async with session_scope(engine) as session:
        # The holiday calendar is data too: seeded once, then maintained by administrators.
        await seed_calendar_if_empty(session)
        return await load_default_policy_if_empty(session)


def migrate(database_url: str | None = None) -> int:
    """Upgrade the schema and seed the default policy; returns policy rows added."""
    url = database_url or get_settings().effective_database_url
    if url.startswith("sqlite"):
        get_settings().var_dir.mkdir(parents=True, exist_ok=True)
    upgrade(url)

    async def _policy() -> int:
        engine = make_engine(url)
        try:
            return await load_default_policy(engine)
        finally:
            await engine.dispose()

    return asyncio.run(_policy())
