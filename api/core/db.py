"""Async engine and sessions for SQLite (embedded default) and PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core.config import get_settings


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def make_engine(url: str, *, echo: bool = False, sqlite_immediate: bool = False) -> AsyncEngine:
    """``sqlite_immediate``: every transaction takes SQLite's write lock when it begins.

    Several processes share one SQLite file in the embedded product (subgraphs and the outbox
    worker). A deferred transaction that reads and then writes fails at once with "database
    is locked" when another process committed in between; an immediate one waits its turn
    (busy_timeout) instead. Processes serving the product use it; tests need not.
    """
    if is_sqlite(url):
        engine = create_async_engine(url, echo=echo, connect_args={"timeout": 30})
        _configure_sqlite(engine, immediate=sqlite_immediate)
        return engine
    return create_async_engine(url, echo=echo, pool_size=10, max_overflow=10, pool_pre_ping=True)


def _configure_sqlite(engine: AsyncEngine, *, immediate: bool = False) -> None:
    # pysqlite defers BEGIN and ignores SAVEPOINT semantics; take control of transactions so
    # that rollback-per-test and nested transactions behave as on PostgreSQL.
    sync_engine = engine.sync_engine

    @event.listens_for(sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@lru_cache
def get_engine() -> AsyncEngine:
    settings = get_settings()
    url = settings.effective_database_url
    if is_sqlite(url):
        settings.var_dir.mkdir(parents=True, exist_ok=True)
    return make_engine(url, echo=settings.sql_echo, sqlite_immediate=True)


class SerialSession(AsyncSession):
    """An AsyncSession that queues concurrent callers instead of failing.

    GraphQL resolves sibling fields (and their DataLoaders) concurrently, but one
    AsyncSession allows one operation at a time. Each request keeps a single session, and
    so a single transaction, while its operations take turns. Re-entrant per task.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._turn = asyncio.Lock()
        self._owner: asyncio.Task[Any] | None = None

    @asynccontextmanager
    async def _serial(self) -> AsyncIterator[None]:
        task = asyncio.current_task()
        if task is not None and self._owner is task:
            yield
            return
        async with self._turn:
            self._owner = task
            try:
                yield
            finally:
                self._owner = None

    async def _call(self, method: Callable[..., Awaitable[Any]], *args: Any, **kwargs: Any) -> Any:
        async with self._serial():
            task = asyncio.ensure_future(method(self, *args, **kwargs))
            self._owner = task  # calls the method makes on this session are re-entrant
            try:
                return await asyncio.shield(task)
            except asyncio.CancelledError:
                # graphql-core cancels sibling resolvers when a field fails; a statement cut
                # off mid-flight would leave the connection unusable, so let it finish.
                await asyncio.wait([task])
                raise

    async def exec(self, *args: Any, **kwargs: Any) -> Any:
        return await self._call(AsyncSession.exec, *args, **kwargs)

    async def execute(self, *args: Any, **kwargs: Any) -> Any:
        return await self._call(AsyncSession.execute, *args, **kwargs)

    async def scalar(self, *args: Any, **kwargs: Any) -> Any:
        return await self._call(AsyncSession.scalar, *args, **kwargs)

    async def scalars(self, *args: Any, **kwargs: Any) -> Any:
        return await self._call(AsyncSession.scalars, *args, **kwargs)

    async def get(self, *args: Any, **kwargs: Any) -> Any:
        return await self._call(AsyncSession.get, *args, **kwargs)

    async def flush(self, *args: Any, **kwargs: Any) -> None:
        await self._call(AsyncSession.flush, *args, **kwargs)

    async def refresh(self, *args: Any, **kwargs: Any) -> None:
        await self._call(AsyncSession.refresh, *args, **kwargs)

    async def commit(self) -> None:
        await self._call(AsyncSession.commit)

    async def rollback(self) -> None:
        await self._call(AsyncSession.rollback)

    async def close(self) -> None:
        await self._call(AsyncSession.close)


def session_factory(engine: AsyncEngine | None = None) -> async_sessionmaker[SerialSession]:
    return async_sessionmaker(engine or get_engine(), class_=SerialSession, expire_on_commit=False)


@asynccontextmanager
async def session_scope(engine: AsyncEngine | None = None) -> AsyncIterator[SerialSession]:
    """A unit of work: commits on success, rolls back on any error."""
    async with session_factory(engine)() as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise
