"""The demo's linkage activity goes through the services and the outbox: the statistics page
has real pushes, claims, feedback and credit checks from the first sign-in."""

from __future__ import annotations

import asyncio
from pathlib import Path

import sqlalchemy as sa

from api import demo, registry
from api.approval.models import FeedbackState, Push, PushState
from api.coordination.services import statistics
from api.core.clock import local_today
from api.core.db import make_engine, session_scope
from api.core.events import OutboxMessage, OutboxStatus
from tests.databases import migrated_database


async def _load_and_read(url: str):
    engine = make_engine(url)
    try:
        async with session_scope(engine) as session:
            await demo.load_demo(session)
            caused = await demo.load_demo_activity(session)
        async with session_scope(engine) as session:
            pushes = (await session.execute(sa.select(Push))).scalars().all()
            undelivered = sa.select(OutboxMessage.topic, OutboxMessage.last_error).where(
                OutboxMessage.status != OutboxStatus.DELIVERED
            )
            pending = (await session.execute(undelivered)).all()
            today = local_today()
            period = statistics.Period(today.replace(month=1, day=1), today)
            rows = await statistics.series(session, period, by=statistics.Grouping.DEPARTMENT)
    finally:
        await engine.dispose()
    return caused, pushes, pending, rows


def test_the_demo_activity_leaves_pushes_feedback_and_statistics(tmp_path: Path) -> None:
    with migrated_database(tmp_path) as url:
        caused, pushes, pending, rows = asyncio.run(_load_and_read(url))

    assert caused == len(pushes) == 10  # six acceptances and four licences, to 卫健委
    assert {p.state for p in pushes} == {PushState.CLAIMED}  # online: claimed on delivery
    closed = [p for p in pushes if p.feedback_state == FeedbackState.NO_ABNORMALITY]
    assert len(closed) == 2
    # Every event delivered before the stack serves, but those no subgraph consumes yet:
    # they are kept, failed with the reason, never marked delivered.
    assert {topic for topic, _error in pending} <= set(registry.AWAITING_CONSUMER)
    assert {error.split("(")[0] for _topic, error in pending} <= {"NoConsumerError"}
    active = [r.figures for r in rows if r.figures.pushes_sent or r.figures.pushes_received]
    sender, receiver = sorted(active, key=lambda f: -f.pushes_sent)
    assert len(active) == 2
    assert (sender.pushes_sent, sender.acceptances, sender.acceptances_with_credit_check) == (
        10,
        6,
        6,
    )
    assert (receiver.pushes_received, receiver.pushes_claimed, receiver.feedback_on_time) == (
        10,
        10,
        2,
    )
