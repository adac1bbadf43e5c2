"""Every credit lookup is logged; the log is listed per application and department, and exported."""

import base64
import io

from openpyxl import load_workbook
from sqlmodel import col, select

from api.core import events
from api.core.audit import AuditEntry
from api.core.events import OutboxMessage
from api.credit.loaders import CreditLoaders
from api.credit.models import DepartmentName, LookupLog
from api.credit.schema import schema
from tests import factories
from tests.graphql import run

LOOKUP = """
query($code: String!, $purpose: String, $app: ID) {
  subject(creditCode: $code, purpose: $purpose, applicationId: $app) {
    __typename
    ... on CreditProfile { subject { name } assessment { level } }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
CHECK = """
query($code: String!, $app: ID) {
  creditCheck(subjectCode: $code, applicationId: $app, purpose: "受理审核") {
    __typename ... on CreditCheck { level }
  }
}
"""
EXPORT = """
query($codes: [String!]!, $app: ID) {
  exportCreditReport(subjectCodes: $codes, purpose: "行政处罚案件调查", applicationId: $app) {
    __typename ... on Spreadsheet { filename contentBase64 }
  }
}
"""
LOG = """
query($app: ID, $dept: ID) {
  creditLookups(applicationId: $app, departmentId: $dept) {
    username departmentId subjectCode purpose applicationId channel application { id }
  }
}
"""
NUMBERS = """
query($app: ID) { creditLookups(applicationId: $app) { applicationNumber } }
"""
EXPORT_LOG = """
query($app: ID) { exportCreditLookups(applicationId: $app) { filename mediaType contentBase64 } }
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


async def _log_rows(session):
    rows = await session.exec(select(LookupLog).order_by(col(LookupLog.id)))
    return [(r.username, r.subject_code, r.purpose, r.application_id, r.channel) for r in rows]


async def test_query_check_and_export_each_write_a_log_row(session, authorizer):
    dept = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    officer = await factories.user(session, authorizer, role="credit_officer", dept=dept)
    first, second = await factories.subject(session), await factories.subject(session)
    a, b = first.credit_code, second.credit_code
    before = await _log_rows(session)

    await _run(session, authorizer, clerk, LOOKUP, code=a, purpose="受理前核实", app="501")
    await _run(session, authorizer, clerk, CHECK, code=a, app="501")
    exported = await _run(session, authorizer, officer, EXPORT, codes=[a, b.lower()], app="502")

    assert exported["exportCreditReport"]["filename"] == "信用报告.xlsx"
    assert (await _log_rows(session))[len(before) :] == [
        (clerk.username, a, "受理前核实", 501, "QUERY"),
        (clerk.username, a, "受理审核", 501, "CHECK"),
        (officer.username, a, "行政处罚案件调查", 502, "EXPORT"),
        (officer.username, b, "行政处罚案件调查", 502, "EXPORT"),
    ]
    sheet = load_workbook(
        io.BytesIO(base64.b64decode(exported["exportCreditReport"]["contentBase64"]))
    ).active
    assert [row[0] for row in sheet.iter_rows(values_only=True)] == ["主体代码", a, b]


async def test_a_lookup_for_an_application_is_announced_for_case_files_and_assessment(
    session, authorizer
):
    dept = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    code, dept_id = (await factories.subject(session)).credit_code, dept.id

    await _run(session, authorizer, clerk, CHECK, code=code, app="503")
    await _run(session, authorizer, clerk, LOOKUP, code=code, purpose="日常核实")

    row = (await session.exec(select(LookupLog).where(LookupLog.application_id == 503))).one()
    messages = (
        await session.exec(
            select(OutboxMessage).where(OutboxMessage.topic == "credit.lookup.recorded")
        )
    ).all()
    assert [m.payload for m in messages if m.payload["subject_code"] == code] == [
        {
            "lookup_id": row.id,
            "application_id": 503,
            "department_id": dept_id,
            "subject_code": code,
            "channel": "CHECK",
            "purpose": "受理审核",
            "looked_up_at": row.looked_up_at.isoformat(),
        }
    ]


