"""The outbox worker: delivers events and runs the daily jobs.

``shenguan worker`` runs one alone (scale-out: as many as you like on PostgreSQL, they share
the rows through ``FOR UPDATE SKIP LOCKED``); ``shenguan serve`` runs one beside the
subgraphs. The worker knows no subgraph: it is handed a consumer table and a job table,
which the composition root (``api/registry.py``) merges from each subgraph's
``handlers.py`` (``jobs = JobTable()``, ``@jobs.daily(name)``, ``@jobs.periodic(name)``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import Field, SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.core import clock, events, metrics
from api.core.clock import local_today
from api.core.db import session_factory
from api.core.models import utcnow

log = logging.getLogger("shenguan.worker")

DailyJob = Callable[[AsyncSession, date], Awaitable[int]]
PeriodicJob = Callable[[AsyncSession, datetime], Awaitable[int]]
J = TypeVar("J")


class JobRun(SQLModel, table=True):
    """A daily job ran for a day: the unique pair makes a second worker's run a no-op."""

    __tablename__ = "core_job_run"
    __table_args__ = (sa.UniqueConstraint("name", "run_on"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    run_on: date
    items: int = 0
    finished_at: datetime = Field(default_factory=utcnow)


class JobTable:
    """Named daily and periodic jobs; each subgraph's ``handlers.py`` owns one."""

    def __init__(self) -> None:
        self._daily: dict[str, DailyJob] = {}
        self._periodic: dict[str, PeriodicJob] = {}

    def daily(self, name: str) -> Callable[[DailyJob], DailyJob]:
        """A job run once per local day (``core_job_run`` makes a second worker's run a no-op)."""

        def register(job: DailyJob) -> DailyJob:
            _add(self._daily, name, job)
            return job

        return register

    def periodic(self, name: str) -> Callable[[PeriodicJob], PeriodicJob]:
        """A job run every ``SHENGUAN_PERIODIC_JOB_SECONDS``; it must be idempotent."""

        def register(job: PeriodicJob) -> PeriodicJob:
            _add(self._periodic, name, job)
            return job

        return register

    @property
    def daily_jobs(self) -> Mapping[str, DailyJob]:
        return dict(self._daily)

    @property
    def periodic_jobs(self) -> Mapping[str, PeriodicJob]:
        return dict(self._periodic)

    @classmethod
    def merge(cls, tables: Iterable[JobTable]) -> JobTable:
        merged = cls()
        for table in tables:
            for name, job in table.daily_jobs.items():
                _add(merged._daily, name, job)
            for name, periodic_job in table.periodic_jobs.items():
                _add(merged._periodic, name, periodic_job)
        return merged


def _add(jobs: dict[str, J], name: str, job: J) -> None:
    if name in jobs:
        msg = f"job {name!r} registered twice"
        raise ValueError(msg)
    jobs[name] = job


async def run_periodic_jobs(
    engine: AsyncEngine, jobs: JobTable, *, now: datetime | None = None
) -> dict[str, int]:
    """Run every periodic job once, each in its own transaction; items per job."""
    moment = now or utcnow()
    done: dict[str, int] = {}
    factory = session_factory(engine)
    for name, job in sorted(jobs.periodic_jobs.items()):
        try:
            async with factory() as session, session.begin():
                done[name] = await job(session, moment)
        except IntegrityError:
            # Another worker wrote the same rows first (jobs write unique rows): its turn.
            continue
    return done


async def run_daily_jobs(
    engine: AsyncEngine, jobs: JobTable, *, today: date | None = None
) -> dict[str, int]:
    """Run each registered job once for ``today``; returns items per job that ran now."""
    day = today or local_today()
    done: dict[str, int] = {}
    factory = session_factory(engine)
    for name, job in sorted(jobs.daily_jobs.items()):
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
    consumers: events.ConsumerTable,
    jobs: JobTable,
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
                await run_daily_jobs(engine, jobs)
                last_daily = local_today()
            moved = clock.offset() != last_offset
            if daily_jobs and (moved or loop.time() - last_periodic >= interval):
                last_periodic = loop.time()
                last_offset = clock.offset()
                await run_periodic_jobs(engine, jobs)
            delivered = await events.dispatch_pending(engine, consumers, limit=batch, stop=stop)
        except Exception:
            # The database may be restarting; try again after a pause, never die silently.
            log.exception("outbox worker iteration failed")
            delivered = 0
        if delivered == 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=poll_seconds)


def metrics_app(engine: AsyncEngine) -> Starlette:
    """The worker's HTTP face: ``/metrics`` (outbox gauges read at each scrape, deliveries
    and SMS of this process) and ``/health``."""

    async def scrape(request: Request) -> Response:
        if not metrics.scrape_allowed(request):
            return metrics.refused()
        try:
            await metrics.refresh_outbox(engine)
        except Exception:  # noqa: BLE001 - the database is away: serve the last values
            log.warning("outbox gauges not refreshed (database unavailable)")
        return metrics.exposition()

    async def health(_request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "process": "worker"})

    return Starlette(routes=[Route("/metrics", scrape), Route("/health", health)])


async def serve_metrics(engine: AsyncEngine, *, host: str, port: int, stop: asyncio.Event) -> None:
    """Serve ``metrics_app`` until ``stop`` is set (beside ``run_worker`` in one loop)."""
    import uvicorn  # noqa: PLC0415 - only a worker with a metrics port needs it

    class _Server(uvicorn.Server):
        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            # The worker's own handlers (SIGTERM sets ``stop``) stay in place.
            yield

    server = _Server(
        uvicorn.Config(
            metrics_app(engine), host=host, port=port, log_level="warning", access_log=False
        )
    )
    task = asyncio.create_task(server.serve())
    await stop.wait()
    server.should_exit = True
    await task
