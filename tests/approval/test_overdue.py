"""Overdue pushes are flagged, listed, and reminded by SMS once a day."""

from datetime import date, timedelta

from sqlmodel import select

from api import registry
from api.approval import services
from api.approval.models import FeedbackState, PushState
from api.approval.models.sms import SmsMessage
from api.core import worker
from api.core.clock import local_today
from api.core.workdays import add_working_days
from tests import factories


async def _letter_push(session, authorizer):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    supervising = await factories.department(session)
    mat = await factories.matter(session, approving, name="医疗机构执业登记")
    await factories.publish_list(
        session,
        [
            factories.published_entry(
                mat, supervising, channel="LETTER", claim_days=2, mobile="13600001111"
            )
        ],
    )
    app = await factories.application(session, mat, await factories.subject(session, "康宁医院"))
    await services.accept_application(
        session=session,
        application_id=app.id,
        handling_mode=services.HandlingMode.NORMAL,
        credit_ticket=factories.credit_ticket(app),
        actor=services.Actor(clerk.username, int(clerk.department_id)),
    )
    push = (await services.pushes_by_application_ids(session=session, ids=[app.id]))[0][0]
    return supervising.id, push


async def test_an_unclaimed_letter_push_is_overdue_after_its_working_days(session, authorizer):
    department_id, push = await _letter_push(session, authorizer)
    due = await add_working_days(session, local_today(), 2)
    assert push.claim_due == due

    on_time = await services.received_pushes(
        session=session, department_id=department_id, overdue=True, today=due
    )
    late = await services.received_pushes(
        session=session, department_id=department_id, overdue=True, today=due + timedelta(days=1)
    )

    assert (on_time.total, [p.id for p in late.rows]) == (0, [push.id])


async def test_the_daily_job_reminds_each_overdue_push_once_per_day(session, authorizer):
    _, push = await _letter_push(session, authorizer)
    day = push.claim_due + timedelta(days=1)
    await factories.deliver(session)  # the push's own SMS

    assert await services.emit_overdue_reminders(session, day) >= 1
    await services.emit_overdue_reminders(session, day)  # a second run the same day
    await factories.deliver(session)

    rows = (
        await session.exec(
            select(SmsMessage.key, SmsMessage.text).where(
                SmsMessage.key.like(f"overdue:{push.id}:%")
            )
        )
    ).all()
    assert [tuple(r) for r in rows] == [
        (
            f"overdue:{push.id}:{day.isoformat()}",
            "【审管联动】康宁医院的“医疗机构执业登记”推送已超过认领期限，请尽快办理。",
        )
    ]
    assert push.state == PushState.AWAITING_CLAIM


async def test_daily_jobs_run_once_per_day_even_with_two_workers(engine):
    day = date(2099, 1, 1)
    first = await worker.run_daily_jobs(engine, registry.worker_tables().jobs, today=day)
    second = await worker.run_daily_jobs(engine, registry.worker_tables().jobs, today=day)
    assert list(first) == [
        "approval.missing_item_reminders",
        "approval.monthly_summary",
        "approval.overdue_reminders",
    ]
    assert second == {}


async def test_the_inbox_filters_pushes_by_feedback_state(session, authorizer):
    department_id, push = await _letter_push(session, authorizer)
    # An acceptance push informs; only a completion push asks for feedback.
    assert push.feedback_state == FeedbackState.NOT_REQUIRED

    informing = await services.received_pushes(
        session=session, department_id=department_id, feedback_state=FeedbackState.NOT_REQUIRED
    )
    asking = await services.received_pushes(
        session=session, department_id=department_id, feedback_state=FeedbackState.OPEN
    )

    assert ([p.id for p in informing.rows], asking.total) == ([push.id], 0)
