from sqlalchemy import func
from sqlmodel import select

from api.credit.loaders import CreditLoaders
from api.credit.models import Subject
from api.credit.schema import schema
from tests import factories
from tests.graphql import run

REGISTER = """
mutation Register($input: RegisterSubjectInput!) {
  registerSubject(input: $input) {
    __typename
    ... on Subject { creditCode name kind }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""


async def _count(session) -> int:
    return (await session.exec(select(func.count()).select_from(Subject))).one()


async def test_invalid_credit_code_is_rejected_naming_the_field_and_nothing_is_written(
    session, authorizer
):
    dept = await factories.department(session)
    officer = await factories.user(session, authorizer, role="credit_officer", dept=dept)
    before = await _count(session)

    result = await run(
        schema,
        CreditLoaders,
        REGISTER,
        session=session,
        authorizer=authorizer,
        principal=officer,
        variables={"input": {"creditCode": "91350100M000100Y44", "name": "校验位错误公司"}},
    )

    assert result.errors is None
    assert result.data == {
        "registerSubject": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "creditCode",
                    "code": "INVALID_CREDIT_CODE",
                    "message": "统一社会信用代码校验位不正确",
                }
            ],
        }
    }
    assert await _count(session) == before


async def test_valid_subject_is_registered(session, authorizer):
    dept = await factories.department(session)
    officer = await factories.user(session, authorizer, role="credit_officer", dept=dept)
    code = factories.uscc(90001)

    result = await run(
        schema,
        CreditLoaders,
        REGISTER,
        session=session,
        authorizer=authorizer,
        principal=officer,
        variables={"input": {"creditCode": code.lower(), "name": " 益阳测试有限公司 "}},
    )

    assert result.errors is None
    assert result.data == {
        "registerSubject": {
            "__typename": "Subject",
            "creditCode": code,
            "name": "益阳测试有限公司",
            "kind": "LEGAL_PERSON",
        }
    }


async def test_approval_clerk_may_not_register_subjects(session, authorizer):
    dept = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    before = await _count(session)

    result = await run(
        schema,
        CreditLoaders,
        REGISTER,
        session=session,
        authorizer=authorizer,
        principal=clerk,
        variables={"input": {"creditCode": factories.uscc(90002), "name": "无权登记"}},
    )

    assert result.data is None
    assert [e.message for e in result.errors or []] == ["无权执行此操作"]
    assert await _count(session) == before
