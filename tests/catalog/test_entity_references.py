"""`_entities` of Department and Matter: the root fields' permission, personal data masked."""

# Strawberry pops `__typename` from each representation: every run gets its own copy.
import copy

from api.catalog.loaders import CatalogLoaders
from api.catalog.schema import schema
from tests import factories
from tests.graphql import run

ENTITIES = """
query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Department { name sections { people { mobile } } }
  ... on Matter { name } } }
"""


async def test_department_and_matter_references_follow_the_root_rules(session, authorizer):
    dept = await factories.department(session)
    sect = await factories.section(session, dept)
    await factories.person(session, sect, mobile="13812345678")
    mat = await factories.matter(session, dept)
    head = await factories.user(session, authorizer, role="department_head", dept=dept)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    variables = {
        "r": [
            {"__typename": "Department", "id": str(dept.id)},
            {"__typename": "Matter", "id": str(mat.id)},
        ]
    }

    def ask(principal):
        return run(
            schema, CatalogLoaders, ENTITIES, session=session, authorizer=authorizer,
            principal=principal, variables=copy.deepcopy(variables),
        )  # fmt: skip

    anonymous, as_head, as_clerk = await ask(None), await ask(head), await ask(clerk)

    assert anonymous.data == {"_entities": [None, None]}
    assert as_head.errors is None
    [department, matter] = as_head.data["_entities"]
    assert matter == {"name": mat.name}
    # A department head holds no `personal_data, view`: the mobile is masked, as elsewhere.
    assert department["sections"][0]["people"] == [{"mobile": "138****5678"}]
    assert as_clerk.data["_entities"][0]["sections"][0]["people"] == [{"mobile": "13812345678"}]
