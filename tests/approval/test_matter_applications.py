"""`Matter.applications` (approval's extension of catalog's entity) batches its SQL."""

from api.approval.loaders import ApprovalLoaders
from api.approval.schema import schema
from tests import factories
from tests.graphql import run

ENTITIES = """
query Entities($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Matter { id applications { applicantName status } }
  }
}
"""


async def _matters_with_applications(session, count: int, dept=None):
    dept = dept or await factories.department(session)
    supervising = await factories.department(session)
    subj = await factories.subject(session)
    matters = []
    for _ in range(count):
        mat = await factories.matter(session, dept)
        await factories.application(session, mat, subj)
        matters.append(mat)
    await factories.publish_list(
        session, [factories.published_entry(m, supervising) for m in matters]
    )
    return matters, subj


async def test_entities_resolve_applications_per_matter(session, authorizer):
    dept = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    matters, subj = await _matters_with_applications(session, 2, dept)
    ids, name = [str(m.id) for m in matters], subj.name

    result = await run(
        schema,
        ApprovalLoaders,
        ENTITIES,
        session=session,
        authorizer=authorizer,
        principal=clerk,
        variables={"reps": [{"__typename": "Matter", "id": i} for i in ids]},
    )

    assert result.errors is None
    assert result.data == {
        "_entities": [
            {"id": i, "applications": [{"applicantName": name, "status": "SUBMITTED"}]} for i in ids
        ]
    }


async def test_statement_count_does_not_grow_with_the_number_of_matters(
    session, authorizer, count_statements
):
    dept = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    counts = []
    for size in (3, 30):
        await session.refresh(dept)  # the previous query's rollback expired it
        matters, _ = await _matters_with_applications(session, size, dept)
        reps = [{"__typename": "Matter", "id": str(m.id)} for m in matters]
        await session.commit()
        count_statements.count = 0
        result = await run(
            schema,
            ApprovalLoaders,
            ENTITIES,
            session=session,
            authorizer=authorizer,
            principal=clerk,
            variables={"reps": reps},
        )
        assert result.errors is None
        counts.append(count_statements.count)
    assert counts[0] == counts[1] == 1


async def test_a_department_outside_the_list_sees_no_applications_of_the_matter(
    session, authorizer
):
    stranger_dept = await factories.department(session)
    stranger = await factories.user(session, authorizer, role="approval_clerk", dept=stranger_dept)
    matters, _ = await _matters_with_applications(session, 1)
    matter_id = str(matters[0].id)

    result = await run(
        schema,
        ApprovalLoaders,
        ENTITIES,
        session=session,
        authorizer=authorizer,
        principal=stranger,
        variables={"reps": [{"__typename": "Matter", "id": matter_id}]},
    )

    assert result.errors is None
    assert result.data == {"_entities": [{"id": matter_id, "applications": []}]}
