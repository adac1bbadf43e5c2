"""Credit flows back: a level change reaches the approving department of every open
application of that subject (credit.level.changed → approval's credit notices)."""

from sqlmodel import select

from api.approval import services as approval
from api.approval.loaders import ApprovalLoaders
from api.approval.models import CreditNotice, LegalDocumentCreate, Outcome
from api.approval.schema import schema
from api.core.clock import local_today
from api.core.events import OutboxMessage
from api.credit import services as credit
from api.credit.models import CreditRecordCreate, RecordCategory
from api.credit.services import determination
from tests import factories
from tests.graphql import run

NOTICES = """
{ creditNotices(first: 10) { totalCount edges { node {
    applicantName previousLevel previousLevelLabel level levelLabel jointPunished
    ruleVersion message application { id status } } } } }
"""


async def _city(session, authorizer):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    supervising = await factories.department(session)
    other_clerk = await factories.user(session, authorizer, role="approval_clerk", dept=supervising)
    mat = await factories.matter(session, approving)
    await factories.publish_list(session, [factories.published_entry(mat, supervising)])
    subj = await factories.subject(session, name="益阳市守约商贸有限公司")
    await determination.refresh(session=session, codes=[subj.credit_code])  # first: 一般
    await factories.deliver(session)
    actor = approval.Actor(username=clerk.username, department_id=approving.id)
    submitted = await factories.application(session, mat, subj)
    accepted = await factories.application(session, mat, subj)
    done = await factories.application(session, mat, subj)
    for app in (accepted, done):
        await approval.accept_application(
            session=session,
            application_id=app.id,
            handling_mode=approval.HandlingMode.NORMAL,
            credit_ticket=factories.credit_ticket(app),
            actor=actor,
        )
    await approval.complete_application(
        session=session,
        application_id=done.id,
        outcome=Outcome.REFUSED,
        documents=[LegalDocumentCreate(kind="REFUSAL_DECISION", number="不予-1")],
        refusal_reason="材料不全",
        actor=actor,
    )
    await factories.deliver(session)
    return clerk, other_clerk, subj, submitted, accepted


async def _commend(session, subj):
    return await credit.add_credit_record(
        session=session,
        data=CreditRecordCreate(
            subject_code=subj.credit_code,
            category=RecordCategory.COMMENDATION,
            title="市级守合同重信用企业",
            source="市市场监管局",
            decided_on=local_today(),
        ),
    )


async def test_a_record_that_raises_the_level_notifies_the_department_of_each_open_application(
    session, authorizer
):
    clerk, _, subj, submitted, accepted = await _city(session, authorizer)

    await _commend(session, subj)
    await factories.deliver(session)

    result = await run(
        schema, ApprovalLoaders, NOTICES, session=session, authorizer=authorizer, principal=clerk
    )
    assert result.errors is None
    nodes = [e["node"] for e in result.data["creditNotices"]["edges"]]
    assert [n["application"] for n in nodes] == [
        {"id": str(submitted.id), "status": "SUBMITTED"},
        {"id": str(accepted.id), "status": "ACCEPTED"},
    ]
    first = nodes[0]
    assert {k: v for k, v in first.items() if k not in ("application", "message")} == {
        "applicantName": "益阳市守约商贸有限公司",
        "previousLevel": "NORMAL",
        "previousLevelLabel": "一般",
        "level": "TRUSTWORTHY",
        "levelLabel": "守信",
        "jointPunished": False,
        "ruleVersion": 0,
    }
    assert first["message"].startswith(
        f"办件{submitted.id}的申请人益阳市守约商贸有限公司信用等级由“一般”变为“守信”。"
        "认定依据：基础分80，合计95分"
    )
    assert "三年内获得表彰奖励" in first["message"]
    assert "TRUSTWORTHY" not in first["message"]
    assert "NORMAL" not in first["message"]


async def test_withdrawing_the_record_notifies_the_change_back(session, authorizer):
    _clerk, _, subj, submitted, _ = await _city(session, authorizer)
    record = await _commend(session, subj)
    await factories.deliver(session)

    await credit.withdraw_credit_record(
        session=session, record_id=record.id, reason="表彰撤销", actor="credit_officer"
    )
    await factories.deliver(session)

    rows = (
        await session.exec(
            select(CreditNotice)
            .where(CreditNotice.application_id == submitted.id)
            .order_by(CreditNotice.id)
        )
    ).all()
    assert [(r.previous_level, r.level) for r in rows] == [
        ("NORMAL", "TRUSTWORTHY"),
        ("TRUSTWORTHY", "NORMAL"),
    ]


async def test_the_event_names_the_old_level_and_the_deciding_rules(session, authorizer):
    _, _, subj, _, _ = await _city(session, authorizer)

    await _commend(session, subj)

    message = (
        await session.exec(
            select(OutboxMessage)
            .where(OutboxMessage.topic == "credit.level.changed")
            .order_by(OutboxMessage.id.desc())  # type: ignore[union-attr]
        )
    ).first()
    assert message is not None
    payload = message.payload
    assert (payload["previous_level"], payload["level"]) == ("NORMAL", "TRUSTWORTHY")
    assert payload["previous_joint_punished"] is False
    assert payload["rule_version"] == 0
    assert "三年内获得表彰奖励" in [r["name"] for r in payload["rules"]]


async def test_another_department_sees_none_of_the_notices(session, authorizer):
    _, other_clerk, subj, _, _ = await _city(session, authorizer)
    await _commend(session, subj)
    await factories.deliver(session)

    result = await run(
        schema,
        ApprovalLoaders,
        NOTICES,
        session=session,
        authorizer=authorizer,
        principal=other_clerk,
    )

    assert result.errors is None
    assert result.data == {"creditNotices": {"totalCount": 0, "edges": []}}


async def test_a_change_to_the_same_level_as_at_acceptance_sends_nothing(session, authorizer):
    """A first determination names no previous level: the acceptance level stands in."""
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    mat = await factories.matter(session, approving)
    subj = await factories.subject(session)
    app = await factories.application(session, mat, subj)
    await approval.accept_application(
        session=session,
        application_id=app.id,
        handling_mode=approval.HandlingMode.NORMAL,
        credit_ticket=factories.credit_ticket(app, level="NORMAL"),
        actor=approval.Actor(username=clerk.username, department_id=approving.id),
    )

    await determination.refresh(session=session, codes=[subj.credit_code], today=local_today())
    await factories.deliver(session)

    notices = (await session.exec(select(CreditNotice))).all()
    assert notices == []
