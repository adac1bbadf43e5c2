"""The SMS log moves from core to approval (approval 6f2d8b4a1c37 creates and fills
``approval_sms_message``, core e5b7c1d9a3f2 drops ``core_sms_message``): no message is lost,
and the next one gets a fresh id."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text
from sqlmodel import col, select

from api.approval.models.sms import SmsMessage
from api.core.db import make_engine, session_scope
from api.core.migrate import alembic_config, migrate
from tests.databases import fresh_database

BEFORE_THE_MOVE = "b9ad9f6bad30"  # down_revision of approval 6f2d8b4a1c37

INSERT_OLD = text(
    "INSERT INTO core_sms_message (id, key, mobile, recipient_name, department_id, template,"
    " params, text, sender, provider_ref, status, sent_at) VALUES (:id, :key, '13700000000',"
    " '张三', 7, 'SG_PUSH', '{\"code\": \"A1\"}', :text, 'dev', '', 'SENT',"
    " '2026-12-01 08:00:00')"
)


async def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            return set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
    finally:
        await engine.dispose()


async def _write_old(url: str) -> None:
    engine = make_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(INSERT_OLD, {"id": 5, "key": "push:1", "text": "第一条"})
            await conn.execute(INSERT_OLD, {"id": 9, "key": "push:2", "text": "第二条"})
    finally:
        await engine.dispose()


async def _messages_then_one_more(url: str) -> list[tuple[int | None, str, str, int | None]]:
    engine = make_engine(url)
    try:
        async with session_scope(engine) as session:
            session.add(
                SmsMessage(
                    key="push:3",
                    mobile="13700000001",
                    template="SG_PUSH",
                    params={},
                    text="第三条",
                    sender="dev",
                )
            )
            await session.commit()
            rows = (await session.exec(select(SmsMessage).order_by(col(SmsMessage.id)))).all()
            return [(r.id, r.key, r.text, r.department_id) for r in rows]
    finally:
        await engine.dispose()


def test_messages_sent_before_the_move_are_in_the_approval_table(tmp_path: Path):
    with fresh_database(tmp_path) as url:
        migrate(url)
        command.downgrade(alembic_config(url), BEFORE_THE_MOVE)
        tables = asyncio.run(_tables(url))
        assert "core_sms_message" in tables
        assert "approval_sms_message" not in tables
        asyncio.run(_write_old(url))

        command.upgrade(alembic_config(url), "heads")

        tables = asyncio.run(_tables(url))
        assert "core_sms_message" not in tables
        rows = asyncio.run(_messages_then_one_more(url))
        assert rows[:2] == [(5, "push:1", "第一条", 7), (9, "push:2", "第二条", 7)]
        assert rows[2][1:] == ("push:3", "第三条", None)
        new_id = rows[2][0]
        assert new_id is not None
        assert new_id > 9
