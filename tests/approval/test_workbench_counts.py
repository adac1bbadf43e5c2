"""`applicationCount`: the workbench's 待受理/待办结 counts, scoped like `applications`, one
statement however many applications there are."""

from api.approval import services
from api.approval.loaders import ApprovalLoaders
from api.approval.schema import schema
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
