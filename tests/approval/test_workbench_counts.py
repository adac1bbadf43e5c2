"""`applicationCount`: the workbench's 待受理/待办结 counts, scoped like `applications`, one
statement however many applications there are."""

from datetime import timedelta

from api.approval import services
from api.approval.loaders import ApprovalLoaders
from api.approval.schema import schema
from api.approval.services import facilitation
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


MISSING = """
{ facilitationFollowUp { outstanding }
  applications(missingItemsOutstanding: true) { id } }
"""


async def test_the_missing_items_tile_opens_the_applications_awaiting_them(session, authorizer):
    """容缺待补正材料 counts the outstanding items; its list holds the applications they wait
    on, and only in the department's scope."""
    own = await factories.department(session)
    other = await factories.department(session)
    user = await factories.user(session, authorizer, role="approval_clerk", dept=own)
    clerk = services.Actor(user.username, int(user.department_id))
    supervising = await factories.department(session)
    mine = await factories.matter(session, own)
    theirs = await factories.matter(session, other)
    await factories.publish_list(
        session,
        [
            factories.published_entry(mine, supervising),
            factories.published_entry(theirs, supervising),
        ],
    )

    async def accept(app, mode, *names):
        await services.accept_application(
            session=session,
            application_id=app.id,
            handling_mode=mode,
            # Offered only the mode chosen: no measure left unapplied to give a reason for.
            credit_ticket=factories.credit_ticket(app, modes=(mode.value,)),
            actor=services.Actor(clerk.username, app_dept[app.id]),
            missing_items=[facilitation.MissingItemDraft(n) for n in names] or None,
        )

    subj = await factories.subject(session)
    waiting = await factories.application(session, mine, subj)
    normal = await factories.application(session, mine, subj)
    supplied = await factories.application(session, mine, subj)
    elsewhere = await factories.application(session, theirs, subj)
    app_dept = {waiting.id: own.id, normal.id: own.id, supplied.id: own.id, elsewhere.id: other.id}
    await accept(waiting, services.HandlingMode.MISSING_DOCUMENTS, "营业执照副本", "健康证明")
    await accept(normal, services.HandlingMode.NORMAL)
    await accept(supplied, services.HandlingMode.MISSING_DOCUMENTS, "场所平面图")
    await accept(elsewhere, services.HandlingMode.MISSING_DOCUMENTS, "消防意见")
    (item,) = await facilitation.items_of(session, supplied.id)
    await facilitation.supply_item(
        session, item_id=item.id, note="窗口收取", username=clerk.username, department_id=own.id
    )
    await session.commit()

    result = await run(
        schema, ApprovalLoaders, MISSING, session=session, authorizer=authorizer, principal=user
    )
    assert result.errors is None, result.errors
    assert [int(a["id"]) for a in result.data["applications"]] == [waiting.id]
    assert result.data["facilitationFollowUp"]["outstanding"] == 2
