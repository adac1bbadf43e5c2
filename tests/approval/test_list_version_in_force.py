"""A case pushed under one list version still shows that version's responsibilities later."""

from api.approval import services
from api.approval.loaders import ApprovalLoaders
from api.approval.schema import schema
from tests import factories
from tests.graphql import run

INBOX = """
{ pushInbox(first: 5) { edges { node { listVersion claimListVersion responsibilities {
    listVersion supervisionMatterName channel claimDays feedbackDays receiveLiaisonName
    supervisingDepartment { id } } } } } }
"""


async def test_a_push_keeps_the_responsibilities_of_the_version_that_governed_it(
    session, authorizer
):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    supervising = await factories.department(session)
    liaison = await factories.user(
        session, authorizer, role="supervision_liaison", dept=supervising
    )
    mat = await factories.matter(session, approving, name="燃气经营许可")
    old = factories.published_entry(mat, supervising, channel="LETTER", liaison="李四")
    old["supervision_matter_name"] = "燃气经营监督检查（旧）"
    version_3 = await factories.publish_list(session, [old])
    app = await factories.application(session, mat, await factories.subject(session))
    await services.accept_application(
        session=session,
        application_id=app.id,
        handling_mode=services.HandlingMode.NORMAL,
        credit_ticket=factories.credit_ticket(app),
        actor=services.Actor(clerk.username, int(clerk.department_id)),
    )
    new = factories.published_entry(
        mat, supervising, channel="ONLINE", claim_days=1, feedback_days=5, liaison="张三"
    )
    new["supervision_matter_name"] = "燃气经营安全监管（新）"
    version_4 = await factories.publish_list(session, [new])
    push = (await services.pushes_by_application_ids(session=session, ids=[app.id]))[0][0]
    await services.claim_push(
        session=session,
        push_id=push.id,
        method=services.Channel.LETTER,
        note="",
        actor=services.Actor(liaison.username, int(liaison.department_id)),
    )

    result = await run(
        schema, ApprovalLoaders, INBOX, session=session, authorizer=authorizer, principal=liaison
    )

    assert version_4 == version_3 + 1
    assert result.data == {
        "pushInbox": {
            "edges": [
                {
                    "node": {
                        "listVersion": version_3,
                        "claimListVersion": version_4,
                        "responsibilities": [
                            {
                                "listVersion": version_3,
                                "supervisionMatterName": "燃气经营监督检查（旧）",
                                "channel": "LETTER",
                                "claimDays": 3,
                                "feedbackDays": 10,
                                "receiveLiaisonName": "李四",
                                "supervisingDepartment": {"id": str(supervising.id)},
                            }
                        ],
                    }
                }
            ]
        }
    }
