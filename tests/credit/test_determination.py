"""Determination follows the published rules; the explanation names the rules and records."""

from sqlmodel import col, select

from api.core.events import OutboxMessage
from api.credit.loaders import CreditLoaders
from api.credit.models import RecordCategory
from api.credit.schema import schema
from tests import factories
from tests.credit import builders
from tests.graphql import run

LOOKUP = """
query($code: String!) {
  subject(creditCode: $code, purpose: "信用认定复核") {
    __typename
    ... on CreditProfile {
      assessment {
        level score ruleVersion jointPunished summary
        causes {
          ruleCode scoreDelta forcesLevel
          records { title } jointPunishments { sourceDocument }
        }
      }
    }
  }
}
"""

PUBLISH = """
mutation($input: PublishCreditRulesInput!) {
  publishCreditRules(input: $input) {
    __typename
    ... on CreditRuleSet {
      version baseScore publishedByName rules { code condition category withinDays scoreDelta }
    }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""


async def _setup(session, authorizer):
    dept = await factories.department(session)
    officer = await factories.user(
        session, authorizer, role="credit_officer", dept=dept, display_name="信用科 赵敏"
    )
    subject = await factories.subject(session, name="规则测试有限公司")
    await builders.record(session, subject, RecordCategory.LICENSING, "准予食品经营许可")
    await builders.record(session, subject, RecordCategory.PENALTY, "超范围经营罚款", days_ago=40)
    # Plain values: a query's unit of work rolls back and expires loaded rows.
    return officer, subject


async def _look_up(session, authorizer, officer, code):
    result = await run(
        schema,
        CreditLoaders,
        LOOKUP,
        session=session,
        authorizer=authorizer,
        principal=officer,
        variables={"code": code},
    )
    assert result.errors is None
    return result.data["subject"]["assessment"]


async def test_default_rules_explain_the_level_by_rule_and_record(session, authorizer):
    officer, subject = await _setup(session, authorizer)

    assert await _look_up(session, authorizer, officer, subject.credit_code) == {
        "level": "NORMAL",
        "score": 70,
        "ruleVersion": 0,
        "jointPunished": False,
        "summary": "基础分80，合计70分；守信≥90，失信<60：认定为一般（系统默认规则）",
        "causes": [
            {
                "ruleCode": "PENALTY_RECENT",
                "scoreDelta": -15,
                "forcesLevel": None,
                "records": [{"title": "超范围经营罚款"}],
                "jointPunishments": [],
            },
            {
                "ruleCode": "LICENSED",
                "scoreDelta": 5,
                "forcesLevel": None,
                "records": [{"title": "准予食品经营许可"}],
                "jointPunishments": [],
            },
        ],
    }


async def test_published_rules_change_the_determination_and_emit_level_changes(session, authorizer):
    officer, subject = await _setup(session, authorizer)
    code = subject.credit_code
    rules = {
        "baseScore": 80,
        "trustworthyMinScore": 90,
        "dishonestBelowScore": 75,
        "note": "处罚记录扣分加重",
        "rules": [
            {
                "code": "PENALTY_3Y",
                "name": "三年内受到行政处罚",
                "condition": "RECORD_COUNT",
                "category": "PENALTY",
                "withinDays": 1095,
                "scoreDelta": -10,
            }
        ],
    }

    published = await run(
        schema,
        CreditLoaders,
        PUBLISH,
        session=session,
        authorizer=authorizer,
        principal=officer,
        variables={"input": rules},
    )

    assert published.errors is None
    version = published.data["publishCreditRules"]["version"]
    assert version >= 1
    assert published.data == {
        "publishCreditRules": {
            "__typename": "CreditRuleSet",
            "version": version,
            "baseScore": 80,
            "publishedByName": "信用科 赵敏",  # the person, not the account
            "rules": [
                {
                    "code": "PENALTY_3Y",
                    "condition": "RECORD_COUNT",
                    "category": "PENALTY",
                    "withinDays": 1095,
                    "scoreDelta": -10,
                }
            ],
        }
    }
    assert await _look_up(session, authorizer, officer, code) == {
        "level": "DISHONEST",
        "score": 70,
        "ruleVersion": version,
        "jointPunished": False,
        "summary": f"基础分80，合计70分；守信≥90，失信<75：认定为失信（规则第{version}版）",
        "causes": [
            {
                "ruleCode": "PENALTY_3Y",
                "scoreDelta": -10,
                "forcesLevel": None,
                "records": [{"title": "超范围经营罚款"}],
                "jointPunishments": [],
            }
        ],
    }
    emitted = await session.exec(
        select(OutboxMessage)
        .where(OutboxMessage.topic == "credit.level.changed", OutboxMessage.key == code)
        .order_by(col(OutboxMessage.id))
    )
    assert [(m.payload["level"], m.payload["score"]) for m in emitted.all()] == [
        ("TRUSTWORTHY", 90),  # the licence: 80 + 5 + 5 (no penalty in two years)
        ("NORMAL", 70),  # the penalty
        ("DISHONEST", 70),  # the new rules
    ]


async def test_joint_punishment_forces_dishonest_and_is_named_in_the_explanation(
    session, authorizer
):
    officer, subject = await _setup(session, authorizer)
    await builders.punish(session, subject, document="益发改财金〔2026〕7号")

    assessment = await _look_up(session, authorizer, officer, subject.credit_code)

    assert (assessment["level"], assessment["jointPunished"]) == ("DISHONEST", True)
    assert assessment["causes"][0] == {
        "ruleCode": "JOINT_PUNISHMENT",
        "scoreDelta": -40,
        "forcesLevel": "DISHONEST",
        "records": [],
        "jointPunishments": [{"sourceDocument": "益发改财金〔2026〕7号"}],
    }


async def test_invalid_rules_are_refused_naming_the_rule_field(session, authorizer):
    officer, _ = await _setup(session, authorizer)
    result = await run(
        schema,
        CreditLoaders,
        PUBLISH,
        session=session,
        authorizer=authorizer,
        principal=officer,
        variables={
            "input": {
                "baseScore": 80,
                "trustworthyMinScore": 70,
                "dishonestBelowScore": 75,
                "rules": [
                    {"code": "X", "name": "无类别", "condition": "RECORD_COUNT", "scoreDelta": 1}
                ],
            }
        },
    )
    assert result.data == {
        "publishCreditRules": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "rules[0].category",
                    "code": "REQUIRED",
                    "message": "该条件需要指定记录类别",
                },
                {
                    "field": "dishonestBelowScore",
                    "code": "ABOVE_TRUSTWORTHY",
                    "message": "失信分数线不能高于守信分数线",
                },
            ],
        }
    }
