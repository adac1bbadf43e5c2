"""The credit officer's workbench counts: joint punishments about to end, records about to
expire, rule sets published lately; one statement each, however many rows there are."""

from datetime import timedelta

from api.credit import services
from api.credit.loaders import CreditLoaders
from api.credit.models import JointPunishmentCreate, RecordCategory
from api.credit.schema import schema
from api.credit.services import determination
from api.credit.services.determination import today_utc
from tests import factories
from tests.credit.builders import record
from tests.graphql import run

COUNTS = """
{ punishmentsEndingCount(withinDays: 30) creditRecordsExpiringCount(withinDays: 30)
  creditRuleChangeCount(withinDays: 30) }
"""


async def _counts(session, authorizer, principal):
    result = await run(
        schema, CreditLoaders, COUNTS, session=session, authorizer=authorizer, principal=principal
    )
    assert result.errors is None, result.errors
    return result.data


async def _punish(session, subject, ends_in_days):
    await services.add_joint_punishment(
        session=session,
        subject_code=subject.credit_code,
        data=JointPunishmentCreate(
            source_document="益发改财金〔2026〕1号",
            measures="限制适用告知承诺和容缺受理",
            starts_on=today_utc() - timedelta(days=10),
            ends_on=today_utc() + timedelta(days=ends_in_days),
        ),
        actor="tester",
    )


async def test_counts_move_with_what_falls_due(session, authorizer, count_statements):
    dept = await factories.department(session)
    officer = await factories.user(session, authorizer, role="credit_officer", dept=dept)
    subject = await factories.subject(session)
    await session.commit()
    before = await _counts(session, authorizer, officer)

    await _punish(session, subject, ends_in_days=5)
    await _punish(session, subject, ends_in_days=200)  # not within 30 days
    soon = today_utc() + timedelta(days=10)
    await record(session, subject, RecordCategory.LICENSING, "许可", valid_until=soon)
    later = today_utc() + timedelta(days=90)
    await record(session, subject, RecordCategory.LICENSING, "许可二", valid_until=later)
    rules = await determination.current_rule_set(session)
    await determination.publish_rule_set(
        session=session,
        base_score=rules.base_score,
        trustworthy_min_score=rules.trustworthy_min_score,
        dishonest_below_score=rules.dishonest_below_score,
        rules=rules.rules,
        note="测试",
        actor="tester",
    )
    await session.commit()

    count_statements.count = 0
    after = await _counts(session, authorizer, officer)
    statements = count_statements.count
    assert after == {
        "punishmentsEndingCount": before["punishmentsEndingCount"] + 1,
        "creditRecordsExpiringCount": before["creditRecordsExpiringCount"] + 1,
        "creditRuleChangeCount": before["creditRuleChangeCount"] + 1,
    }

    await _punish(session, subject, ends_in_days=1)
    await session.commit()
    count_statements.count = 0
    again = await _counts(session, authorizer, officer)
    assert again["punishmentsEndingCount"] == after["punishmentsEndingCount"] + 1
    assert count_statements.count == statements


async def test_a_clerk_may_not_count_credit_work(session, authorizer):
    dept = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    result = await run(
        schema, CreditLoaders, COUNTS, session=session, authorizer=authorizer, principal=clerk
    )
    assert result.errors is not None
    assert result.errors[0].extensions["code"] == "FORBIDDEN"


LISTS = """
{ punishmentsEndingCount(withinDays: 30) creditRecordsExpiringCount(withinDays: 30)
  jointPunishments(endingWithinDays: 30) { id subjectCode endsOn }
  subjects(recordsExpiringWithinDays: 30) { creditCode } }
"""


async def test_the_tiles_open_lists_of_what_they_count(session, authorizer):
    """到期联合惩戒 opens jointPunishments(endingWithinDays:), the same punishments; 到期信用
    记录 opens subjects(recordsExpiringWithinDays:), the subjects of the records counted."""
    dept = await factories.department(session)
    officer = await factories.user(session, authorizer, role="credit_officer", dept=dept)
    soon = await factories.subject(session)
    late = await factories.subject(session)
    await _punish(session, soon, ends_in_days=5)
    await _punish(session, late, ends_in_days=200)
    await record(
        session, soon, RecordCategory.LICENSING, "许可", valid_until=today_utc() + timedelta(10)
    )
    await record(
        session, late, RecordCategory.LICENSING, "许可", valid_until=today_utc() + timedelta(90)
    )
    await session.commit()

    result = await run(
        schema, CreditLoaders, LISTS, session=session, authorizer=authorizer, principal=officer
    )
    assert result.errors is None, result.errors
    data = result.data
    ending = {p["subjectCode"] for p in data["jointPunishments"]}
    assert soon.credit_code in ending
    assert late.credit_code not in ending
    assert len(data["jointPunishments"]) == data["punishmentsEndingCount"]
    listed = {s["creditCode"] for s in data["subjects"]}
    assert soon.credit_code in listed
    assert late.credit_code not in listed
    # A subject with two records expiring is listed once: no more subjects than records.
    assert len(listed) <= data["creditRecordsExpiringCount"]


async def test_a_bad_window_is_refused_by_name(session, authorizer):
    dept = await factories.department(session)
    officer = await factories.user(session, authorizer, role="credit_officer", dept=dept)
    for query, argument in (
        ("{ jointPunishments(endingWithinDays: 0) { id } }", "endingWithinDays"),
        (
            "{ subjects(recordsExpiringWithinDays: 400) { creditCode } }",
            "recordsExpiringWithinDays",
        ),
    ):
        result = await run(
            schema, CreditLoaders, query, session=session, authorizer=authorizer, principal=officer
        )
        assert result.errors is not None
        assert result.errors[0].extensions["code"] == "BAD_USER_INPUT"
        assert argument in result.errors[0].message
