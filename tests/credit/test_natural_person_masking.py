"""Natural persons: ID numbers are validated, stored unreadably, and shown only masked."""

import json

from sqlmodel import select

from api.credit.loaders import CreditLoaders
from api.credit.models import LookupLog, Subject
from api.credit.schema import schema
from tests import factories
from tests.credit import builders
from tests.graphql import run

REGISTER = """
mutation($input: RegisterSubjectInput!) {
  registerSubject(input: $input) {
    __typename
    ... on Subject { creditCode name kind maskedIdNumber }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
LOOKUP = """
query($code: String!) {
  subject(creditCode: $code, purpose: "个体工商户受理核实") {
    __typename
    ... on CreditProfile { subject { creditCode name kind maskedIdNumber idNumber } }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
BROWSE = """
query($keyword: String!) { subjects(keyword: $keyword) { creditCode maskedIdNumber idNumber } }
"""
CHECK = """
query($code: String!) {
  creditCheck(subjectCode: $code, applicationId: "77", purpose: "受理") {
    __typename
    ... on CreditCheck { subjectCode subject { maskedIdNumber } ticket }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""


def _everything(result) -> str:
    """All a client receives: data and every error message, path and extension."""
    return json.dumps(
        {
            "data": result.data,
            "errors": [
                {"message": e.message, "path": e.path, "extensions": e.extensions}
                for e in result.errors or []
            ],
        },
        ensure_ascii=False,
    )


async def _register(session, authorizer, number):
    dept = await factories.department(session)
    officer = await factories.user(session, authorizer, role="credit_officer", dept=dept)
    result = await run(
        schema,
        CreditLoaders,
        REGISTER,
        session=session,
        authorizer=authorizer,
        principal=officer,
        variables={"input": {"kind": "NATURAL_PERSON", "idNumber": number, "name": "刘建国"}},
    )
    return officer, result


async def test_natural_person_is_keyed_without_the_id_number_and_stored_encrypted(
    session, authorizer
):
    number = builders.id_number(1001)
    masked = number[:6] + "********" + number[-4:]
    _, result = await _register(session, authorizer, number)

    assert result.errors is None
    registered = result.data["registerSubject"]
    key = registered["creditCode"]
    assert registered == {
        "__typename": "Subject",
        "creditCode": key,
        "name": "刘建国",
        "kind": "NATURAL_PERSON",
        "maskedIdNumber": masked,
    }
    assert key.startswith("NP")
    assert len(key) == 18
    assert number[6:14] not in key
    row = (await session.exec(select(Subject).where(Subject.credit_code == key))).one()
    stored = [str(v) for v in row.model_dump().values()]
    assert all(number not in value for value in stored)


async def test_a_role_without_permission_never_receives_the_full_id_number(session, authorizer):
    number = builders.id_number(1002)
    officer, registered = await _register(session, authorizer, number)
    key = registered.data["registerSubject"]["creditCode"]
    clerk = await factories.user(
        session, authorizer, role="approval_clerk", dept=await factories.department(session)
    )
    masked = number[:6] + "********" + number[-4:]

    results = []
    for query, variables in (
        (LOOKUP, {"code": number}),
        (LOOKUP, {"code": key}),
        (BROWSE, {"keyword": number}),
        (CHECK, {"code": number}),
        (LOOKUP, {"code": number[:-1] + ("0" if number[-1] != "0" else "1")}),
    ):
        result = await run(
            schema,
            CreditLoaders,
            query,
            session=session,
            authorizer=authorizer,
            principal=clerk,
            variables=variables,
        )
        results.append(result)
        assert number not in _everything(result)
        assert number[6:14] not in _everything(result)  # not even the birth date

    assert results[0].data == {
        "subject": {
            "__typename": "CreditProfile",
            "subject": {
                "creditCode": key,
                "name": "刘建国",
                "kind": "NATURAL_PERSON",
                "maskedIdNumber": masked,
                "idNumber": None,
            },
        }
    }
    assert [e.message for e in results[0].errors or []] == ["无权执行此操作"]
    # Browsing the register is for credit users: a clerk looks up with a purpose instead.
    assert results[2].data is None
    assert [e.message for e in results[2].errors or []] == ["无权执行此操作"]
    assert results[3].data["creditCheck"]["subjectCode"] == key
    assert results[4].data == {
        "subject": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "creditCode",
                    "code": "INVALID_SUBJECT_CODE",
                    "message": "应为有效的统一社会信用代码或身份证号码",
                }
            ],
        }
    }
    logged = (await session.exec(select(LookupLog.subject_code))).all()
    assert number not in logged
    assert key in logged

    # The credit officer holds subject_identity/read and sees the whole number.
    full = await run(
        schema,
        CreditLoaders,
        LOOKUP,
        session=session,
        authorizer=authorizer,
        principal=officer,
        variables={"code": key},
    )
    assert full.errors is None
    assert full.data["subject"]["subject"]["idNumber"] == number


async def test_invalid_or_duplicate_id_numbers_are_refused_without_echoing_them(
    session, authorizer
):
    number = builders.id_number(1003)
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    _, bad = await _register(session, authorizer, wrong)
    assert bad.data == {
        "registerSubject": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "idNumber",
                    "code": "INVALID_ID_NUMBER",
                    "message": "身份证号码校验位不正确",
                }
            ],
        }
    }
    await _register(session, authorizer, number)
    _, duplicate = await _register(session, authorizer, number)
    assert duplicate.data == {
        "registerSubject": {
            "__typename": "ValidationErrors",
            "errors": [{"field": "idNumber", "code": "DUPLICATE", "message": "该身份证号码已登记"}],
        }
    }
