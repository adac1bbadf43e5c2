"""Every push, and its SMS, go to the receive liaison current on the day of the push, as
catalog names them (``catalog.liaison.appointed``), not to the copy frozen into the list."""

from datetime import timedelta

from sqlmodel import select

from api.approval import services
from api.approval.loaders import ApprovalLoaders
from api.approval.models.sms import SmsMessage
from api.approval.schema import schema
from api.approval.services import liaisons
from api.catalog import services as catalog
from api.catalog.models import LiaisonKind
from api.core.clock import local_today
from tests import factories
from tests.graphql import run

PUSHES = """
query($id: ID!) {
  application(id: $id) {
    pushes { receiveLiaisonName receiveLiaisonMobile
             responsibilities { approvingSectionName approvingPersonName
                                supervisingSectionName supervisingPersonName } }
  }
}
"""


async def _world(session, authorizer):
    approving = await factories.department(session)
    supervising = await factories.department(session)
    office = await factories.section(session, supervising, "综合科")
    people = {
        name: await factories.person(session, office, name, mobile=mobile)
        for name, mobile in (
            ("王芳", "13907371001"),
            ("赵磊", "13907371002"),
            ("钱进", "13907371003"),
        )
    }
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    mat = await factories.matter(session, approving)
    entry = factories.published_entry(
        mat, supervising, liaison="名单中的联络员", mobile="13800000000"
    ) | {
        "approving_section_name": "审批一科",
        "approving_person_name": "周敏",
        "supervising_section_name": "综合科",
        "supervising_person_name": "王芳",
    }
    await factories.publish_list(session, [entry])
    return {
        "supervising": supervising,
        "people": people,
        "clerk": clerk,
        "matter": mat,
    }


async def _name(session, world, person, since):
    await catalog.set_liaison(
        session=session,
        department_id=world["supervising"].id,
        kind=LiaisonKind.RECEIVE,
        person_id=world["people"][person].id,
        since=since,
    )
    await factories.deliver(session)


async def _push_sms(session, authorizer, world):
    """Accept a new application; deliver the events; the push and the SMS it caused."""
    app = await factories.application(session, world["matter"], await factories.subject(session))
    clerk = world["clerk"]
    await services.accept_application(
        session=session,
        application_id=app.id,
        handling_mode=services.HandlingMode.NORMAL,
        credit_ticket=factories.credit_ticket(app),
        actor=services.Actor(clerk.username, int(clerk.department_id)),
    )
    await factories.deliver(session)
    [push] = (await services.pushes_by_application_ids(session=session, ids=[app.id]))[0]
    sms = (await session.exec(select(SmsMessage).where(SmsMessage.key == f"push:{push.id}"))).one()
    return app, push, sms


async def test_the_push_before_a_change_texts_the_old_liaison_and_the_one_after_the_new(
    session, authorizer
):
    world = await _world(session, authorizer)
    today = local_today()
    await _name(session, world, "王芳", today - timedelta(days=30))
    _, before, before_sms = await _push_sms(session, authorizer, world)
    await _name(session, world, "赵磊", today)  # the new one's start date has come
    _, after, after_sms = await _push_sms(session, authorizer, world)

    assert (before.receive_liaison_name, before_sms.recipient_name, before_sms.mobile) == (
        "王芳",
        "王芳",
        "13907371001",
    )
    assert (after.receive_liaison_name, after_sms.recipient_name, after_sms.mobile) == (
        "赵磊",
        "赵磊",
        "13907371002",
    )


async def test_a_liaison_named_from_a_future_date_gets_no_push_before_that_date(
    session, authorizer
):
    world = await _world(session, authorizer)
    today = local_today()
    await _name(session, world, "王芳", today - timedelta(days=30))
    await _name(session, world, "钱进", today + timedelta(days=3))
    _, push, sms = await _push_sms(session, authorizer, world)

    assert (push.receive_liaison_name, sms.mobile) == ("王芳", "13907371001")
    dept = world["supervising"].id
    on = {
        offset: await liaisons.current(session, dept, today + timedelta(days=offset))
        for offset in (0, 2, 3, 10)
    }
    assert {k: v.name if v else None for k, v in on.items()} == {
        0: "王芳",
        2: "王芳",
        3: "钱进",
        10: "钱进",
    }


async def test_a_new_mobile_of_the_current_liaison_is_texted_at_once(session, authorizer):
    world = await _world(session, authorizer)
    await _name(session, world, "王芳", local_today() - timedelta(days=30))
    await catalog.update_person_phones(
        session=session,
        person=world["people"]["王芳"],
        office_phone="0737-4220000",
        mobile="13907379999",
    )
    await factories.deliver(session)
    _, _, sms = await _push_sms(session, authorizer, world)

    assert (sms.recipient_name, sms.mobile) == ("王芳", "13907379999")


async def test_without_any_liaison_from_catalog_the_lists_copy_is_used(session, authorizer):
    world = await _world(session, authorizer)
    _, push, sms = await _push_sms(session, authorizer, world)

    assert (push.receive_liaison_name, sms.mobile) == ("名单中的联络员", "13800000000")


async def test_a_push_shows_whom_it_notified_and_who_was_responsible(session, authorizer):
    world = await _world(session, authorizer)
    await _name(session, world, "王芳", local_today() - timedelta(days=30))
    app, _, _ = await _push_sms(session, authorizer, world)
    head = await factories.user(
        session, authorizer, role="department_head", dept=world["supervising"]
    )

    seen = {}
    for who in (world["clerk"], head):
        result = await run(
            schema,
            ApprovalLoaders,
            PUSHES,
            session=session,
            authorizer=authorizer,
            principal=who,
            variables={"id": str(app.id)},
        )
        assert result.errors is None, result.errors
        seen[who.username] = result.data["application"]["pushes"]

    responsibilities = [
        {
            "approvingSectionName": "审批一科",
            "approvingPersonName": "周敏",
            "supervisingSectionName": "综合科",
            "supervisingPersonName": "王芳",
        }
    ]
    assert seen == {
        world["clerk"].username: [
            {
                "receiveLiaisonName": "王芳",
                "receiveLiaisonMobile": "13907371001",
                "responsibilities": responsibilities,
            }
        ],
        head.username: [
            {
                "receiveLiaisonName": "王芳",
                "receiveLiaisonMobile": "139****1001",
                "responsibilities": responsibilities,
            }
        ],
    }
