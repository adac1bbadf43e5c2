"""`pushInbox(...)` as the inbox's query form asks: 监管码, applicant (name or code), stage,
state, pushed-at days, newest first; bad input names the field; the scope stays the
receiving department's; the SQL does not grow with the page."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from api.approval import services
from api.approval.loaders import ApprovalLoaders
from api.approval.models import DocumentKind, LegalDocumentCreate, Push
from api.approval.schema import schema
from api.core.clock import local_today
from tests import factories
from tests.graphql import run

INBOX = """
query Inbox($code: String, $applicant: String, $stage: PushStage, $state: PushState,
            $since: Date, $until: Date, $newest: Boolean!, $first: Int!, $after: String) {
  pushInbox(supervisionCode: $code, applicant: $applicant, stage: $stage, state: $state,
            pushedSince: $since, pushedUntil: $until, newestFirst: $newest,
            first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id stage supervisionCode applicantName application { id } } }
  }
}
"""


async def _setup(session, authorizer):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    supervising = await factories.department(session)
    liaison = await factories.user(
        session, authorizer, role="supervision_liaison", dept=supervising
    )
    other = await factories.department(session)
    outsider = await factories.user(session, authorizer, role="supervision_liaison", dept=other)
    mat = await factories.matter(session, approving)
    await factories.publish_list(
        session,
        [factories.published_entry(mat, supervising), factories.published_entry(mat, other)],
    )
    first = await factories.subject(session, name="甲建材有限公司")
    second = await factories.subject(session, name="乙餐饮店")
    actor = services.Actor(clerk.username, int(clerk.department_id))
    apps = []
    for subj in (first, second):
        app = await factories.application(session, mat, subj)
        await services.accept_application(
            session=session,
            application_id=app.id,
            handling_mode=services.HandlingMode.NORMAL,
            credit_ticket=factories.credit_ticket(app),
            actor=actor,
        )
        apps.append(app)
    await services.complete_application(
        session=session,
        application_id=apps[0].id,
        outcome=services.Outcome.APPROVED,
        documents=[LegalDocumentCreate(kind=DocumentKind.LICENCE, number="L-1")],
        actor=actor,
    )
    await session.commit()
    return liaison, outsider, apps, first, supervising


async def _inbox(session, authorizer, principal, **variables):
    return await run(
        schema,
        ApprovalLoaders,
        INBOX,
        session=session,
        authorizer=authorizer,
        principal=principal,
        variables={"newest": False, "first": 20, **variables},
    )


async def _rows(session, authorizer, principal, **variables):
    result = await _inbox(session, authorizer, principal, **variables)
    assert result.errors is None, result.errors
    return result.data["pushInbox"]


async def _pushes(session, department_id):
    stmt = select(Push).where(Push.department_id == department_id).order_by(Push.id)
    return (await session.exec(stmt)).all()


async def test_the_liaison_finds_a_push_by_its_supervision_code(session, authorizer):
    liaison, _, _, _, supervising = await _setup(session, authorizer)
    pushes = await _pushes(session, supervising.id)
    wanted = pushes[1]
    typed = " " + wanted.supervision_code.lower()[:4] + " " + wanted.supervision_code[4:]

    found = await _rows(session, authorizer, liaison, code=typed)

    assert found["totalCount"] == 1
    assert found["edges"][0]["node"]["id"] == str(wanted.id)


async def test_another_department_does_not_find_the_code(session, authorizer):
    _, outsider, _, _, supervising = await _setup(session, authorizer)
    code = (await _pushes(session, supervising.id))[0].supervision_code

    found = await _rows(session, authorizer, outsider, code=code)

    assert found["totalCount"] == 0
    # Its own pushes are there: the filter narrows, the scope does not move.
    assert (await _rows(session, authorizer, outsider))["totalCount"] == 3


async def test_applicant_by_name_or_code_stage_and_state(session, authorizer):
    liaison, _, apps, first, _ = await _setup(session, authorizer)

    by_name = await _rows(session, authorizer, liaison, applicant="甲建材")
    by_code = await _rows(session, authorizer, liaison, applicant=first.credit_code.lower())
    completed = await _rows(session, authorizer, liaison, stage="COMPLETED")
    awaiting = await _rows(session, authorizer, liaison, state="AWAITING_CLAIM")

    assert {e["node"]["application"]["id"] for e in by_name["edges"]} == {str(apps[0].id)}
    assert by_name["totalCount"] == 2  # accepted and completed
    assert by_code["totalCount"] == 2
    assert [e["node"]["stage"] for e in completed["edges"]] == ["COMPLETED"]
    assert awaiting["totalCount"] == 0  # online pushes are claimed on arrival


async def test_pushed_at_days_and_newest_first(session, authorizer):
    liaison, _, _, _, supervising = await _setup(session, authorizer)
    ids = [str(p.id) for p in await _pushes(session, supervising.id)]
    today = local_today().isoformat()
    yesterday = (local_today() - timedelta(days=1)).isoformat()

    on_the_day = await _rows(session, authorizer, liaison, since=today, until=today)
    before = await _rows(session, authorizer, liaison, until=yesterday)
    newest = await _rows(session, authorizer, liaison, newest=True, first=2)
    rest = await _rows(
        session,
        authorizer,
        liaison,
        newest=True,
        first=2,
        after=newest["pageInfo"]["endCursor"],
    )

    assert on_the_day["totalCount"] == 3
    assert before["totalCount"] == 0
    assert [e["node"]["id"] for e in newest["edges"] + rest["edges"]] == ids[::-1]
    assert newest["pageInfo"]["hasNextPage"] is True
    assert rest["pageInfo"]["hasNextPage"] is False


async def test_bad_input_names_the_field(session, authorizer):
    liaison, _, _, _, _ = await _setup(session, authorizer)
    today = local_today()

    bad_code = await _inbox(session, authorizer, liaison, code="ABC")
    long_name = await _inbox(session, authorizer, liaison, applicant="甲" * 201)
    backwards = await _inbox(
        session,
        authorizer,
        liaison,
        since=today.isoformat(),
        until=(today - timedelta(days=1)).isoformat(),
    )

    for result, field in (
        (bad_code, "supervisionCode"),
        (long_name, "applicant"),
        (backwards, "pushedUntil"),
    ):
        assert result.errors is not None
        assert result.errors[0].extensions["code"] == "BAD_USER_INPUT"
        assert result.errors[0].extensions["argument"] == field


async def test_filtered_inbox_statement_count_does_not_grow(session, authorizer, count_statements):
    liaison, _, _, _, _ = await _setup(session, authorizer)
    counts = []
    for variables, size in (
        ({"applicant": "甲建材", "stage": "ACCEPTED"}, 1),
        ({"since": local_today().isoformat()}, 3),
    ):
        count_statements.count = 0
        found = await _rows(session, authorizer, liaison, newest=True, **variables)
        assert found["totalCount"] == size
        counts.append(count_statements.count)
    # count, page, applications
    assert counts == [3, 3]
