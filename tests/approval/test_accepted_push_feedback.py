"""提前介入 / 并联审查: the linkage's review mode gives the 受理 push a feedback limit; by
default (审批后反馈) only the 办结 push asks for feedback, as before."""

import pytest

from api.approval import services
from api.core.workdays import add_working_days
from tests import factories


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        (None, "NOT_REQUIRED"),
        ("AFTER_APPROVAL", "NOT_REQUIRED"),
        ("EARLY_INVOLVEMENT", "OPEN"),
        ("PARALLEL_REVIEW", "OPEN"),
    ],
)
async def test_the_review_mode_decides_whether_the_accepted_push_asks_for_feedback(
    session, authorizer, mode, expected
):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    supervising = await factories.department(session)
    mat = await factories.matter(session, approving, name="建筑工程施工许可")
    entry = factories.published_entry(mat, supervising, feedback_days=4)
    if mode is not None:  # a list published before the option carries no key
        entry["review_mode"] = mode
    await factories.publish_list(session, [entry])
    app = await factories.application(session, mat, await factories.subject(session))

    await services.accept_application(
        session=session,
        application_id=app.id,
        handling_mode=services.HandlingMode.NORMAL,
        credit_ticket=factories.credit_ticket(app),
        actor=services.Actor(clerk.username, int(clerk.department_id)),
    )

    (push,) = (await services.pushes_by_application_ids(session=session, ids=[app.id]))[0]
    assert (push.stage.value, push.feedback_state.value) == ("ACCEPTED", expected)
    if expected == "OPEN":
        accepted_on = services.local_date(app.accepted_at)
        assert push.feedback_due == await add_working_days(session, accepted_on, 4)
    else:
        assert push.feedback_due is None
