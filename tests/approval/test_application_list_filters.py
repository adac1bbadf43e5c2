"""`applications(...)` as the console's query form asks: applicant, code, submission dates,
newest first; each with a readable 办件编号 and the names of the people who handled it."""

from __future__ import annotations

from datetime import date

from api.approval.loaders import ApprovalLoaders
from api.approval.schema import schema
from api.core.clock import local_today
from tests import factories
from tests.graphql import run

LIST = """
query List($applicant: String, $code: String, $since: Date, $until: Date, $newest: Boolean!) {
  applications(applicant: $applicant, applicantCode: $code, submittedSince: $since,
               submittedUntil: $until, newestFirst: $newest) {
    id number applicantName submittedByName
  }
}
"""


async def _setup(session, authorizer):
    dept = await factories.department(session)
    supervising = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    mat = await factories.matter(session, dept)
    await factories.publish_list(session, [factories.published_entry(mat, supervising)])
    first = await factories.subject(session, name="甲建材有限公司")
    second = await factories.subject(session, name="乙餐饮店")
    a = await factories.application(session, mat, first)
    b = await factories.application(session, mat, second)
    return clerk, a, b, first


async def _list(session, authorizer, clerk, **variables):
    result = await run(
        schema,
        ApprovalLoaders,
        LIST,
        session=session,
        authorizer=authorizer,
        principal=clerk,
        variables={"newest": False, **variables},
    )
    assert result.errors is None, result.errors
    return result.data["applications"]


async def test_newest_first_and_a_readable_number(session, authorizer):
    clerk, a, b, _ = await _setup(session, authorizer)

    rows = await _list(session, authorizer, clerk, newest=True)

    assert [r["id"] for r in rows] == [str(b.id), str(a.id)]
    assert rows[1]["number"] == f"SP{local_today():%Y%m%d}{a.id:06d}"


async def test_filters_by_applicant_name_and_code(session, authorizer):
    clerk, a, _, first = await _setup(session, authorizer)

    by_name = await _list(session, authorizer, clerk, applicant="建材")
    by_code = await _list(session, authorizer, clerk, code=first.credit_code.lower())

    assert [r["id"] for r in by_name] == [str(a.id)]
    assert [r["id"] for r in by_code] == [str(a.id)]


async def test_filters_by_the_days_of_submission(session, authorizer):
    clerk, *_ = await _setup(session, authorizer)
    today = local_today()

    assert len(await _list(session, authorizer, clerk, since=str(today), until=str(today))) == 2
    assert await _list(session, authorizer, clerk, until=str(date(2000, 1, 1))) == []
