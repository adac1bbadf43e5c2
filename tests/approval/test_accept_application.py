"""Acceptance: credit ticket checked, one push per linked supervising department, SMS once."""

from sqlmodel import select

from api.approval.loaders import ApprovalLoaders
from api.approval.models import Push
from api.approval.models.sms import SmsMessage
from api.approval.schema import schema
from api.core import events
from api.core.clock import local_date
from api.core.events import OutboxMessage
from tests import factories
from tests.graphql import run

ACCEPT = """
mutation Accept($input: AcceptApplicationInput!) {
  acceptApplication(input: $input) {
    __typename
    ... on Application {
      status handlingMode acceptedBy listVersion
      creditAtAcceptance { level jointPunished lookupId }
      pushes { stage channel state claimedBy department { id } }
    }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""


async def _setup(session, authorizer, *, channels=("ONLINE", "LETTER")):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    supervisors = [await factories.department(session) for _ in channels]
    unrelated = await factories.department(session)
    mat = await factories.matter(session, approving)
    other = await factories.matter(session, approving)
    entries = [
        factories.published_entry(mat, dept, channel=channel, mobile=f"1390000000{i}")
        for i, (dept, channel) in enumerate(zip(supervisors, channels, strict=True))
    ]
    # Another matter's linkage must not receive this matter's pushes.
    entries.append(factories.published_entry(other, unrelated))
    version = await factories.publish_list(session, entries)
    subj = await factories.subject(session)
    app = await factories.application(session, mat, subj)
    return clerk, supervisors, unrelated, app, version


async def _accept(session, authorizer, clerk, app, *, mode="NORMAL", ticket=None):
    return await run(
        schema,
        ApprovalLoaders,
        ACCEPT,
        session=session,
        authorizer=authorizer,
        principal=clerk,
        variables={
            "input": {
                "applicationId": str(app.id),
                "handlingMode": mode,
                "creditTicket": ticket or factories.credit_ticket(app),
            }
        },
    )


async def test_acceptance_pushes_to_exactly_the_linked_departments(session, authorizer):
    clerk, supervisors, _, app, version = await _setup(session, authorizer)

    result = await _accept(session, authorizer, clerk, app)

    assert result.errors is None
    assert result.data == {
        "acceptApplication": {
            "__typename": "Application",
            "status": "ACCEPTED",
            "handlingMode": "NORMAL",
            "acceptedBy": clerk.username,
            "listVersion": version,
            "creditAtAcceptance": {"level": "NORMAL", "jointPunished": False, "lookupId": "77"},
            "pushes": [
                # 推送即认领: the online push is claimed on delivery.
                {
                    "stage": "ACCEPTED",
                    "channel": "ONLINE",
                    "state": "CLAIMED",
                    "claimedBy": "推送即认领",
                    "department": {"id": str(supervisors[0].id)},
                },
                {
                    "stage": "ACCEPTED",
                    "channel": "LETTER",
                    "state": "AWAITING_CLAIM",
                    "claimedBy": None,
                    "department": {"id": str(supervisors[1].id)},
                },
            ],
        }
    }


async def test_acceptance_emits_its_events_in_the_same_transaction(session, authorizer):
    clerk, _, _, app, version = await _setup(session, authorizer)
    await _accept(session, authorizer, clerk, app)

    rows = (
        await session.exec(
            select(OutboxMessage)
            .where(
                OutboxMessage.topic.in_(["approval.application.accepted", "approval.push.created"])
            )
            .where(OutboxMessage.status == events.OutboxStatus.PENDING)
            .order_by(OutboxMessage.id)
        )
    ).all()
    pushes = (
        await session.exec(select(Push).where(Push.application_id == app.id).order_by(Push.id))
    ).all()
    accepted = [r for r in rows if r.topic == "approval.application.accepted"][-1]
    assert accepted.payload == {
        "application_id": app.id,
        # The 办件编号 people read (credit names its lookups by it).
        "application_number": f"SP{local_date(app.submitted_at):%Y%m%d}{app.id:06d}",
        "matter_id": app.matter_id,
        "applicant_code": app.applicant_code,
        "applicant_name": app.applicant_name,
        "handling_mode": "NORMAL",
        "accepted_at": accepted.payload["accepted_at"],
        "approving_department_id": app.approving_department_id,
        "list_version": version,
        "measures": [],  # a NORMAL-level subject is proposed no credit measure
    }
    assert [r.payload["push_id"] for r in rows if r.topic == "approval.push.created"][-2:] == [
        p.id for p in pushes
    ]


async def test_every_push_sends_one_sms_to_the_receive_liaison_even_when_redelivered(
    session, authorizer
):
    clerk, supervisors, _, app, _ = await _setup(session, authorizer)
    await _accept(session, authorizer, clerk, app)
    await factories.deliver(session)
    pushes = (
        await session.exec(select(Push).where(Push.application_id == app.id).order_by(Push.id))
    ).all()

    # A redelivered push.created message (at-least-once) must not send a second SMS.
    for push in pushes:
        await events.emit(
            session,
            topic="approval.push.created",
            key=str(push.id),
            payload={
                "push_id": push.id,
                "application_id": app.id,
                "department_id": push.department_id,
                "stage": "ACCEPTED",
                "channel": push.channel.value,
            },
        )
    await factories.deliver(session)

    sms = (
        await session.exec(
            select(SmsMessage)
            .where(SmsMessage.key.in_([f"push:{p.id}" for p in pushes]))
            .order_by(SmsMessage.id)
        )
    ).all()
    assert [(m.key, m.mobile, m.department_id, m.sender) for m in sms] == [
        (f"push:{pushes[0].id}", "13900000000", supervisors[0].id, "dev"),
        (f"push:{pushes[1].id}", "13900000001", supervisors[1].id, "dev"),
    ]
    assert sms[1].text == (
        f"【审管联动】{app.applicant_name}的“{pushes[1].content['matter_name']}”已受理，"
        f"审批信息已推送至贵单位，请于{pushes[1].claim_due.isoformat()}前认领。"
        f"监管码{pushes[1].supervision_code}"
    )


async def test_a_mode_the_credit_ticket_does_not_allow_is_refused_with_the_reason(
    session, authorizer
):
    clerk, _, _, app, _ = await _setup(session, authorizer)
    ticket = factories.credit_ticket(app, level="DISHONEST", joint_punished=True, modes=("NORMAL",))

    result = await _accept(session, authorizer, clerk, app, mode="GREEN_CHANNEL", ticket=ticket)

    assert result.data == {
        "acceptApplication": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "handlingMode",
                    "code": "MODE_NOT_ALLOWED_BY_CREDIT",
                    "message": ("申请人信用等级为“失信”（列入联合惩戒对象名单），不适用“绿色通道”"),
                }
            ],
        }
    }


async def test_a_ticket_for_another_application_is_refused(session, authorizer):
    clerk, _, _, app, _ = await _setup(session, authorizer)
    other = await factories.application(
        session,
        await factories.matter(session, await factories.department(session)),
        await factories.subject(session),
    )

    result = await _accept(session, authorizer, clerk, app, ticket=factories.credit_ticket(other))

    assert result.data == {
        "acceptApplication": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "creditTicket",
                    "code": "INVALID_CREDIT_TICKET",
                    "message": "信用核查凭证与本办件不符，请重新核查",
                }
            ],
        }
    }


async def test_accepting_twice_is_an_illegal_transition(session, authorizer):
    clerk, _, _, app, _ = await _setup(session, authorizer)
    await _accept(session, authorizer, clerk, app)

    result = await _accept(session, authorizer, clerk, app)

    assert result.data == {
        "acceptApplication": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "applicationId",
                    "code": "ILLEGAL_TRANSITION",
                    "message": "办件当前状态为“已受理”，只有已申报的办件可以受理",
                }
            ],
        }
    }
    pushes = (await session.exec(select(Push).where(Push.application_id == app.id))).all()
    assert len(pushes) == 2


async def test_an_application_outside_the_clerks_scope_answers_not_found(session, authorizer):
    _, _, _, app, _ = await _setup(session, authorizer)
    stranger_dept = await factories.department(session)
    stranger = await factories.user(session, authorizer, role="approval_clerk", dept=stranger_dept)

    result = await _accept(session, authorizer, stranger, app)

    assert result.data == {
        "acceptApplication": {
            "__typename": "ValidationErrors",
            "errors": [{"field": "applicationId", "code": "NOT_FOUND", "message": "办件不存在"}],
        }
    }
