"""The identifier checks (python-stdnum underneath, our Chinese messages on top) where they meet
the database: a refused code names its field, carries our message and writes nothing; an
accepted one is stored. Runs on SQLite and PostgreSQL like every DB test."""

import pytest
from sqlalchemy import func
from sqlmodel import select

from api.approval.loaders import ApprovalLoaders
from api.approval.models import Application
from api.approval.schema import schema as approval_schema
from api.core.identifiers import make_id_number, make_uscc
from api.core.subject_keys import natural_person_key
from api.credit.loaders import CreditLoaders
from api.credit.models import Subject
from api.credit.schema import schema as credit_schema
from tests import factories
from tests.graphql import run

REGISTER = """
mutation($input: RegisterSubjectInput!) {
  registerSubject(input: $input) {
    __typename
    ... on Subject { creditCode kind }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
SUBMIT = """
mutation($input: SubmitApplicationInput!) {
  submitApplication(input: $input) {
    __typename
    ... on Application { id }
    ... on ValidationErrors { errors { field message } }
  }
}
"""

BAD_ID_NUMBERS = [
    # region code no table has ever held
    (make_id_number("99990019900101123"), "身份证号码中的行政区划代码无效"),
    # month 13
    (make_id_number("43090319901301123"), "身份证号码中的出生日期无效"),
    # born in the future
    (make_id_number("43090320991231123"), "身份证号码中的出生日期无效"),
    # a letter other than the check character X
    ("43090319900101123A", "身份证号码应为17位数字加1位校验码"),
    ("4309031990010112", "身份证号码应为17位数字加1位校验码"),
    (make_id_number("43090319900101123")[:17] + "?", "身份证号码应为17位数字加1位校验码"),
]
BAD_USCCS = [
    ("91350100M000100Y44", "统一社会信用代码校验位不正确"),
    ("91350100M000100I43", "统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）"),
    ("91350100M000100Y4", "统一社会信用代码应为18位"),
]


async def _count(session, model) -> int:
    return (await session.exec(select(func.count()).select_from(model))).one()


async def _officer(session, authorizer):
    dept = await factories.department(session)
    return await factories.user(session, authorizer, role="credit_officer", dept=dept)


async def _register(session, authorizer, variables):
    return await run(
        credit_schema,
        CreditLoaders,
        REGISTER,
        session=session,
        authorizer=authorizer,
        principal=await _officer(session, authorizer),
        variables={"input": variables},
    )


@pytest.mark.parametrize(("number", "message"), BAD_ID_NUMBERS)
async def test_a_refused_id_number_names_the_field_and_writes_no_subject(
    session, authorizer, number, message
):
    before = await _count(session, Subject)
    result = await _register(
        session, authorizer, {"kind": "NATURAL_PERSON", "idNumber": number, "name": "刘建国"}
    )
    assert result.errors is None
    assert result.data == {
        "registerSubject": {
            "__typename": "ValidationErrors",
            "errors": [{"field": "idNumber", "code": "INVALID_ID_NUMBER", "message": message}],
        }
    }
    assert await _count(session, Subject) == before


@pytest.mark.parametrize(("code", "message"), BAD_USCCS)
async def test_a_refused_uscc_names_the_field_and_writes_no_subject(
    session, authorizer, code, message
):
    before = await _count(session, Subject)
    result = await _register(session, authorizer, {"creditCode": code, "name": "测试有限公司"})
    assert result.errors is None
    assert result.data == {
        "registerSubject": {
            "__typename": "ValidationErrors",
            "errors": [{"field": "creditCode", "code": "INVALID_CREDIT_CODE", "message": message}],
        }
    }
    assert await _count(session, Subject) == before


async def test_a_person_registered_before_the_district_existed_is_accepted(session, authorizer):
    # 赫山区 (430903) was created in 1994; stdnum's own validate() refuses anyone born earlier,
    # but a code is assigned where a person registers, so any code the table has held counts.
    number = make_id_number("43090319850101123")
    result = await _register(
        session, authorizer, {"kind": "NATURAL_PERSON", "idNumber": number, "name": "刘建国"}
    )
    assert result.errors is None
    assert result.data == {
        "registerSubject": {
            "__typename": "Subject",
            "creditCode": natural_person_key(number),
            "kind": "NATURAL_PERSON",
        }
    }
    stored = (
        await session.exec(select(Subject).where(Subject.credit_code == natural_person_key(number)))
    ).one()
    assert stored.id_number_masked == number[:6] + "********" + number[-4:]
    assert stored.id_number_encrypted is not None
    assert number not in stored.id_number_encrypted


async def test_a_lower_case_uscc_is_stored_upper_case(session, authorizer):
    code = make_uscc("91430900MA4L09871")
    result = await _register(session, authorizer, {"creditCode": code.lower(), "name": "益阳"})
    assert result.errors is None
    assert result.data == {
        "registerSubject": {"__typename": "Subject", "creditCode": code, "kind": "LEGAL_PERSON"}
    }
    assert (
        await session.exec(select(Subject.credit_code).where(Subject.credit_code == code))
    ).one() == code


async def _submit(session, authorizer, kind, code):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    matter = await factories.matter(session, approving)
    return await run(
        approval_schema,
        ApprovalLoaders,
        SUBMIT,
        session=session,
        authorizer=authorizer,
        principal=clerk,
        variables={
            "input": {
                "matterId": str(matter.id),
                "applicantKind": kind,
                "applicantCode": code,
                "applicantName": "刘建国",
            }
        },
    )


@pytest.mark.parametrize(("number", "message"), BAD_ID_NUMBERS[:3])
async def test_an_application_with_a_refused_id_number_is_not_stored(
    session, authorizer, number, message
):
    before = await _count(session, Application)
    result = await _submit(session, authorizer, "NATURAL_PERSON", number)
    assert result.errors is None
    assert result.data == {
        "submitApplication": {
            "__typename": "ValidationErrors",
            "errors": [{"field": "applicantCode", "message": message}],
        }
    }
    assert await _count(session, Application) == before


async def test_an_application_with_a_refused_uscc_is_not_stored(session, authorizer):
    before = await _count(session, Application)
    result = await _submit(session, authorizer, "LEGAL_PERSON", "91350100M000100Y44")
    assert result.data == {
        "submitApplication": {
            "__typename": "ValidationErrors",
            "errors": [{"field": "applicantCode", "message": "统一社会信用代码校验位不正确"}],
        }
    }
    assert await _count(session, Application) == before
