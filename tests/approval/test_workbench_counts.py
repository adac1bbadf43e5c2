"""`applicationCount`: the workbench's 待受理/待办结 counts, scoped like `applications`, one
statement however many applications there are."""

from datetime import timedelta

from api.approval import services
from api.approval.loaders import ApprovalLoaders
from api.approval.schema import schema
from api.core.clock import local_today
from tests import factories
from tests.graphql import run

COUNTS = """
{ toAccept: applicationCount(status: SUBMITTED) toComplete: applicationCount(status: ACCEPTED)
  all: applicationCount }
"""


async def _counts(session, authorizer, principal):
    result = await run(
        schema, ApprovalLoaders, COUNTS, session=session, authorizer=authorizer, principal=principal
    )
    assert result.errors is None, result.errors
    return result.data


async def test_a_department_counts_only_its_own_applications_at_each_step(
    session, authorizer, count_statements
):
    own = await factories.department(session)
    other = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=own)
    mine = await factories.matter(session, own)
    theirs = await factories.matter(session, other)
    supervising = await factories.department(session)
    await factories.publish_list(
        session,
        [
            factories.published_entry(mine, supervising),
            factories.published_entry(theirs, supervising),
        ],
    )
    subj = await factories.subject(session)
    first = await factories.application(session, mine, subj)
    await factories.application(session, mine, subj)
    for _ in range(3):
        await factories.application(session, theirs, subj)
    await services.accept_application(
        session=session,
        application_id=first.id,
        handling_mode=services.HandlingMode.NORMAL,
        credit_ticket=factories.credit_ticket(first),
        actor=services.Actor(clerk.username, int(clerk.department_id)),
    )
    await session.commit()

    count_statements.count = 0
    assert await _counts(session, authorizer, clerk) == {"toAccept": 1, "toComplete": 1, "all": 2}
    statements = count_statements.count

    await factories.application(session, mine, subj)
    await session.commit()
    count_statements.count = 0
    assert await _counts(session, authorizer, clerk) == {"toAccept": 2, "toComplete": 1, "all": 3}
    assert count_statements.count == statements


async def test_the_coordination_office_counts_the_city(session, authorizer):
    office = await factories.department(session)
    approving = await factories.department(session)
    coord = await factories.user(session, authorizer, role="coordination_office", dept=office)
    mat = await factories.matter(session, approving)
    subj = await factories.subject(session)
    await factories.application(session, mat, subj)
    await session.commit()

    assert (await _counts(session, authorizer, coord))["toAccept"] >= 1


SCOPED = """
{ overduePushes(first: 1) { totalCount }
  pushInbox(overdue: true, withinScope: true, first: 100) { totalCount edges { node { id } } }
  received: pushInbox(overdue: true, first: 100) { totalCount } }
"""


async def _overdue_push(session, authorizer, approving):
    """A push of ``approving`` to a new supervising department, unclaimed past its limit."""
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    supervising = await factories.department(session)
    mat = await factories.matter(session, approving)
    await factories.publish_list(
        session, [factories.published_entry(mat, supervising, channel="LETTER", claim_days=2)]
    )
    app = await factories.application(session, mat, await factories.subject(session))
    await services.accept_application(
        session=session,
        application_id=app.id,
        handling_mode=services.HandlingMode.NORMAL,
        credit_ticket=factories.credit_ticket(app),
        actor=services.Actor(clerk.username, int(clerk.department_id)),
    )
    push = (await services.pushes_by_application_ids(session=session, ids=[app.id]))[0][0]
    push.claim_due = local_today() - timedelta(days=1)
    session.add(push)
    await session.commit()
    return push


async def test_the_overdue_tile_opens_the_pushes_it_counts(session, authorizer):
    """The head's 本部门逾期推送 counts overduePushes (sent or received by the department);
    the tile opens pushInbox(overdue: true, withinScope: true): the same pushes."""
    own = await factories.department(session)
    head = await factories.user(session, authorizer, role="department_head", dept=own)
    sent = await _overdue_push(session, authorizer, own)
    elsewhere = await _overdue_push(session, authorizer, await factories.department(session))

    result = await run(
        schema, ApprovalLoaders, SCOPED, session=session, authorizer=authorizer, principal=head
    )
    assert result.errors is None, result.errors
    ids = {int(e["node"]["id"]) for e in result.data["pushInbox"]["edges"]}
    assert sent.id in ids
    assert elsewhere.id not in ids
    assert result.data["pushInbox"]["totalCount"] == result.data["overduePushes"]["totalCount"]
    # Its own inbox (pushes received) does not hold the push it sent.
    assert result.data["received"]["totalCount"] == 0
