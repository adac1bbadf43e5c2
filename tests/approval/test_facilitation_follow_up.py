"""容缺受理 and 告知承诺 are followed up (issue 18 items 4 and 5): the missing materials with
their supply dates in working days, reminders once a day when overdue, no completion while one
is outstanding; the commitment and its signed 承诺书 at acceptance, one verification task per
supervising department at completion, 不实 → a 信用承诺失信 credit record that closes 告知承诺
for the subject's next application, counted in approval quality."""

from __future__ import annotations

import base64
import hashlib
from datetime import timedelta

import pytest
from sqlmodel import select

from api.approval import services
from api.approval.models import HandlingMode, LegalDocumentCreate, Outcome
from api.approval.models.facilitation import (
    Commitment,
    ItemState,
    MissingItem,
    VerificationResult,
    VerificationTask,
)
from api.approval.models.sms import SmsMessage
from api.approval.services import facilitation
from api.catalog import services as catalog
from api.catalog.models import LiaisonKind
from api.core.auth import Principal
from api.core.clock import local_today
from api.core.errors import ValidationFailed
from api.core.files import default_store
from api.core.scope import Scope
from api.core.workdays import DayKind, add_working_days, set_calendar_day
from api.credit import services as credit_services
from api.credit.models import CreditRecord, RecordCategory
from api.credit.services import lookups
from api.registry import worker_tables
from tests import factories

PDF = b"%PDF-1.4\n% signed commitment\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ALL_MODES = ("NORMAL", "GREEN_CHANNEL", "MISSING_DOCUMENTS", "NOTIFY_AND_COMMIT")


async def _world(session, *, supervisors: int = 2):
    approving = await factories.department(session, "益阳市行政审批服务局（测试）")
    depts = [await factories.department(session) for _ in range(supervisors)]
    mat = await factories.matter(session, approving, name="食品经营许可")
    entries = [
        factories.published_entry(mat, dept)
        | {
            "approving_department_name": approving.name,
            "supervising_department_name": dept.name,
        }
        for dept in depts
    ]
    await factories.publish_list(session, entries)
    clerk = services.Actor("clerk_facilitation", int(approving.id or 0))
    return approving, depts, mat, clerk


async def _accept(session, app, clerk, mode, **kw):
    return await services.accept_application(
        session=session,
        application_id=app.id,
        handling_mode=mode,
        credit_ticket=factories.credit_ticket(app, modes=ALL_MODES),
        actor=clerk,
        **kw,
    )


async def _complete(session, app, clerk):
    return await services.complete_application(
        session=session,
        application_id=app.id,
        outcome=Outcome.APPROVED,
        documents=[LegalDocumentCreate(kind="LICENCE", number="JY14309000099999")],
        actor=clerk,
    )


async def _refused(work) -> tuple[list[tuple[str, str]], str]:
    """The issues (field, code) and the first message of a refused call."""
    with pytest.raises(ValidationFailed) as caught:
        await work
    issues = caught.value.issues
    return [(i.field, i.code) for i in issues], issues[0].message


def _items(*names: str, days: int | None = None):
    return [facilitation.MissingItemDraft(name=n, days=days) for n in names]


async def test_missing_items_and_their_due_dates_are_recorded_in_working_days(session):
    _, _, mat, clerk = await _world(session)
    app = await factories.application(session, mat, await factories.subject(session))
    today = local_today()
    # A holiday inside the period moves the due date by one working day.
    holiday = await add_working_days(session, today, 1)
    await set_calendar_day(session, day=holiday, kind=DayKind.HOLIDAY, name="测试假日")

    await _accept(
        session,
        app,
        clerk,
        HandlingMode.MISSING_DOCUMENTS,
        missing_items=[
            facilitation.MissingItemDraft("营业执照副本复印件"),
            facilitation.MissingItemDraft("从业人员健康证明", days=2),
        ],
    )

    items = (await session.exec(select(MissingItem).order_by(MissingItem.id))).all()
    items = [i for i in items if i.application_id == app.id]
    assert [(i.name, i.days, i.due_on, i.state) for i in items] == [
        ("营业执照副本复印件", 5, await add_working_days(session, today, 5), ItemState.OUTSTANDING),
        ("从业人员健康证明", 2, await add_working_days(session, today, 2), ItemState.OUTSTANDING),
    ]
    # the holiday counted: two working days after today lie beyond the second calendar day
    assert items[1].due_on > today + timedelta(days=2) or holiday.weekday() >= 5


