"""Records arrive through the outbox: approvals always, supervision results by aggregation rule."""

import itertools
from datetime import date

from sqlmodel import col, select

from api.core import events
from api.core.db import session_scope
from api.credit import services
from api.credit.models import AggregationRuleCreate, CreditRecord, RecordCategory
from api.registry import consumer_table
from tests import factories

_ids = itertools.count(900_000)
# Committed subjects: codes outside the range the rolled-back factories use.
_codes = itertools.count(70_000)
# Departments as the published list names them (credit's copy: records name them).
APPROVING, SUPERVISING = 880_001, 880_004


async def _names(engine):
    async with session_scope(engine) as session:
        await services.store_department_names(
            session=session,
            payload={
                "version": 1,
                "entries": [
                    {
                        "approving_department_id": APPROVING,
                        "approving_department_name": "益阳市行政审批服务局",
                        "supervising_department_id": SUPERVISING,
                        "supervising_department_name": "益阳市市场监督管理局",
                    }
                ],
            },
        )


async def _records(engine, code):
    async with session_scope(engine) as session:
        rows = await session.exec(
            select(CreditRecord)
            .where(CreditRecord.subject_code == code)
            .order_by(col(CreditRecord.id))
        )
        return [
            (r.category, r.title, r.source, r.decided_on, r.valid_until, r.origin, r.source_ref)
            for r in rows.all()
        ]


def _completed(application_id, code, outcome="APPROVED"):
    return {
        "application_id": application_id,
        "matter_id": 3,
        "matter_name": "食品经营许可",
        "applicant_code": code,
        "applicant_name": "益阳事件测试有限公司",
        "handling_mode": "NORMAL",
        "accepted_at": "2026-05-01T09:00:00+00:00",
        "approving_department_id": APPROVING,
        "list_version": 1,
        "outcome": outcome,
        "completed_at": "2026-05-08T10:30:00+00:00",
        "legal_documents": [
            {
                "kind": "LICENCE",
                "number": "JY14309000012345",
                "valid_from": "2026-05-08",
                "valid_until": "2031-05-07",
            }
        ],
    }


async def test_completed_approval_becomes_one_licensing_record_even_if_delivered_twice(engine):
    code = factories.uscc(next(_codes))
    application_id = next(_ids)
    async with session_scope(engine) as session:
        await events.emit(
            session,
            topic="approval.application.completed",
            key=str(application_id),
            payload=_completed(application_id, code),
        )
    await _names(engine)
    await events.dispatch_pending(engine, consumer_table())
    await events.dispatch_pending(engine, consumer_table())

    # The record names the issuing authority, the matter, the licence number and validity.
    assert await _records(engine, code) == [
        (
            RecordCategory.LICENSING,
            (
                "准予行政许可：食品经营许可（文书编号JY14309000012345，"
                "发证机关益阳市行政审批服务局，有效期至2031-05-07）"
            ),
            "益阳市行政审批服务局",
            date(2026, 5, 8),
            date(2031, 5, 7),
            "APPROVAL",
            f"approval.application:{application_id}",
        )
    ]
    async with session_scope(engine) as session:
        subject = await services.find_subject(session=session, code=code)
        assert subject is not None
        assert subject.name == "益阳事件测试有限公司"


async def test_refused_application_leaves_no_record(engine):
    code = factories.uscc(next(_codes))
    application_id = next(_ids)
    async with session_scope(engine) as session:
        await events.emit(
            session,
            topic="approval.application.completed",
            key=str(application_id),
            payload=_completed(application_id, code, outcome="REFUSED"),
        )
    await events.dispatch_pending(engine, consumer_table())
    assert await _records(engine, code) == []


def _finding(finding_id, code, result_type):
    return {
        "finding_id": finding_id,
        "application_id": 7,
        "subject_code": code,
        "department_id": SUPERVISING,
        "kind": "ENFORCEMENT_RESULT",
        "abnormal": True,
        "result_type": result_type,
        "found_on": "2026-06-01",
        "summary": "超范围经营，罚款五千元",
    }


