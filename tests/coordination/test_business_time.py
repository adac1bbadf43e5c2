"""Figures follow the time the user acted, not the time the worker delivered the event."""

from datetime import UTC, datetime, timedelta

import pytest

from api.approval import services as approval
from api.approval.models import DocumentKind, LegalDocumentCreate
from api.approval.services import applications, connected_systems, feedback, pushes
from api.coordination.services import statistics
from api.coordination.services.statistics import CITY, Figure, Period
from api.core import events
from api.core.clock import local_today
from api.supervision import services as supervision
from api.supervision.models import FindingCreate, FindingKind, ResultType
from tests import factories

LAG = timedelta(days=30)  # far past the feedback due date (10 working days)


async def _completed_push(session, authorizer):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    supervising = await factories.department(session)
    mat = await factories.matter(session, approving)
    # Above any version this package's data sets committed, so this list is the one in force.
    version = (await approval.version_in_force(session) or 0) + 1
    await events.emit(
        session,
        topic="catalog.linkage_list.published",
        key=str(version),
        payload={
            "version": version,
            "published_at": datetime.now(UTC).isoformat(),
            "entries": [factories.published_entry(mat, supervising, feedback_days=10)],
        },
    )
    await factories.deliver(session)
    app = await factories.application(session, mat, await factories.subject(session))
    actor = approval.Actor(clerk.username, int(clerk.department_id))
    await approval.accept_application(
        session=session,
        application_id=app.id,
        handling_mode=approval.HandlingMode.NORMAL,
        credit_ticket=factories.credit_ticket(app),
        actor=actor,
    )
    await approval.complete_application(
        session=session,
        application_id=app.id,
        outcome=approval.Outcome.APPROVED,
        documents=[LegalDocumentCreate(kind=DocumentKind.LICENCE, number="BT-1")],
        actor=actor,
    )
    await factories.deliver(session)  # supervision and coordination learn of the pushes
    pushes = (await approval.pushes_by_application_ids(session=session, ids=[app.id]))[0]
    completed = next(p for p in pushes if p.stage.value == "COMPLETED")
    return app.id, supervising.id, completed


async def test_an_on_time_finding_delivered_late_by_the_worker_still_counts_as_on_time(
    session, authorizer, monkeypatch: pytest.MonkeyPatch
):
    app_id, supervising_id, push = await _completed_push(session, authorizer)
    finding = await supervision.record_finding(
        session=session,
        data=FindingCreate(
            application_id=app_id,
            department_id=supervising_id,
            kind=FindingKind.SPOT_CHECK,
            abnormal=True,
            result_type=ResultType.RECTIFICATION_ORDERED,
            summary="检查发现从业人员健康证明过期",
            found_on=local_today(),
        ),
        recorded_by="liaison",
    )
    # The worker is down for a month: every handler runs 30 days after the finding.
    delivered_at = datetime.now(UTC) + LAG
    # every approval rule module that reads the clock through its own `_now`
    for module in (applications, connected_systems, feedback, pushes):
        monkeypatch.setattr(module, "_now", lambda: delivered_at)
    await factories.deliver(session)

    await session.refresh(push)
    figures = await statistics.compute(
        session,
        Period(local_today(), local_today()),
        department_id=supervising_id,
        as_of=delivered_at + timedelta(minutes=1),
    )
    mine = figures[CITY]
    on_time = await statistics.cases(
        session,
        Period(local_today(), local_today()),
        Figure.FEEDBACK_ON_TIME,
        department_id=supervising_id,
        as_of=delivered_at + timedelta(minutes=1),
    )

    assert push.feedback_state.value == "ABNORMAL_REPORTED"
    assert push.feedback_closed_at.replace(tzinfo=UTC) == finding.created_at.replace(tzinfo=UTC)
    assert (
        mine.feedback_limited,
        mine.feedback_due,
        mine.feedback_on_time,
        mine.closed_late,
        mine.overdue,
        mine.abnormal_results,
    ) == (1, 1, 1, 0, 0, 1)
    assert [(c.push_id, c.feedback_result) for c in on_time[1]] == [(push.id, "ABNORMAL_REPORTED")]