async def test_missing_documents_needs_its_items_and_other_modes_take_none(session):
    _, _, mat, clerk = await _world(session)
    app = await factories.application(session, mat, await factories.subject(session))
    for mode, kwargs, field, code in (
        (HandlingMode.MISSING_DOCUMENTS, {}, "missingItems", "REQUIRED"),
        (
            HandlingMode.GREEN_CHANNEL,
            {"missing_items": _items("图纸")},
            "missingItems",
            "NOT_APPLICABLE",
        ),
        (
            HandlingMode.MISSING_DOCUMENTS,
            {"missing_items": _items("图纸", days=99)},
            "missingItems[0].days",
            "OUT_OF_RANGE",
        ),
        (HandlingMode.NOTIFY_AND_COMMIT, {}, "commitment", "REQUIRED"),
    ):
        issues, _ = await _refused(_accept(session, app, clerk, mode, **kwargs))
        assert issues == [(field, code)], mode
    assert (await session.get(type(app), app.id)).status.value == "SUBMITTED"


async def test_completion_is_refused_while_an_item_is_outstanding(session):
    _, _, mat, clerk = await _world(session)
    app = await factories.application(session, mat, await factories.subject(session))
    await _accept(
        session, app, clerk, HandlingMode.MISSING_DOCUMENTS, missing_items=_items("甲", "乙")
    )
    first, second = await facilitation.items_of(session, app.id)

    issues, message = await _refused(_complete(session, app, clerk))
    assert issues == [("missingItems", "MISSING_ITEMS_OUTSTANDING")]
    assert "“甲”" in message
    assert "“乙”" in message

    dept = clerk.department_id
    await facilitation.supply_item(
        session, item_id=first.id, note="窗口收取原件", username="clerk", department_id=dept
    )
    issues, _ = await _refused(
        facilitation.waive_item(
            session, item_id=second.id, reason=" ", username="clerk", department_id=dept
        )
    )
    assert issues == [("reason", "REQUIRED")]
    # another department cannot close the item; a closed one cannot be closed again
    issues, _ = await _refused(
        facilitation.supply_item(
            session, item_id=second.id, note="", username="x", department_id=dept + 999
        )
    )
    assert issues == [("itemId", "NOT_FOUND")]
    issues, _ = await _refused(
        facilitation.supply_item(
            session, item_id=first.id, note="", username="clerk", department_id=dept
        )
    )
    assert issues == [("itemId", "ILLEGAL_TRANSITION")]
    _, message = await _refused(_complete(session, app, clerk))
    assert "“乙”" in message
    assert "“甲”" not in message

    await facilitation.waive_item(
        session,
        item_id=second.id,
        reason="经核实该事项已取消此项材料要求",
        username="clerk",
        department_id=clerk.department_id,
    )
    done = await _complete(session, app, clerk)
    assert done.status.value == "APPROVED"
    states = [(i.state, i.note) for i in await facilitation.items_of(session, app.id)]
    assert states == [
        (ItemState.SUPPLIED, "窗口收取原件"),
        (ItemState.WAIVED, "经核实该事项已取消此项材料要求"),
    ]


async def test_an_overdue_item_is_reminded_once_a_day_and_counted(session):
    approving, _, mat, clerk = await _world(session)
    office = await factories.section(session, approving, "审批一科")
    liaison = await factories.person(session, office, "推送联络员甲", mobile="13907379901")
    await catalog.set_liaison(
        session=session,
        department_id=approving.id,
        kind=LiaisonKind.PUSH,
        person_id=liaison.id,
        since=local_today() - timedelta(days=30),
    )
    await factories.deliver(session)
    app = await factories.application(
        session, mat, await factories.subject(session, "逾期材料商行")
    )
    await _accept(
        session,
        app,
        clerk,
        HandlingMode.MISSING_DOCUMENTS,
        missing_items=_items("消防验收意见", days=1),
    )
    (item,) = await facilitation.items_of(session, app.id)
    assert "approval.missing_item_reminders" in worker_tables().jobs.daily_jobs

    assert await facilitation.emit_missing_item_reminders(session, item.due_on) == 0  # not late
    late = item.due_on + timedelta(days=1)
    assert await facilitation.emit_missing_item_reminders(session, late) >= 1
    assert await facilitation.emit_missing_item_reminders(session, late) == 0  # once a day
    await factories.deliver(session)

    messages = (
        await session.exec(select(SmsMessage).where(SmsMessage.key == f"missing:{item.id}:{late}"))
    ).all()
    assert [(m.mobile, m.recipient_name) for m in messages] == [("13907379901", "推送联络员甲")]
    assert "消防验收意见" in messages[0].text
    await session.refresh(item)
    assert (item.reminders, item.last_reminded_on) == (1, late)
    figures = await facilitation.follow_up(
        session, Scope(department_id=clerk.department_id, city_wide=False), None, today=late
    )
    assert (figures.items, figures.outstanding, figures.overdue, figures.reminders) == (1, 1, 1, 1)


