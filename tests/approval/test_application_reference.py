"""`_entities` of Application keeps the root fields' scope: out of scope resolves to null."""

from api.approval.loaders import ApprovalLoaders
from api.approval.schema import schema
from tests import factories
from tests.graphql import run

ENTITIES = """
query($r: [_Any!]!) { _entities(representations: $r) { ... on Application { id applicantName } } }
"""


def reps(*apps):
    return {"r": [{"__typename": "Application", "id": str(a.id)} for a in apps]}


async def test_another_departments_application_resolves_to_null(session, authorizer):
    own, other = await factories.department(session), await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=own)
    subj = await factories.subject(session)
    own_matter, other_matter = (
        await factories.matter(session, own),
        await factories.matter(session, other),
    )
    supervising = await factories.department(session)
    await factories.publish_list(
        session,
        [factories.published_entry(m, supervising) for m in (own_matter, other_matter)],
    )
    mine = await factories.application(session, own_matter, subj)
    theirs = await factories.application(session, other_matter, subj)

    result = await run(
        schema, ApprovalLoaders, ENTITIES, session=session, authorizer=authorizer,
        principal=clerk, variables=reps(mine, theirs),
    )  # fmt: skip

    assert result.errors is None
    assert result.data == {"_entities": [{"id": str(mine.id), "applicantName": subj.name}, None]}


async def test_an_anonymous_or_unentitled_caller_gets_no_application(session, authorizer):
    own = await factories.department(session)
    officer = await factories.user(session, authorizer, role="credit_officer", dept=own)
    app = await factories.application(
        session, await factories.matter(session, own), await factories.subject(session)
    )
    for principal in (None, officer):  # credit officers hold no `application, read`
        result = await run(
            schema, ApprovalLoaders, ENTITIES, session=session, authorizer=authorizer,
            principal=principal, variables=reps(app),
        )  # fmt: skip
        assert result.data == {"_entities": [None]}, principal


async def test_application_references_cost_one_query_for_one_or_ten(
    session, authorizer, count_statements
):
    own = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=own)
    mat, subj = await factories.matter(session, own), await factories.subject(session)
    supervising = await factories.department(session)
    await factories.publish_list(session, [factories.published_entry(mat, supervising)])
    apps = [await factories.application(session, mat, subj) for _ in range(10)]
    counts = []
    for batch in (apps[:1], apps):
        await session.commit()
        count_statements.count = 0
        result = await run(
            schema, ApprovalLoaders, ENTITIES, session=session, authorizer=authorizer,
            principal=clerk, variables=reps(*batch),
        )  # fmt: skip
        assert result.errors is None
        assert all(entity is not None for entity in result.data["_entities"])
        counts.append(count_statements.count)
    assert counts[0] == counts[1]
