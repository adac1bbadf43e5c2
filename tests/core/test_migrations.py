"""One Alembic history serves SQLite and PostgreSQL, and matches the models exactly."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import SQLModel

from api.core.migrate import alembic_config


async def test_migrated_schema_matches_the_models(engine: AsyncEngine):
    def diff(connection):
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, SQLModel.metadata)

    async with engine.connect() as connection:
        differences = await connection.run_sync(diff)
    assert differences == []


async def test_every_branch_is_at_its_head(engine: AsyncEngine):
    # A revision another branch depends on (approval 6f2d8b4a1c37, which the core revision
    # e5b7c1d9a3f2 follows) is no head in the version table: the dependent one stands for it.
    script = ScriptDirectory.from_config(alembic_config("unused"))
    heads = set(script.get_heads(consider_depends_on=True))

    def current(connection):
        return set(MigrationContext.configure(connection).get_current_heads())

    async with engine.connect() as connection:
        assert await connection.run_sync(current) == heads
