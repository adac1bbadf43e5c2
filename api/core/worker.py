"""The outbox worker: delivers events and runs the daily jobs.

``shenguan worker`` runs one alone (scale-out: as many as you like on PostgreSQL, they share
the rows through ``FOR UPDATE SKIP LOCKED``); ``shenguan serve`` runs one beside the
subgraphs. Subgraphs register their handlers (``events.handles``) and daily jobs
(``daily``) in modules that ``api.handlers`` imports.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
from collections.abc import Awaitable, Callable
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import Field, SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core import clock, events
from api.core.clock import local_today
from api.core.db import session_factory
from api.core.models import utcnow

log = logging.getLogger("shenguan.worker")

DailyJob = Callable[[AsyncSession, date], Awaitable[int]]
PeriodicJob = Callable[[AsyncSession, datetime], Awaitable[int]]
_daily_jobs: dict[str, DailyJob] = {}
_periodic_jobs: dict[str, PeriodicJob] = {}


class JobRun(SQLModel, table=True):
    """A daily job ran for a day: the unique pair makes a second worker's run a no-op."""

    __tablename__ = "core_job_run"
    __table_args__ = (sa.UniqueConstraint("name", "run_on"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    run_on: date
    items: int = 0
    finished_at: datetime = Field(default_factory=utcnow)


def daily(name: str) -> Callable[[DailyJob], DailyJob]:
    def register(job: DailyJob) -> DailyJob:
        _daily_jobs[name] = job
        return job

    return register


def periodic(name: str) -> Callable[[PeriodicJob], PeriodicJob]:
    """A job run every few minutes (``SHENGUAN_PERIODIC_JOB_SECONDS``); it must be idempotent."""

    def register(job: PeriodicJob) -> PeriodicJob:
        _periodic_jobs[name] = job
        return job

    return register


async def run_periodic_jobs(engine: AsyncEngine, *, now: datetime | None = None) -> dict[str, int]:
    """Run every periodic job once, each in its own transaction; items per job."""
    moment = now or utcnow()
    done: dict[str, int] = {}
    factory = session_factory(engine)
    for name, job in sorted(_periodic_jobs.items()):
        try:
            async with factory() as session, session.begin():
                done[name] = await job(session, moment)
        except IntegrityError:
            # Another worker wrote the same rows first (jobs write unique rows): its turn.
            continue
    return done


async def run_daily_jobs(engine: AsyncEngine, *, today: date | None = None) -> dict[str, int]:
    """Run each registered job once for ``today``; returns items per job that ran now."""
    day = today or local_today()
    done: dict[str, int] = {}
    factory = session_factory(engine)
    for name, job in sorted(_daily_jobs.items()):
        try:
            async with factory() as session, session.begin():
                run = JobRun(name=name, run_on=day)
                session.add(run)
                await session.flush()  # a second worker fails here and skips the job
                run.items = await job(session, day)
                session.add(run)
        except IntegrityError:
            continue
        done[name] = run.items
    return done


async def run_worker(
    engine: AsyncEngine,
    *,
    stop: asyncio.Event,
    poll_seconds: float = 0.5,
    batch: int = 100,
    daily_jobs: bool = True,
) -> None:
    """Deliver due messages until ``stop`` is set; sleeps ``poll_seconds`` when idle."""
    from api.core.config import get_settings  # noqa: PLC0415

    last_daily: date | None = None
    last_periodic = 0.0
    # A moved clock (SHENGUAN_CLOCK_FILE) runs the periodic jobs at once, not minutes later.
    last_offset = clock.offset()
    interval = get_settings().periodic_job_seconds
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        try:
            if daily_jobs and last_daily != local_today():
                await run_daily_jobs(engine)
                last_daily = local_today()
            moved = clock.offset() != last_offset
            if daily_jobs and (moved or loop.time() - last_periodic >= interval):
                last_periodic = loop.time()
                last_offset = clock.offset()
                await run_periodic_jobs(engine)
            delivered = await events.dispatch_pending(engine, limit=batch)
        except Exception:
            # The database may be restarting; try again after a pause, never die silently.
            log.exception("outbox worker iteration failed")
            delivered = 0
        if delivered == 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=poll_seconds)


async def embedded(engine: AsyncEngine, stop: asyncio.Event) -> None:
    """The worker inside a subgraph process (``shenguan serve``): every handler registered."""
    from api.core.config import get_settings  # noqa: PLC0415

    importlib.import_module("api.handlers")
    await run_worker(engine, stop=stop, poll_seconds=get_settings().worker_poll_seconds)