async def test_lookup_without_a_purpose_is_refused_and_not_logged(session, authorizer):
    dept = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    code = (await factories.subject(session)).credit_code
    before = await _log_rows(session)

    data = await _run(session, authorizer, clerk, LOOKUP, code=code, purpose=None)

    assert data == {
        "subject": {
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
    assert await _log_rows(session) == before


async def test_log_is_listed_per_application_and_each_department_sees_only_its_own(
    session, authorizer
):
    approval_dept, supervision_dept = (
        await factories.department(session),
        await factories.department(session),
    )
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approval_dept)
    liaison = await factories.user(
        session, authorizer, role="supervision_liaison", dept=supervision_dept
    )
    head = await factories.user(session, authorizer, role="department_head", dept=approval_dept)
    officer = await factories.user(
        session, authorizer, role="credit_officer", dept=supervision_dept
    )
    code = (await factories.subject(session)).credit_code
    app = "880001"
    await _run(session, authorizer, clerk, LOOKUP, code=code, purpose="受理前核实", app=app)
    await _run(session, authorizer, liaison, LOOKUP, code=code, purpose="监管检查准备", app=app)

    clerk_row = {
        "username": clerk.username,
        "departmentId": clerk.department_id,
        "subjectCode": code,
        "purpose": "受理前核实",
        "applicationId": app,
        "channel": "QUERY",
        "application": {"id": app},
    }
    liaison_row = {
        **clerk_row,
        "username": liaison.username,
        "departmentId": liaison.department_id,
        "purpose": "监管检查准备",
    }
    # 案卷评查: the credit officer reads every department's lookups for the application.
    assert await _run(session, authorizer, officer, LOG, app=app) == {
        "creditLookups": [liaison_row, clerk_row]
    }
    # 考核: a department head sees their own department's lookups only.
    assert await _run(session, authorizer, head, LOG, app=app) == {"creditLookups": [clerk_row]}
    assert await _run(session, authorizer, head, LOG, app=app, dept=liaison.department_id) == {
        "creditLookups": []
    }
    # A clerk has no access to the log at all.
    denied = await run(
        schema,
        CreditLoaders,
        LOG,
        session=session,
        authorizer=authorizer,
        principal=clerk,
        variables={"app": app},
    )
    assert denied.data is None
    assert [e.message for e in denied.errors or []] == ["无权执行此操作"]


async def test_exported_log_neutralises_formula_injection(session, authorizer):
    dept = await factories.department(session)
    assert dept.id is not None
    # The credit side knows the department's name as the published list gave it.
    session.add(DepartmentName(department_id=dept.id, name="益阳市行政审批服务局", list_version=1))
    clerk = await factories.user(
        session, authorizer, role="approval_clerk", dept=dept, display_name="李审批"
    )
    officer = await factories.user(session, authorizer, role="credit_officer", dept=dept)
    code = (await factories.subject(session)).credit_code
    app = "880002"
    for purpose in ('=HYPERLINK("http://evil.example","点此")', "+1+1", "-2", "@SUM(A1)", "核查"):
        await _run(session, authorizer, clerk, LOOKUP, code=code, purpose=purpose, app=app)

    data = await _run(session, authorizer, officer, EXPORT_LOG, app=app)

    export = data["exportCreditLookups"]
    assert export["filename"] == "信用查询留痕.xlsx"
    sheet = load_workbook(io.BytesIO(base64.b64decode(export["contentBase64"]))).active
    rows = list(sheet.iter_rows(min_row=2))
    assert [(r[5].value, r[5].data_type) for r in rows] == [
        ("核查", "s"),
        ("'@SUM(A1)", "s"),
        ("'-2", "s"),
        ("'+1+1", "s"),
        ('\'=HYPERLINK("http://evil.example","点此")', "s"),
    ]
    # People by name and department: no account name, no department number.
    assert [c.value for c in sheet[1]][2:4] == ["查询人", "部门"]
    # No internal application id: the 办件编号 comes once approval accepts the application.
    assert {(r[2].value, r[3].value, r[4].value, r[6].value, r[7].value) for r in rows} == {
        ("李审批", "益阳市行政审批服务局", code, None, "信用查询")
    }


async def test_lookups_name_their_application_by_number_once_approval_accepts_it(
    session, authorizer
):
    dept = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    officer = await factories.user(session, authorizer, role="credit_officer", dept=dept)
    code = (await factories.subject(session)).credit_code
    await _run(session, authorizer, clerk, CHECK, code=code, app="880003")
    before = await _run(session, authorizer, officer, NUMBERS, app="880003")

    # Approval's documented acceptance event, delivered through the credit consumer.
    await events.emit(
        session,
        topic="approval.application.accepted",
        key="880003",
        payload={
            "application_id": 880003,
            "application_number": "SP20261203880003",
            "applicant_code": code,
            "applicant_name": "某公司",
        },
    )
    await factories.deliver(session)
    await _run(session, authorizer, clerk, LOOKUP, code=code, purpose="办结前核实", app="880003")
    after = await _run(session, authorizer, officer, NUMBERS, app="880003")
    exported = await _run(session, authorizer, officer, EXPORT_LOG, app="880003")

    assert before["creditLookups"] == [{"applicationNumber": None}]
    # The earlier lookup got the number from the event, the later one from the earlier.
    assert after["creditLookups"] == [{"applicationNumber": "SP20261203880003"}] * 2
    sheet = load_workbook(
        io.BytesIO(base64.b64decode(exported["exportCreditLookups"]["contentBase64"]))
    ).active
    assert [r[6].value for r in sheet.iter_rows(min_row=2)] == ["SP20261203880003"] * 2


BROWSE = """
query($keyword: String!) {
  subjects(keyword: $keyword) { name credit { level } creditRecords { title } }
}
"""


async def test_reading_credit_through_the_graph_logs_one_browse_row_per_subject(
    session, authorizer
):
    dept = await factories.department(session)
    officer = await factories.user(session, authorizer, role="credit_officer", dept=dept)
    first = await factories.subject(session, name="浏览留痕甲公司")
    second = await factories.subject(session, name="浏览留痕乙公司")
    codes = sorted([first.credit_code, second.credit_code])
    await session.commit()
    before = await _log_rows(session)

    data = await _run(session, authorizer, officer, BROWSE, keyword="浏览留痕")

    assert [s["name"] for s in data["subjects"]] == ["浏览留痕甲公司", "浏览留痕乙公司"]
    assert sorted((await _log_rows(session))[len(before) :]) == [
        (officer.username, code, "", None, "BROWSE") for code in codes
    ]


async def _audited(session, actor, action):
    stmt = select(AuditEntry).where(AuditEntry.actor == actor, AuditEntry.action == action)
    return (await session.exec(stmt.order_by(col(AuditEntry.id)))).all()


async def test_exporting_the_lookup_log_leaves_an_export_audit_row_with_the_filters(
    session, authorizer
):
    dept = await factories.department(session)
    officer = await factories.user(session, authorizer, role="credit_officer", dept=dept)

    await _run(session, authorizer, officer, EXPORT_LOG, app="880011")

    rows = await _audited(session, officer.username, "EXPORT")
    assert [(r.department_id, r.outcome, r.target) for r in rows] == [
        (str(dept.id), "SUCCESS", "credit_lookups")
    ]
    assert rows[0].detail["application_id"] == "880011"
    assert rows[0].detail["city_wide"] is True


async def test_the_coordination_office_reading_a_department_s_lookup_log_is_audited(
    session, authorizer
):
    office_dept, other = await factories.department(session), await factories.department(session)
    office = await factories.user(session, authorizer, role="coordination_office", dept=office_dept)
    head = await factories.user(session, authorizer, role="department_head", dept=other)

    await _run(session, authorizer, office, LOG, dept=str(other.id))
    await _run(session, authorizer, head, LOG, dept=str(other.id))

    rows = await _audited(session, office.username, "CITY_WIDE_READ")
    assert [(r.department_id, r.outcome, r.target) for r in rows] == [
        (str(office_dept.id), "SUCCESS", "credit_lookups")
    ]
    assert (rows[0].detail["department_id"], rows[0].detail["city_wide"]) == (other.id, True)
    # A head reading their own department's log is no city-wide read.
    assert await _audited(session, head.username, "CITY_WIDE_READ") == []
