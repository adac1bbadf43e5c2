"""The acceptance check: joint punishment and dishonesty close the special handling modes."""

from sqlmodel import func, select

from api.core.credit_ticket import verify_ticket
from api.credit.loaders import CreditLoaders
from api.credit.models import LookupLog, RecordCategory
from api.credit.schema import schema
from tests import factories
from tests.credit import builders
from tests.graphql import run

CHECK = """
query($code: String!, $app: ID, $purpose: String) {
  creditCheck(subjectCode: $code, applicationId: $app, purpose: $purpose) {
    __typename
    ... on CreditCheck {
      subjectCode level jointPunished allowedModes ticket
      jointPunishments { sourceDocument measures }
      modes { mode label allowed reason }
      explanation { causes { ruleCode } }
    }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""

SET_POLICY = """
mutation($mode: HandlingMode!, $levels: [CreditLevel!]!) {
  setHandlingPolicy(mode: $mode, allowedLevels: $levels) {
    __typename
    ... on HandlingPolicyEntry { mode allowedLevels }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""


async def _clerk(session, authorizer):
    dept = await factories.department(session)
    return await factories.user(session, authorizer, role="approval_clerk", dept=dept)


async def _check(session, authorizer, principal, code, app="101", purpose="受理食品经营许可申请"):
    return await run(
        schema,
        CreditLoaders,
        CHECK,
        session=session,
        authorizer=authorizer,
        principal=principal,
        variables={"code": code, "app": app, "purpose": purpose},
    )


async def _log_count(session) -> int:
    return (await session.exec(select(func.count()).select_from(LookupLog))).one()


async def test_jointly_punished_subject_gets_only_normal_handling_with_reasons(session, authorizer):
    clerk = await _clerk(session, authorizer)
    subject = await factories.subject(session, name="失信建材有限公司")
    code = subject.credit_code
    await builders.record(session, subject, RecordCategory.LICENSING, "准予建筑施工许可")
    entry = await builders.punish(session, subject, document="益发改财金〔2026〕18号")

    result = await _check(session, authorizer, clerk, code)

    assert result.errors is None
    check = result.data["creditCheck"]
    # The refusal cites the entry: its document number, measures and period.
    reason = (
        "该主体依据益发改财金〔2026〕18号列入联合惩戒名单（惩戒措施：限制适用告知承诺和容缺受理，"
        f"{entry.starts_on.isoformat()}至{entry.ends_on.isoformat()}），不得适用"
    )
    assert {k: v for k, v in check.items() if k != "ticket"} == {
        "__typename": "CreditCheck",
        "subjectCode": code,
        "level": "DISHONEST",
        "jointPunished": True,
        "allowedModes": ["NORMAL"],
        "jointPunishments": [
            {"sourceDocument": "益发改财金〔2026〕18号", "measures": "限制适用告知承诺和容缺受理"}
        ],
        "modes": [
            {"mode": "NORMAL", "label": "一般受理", "allowed": True, "reason": None},
            {
                "mode": "GREEN_CHANNEL",
                "label": "绿色通道",
                "allowed": False,
                "reason": reason + "绿色通道",
            },
            {
                "mode": "MISSING_DOCUMENTS",
                "label": "容缺受理",
                "allowed": False,
                "reason": reason + "容缺受理",
            },
            {
                "mode": "NOTIFY_AND_COMMIT",
                "label": "告知承诺",
                "allowed": False,
                "reason": reason + "告知承诺",
            },
        ],
        "explanation": {
            "causes": [
                {"ruleCode": "JOINT_PUNISHMENT"},
                {"ruleCode": "NO_PENALTY_TWO_YEARS"},
                {"ruleCode": "LICENSED"},
            ]
        },
    }
    ticket = verify_ticket(check["ticket"], subject_code=code, application_id=101)
    assert (ticket.level, ticket.joint_punished, ticket.allowed_modes) == (
        "DISHONEST",
        True,
        ("NORMAL",),
    )


async def test_trustworthy_subject_may_use_every_handling_mode(session, authorizer):
    clerk = await _clerk(session, authorizer)
    subject = await factories.subject(session, name="守信食品有限公司")
    code = subject.credit_code
    await builders.record(session, subject, RecordCategory.LICENSING, "准予食品经营许可")

    result = await _check(session, authorizer, clerk, code)

    check = result.data["creditCheck"]
    assert (check["level"], check["jointPunished"], check["allowedModes"]) == (
        "TRUSTWORTHY",
        False,
        ["NORMAL", "GREEN_CHANNEL", "MISSING_DOCUMENTS", "NOTIFY_AND_COMMIT"],
    )
    ticket = verify_ticket(check["ticket"], subject_code=code, application_id=101)
    assert ticket.allowed_modes == (
        "NORMAL",
        "GREEN_CHANNEL",
        "MISSING_DOCUMENTS",
        "NOTIFY_AND_COMMIT",
    )


async def test_the_credit_officer_policy_decides_which_levels_get_a_mode(session, authorizer):
    dept = await factories.department(session)
    officer = await factories.user(session, authorizer, role="credit_officer", dept=dept)
    subject = await factories.subject(session, name="一般信用有限公司")
    code = subject.credit_code  # no records: 80 + 5 (no penalty) = 85, NORMAL

    before = await _check(session, authorizer, officer, code)
    assert before.data["creditCheck"]["allowedModes"] == [
        "NORMAL",
        "MISSING_DOCUMENTS",
        "NOTIFY_AND_COMMIT",
    ]
    changed = await run(
        schema,
        CreditLoaders,
        SET_POLICY,
        session=session,
        authorizer=authorizer,
        principal=officer,
        variables={"mode": "MISSING_DOCUMENTS", "levels": ["TRUSTWORTHY"]},
    )
    assert changed.data == {
        "setHandlingPolicy": {
            "__typename": "HandlingPolicyEntry",
            "mode": "MISSING_DOCUMENTS",
            "allowedLevels": ["TRUSTWORTHY"],
        }
    }
    after = await _check(session, authorizer, officer, code)
    assert after.data["creditCheck"]["allowedModes"] == ["NORMAL", "NOTIFY_AND_COMMIT"]
    assert after.data["creditCheck"]["modes"][2] == {
        "mode": "MISSING_DOCUMENTS",
        "label": "容缺受理",
        "allowed": False,
        "reason": "现行政策仅对信用等级为“守信”的主体开放容缺受理",
    }


async def test_policy_cannot_admit_dishonest_subjects(session, authorizer):
    dept = await factories.department(session)
    officer = await factories.user(session, authorizer, role="credit_officer", dept=dept)
    result = await run(
        schema,
        CreditLoaders,
        SET_POLICY,
        session=session,
        authorizer=authorizer,
        principal=officer,
        variables={"mode": "GREEN_CHANNEL", "levels": ["TRUSTWORTHY", "DISHONEST"]},
    )
    assert result.data == {
        "setHandlingPolicy": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "allowedLevels",
                    "code": "DISHONEST_NOT_ALLOWED",
                    "message": "失信主体不得适用容缺受理、告知承诺或绿色通道",
                }
            ],
        }
    }


async def test_check_without_a_purpose_is_refused_naming_purpose_and_logs_nothing(
    session, authorizer
):
    clerk = await _clerk(session, authorizer)
    subject = await factories.subject(session)
    code = subject.credit_code
    before = await _log_count(session)

    for purpose in (None, "   "):
        result = await _check(session, authorizer, clerk, code, purpose=purpose)
        assert result.data == {
            "creditCheck": {
                "__typename": "ValidationErrors",
                "errors": [
                    {
                        "field": "purpose",
                        "code": "PURPOSE_REQUIRED",
                        "message": "查询信用信息须说明查询目的",
                    }
                ],
            }
        }
    assert await _log_count(session) == before
