"""Every determination is kept: after a rule change the earlier level, its explanation, the
rule version that decided and the records behind it read back as of their day."""

from datetime import timedelta

from api.credit import services
from api.credit.loaders import CreditLoaders
from api.credit.models import (
    CreditRecordCreate,
    CreditRecordRepair,
    RecordCategory,
    RuleCondition,
)
from api.credit.schema import schema
from api.credit.services import determination, history
from api.credit.services.determination import Rule
from tests import factories
from tests.graphql import run

HISTORY = """
query($code: String!, $before: Date!, $first: Date!, $second: Date!) {
  _entities(representations: [{__typename: "Subject", creditCode: $code}]) {
    ... on Subject {
      before: determinationAsOf(day: $before) { level }
      first: determinationAsOf(day: $first) {
        determinedOn ruleVersion level levelLabel score summary previousLevel
        ruleSet { version dishonestBelowScore }
        causes { ruleCode scoreDelta records { title category source decidedOn } }
      }
      second: determinationAsOf(day: $second) {
        determinedOn ruleVersion level score summary previousLevel
        causes { ruleCode records { title } }
      }
      determinations { determinedOn ruleVersion level score }
    }
  }
}
"""


async def test_after_a_rule_change_the_earlier_determination_reads_back_as_of_its_day(
    session, authorizer
):
    dept = await factories.department(session)
    officer = await factories.user(session, authorizer, role="credit_officer", dept=dept)
    subject = await factories.subject(session, name="认定历史有限公司")
    code = subject.credit_code
    registered_on = determination.today_utc()  # registering determines nothing yet
    first_day = registered_on + timedelta(days=10)
    second_day = registered_on + timedelta(days=30)
    penalty_on = first_day - timedelta(days=5)
    await services.add_credit_record(
        session=session,
        data=CreditRecordCreate(
            subject_code=code,
            category=RecordCategory.PENALTY,
            title="超范围经营罚款",
            source="市场监管局",
            decided_on=penalty_on,
        ),
        today=first_day,
    )
    await determination.publish_rule_set(
        session=session,
        base_score=80,
        trustworthy_min_score=90,
        dishonest_below_score=75,
        rules=[
            Rule(
                "PENALTY_3Y",
                "三年内受到行政处罚",
                RuleCondition.RECORD_COUNT,
                -10,
                category=RecordCategory.PENALTY,
                within_days=1095,
            ),
        ],
        note="处罚记录扣分加重",
        actor="credit_officer",
        today=second_day,
    )
    version = (await determination.current_rule_set(session)).version

    result = await run(
        schema,
        CreditLoaders,
        HISTORY,
        session=session,
        authorizer=authorizer,
        principal=officer,
        variables={
            "code": code,
            "before": (registered_on - timedelta(days=1)).isoformat(),
            "first": (first_day + timedelta(days=3)).isoformat(),
            "second": second_day.isoformat(),
        },
    )

    assert result.errors is None
    assert result.data == {
        "_entities": [
            {
                "before": None,
                "first": {
                    "determinedOn": first_day.isoformat(),
                    "ruleVersion": 0,
                    "level": "NORMAL",
                    "levelLabel": "一般",
                    "score": 65,
                    "summary": "基础分80，合计65分；守信≥90，失信<60：认定为一般（系统默认规则）",
                    "previousLevel": None,
                    "ruleSet": {"version": 0, "dishonestBelowScore": 60},
                    "causes": [
                        {
                            "ruleCode": "PENALTY_RECENT",
                            "scoreDelta": -15,
                            "records": [
                                {
                                    "title": "超范围经营罚款",
                                    "category": "PENALTY",
                                    "source": "市场监管局",
                                    "decidedOn": penalty_on.isoformat(),
                                }
                            ],
                        }
                    ],
                },
                "second": {
                    "determinedOn": second_day.isoformat(),
                    "ruleVersion": version,
                    "level": "DISHONEST",
                    "score": 70,
                    "summary": (
                        f"基础分80，合计70分；守信≥90，失信<75：认定为失信（规则第{version}版）"
                    ),
                    "previousLevel": "NORMAL",
                    "causes": [
                        {"ruleCode": "PENALTY_3Y", "records": [{"title": "超范围经营罚款"}]}
                    ],
                },
                "determinations": [
                    {
                        "determinedOn": second_day.isoformat(),
                        "ruleVersion": version,
                        "level": "DISHONEST",
                        "score": 70,
                    },
                    {
                        "determinedOn": first_day.isoformat(),
                        "ruleVersion": 0,
                        "level": "NORMAL",
                        "score": 65,
                    },
                ],
            }
        ]
    }


async def test_a_later_repair_does_not_rewrite_the_records_an_earlier_determination_cites(
    session,
):
    subject = await factories.subject(session, name="记录修复有限公司")
    today = determination.today_utc()
    record = await services.add_credit_record(
        session=session,
        data=CreditRecordCreate(
            subject_code=subject.credit_code,
            category=RecordCategory.PENALTY,
            title="未按规定公示罚款",
            source="市场监管局",
            decided_on=today - timedelta(days=3),
        ),
    )
    before = await history.latest(session, [subject.credit_code])
    assert record.id is not None

    await services.repair_credit_record(
        session=session,
        record_id=record.id,
        repair=CreditRecordRepair(title="未按规定公示年度报告罚款"),
        reason="文书更正",
        actor="credit_officer",
    )

    kept = await history.entries(session, [subject.credit_code])
    titles = [
        [r["title"] for c in e.causes for r in c["records"]] for e in kept[subject.credit_code]
    ]
    # Same score and level, other grounds: a new entry; the earlier one still cites the old text.
    assert titles == [["未按规定公示年度报告罚款"], ["未按规定公示罚款"]]
    assert kept[subject.credit_code][1].id == before[subject.credit_code].id
    assert [e.score for e in kept[subject.credit_code]] == [65, 65]
