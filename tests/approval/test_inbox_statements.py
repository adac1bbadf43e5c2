"""The push inbox with its applications and documents costs the same SQL for 2 or 20 pushes."""

from api.approval import services
from api.approval.loaders import ApprovalLoaders
from api.approval.models import DocumentKind, LegalDocumentCreate
from api.approval.schema import schema
from tests import factories
from tests.graphql import run

INBOX = """
{ pushInbox(first: 100) { totalCount edges { node {
    stage overdue application { status legalDocuments { number } } } } } }
"""


async def test_inbox_statement_count_does_not_grow_with_the_number_of_pushes(
    session, authorizer, count_statements
):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    supervising = await factories.department(session)
    liaison = await factories.user(
        session, authorizer, role="supervision_liaison", dept=supervising
    )
    mat = await factories.matter(session, approving)
    await factories.publish_list(session, [factories.published_entry(mat, supervising)])
    subj = await factories.subject(session)
    actor = services.Actor(clerk.username, int(clerk.department_id))
    counts = []
    made = 0
    for size in (1, 10):  # applications, two pushes each
        for row in (mat, subj):
            await session.refresh(row)  # the previous query's rollback expired them
        for _ in range(size - made):
            app = await factories.application(session, mat, subj)
            await services.accept_application(
                session=session,
                application_id=app.id,
                handling_mode=services.HandlingMode.NORMAL,
                credit_ticket=factories.credit_ticket(app),
                actor=actor,
            )
            await services.complete_application(
                session=session,
                application_id=app.id,
                outcome=services.Outcome.APPROVED,
                documents=[LegalDocumentCreate(kind=DocumentKind.LICENCE, number=f"L-{app.id}")],
                actor=actor,
            )
        made = size
        await session.commit()
        count_statements.count = 0
        result = await run(
            schema,
            ApprovalLoaders,
            INBOX,
            session=session,
            authorizer=authorizer,
            principal=liaison,
        )
        assert result.errors is None
        assert result.data["pushInbox"]["totalCount"] == 2 * size
        counts.append(count_statements.count)
    # count, page, applications, legal documents
    assert counts == [4, 4]