async def test_enforcement_result_becomes_a_record_only_when_an_aggregation_rule_says_so(engine):
    code = factories.uscc(next(_codes))
    fine_type, warning_type = f"罚款{next(_ids)}", f"警告{next(_ids)}"
    async with session_scope(engine) as session:
        await services.save_aggregation_rule(
            session=session,
            data=AggregationRuleCreate(
                finding_kind="ENFORCEMENT_RESULT",
                result_type=fine_type,
                category=RecordCategory.PENALTY,
                validity_months=36,
            ),
            actor="credit_officer",
        )
        await services.save_aggregation_rule(
            session=session,
            data=AggregationRuleCreate(
                finding_kind="ENFORCEMENT_RESULT",
                result_type=warning_type,
                category=RecordCategory.PENALTY,
                enabled=False,
            ),
            actor="credit_officer",
        )
        fined, warned, unknown = next(_ids), next(_ids), next(_ids)
        for finding_id, result_type in (
            (fined, fine_type),
            (warned, warning_type),
            (unknown, "责令整改"),
        ):
            await events.emit(
                session,
                topic="supervision.finding.recorded",
                key=str(finding_id),
                payload=_finding(finding_id, code, result_type),
            )
    await _names(engine)
    await events.dispatch_pending(engine, consumer_table())

    # Source: the named department; 36 months from 2026-06-01 end on 2029-05-31.
    assert await _records(engine, code) == [
        (
            RecordCategory.PENALTY,
            f"{fine_type}：超范围经营，罚款五千元",
            "益阳市市场监督管理局",
            date(2026, 6, 1),
            date(2029, 5, 31),
            "ENFORCEMENT",
            f"supervision.finding:{fined}",
        )
    ]


async def test_accepted_application_registers_an_unknown_applicant_without_records(engine):
    code = factories.uscc(next(_codes))
    application_id = next(_ids)
    payload = _completed(application_id, code)
    for key in ("outcome", "completed_at", "legal_documents"):
        payload.pop(key)
    async with session_scope(engine) as session:
        await events.emit(
            session, topic="approval.application.accepted", key=str(application_id), payload=payload
        )
    await events.dispatch_pending(engine, consumer_table())

    async with session_scope(engine) as session:
        subject = await services.find_subject(session=session, code=code)
        assert subject is not None
        assert (subject.credit_code, subject.name, subject.kind) == (
            code,
            "益阳事件测试有限公司",
            "LEGAL_PERSON",
        )
    assert await _records(engine, code) == []


async def test_a_one_year_record_ends_the_day_before_the_anniversary(engine):
    code = factories.uscc(next(_codes))
    result_type = f"责令停业{next(_ids)}"
    async with session_scope(engine) as session:
        await services.save_aggregation_rule(
            session=session,
            data=AggregationRuleCreate(
                finding_kind="ENFORCEMENT_RESULT",
                result_type=result_type,
                category=RecordCategory.PENALTY,
                validity_months=12,
            ),
            actor="credit_officer",
        )
        finding_id = next(_ids)
        await events.emit(
            session,
            topic="supervision.finding.recorded",
            key=str(finding_id),
            payload=_finding(finding_id, code, result_type) | {"found_on": "2026-09-08"},
        )
    await _names(engine)
    await events.dispatch_pending(engine, consumer_table())

    (record,) = await _records(engine, code)
    assert (record[3], record[4]) == (date(2026, 9, 8), date(2027, 9, 7))
    assert services.period_end(date(2026, 9, 8), 12) == date(2027, 9, 7)


async def test_a_supervision_code_never_reaches_the_title(engine):
    code = factories.uscc(next(_codes))
    finding_id = next(_ids)
    async with session_scope(engine) as session:
        await events.emit(
            session,
            topic="supervision.finding.recorded",
            key=str(finding_id),
            payload=_finding(finding_id, code, "FALSE_COMMITMENT"),
        )
    await _names(engine)
    await events.dispatch_pending(engine, consumer_table())

    (record,) = await _records(engine, code)
    assert record[0] == RecordCategory.COMMITMENT_BREACH
    assert record[1] == "信用承诺失信：超范围经营，罚款五千元"
    assert record[2] == "益阳市市场监督管理局"
