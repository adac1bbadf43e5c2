"""Where the outbox worker's time goes: CPU and SQL statements per delivered message.

    .venv/bin/python -m benchmarks.outbox_profile --database shenguan_bench --messages 600
    .venv/bin/python -m benchmarks.outbox_profile --messages 600 --cprofile 30   # top functions

On a database the benchmark has used (section 5 leaves its messages delivered), re-queues the
newest ``--messages`` messages of the three topics an acceptance emits (``approval.push.created``,
``approval.application.accepted``, ``credit.lookup.recorded``): their receipts, the received
pushes, push, application and look-up facts and SMS records their consumers wrote are deleted
and the rows are PENDING again, so the consumers do their whole work (inserts, not no-ops).
Then delivers them in this process with ``events.dispatch_pending`` (one worker, the product's
batch size) and prints the wall time, this process's CPU time per message and the statements
by kind and table. It changes the benchmark database only; PostgreSQL's own CPU is not in the
figure. Compare two versions on one machine back to back: CPU per message is what compares on
a busy machine.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import re
import time
from collections import Counter
from typing import Any

import asyncpg
import sqlalchemy as sa

from api import registry
from api.core import events
from api.core.db import make_engine

TOPICS = ["approval.push.created", "approval.application.accepted", "credit.lookup.recorded"]


async def requeue(dsn: str, count: int) -> int:
    conn = await asyncpg.connect(dsn)
    try:
        ids = [
            r[0]
            for r in await conn.fetch(
                "SELECT id FROM core_outbox WHERE topic = ANY($1) ORDER BY id DESC LIMIT $2",
                TOPICS,
                count,
            )
        ]

        async def keys(topic: str, key: str) -> list[int]:
            rows = await conn.fetch(
                "SELECT (payload->>$3)::int FROM core_outbox WHERE id = ANY($1) AND topic = $2",
                ids,
                topic,
                key,
            )
            return [int(r[0]) for r in rows]

        pushes = await keys("approval.push.created", "push_id")
        applications = await keys("approval.application.accepted", "application_id")
        lookups = await keys("credit.lookup.recorded", "lookup_id")
        async with conn.transaction():
            await conn.execute("DELETE FROM core_inbox WHERE message_id = ANY($1)", ids)
            await conn.execute(
                "DELETE FROM supervision_received_push WHERE push_id = ANY($1)", pushes
            )
            await conn.execute("DELETE FROM coordination_fact_push WHERE push_id = ANY($1)", pushes)
            await conn.execute(
                "DELETE FROM coordination_fact_application WHERE application_id = ANY($1)",
                applications,
            )
            await conn.execute(
                "DELETE FROM coordination_fact_lookup WHERE lookup_id = ANY($1)", lookups
            )
            await conn.execute(
                "DELETE FROM approval_sms_message WHERE key = ANY($1)",
                [f"push:{i}" for i in pushes],
            )
            await conn.execute(
                "UPDATE core_outbox SET status = 'PENDING', attempts = 0, delivered_at = NULL,"
                " next_attempt_at = now() - interval '1 hour' WHERE id = ANY($1)",
                ids,
            )
        return len(ids)
    finally:
        await conn.close()


def _kind(statement: str) -> str:
    words = statement.split()
    if words[0] == "SELECT":
        found = re.search(r"FROM (\w+)", statement)
        return f"SELECT {found.group(1) if found else ''}"
    if words[0] in ("INSERT", "DELETE"):
        return f"{words[0]} {words[2]}"
    if words[0] == "UPDATE":
        return f"UPDATE {words[1]}"
    return words[0]


async def deliver(url: str, top: int) -> None:
    engine = make_engine(url)
    consumers = registry.consumer_table()
    statements: Counter[str] = Counter()

    @sa.event.listens_for(engine.sync_engine, "before_cursor_execute")
    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements[_kind(statement)] += 1

    # Connect and import before the clock starts (a topic nobody emits: nothing is delivered).
    await events.dispatch_pending(engine, consumers, limit=1, topics=["benchmark.warm-up"])
    statements.clear()
    profile = cProfile.Profile() if top else None
    wall, cpu = time.perf_counter(), time.process_time()
    if profile is not None:
        profile.enable()
    done = 0
    while tried := await events.dispatch_pending(engine, consumers, limit=100):
        done += tried
    if profile is not None:
        profile.disable()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    await engine.dispose()
    per = 1000 * cpu / done if done else float("nan")
    print(f"{done} messages in {wall:.2f} s: {done / wall:.0f}/s; {per:.2f} ms CPU per message")
    print(f"{sum(statements.values())} statements ({sum(statements.values()) / max(done, 1):.2f} "
          "per message):")  # fmt: skip
    for kind, n in statements.most_common():
        print(f"  {n:6d}  {kind}")
    if profile is not None:
        pstats.Stats(profile).sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", default="shenguan_bench")
    parser.add_argument("--messages", type=int, default=600)
    parser.add_argument("--cprofile", type=int, default=0, help="print the top N functions")
    args = parser.parse_args(argv)
    dsn = f"postgresql://postgres@127.0.0.1:5432/{args.database}"
    queued = asyncio.run(requeue(dsn, args.messages))
    print(f"re-queued {queued} messages of {', '.join(TOPICS)}")
    asyncio.run(deliver(dsn.replace("postgresql://", "postgresql+asyncpg://"), args.cprofile))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