async def test_commitment_is_verified_by_each_supervising_department_and_false_becomes_credit(
    session,
):
    _, depts, mat, clerk = await _world(session, supervisors=2)
    subject = await factories.subject(session, "承诺核查食品店")
    app = await factories.application(session, mat, subject)
    await _accept(
        session,
        app,
        clerk,
        HandlingMode.NOTIFY_AND_COMMIT,
        commitment=facilitation.CommitmentDraft(
            text="本单位承诺已具备食品经营场所及设施条件",
            file_name="承诺书.pdf",
            content_base64=base64.b64encode(PDF).decode(),
        ),
    )
    commitment = (
        await session.exec(select(Commitment).where(Commitment.application_id == app.id))
    ).one()
    assert commitment.file_sha256 == hashlib.sha256(PDF).hexdigest()
    assert await default_store().get(commitment.file_sha256) == PDF
    done = await _complete(session, app, clerk)

    tasks = (
        await session.exec(
            select(VerificationTask)
            .where(VerificationTask.application_id == app.id)
            .order_by(VerificationTask.department_id)
        )
    ).all()
    due = await add_working_days(session, local_today(), 10)
    assert [(t.department_id, t.due_on, t.result) for t in tasks] == [
        (d.id, due, None) for d in sorted(depts, key=lambda d: d.id)
    ]
    assert done.status.value == "APPROVED"
    rows, total, _ = await facilitation.verification_inbox(
        session, department_id=depts[0].id, open_only=True
    )
    assert (total, [r.application_id for r in rows]) == (1, [app.id])

    truthful, untruthful = tasks
    issues, _ = await _refused(
        facilitation.record_verification(
            session,
            task_id=untruthful.id,
            draft=facilitation.VerificationDraft(VerificationResult.UNTRUTHFUL, "现场无冷藏设施"),
            username="liaison",
            department_id=untruthful.department_id,
        )
    )
    assert issues == [("documentNumber", "REQUIRED")]
    await facilitation.record_verification(
        session,
        task_id=truthful.id,
        draft=facilitation.VerificationDraft(VerificationResult.TRUTHFUL, "现场核查与承诺一致"),
        username="liaison_a",
        department_id=truthful.department_id,
    )
    await facilitation.record_verification(
        session,
        task_id=untruthful.id,
        draft=facilitation.VerificationDraft(
            VerificationResult.UNTRUTHFUL,
            "现场无冷藏设施，与承诺不符",
            document_number="益市监核〔2026〕7号",
            file_name="核查笔录.pdf",
            content_base64=base64.b64encode(PDF).decode(),
        ),
        username="liaison_b",
        department_id=untruthful.department_id,
    )
    await factories.deliver(session)

    records = (
        await session.exec(
            select(CreditRecord).where(
                CreditRecord.subject_code == subject.credit_code,
                CreditRecord.category == RecordCategory.COMMITMENT_BREACH,
            )
        )
    ).all()
    verifier = next(d for d in depts if d.id == untruthful.department_id)
    assert [
        (r.authority, r.source, r.matter_name, r.document_number, r.valid_until) for r in records
    ] == [
        (
            verifier.name,
            verifier.name,
            "食品经营许可",
            "益市监核〔2026〕7号",
            credit_services.period_end(local_today(), 36),
        )
    ]
    assert records[0].title == (
        f"信用承诺失信：食品经营许可告知承诺经{verifier.name}核查不实（益市监核〔2026〕7号）"
    )

    # The next 告知承诺 for the subject is refused, citing the record.
    second = await factories.application(session, mat, subject)
    outcome = await lookups.credit_check(
        session=session,
        request=lookups.LookupRequest(
            principal=Principal(
                user_id=1, username=clerk.username, department_id=str(clerk.department_id)
            ),
            purpose="受理审查",
            application_id=second.id,
        ),
        subject_code=subject.credit_code,
    )
    refused = {d.mode.value: d.reason for d in outcome.modes if not d.allowed}
    assert "NOTIFY_AND_COMMIT" in refused
    assert "益市监核〔2026〕7号" in refused["NOTIFY_AND_COMMIT"]
    assert verifier.name in refused["NOTIFY_AND_COMMIT"]
    issues, message = await _refused(
        services.accept_application(
            session=session,
            application_id=second.id,
            handling_mode=HandlingMode.NOTIFY_AND_COMMIT,
            credit_ticket=outcome.ticket,
            actor=clerk,
        )
    )
    assert issues == [("handlingMode", "MODE_NOT_ALLOWED_BY_CREDIT")]
    assert "益市监核〔2026〕7号" in message
    assert "NOTIFY" not in message

    quality = await services.approval_quality(
        session=session, scope=Scope(department_id=0, city_wide=True)
    )
    (figures,) = [q for q in quality if q.matter_id == mat.id]
    assert (figures.commitments, figures.false_commitments) == (1, 1)
