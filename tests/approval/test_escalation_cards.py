"""Yellow at 50 %, red at 90 % of a working-hour time limit, across a weekend and a holiday."""

from datetime import date, datetime

from sqlmodel import col, select

from api import registry
from api.approval import services
from api.approval.loaders import ApprovalLoaders
from api.approval.models.sms import SmsMessage
from api.approval.schema import schema
from api.approval.services import escalation
from api.core import worker
from api.core.clock import LOCAL_TZ
from api.core.events import OutboxMessage
from api.core.workdays import DayKind, add_working_days, set_calendar_day
from tests import factories
from tests.graphql import run

FRIDAY = date(2031, 4, 4)
HOLIDAY_MONDAY = date(2031, 4, 7)
CARDS = """
query($color: CardColor) {
  escalationCards(color: $color, first: 10) {
    totalCount
    edges { node { stage color liaisonName limitHours elapsedHours dueOn push { id } } }
  }
}
"""
BOARD = "{ redCardBoard(first: 10) { totalCount edges { node { color push { id } } } } }"


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LOCAL_TZ)


async def _letter_push(session, authorizer):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    supervising = await factories.department(session)
    liaison = await factories.user(
        session, authorizer, role="supervision_liaison", dept=supervising
    )
    mat = await factories.matter(session, approving, name="食品经营许可")
    entry = factories.published_entry(
        mat, supervising, channel="LETTER", claim_days=2, mobile="13600001111", liaison="王联络"
    )
    await factories.publish_list(session, [{**entry, "department_head_mobile": "13700002222"}])
    app = await factories.application(session, mat, await factories.subject(session, "好味餐饮"))
    await services.accept_application(
        session=session,
        application_id=app.id,
        handling_mode=services.HandlingMode.NORMAL,
        credit_ticket=factories.credit_ticket(app),
        actor=services.Actor(clerk.username, int(clerk.department_id)),
    )
    push = (await services.pushes_by_application_ids(session=session, ids=[app.id]))[0][0]
    await factories.deliver(session)  # the push's own SMS
    # Time is the subject here: the push went out on a Friday at 09:00 (local), the Monday
    # after is a holiday, so two working days end on Wednesday at 17:00.
    await set_calendar_day(session, day=HOLIDAY_MONDAY, kind=DayKind.HOLIDAY, name="测试假日")
    push.pushed_at = _local(FRIDAY, 9)
    push.claim_due = await add_working_days(session, FRIDAY, 2)
    session.add(push)
    await session.flush()
    return liaison, push


async def _raise_at(session, moment):
    return [(c.stage.value, c.color.value) for c in await escalation.raise_cards(session, moment)]


