"""Records are repaired or withdrawn with history, never deleted, and determination follows."""

from datetime import date

from sqlmodel import func, select

from api.credit.loaders import CreditLoaders
from api.credit.models import CreditRecord, RecordCategory
from api.credit.schema import schema
from tests import factories
from tests.credit import builders
from tests.graphql import run

REPAIR = """
mutation($id: ID!, $input: RepairCreditRecordInput!, $reason: String!) {
  repairCreditRecord(id: $id, input: $input, reason: $reason) {
    __typename
    ... on CreditRecord {
      title category validUntil status
      revisions {
        action reason changedBy
        beforeTitle beforeCategory beforeValidUntil beforeStatus
      }
    }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
WITHDRAW = """
mutation($id: ID!, $reason: String!) {
  withdrawCreditRecord(id: $id, reason: $reason) {
    __typename
    ... on CreditRecord { status revisions { action reason beforeStatus } }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
LOOKUP = """
query($code: String!) {
  subject(creditCode: $code, purpose: "信用修复审核") {
    ... on CreditProfile { assessment { level causes { ruleCode } } records { title status } }
  }
}
"""


async def _run(session, authorizer, principal, query, **variables):
    result = await run(
        schema,
        CreditLoaders,
        query,
        session=session,
        authorizer=authorizer,
        principal=principal,
        variables=variables,
    )
    assert result.errors is None, result.errors
    return result.data


async def test_repair_keeps_the_previous_content_in_history(session, authorizer):
    dept = await factories.department(session)
    officer = await factories.user(session, authorizer, role="credit_officer", dept=dept)
    subject = await factories.subject(session)
    record = await builders.record(
        session, subject, RecordCategory.PENALTY, "罚款（错录）", valid_until=date(2029, 1, 1)
    )

    data = await _run(
        session,
        authorizer,
        officer,
        REPAIR,
        id=str(record.id),
        input={"title": "警告", "category": "OTHER", "clearValidUntil": True},
        reason="原决定书为警告，录入有误",
    )

    assert data == {
        "repairCreditRecord": {
            "__typename": "CreditRecord",
            "title": "警告",
            "category": "OTHER",
            "validUntil": None,
            "status": "ACTIVE",
            "revisions": [
                {
                    "action": "REPAIRED",
                    "reason": "原决定书为警告，录入有误",
                    "changedBy": officer.username,
                    "beforeTitle": "罚款（错录）",
                    "beforeCategory": "PENALTY",
                    "beforeValidUntil": "2029-01-01",
                    "beforeStatus": "ACTIVE",
                }
            ],
        }
    }


async def test_withdrawn_record_stays_listed_but_no_longer_counts(session, authorizer):
    dept = await factories.department(session)
    officer = await factories.user(session, authorizer, role="credit_officer", dept=dept)
    subject = await factories.subject(session)
    code = subject.credit_code
    record = await builders.record(session, subject, RecordCategory.PENALTY, "超标排放罚款")
    record_id = str(record.id)
    before = (await session.exec(select(func.count()).select_from(CreditRecord))).one()

    assert await _run(session, authorizer, officer, LOOKUP, code=code) == {
        "subject": {
            "assessment": {"level": "NORMAL", "causes": [{"ruleCode": "PENALTY_RECENT"}]},
            "records": [{"title": "超标排放罚款", "status": "ACTIVE"}],
        }
    }
    withdrawn = await _run(
        session, authorizer, officer, WITHDRAW, id=record_id, reason="行政复议撤销处罚决定"
    )
    assert withdrawn == {
        "withdrawCreditRecord": {
            "__typename": "CreditRecord",
            "status": "WITHDRAWN",
            "revisions": [
                {"action": "WITHDRAWN", "reason": "行政复议撤销处罚决定", "beforeStatus": "ACTIVE"}
            ],
        }
    }
    assert await _run(session, authorizer, officer, LOOKUP, code=code) == {
        "subject": {
            "assessment": {"level": "NORMAL", "causes": [{"ruleCode": "NO_PENALTY_TWO_YEARS"}]},
            "records": [{"title": "超标排放罚款", "status": "WITHDRAWN"}],
        }
    }
    assert (await session.exec(select(func.count()).select_from(CreditRecord))).one() == before
    again = await _run(session, authorizer, officer, WITHDRAW, id=record_id, reason="重复")
    assert again == {
        "withdrawCreditRecord": {
            "__typename": "ValidationErrors",
            "errors": [{"field": "id", "code": "WITHDRAWN", "message": "该记录已撤销"}],
        }
    }
