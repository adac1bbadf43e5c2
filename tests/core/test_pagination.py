"""The shared keyset page and connection: ``first``/``after`` walk a real table without gaps or
repeats, oldest or newest first, and ``totalCount`` counts the whole filtered list."""

from datetime import UTC, datetime

import pytest
from sqlmodel import col, select

from api.core import events
from api.core.errors import BadArgumentError
from api.core.events import OutboxMessage
from api.core.pagination import Connection, keyset_list, keyset_page


async def _emit_five(session) -> tuple[str, list[int]]:
    topic = f"test.pagination.{datetime.now(UTC).timestamp()}"
    ids = []
    for n in range(5):
        message = await events.emit(session, topic=topic, key=f"k{n}", payload={"n": n})
        assert message.id is not None
        ids.append(message.id)
    await session.flush()
    return topic, ids


async def _walk(session, topic: str, *, first: int, newest_first: bool) -> list[Connection]:
    stmt = select(OutboxMessage).where(OutboxMessage.topic == topic)
    pages: list[Connection] = []
    after: str | None = None
    while True:
        page = await keyset_list(
            "outbox",
            after,
            lambda after_id: keyset_page(
                session,
                stmt,
                col(OutboxMessage.id),
                first=first,
                after=after_id,
                newest_first=newest_first,
            ),
            lambda row: row.id,
        )
        pages.append(page)
        if not page.page_info.has_next_page:
            return pages
        after = page.page_info.end_cursor


@pytest.mark.parametrize("newest_first", [False, True])
async def test_pages_follow_each_other_without_gaps_and_count_the_whole_list(session, newest_first):
    topic, ids = await _emit_five(session)
    pages = await _walk(session, topic, first=2, newest_first=newest_first)
    expected = sorted(ids, reverse=newest_first)
    assert [[e.node for e in p.edges] for p in pages] == [expected[:2], expected[2:4], expected[4:]]
    assert [p.total_count for p in pages] == [5, 5, 5]
    assert [p.page_info.has_previous_page for p in pages] == [False, True, True]
    assert [p.page_info.has_next_page for p in pages] == [True, True, False]
    assert pages[1].page_info.start_cursor == pages[1].edges[0].cursor


async def test_a_row_added_while_paging_oldest_first_does_not_shift_the_next_page(session):
    topic, ids = await _emit_five(session)
    stmt = select(OutboxMessage).where(OutboxMessage.topic == topic)
    first = await keyset_page(session, stmt, col(OutboxMessage.id), first=2, after=None)
    await events.emit(session, topic=topic, key="late", payload={})
    await session.flush()
    second = await keyset_page(session, stmt, col(OutboxMessage.id), first=2, after=ids[1])
    assert [r.id for r in first.rows] == ids[:2]
    assert [r.id for r in second.rows] == ids[2:4]
    assert second.total == 6


async def test_a_cursor_of_another_list_or_a_page_over_100_names_the_argument(session):
    topic, _ = await _emit_five(session)
    stmt = select(OutboxMessage).where(OutboxMessage.topic == topic)

    def fetch(first: int):
        return lambda after_id: keyset_page(
            session, stmt, col(OutboxMessage.id), first=first, after=after_id
        )

    other = (await keyset_list("push", None, fetch(1), lambda row: row.id)).page_info.end_cursor
    with pytest.raises(BadArgumentError) as bad_cursor:
        await keyset_list("outbox", other, fetch(1), lambda row: row.id)
    with pytest.raises(BadArgumentError) as too_many:
        await keyset_list("outbox", None, fetch(101), lambda row: row.id)
    assert bad_cursor.value.extensions["argument"] == "after"
    assert too_many.value.extensions["argument"] == "first"
