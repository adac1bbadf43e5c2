"""`_entities` of Subject: nothing for an anonymous caller; fields keep their permissions."""

from api.credit.loaders import CreditLoaders
from api.credit.schema import schema
from tests import factories
from tests.graphql import run

ENTITIES = """
query($r: [_Any!]!) { _entities(representations: $r) { ... on Subject { name } } }
"""


def reps(subj):
    return {"r": [{"__typename": "Subject", "creditCode": subj.credit_code}]}


async def test_an_anonymous_caller_gets_no_subject(session, authorizer):
    subj = await factories.subject(session)
    clerk = await factories.user(
        session, authorizer, role="approval_clerk", dept=await factories.department(session)
    )

    anonymous = await run(
        schema, CreditLoaders, ENTITIES, session=session, authorizer=authorizer,
        principal=None, variables=reps(subj),
    )  # fmt: skip
    signed_in = await run(
        schema, CreditLoaders, ENTITIES, session=session, authorizer=authorizer,
        principal=clerk, variables=reps(subj),
    )  # fmt: skip

    assert anonymous.data == {"_entities": [None]}
    assert signed_in.data == {"_entities": [{"name": subj.name}]}
