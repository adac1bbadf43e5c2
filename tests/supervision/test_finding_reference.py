"""`_entities` of Finding keeps the root fields' scope: out of scope resolves to null."""

import copy

from api.supervision.loaders import SupervisionLoaders
from api.supervision.schema import schema
from tests import factories
from tests.graphql import run

ENTITIES = """
query($r: [_Any!]!) { _entities(representations: $r) { ... on Finding { id summary } } }
"""


async def test_another_departments_finding_resolves_to_null(session, authorizer):
    approving = await factories.department(session)
    ours, theirs = await factories.department(session), await factories.department(session)
    liaison = await factories.user(session, authorizer, role="supervision_liaison", dept=ours)
    app = await factories.application(
        session, await factories.matter(session, approving), await factories.subject(session)
    )
    mine = await factories.finding(session, app, ours, summary="本部门检查")
    other = await factories.finding(session, app, theirs, summary="他部门检查")
    variables = {"r": [{"__typename": "Finding", "id": str(f.id)} for f in (mine, other)]}

    result = await run(
        schema, SupervisionLoaders, ENTITIES, session=session, authorizer=authorizer,
        principal=liaison, variables=copy.deepcopy(variables),
    )  # fmt: skip
    anonymous = await run(
        schema, SupervisionLoaders, ENTITIES, session=session, authorizer=authorizer,
        principal=None, variables=copy.deepcopy(variables),
    )  # fmt: skip

    assert result.errors is None
    assert result.data == {"_entities": [{"id": str(mine.id), "summary": "本部门检查"}, None]}
    assert anonymous.data == {"_entities": [None, None]}