async def test_cards_turn_yellow_at_half_and_red_at_ninety_percent_of_working_hours(
    session, authorizer
):
    _, push = await _letter_push(session, authorizer)
    assert push.claim_due == date(2031, 4, 9)  # Fri, (weekend), (holiday Mon), Tue, Wed
    # Limit: Fri 8 h + Tue 8 h + Wed 8 h = 24 working hours; yellow at 12 h, red at 21.6 h.
    raised = [
        await _raise_at(session, _local(date(2031, 4, 6), 23)),  # Sunday night: 8 h
        await _raise_at(session, _local(HOLIDAY_MONDAY, 16)),  # holiday: still 8 h
        await _raise_at(session, _local(date(2031, 4, 8), 12, 59)),  # Tue: 11 h 59
        await _raise_at(session, _local(date(2031, 4, 8), 13)),  # 12 h: yellow
        await _raise_at(session, _local(date(2031, 4, 8), 16)),
        await _raise_at(session, _local(date(2031, 4, 9), 14, 35)),
        await _raise_at(session, _local(date(2031, 4, 9), 14, 36)),  # 21.6 h: red
        await _raise_at(session, _local(date(2031, 4, 10), 9)),  # overdue: nothing new
    ]
    await factories.deliver(session)
    await factories.deliver(session)  # a second delivery run sends nothing again

    assert raised == [[], [], [], [("CLAIM", "YELLOW")], [], [], [("CLAIM", "RED")], []]
    cards = (await services.cards_by_push_ids(session=session, ids=[push.id]))[0]
    sms = (
        await session.exec(
            select(SmsMessage.key, SmsMessage.mobile, SmsMessage.text)
            .where(col(SmsMessage.key).like("card:%"))
            .order_by(col(SmsMessage.id))
        )
    ).all()
    yellow, red = cards
    code = push.supervision_code
    assert [tuple(r) for r in sms] == [
        (
            f"card:{yellow.id}:liaison",
            "13600001111",
            (
                "【审管联动】好味餐饮的“食品经营许可”推送认领时限已用12/24工作小时，亮黄牌，"
                f"期限2031-04-09。监管码{code}"
            ),
        ),
        (
            f"card:{red.id}:liaison",
            "13600001111",
            (
                "【审管联动】好味餐饮的“食品经营许可”推送认领时限已用21.6/24工作小时，亮红牌，"
                f"期限2031-04-09。监管码{code}"
            ),
        ),
        (
            f"card:{red.id}:head",
            "13700002222",
            (
                "【审管联动】好味餐饮的“食品经营许可”推送认领时限已用21.6/24工作小时，亮红牌，"
                f"期限2031-04-09。监管码{code}"
            ),
        ),
    ]
    topics = (
        await session.exec(
            select(OutboxMessage.key).where(OutboxMessage.topic == "approval.escalation.raised")
        )
    ).all()
    assert sorted(topics) == sorted([str(yellow.id), str(red.id)])


async def test_card_history_is_queryable_in_scope_and_red_cards_reach_the_board(
    session, authorizer
):
    liaison, push = await _letter_push(session, authorizer)
    await escalation.raise_cards(session, _local(date(2031, 4, 9), 16))  # both at once
    stranger = await factories.user(
        session, authorizer, role="supervision_liaison", dept=await factories.department(session)
    )
    office = await factories.user(
        session, authorizer, role="coordination_office", dept=await factories.department(session)
    )

    own = await run(
        schema,
        ApprovalLoaders,
        CARDS,
        session=session,
        authorizer=authorizer,
        principal=liaison,
        variables={"color": None},
    )
    foreign = await run(
        schema,
        ApprovalLoaders,
        CARDS,
        session=session,
        authorizer=authorizer,
        principal=stranger,
        variables={"color": "RED"},
    )
    board = await run(
        schema, ApprovalLoaders, BOARD, session=session, authorizer=authorizer, principal=office
    )

    node = {
        "liaisonName": "王联络",
        "limitHours": 24.0,
        "dueOn": "2031-04-09",
        "push": {"id": str(push.id)},
        "stage": "CLAIM",
        "elapsedHours": 23.0,
    }
    assert own.data == {
        "escalationCards": {
            "totalCount": 2,
            "edges": [{"node": {**node, "color": "YELLOW"}}, {"node": {**node, "color": "RED"}}],
        }
    }
    assert foreign.data == {"escalationCards": {"totalCount": 0, "edges": []}}
    board_push = {"color": "RED", "push": {"id": str(push.id)}}
    assert board.data["redCardBoard"]["edges"][-1] == {"node": board_push}


async def test_a_claimed_push_leaves_the_board_and_raises_no_more_cards(session, authorizer):
    liaison, push = await _letter_push(session, authorizer)
    await escalation.raise_cards(session, _local(date(2031, 4, 8), 14))  # yellow
    await services.claim_push(
        session=session,
        push_id=push.id,
        method=services.Channel.LETTER,
        note="",
        actor=services.Actor(liaison.username, int(liaison.department_id)),
    )

    assert await _raise_at(session, _local(date(2031, 4, 9), 16)) == []
    board = await services.red_card_board(session=session)
    assert [c.push_id for c in board.rows if c.push_id == push.id] == []


async def test_the_worker_runs_the_card_job_periodically(engine):
    moment = _local(date(2099, 1, 5), 10)
    assert await worker.run_periodic_jobs(engine, registry.worker_tables().jobs, now=moment) == {
        "approval.escalation_cards": 0
    }
