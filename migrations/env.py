"""Alembic environment: async engines for SQLite and PostgreSQL, every subgraph's tables.

`-x tables=catalog_` limits autogenerate to tables with that prefix, so a new revision on
one subgraph's branch never picks up another subgraph's tables.
"""

import asyncio
from logging.config import fileConfig

from alembic import context
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from api import registry
from api.core.config import get_settings
from api.core.db import make_engine

registry.import_models()  # every table on SQLModel.metadata

config = context.config
if config.config_file_name is not None and not config.attributes.get("skip_logging"):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = SQLModel.metadata
table_prefix = context.get_x_argument(as_dictionary=True).get("tables")


def include_object(obj, name, type_, reflected, compare_to):  # noqa: ARG001
    if table_prefix and type_ == "table":
        return name.startswith(tuple(table_prefix.split(",")))
    if table_prefix and hasattr(obj, "table"):
        return obj.table.name.startswith(tuple(table_prefix.split(",")))
    return True


def do_run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=include_object,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_async_migrations() -> None:
    url = config.attributes.get("database_url") or get_settings().effective_database_url
    engine = make_engine(url)
    async with engine.connect() as connection:
        await connection.run_sync(do_run_migrations)
        await connection.commit()
    await engine.dispose()


if context.is_offline_mode():
    context.configure(url=get_settings().effective_database_url, target_metadata=target_metadata)
    with context.begin_transaction():
        context.run_migrations()
else:
    asyncio.run(run_async_migrations())
