"""The bureau's own SQLite file: inspection visits, and who asked for them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

import sqlalchemy as sa

metadata = sa.MetaData()

visits = sa.Table(
    "inspection_visit",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    # The platform's keys: Application.id and Subject.creditCode.
    sa.Column("application_id", sa.String(32), nullable=False, index=True),
    sa.Column("credit_code", sa.String(32), nullable=False, index=True),
    sa.Column("visited_on", sa.Date, nullable=False),
    sa.Column("inspector", sa.String(64), nullable=False),
    sa.Column("result", sa.String(32), nullable=False),
    # Internal remarks, shown only to callers of the inspecting department.
    sa.Column("note", sa.Text, nullable=False, default=""),
    sa.Column("department_id", sa.String(32), nullable=False),
)

# Every answer the bureau gives to the platform: who asked, from which department, for what.
access_log = sa.Table(
    "access_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("request_id", sa.String(64), nullable=False),
    sa.Column("username", sa.String(64), nullable=True),
    sa.Column("department_id", sa.String(32), nullable=True),
    sa.Column("what", sa.String(200), nullable=False),
)

RESULTS = ("PASSED", "RECTIFICATION_REQUIRED", "FAILED")


def engine_for(path: Path) -> sa.Engine:
    engine = sa.create_engine(f"sqlite:///{path}")
    metadata.create_all(engine)
    return engine


def add_visit(
    engine: sa.Engine,
    *,
    application_id: str,
    credit_code: str,
    visited_on: dt.date,
    inspector: str,
    result: str,
    department_id: str,
    note: str = "",
) -> int:
    if result not in RESULTS:
        msg = f"result: one of {', '.join(RESULTS)}"
        raise ValueError(msg)
    if not inspector.strip():
        raise ValueError("inspector: required")
    with engine.begin() as conn:
        row = conn.execute(
            visits.insert().values(
                application_id=application_id,
                credit_code=credit_code,
                visited_on=visited_on,
                inspector=inspector.strip(),
                result=result,
                note=note,
                department_id=department_id,
            )
        )
        return int(row.inserted_primary_key[0])


def visits_of(engine: sa.Engine, application_ids: Iterable[str]) -> dict[str, list[sa.Row]]:
    ids = list(application_ids)
    found: dict[str, list[sa.Row]] = {i: [] for i in ids}
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(visits)
            .where(visits.c.application_id.in_(ids))
            .order_by(visits.c.visited_on, visits.c.id)
        )
        for row in rows:
            found[row.application_id].append(row)
    return found


def visits_of_subjects(engine: sa.Engine, codes: Iterable[str]) -> dict[str, list[sa.Row]]:
    wanted = list(codes)
    found: dict[str, list[sa.Row]] = {c: [] for c in wanted}
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(visits)
            .where(visits.c.credit_code.in_(wanted))
            .order_by(visits.c.visited_on, visits.c.id)
        )
        for row in rows:
            found[row.credit_code].append(row)
    return found


def log_access(
    engine: sa.Engine,
    *,
    request_id: str,
    username: str | None,
    department_id: str | None,
    what: str,
) -> None:
    with engine.begin() as conn:
        conn.execute(
            access_log.insert().values(
                at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
                request_id=request_id,
                username=username,
                department_id=department_id,
                what=what[:200],
            )
        )


def access_rows(engine: sa.Engine) -> Sequence[sa.Row]:
    with engine.connect() as conn:
        return conn.execute(sa.select(access_log).order_by(access_log.c.id)).all()
