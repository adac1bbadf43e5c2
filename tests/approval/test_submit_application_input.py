"""Input the models' own constraints refuse answers as typed field errors (found by the fuzzer)."""

import pytest

from api.approval.loaders import ApprovalLoaders
from api.approval.models import Application
from api.approval.schema import schema
from api.catalog.models import DepartmentCreate
from api.core.errors import ValidationFailed, build_model
from tests import factories
from tests.graphql import run

SUBMIT = """
mutation Submit($input: SubmitApplicationInput!) {
  submitApplication(input: $input) {
    __typename
    ... on ValidationErrors { errors { field code message } }
  }
}
"""


async def test_an_applicant_code_longer_than_the_column_is_a_field_error(session, authorizer):
    department = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=department)
    matter = await factories.matter(session, department)

    result = await run(
        schema,
        ApprovalLoaders,
        SUBMIT,
        session=session,
        authorizer=authorizer,
        principal=clerk,
        variables={
            "input": {"matterId": str(matter.id), "applicantCode": "0" * 19, "applicantName": ""}
        },
    )

    assert result.errors is None
    assert result.data == {
        "submitApplication": {
            "__typename": "ValidationErrors",
            "errors": [
                {"field": "applicantCode", "code": "TOO_LONG", "message": "不能超过 18 个字符"}
            ],
        }
    }
    assert (await session.exec(Application.__table__.select())).all() == []  # type: ignore[attr-defined]


def test_build_model_names_every_refused_field_in_camel_case():
    with pytest.raises(ValidationFailed) as refused:
        build_model(DepartmentCreate, name="x" * 500, short_name="y" * 500, code="1")
    fields = {issue.field for issue in refused.value.issues}
    assert {"name", "shortName"} <= fields
    assert all(issue.code in {"TOO_LONG", "INVALID", "REQUIRED"} for issue in refused.value.issues)
