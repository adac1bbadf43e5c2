"""The joint-punishment list is imported from a spreadsheet: every row, or none."""

import base64
import io
from datetime import date

from openpyxl import Workbook
from sqlmodel import func, select

from api.credit.loaders import CreditLoaders
from api.credit.models import JointPunishment
from api.credit.schema import schema
from api.credit.services import IMPORT_COLUMNS
from tests import factories
from tests.credit import builders
from tests.graphql import run

IMPORT = """
mutation($content: String!) {
  importJointPunishments(contentBase64: $content) {
    __typename
    ... on JointPunishmentImport {
      imported
      entries { subjectCode sourceDocument measures startsOn endsOn origin active }
    }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""


def _xlsx(rows) -> str:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(IMPORT_COLUMNS))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return base64.b64encode(buffer.getvalue()).decode()


async def _import(session, authorizer, rows):
    dept = await factories.department(session)
    officer = await factories.user(session, authorizer, role="credit_officer", dept=dept)
    return await run(
        schema,
        CreditLoaders,
        IMPORT,
        session=session,
        authorizer=authorizer,
        principal=officer,
        variables={"content": _xlsx(rows)},
    )


async def _count(session) -> int:
    return (await session.exec(select(func.count()).select_from(JointPunishment))).one()


async def test_rows_for_companies_and_persons_are_imported(session, authorizer):
    company = factories.uscc()
    person = builders.id_number(2001)
    result = await _import(
        session,
        authorizer,
        [
            (
                company,
                "导入建材有限公司",
                "发改财金〔2026〕3号",
                "限制政府采购",
                date(2026, 1, 1),
                date(2099, 1, 1),
            ),
            (person, "王某", "法〔2026〕湘09执12号", "限制高消费", "2026-02-01", None),
        ],
    )

    assert result.errors is None
    entries = result.data["importJointPunishments"]["entries"]
    person_key = entries[1]["subjectCode"]
    assert person_key.startswith("NP")
    assert result.data == {
        "importJointPunishments": {
            "__typename": "JointPunishmentImport",
            "imported": 2,
            "entries": [
                {
                    "subjectCode": company,
                    "sourceDocument": "发改财金〔2026〕3号",
                    "measures": "限制政府采购",
                    "startsOn": "2026-01-01",
                    "endsOn": "2099-01-01",
                    "origin": "IMPORT",
                    "active": True,
                },
                {
                    "subjectCode": person_key,
                    "sourceDocument": "法〔2026〕湘09执12号",
                    "measures": "限制高消费",
                    "startsOn": "2026-02-01",
                    "endsOn": None,
                    "origin": "IMPORT",
                    "active": True,
                },
            ],
        }
    }


async def test_a_bad_row_imports_nothing_and_names_row_and_field(session, authorizer):
    before = await _count(session)
    result = await _import(
        session,
        authorizer,
        [
            (factories.uscc(), "正常公司", "文号1", "措施", "2026-01-01", None),
            ("91430900MA4L00001Z", "校验位错误", "文号2", "措施", "2026-01-01", None),
            (factories.uscc(), "缺文号公司", "", "措施", "2026-03-01", "2026-02-01"),
        ],
    )
    assert result.data == {
        "importJointPunishments": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "rows[3].subjectCode",
                    "code": "INVALID_SUBJECT_CODE",
                    "message": "应为有效的统一社会信用代码或身份证号码",
                },
                {
                    "field": "rows[4].sourceDocument",
                    "code": "REQUIRED",
                    "message": "请填写惩戒依据文号",
                },
                {
                    "field": "rows[4].endsOn",
                    "code": "BEFORE_START",
                    "message": "结束日期不能早于开始日期",
                },
            ],
        }
    }
    assert await _count(session) == before
