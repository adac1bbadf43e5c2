"""Excel import: all or nothing, every bad row reported, idempotent, exact round trip."""

import base64

import pytest
from sqlalchemy import func
from sqlmodel import select

from api.catalog.loaders import CatalogLoaders
from api.catalog.models import ChangedEntity, Linkage, Matter, Person, Section
from api.catalog.schema import schema
from api.catalog.services import history, linkages, workbook
from api.core.scope import Scope
from tests import factories
from tests.catalog.sheets import b64, read, row, xlsx
from tests.graphql import run

IMPORT = """
mutation Import($content: String!) {
  importLinkages(contentBase64: $content) {
    __typename
    ... on LinkageImportSummary { created updated unchanged awaitingConfirmationLinkageIds }
    ... on LinkageImportErrors { errors { row column code message } }
  }
}
"""

LIST = """
{
  linkages {
    totalCount
    edges { node {
      approvalMatter { code name kind }
      supervisionMatter { code name }
      approvingDepartment { name } approvingSection { name }
      approvingPerson { name officePhone mobile }
      supervisingDepartment { name } supervisingSection { name }
      supervisingPerson { name officePhone mobile }
      principle basisDocument { number } confirmed
    } }
  }
}
"""

EXPORT = "{ linkageWorkbook { fileName contentType contentBase64 } }"


@pytest.fixture
async def city(session, authorizer):
    """Three departments, a basis document, and a coordination-office user."""
    spj = await factories.department(session, name="测试市审批局")
    await factories.department(session, name="测试市市场监管局")
    await factories.department(session, name="测试市住建局")
    office = await factories.department(session, name="测试市协调办")
    memo = await factories.basis_document(session, spj)
    coord = await factories.user(session, authorizer, role="coordination_office", dept=office)
    return {"memo": memo.number, "coord": coord}


def good_rows(memo: str) -> list[list[str]]:
    spj_a = ("测试市审批局", "审批一科", "李娜", "0737-4221101", "13807371101")
    spj_b = ("测试市审批局", "审批二科", "王强", "0737-4221102", "")
    scjg = ("测试市市场监管局", "食品科", "陈刚", "0737-4222201", "13807372201")
    zjj = ("测试市住建局", "质安科", "刘洋", "0737-4223301", "13807373301")
    return [
        row(("T-XK-1", "食品经营许可"), spj_a, ("T-JG-1", "食品经营监督检查"), scjg, basis=memo),
        row(("T-XK-1", "食品经营许可"), spj_a, ("T-JG-2", "施工质量抽查"), zjj, basis=memo),
        row(
            ("T-XK-2", "建筑施工许可"),
            spj_b,
            ("T-JG-3", "许可后核查"),
            spj_a,
            principle="谁审批谁负责",
        ),
    ]


async def _naming(session, name: str) -> list[Linkage]:
    person = (await session.exec(select(Person).where(Person.name == name))).one()
    return await linkages.linkages_naming(session=session, person_id=person.id)


async def _import(session, authorizer, principal, data: bytes):
    result = await run(
        schema,
        CatalogLoaders,
        IMPORT,
        session=session,
        authorizer=authorizer,
        principal=principal,
        variables={"content": b64(data)},
    )
    assert result.errors is None
    return result.data["importLinkages"]


async def _counts(session) -> dict[str, int]:
    counts = {}
    for model in (Linkage, Matter, Section, Person):
        counts[model.__name__] = (await session.exec(select(func.count()).select_from(model))).one()
    return counts


async def test_good_workbook_creates_matters_people_and_linkages(session, authorizer, city):
    summary = await _import(session, authorizer, city["coord"], xlsx(good_rows(city["memo"])))
    assert summary == {
        "__typename": "LinkageImportSummary",
        "created": 3,
        "updated": 0,
        "unchanged": 0,
        "awaitingConfirmationLinkageIds": [],
    }

    result = await run(
        schema,
        CatalogLoaders,
        LIST,
        session=session,
        authorizer=authorizer,
        principal=city["coord"],
    )
    assert result.errors is None
    # The coordination office has no personal-data right: mobiles come back masked.
    li_na = {"name": "李娜", "officePhone": "0737-4221101", "mobile": "138****1101"}
    assert result.data == {
        "linkages": {
            "totalCount": 3,
            "edges": [
                {
                    "node": {
                        "approvalMatter": {
                            "code": "T-XK-1",
                            "name": "食品经营许可",
                            "kind": "APPROVAL",
                        },
                        "supervisionMatter": {"code": "T-JG-1", "name": "食品经营监督检查"},
                        "approvingDepartment": {"name": "测试市审批局"},
                        "approvingSection": {"name": "审批一科"},
                        "approvingPerson": li_na,
                        "supervisingDepartment": {"name": "测试市市场监管局"},
                        "supervisingSection": {"name": "食品科"},
                        "supervisingPerson": {
                            "name": "陈刚",
                            "officePhone": "0737-4222201",
                            "mobile": "138****2201",
                        },
                        "principle": "WHO_GOVERNS",
                        "basisDocument": {"number": city["memo"]},
                        "confirmed": False,
                    }
                },
                {
                    "node": {
                        "approvalMatter": {
                            "code": "T-XK-1",
                            "name": "食品经营许可",
                            "kind": "APPROVAL",
                        },
                        "supervisionMatter": {"code": "T-JG-2", "name": "施工质量抽查"},
                        "approvingDepartment": {"name": "测试市审批局"},
                        "approvingSection": {"name": "审批一科"},
                        "approvingPerson": li_na,
                        "supervisingDepartment": {"name": "测试市住建局"},
                        "supervisingSection": {"name": "质安科"},
                        "supervisingPerson": {
                            "name": "刘洋",
                            "officePhone": "0737-4223301",
                            "mobile": "138****3301",
                        },
                        "principle": "WHO_GOVERNS",
                        "basisDocument": {"number": city["memo"]},
                        "confirmed": False,
                    }
                },
                {
                    "node": {
                        "approvalMatter": {
                            "code": "T-XK-2",
                            "name": "建筑施工许可",
                            "kind": "APPROVAL",
                        },
                        "supervisionMatter": {"code": "T-JG-3", "name": "许可后核查"},
                        "approvingDepartment": {"name": "测试市审批局"},
                        "approvingSection": {"name": "审批二科"},
                        "approvingPerson": {
                            "name": "王强",
                            "officePhone": "0737-4221102",
                            "mobile": "",
                        },
                        "supervisingDepartment": {"name": "测试市审批局"},
                        "supervisingSection": {"name": "审批一科"},
                        "supervisingPerson": li_na,
                        "principle": "WHO_APPROVES",
                        "basisDocument": None,
                        "confirmed": False,
                    }
                },
            ],
        }
    }


async def test_workbook_with_three_bad_rows_reports_all_and_writes_nothing(
    session, authorizer, city
):
    rows = good_rows(city["memo"])
    rows[0][2] = "不存在的局"  # 审批部门
    rows[1][14] = "谁监管谁负责"  # 联动原则
    rows[2][9] = "测试市住建局"  # 监管部门 now differs: a basis document is required
    rows[2][12] = "4221"  # 监管办公电话 malformed
    before = await _counts(session)

    summary = await _import(session, authorizer, city["coord"], xlsx(rows))

    assert summary == {
        "__typename": "LinkageImportErrors",
        "errors": [
            {
                "row": 2,
                "column": "审批部门",
                "code": "NOT_FOUND",
                "message": "部门“不存在的局”不存在",
            },
            {
                "row": 3,
                "column": "联动原则",
                "code": "INVALID_CHOICE",
                "message": (
                    "“谁监管谁负责”不是联动原则："
                    "应为“谁审批谁负责”“谁主管谁监管”之一或多项（以顿号分隔）"
                ),
            },
            {
                "row": 4,
                "column": "监管办公电话",
                "code": "INVALID_PHONE",
                "message": "办公电话应为区号加本地号码（如 0737-6180018），可加分机号",
            },
            {
                "row": 4,
                "column": "依据文件编号",
                "code": "BASIS_DOCUMENT_REQUIRED",
                "message": "审批与监管分属不同部门或层级，须填写依据文件编号",
            },
        ],
    }
    assert await _counts(session) == before


async def test_reimporting_the_same_workbook_changes_nothing(session, authorizer, city):
    data = xlsx(good_rows(city["memo"]))
    await _import(session, authorizer, city["coord"], data)
    after_first = await _counts(session)

    again = await _import(session, authorizer, city["coord"], data)

    assert again == {
        "__typename": "LinkageImportSummary",
        "created": 0,
        "updated": 0,
        "unchanged": 3,
        "awaitingConfirmationLinkageIds": [],
    }
    assert await _counts(session) == after_first


async def test_changed_row_is_reported_as_updated(session, authorizer, city):
    rows = good_rows(city["memo"])
    await _import(session, authorizer, city["coord"], xlsx(rows))
    rows[2][5] = "0737-4229999"  # 王强's office phone

    summary = await _import(session, authorizer, city["coord"], xlsx(rows))

    assert summary == {
        "__typename": "LinkageImportSummary",
        "created": 0,
        "updated": 1,
        "unchanged": 2,
        "awaitingConfirmationLinkageIds": [str(x.id) for x in await _naming(session, "王强")],
    }


async def test_export_then_import_round_trip_is_exact(session, authorizer, city):
    rows = good_rows(city["memo"])
    await _import(session, authorizer, city["coord"], xlsx(rows))

    result = await run(
        schema,
        CatalogLoaders,
        EXPORT,
        session=session,
        authorizer=authorizer,
        principal=city["coord"],
    )
    assert result.errors is None
    exported = result.data["linkageWorkbook"]
    assert exported["fileName"] == "审管联动事项清单.xlsx"
    data = base64.b64decode(exported["contentBase64"])
    assert read(data) == [list(read(xlsx([]))[0]), *rows]

    again = await _import(session, authorizer, city["coord"], data)
    assert again == {
        "__typename": "LinkageImportSummary",
        "created": 0,
        "updated": 0,
        "unchanged": 3,
        "awaitingConfirmationLinkageIds": [],
    }


async def test_export_neutralises_formula_injection_and_import_restores_it(
    session, authorizer, city
):
    rows = good_rows(city["memo"])
    await _import(session, authorizer, city["coord"], xlsx(rows[:1]))
    matter = (await session.exec(select(Matter).where(Matter.code == "T-JG-1"))).one()
    matter.name = '=HYPERLINK("http://evil","点击")'
    session.add(matter)
    await session.commit()  # as a mutation would (the export query below rolls back)

    result = await run(
        schema,
        CatalogLoaders,
        EXPORT,
        session=session,
        authorizer=authorizer,
        principal=city["coord"],
    )
    data = base64.b64decode(result.data["linkageWorkbook"]["contentBase64"])

    assert read(data)[1][8] == '\'=HYPERLINK("http://evil","点击")'
    again = await _import(session, authorizer, city["coord"], data)
    assert again == {
        "__typename": "LinkageImportSummary",
        "created": 0,
        "updated": 0,
        "unchanged": 1,
        "awaitingConfirmationLinkageIds": [],
    }


async def test_formula_cells_in_an_uploaded_workbook_are_refused(session, authorizer, city):
    rows = good_rows(city["memo"])[:1]
    rows[0][4] = "=1+1"  # openpyxl stores a string starting with = as a formula

    summary = await _import(session, authorizer, city["coord"], xlsx(rows))

    assert summary == {
        "__typename": "LinkageImportErrors",
        "errors": [
            {"row": 2, "column": "审批责任人", "code": "FORMULA", "message": "单元格不能包含公式"}
        ],
    }


async def test_department_may_import_only_rows_it_approves(session, authorizer, city):
    dept = await factories.department(session, name="测试县审批局")
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)

    summary = await _import(session, authorizer, clerk, xlsx(good_rows(city["memo"])[:1]))

    assert summary == {
        "__typename": "LinkageImportErrors",
        "errors": [
            {
                "row": 2,
                "column": "审批部门",
                "code": "NOT_APPROVING_DEPARTMENT",
                "message": "只能导入本部门审批的联动事项",
            }
        ],
    }


async def test_a_file_that_is_not_a_workbook_is_refused(session, authorizer, city):
    summary = await _import(session, authorizer, city["coord"], b"not a spreadsheet")
    assert summary == {
        "__typename": "LinkageImportErrors",
        "errors": [
            {
                "row": 0,
                "column": "",
                "code": "INVALID_FILE",
                "message": "不是有效的 Excel（.xlsx）文件",
            }
        ],
    }


async def test_import_cannot_take_over_another_departments_linkage(session, authorizer, city):
    await _import(session, authorizer, city["coord"], xlsx(good_rows(city["memo"])[:2]))
    county = await factories.department(session, name="测试县审批局")
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=county)
    before = await _counts(session)
    rows = good_rows(city["memo"])[:2]
    rows[1][2] = "测试县审批局"  # claims the second linkage for the county

    summary = await _import(session, authorizer, clerk, xlsx(rows))

    assert summary == {
        "__typename": "LinkageImportErrors",
        "errors": [
            {
                "row": 2,
                "column": "审批部门",
                "code": "NOT_APPROVING_DEPARTMENT",
                "message": "只能导入本部门审批的联动事项",
            },
            {
                "row": 3,
                "column": "审批部门",
                "code": "OWNED_ELSEWHERE",
                "message": "该联动事项由其他审批部门维护",
            },
        ],
    }
    rows = rows[1:]
    summary = await _import(session, authorizer, clerk, xlsx(rows))
    assert summary == {
        "__typename": "LinkageImportErrors",
        "errors": [
            {
                "row": 2,
                "column": "审批部门",
                "code": "OWNED_ELSEWHERE",
                "message": "该联动事项由其他审批部门维护",
            }
        ],
    }
    assert await _counts(session) == before


async def test_reimporting_unchanged_rows_costs_a_fixed_number_of_statements(
    session, city, count_statements
):
    spj = ("测试市审批局", "审批一科", "李娜", "0737-4221101", "")
    rows = [
        row((f"T-XK-{i}", f"许可{i}"), spj, (f"T-JG-{i}", f"监管{i}"), spj, "谁审批谁负责")
        for i in range(30)
    ]
    await workbook.import_workbook(session=session, data=xlsx(rows))

    async def statements(data: bytes) -> int:
        count_statements.count = 0
        summary = await workbook.import_workbook(session=session, data=data)
        assert summary.created == summary.updated == 0
        return count_statements.count

    # departments, matters, linkages, sections, people, basis documents
    assert await statements(xlsx(rows[:3])) == await statements(xlsx(rows)) == 6


async def test_a_row_with_a_bad_phone_is_refused_naming_row_and_column(session, authorizer, city):
    rows = good_rows(city["memo"])
    rows[1][5] = "0737-618"  # 审批办公电话: too short for Yiyang's 7-digit local numbers
    rows[2][13] = "1390737021"  # 监管手机: 10 digits
    before = await _counts(session)

    summary = await _import(session, authorizer, city["coord"], xlsx(rows))

    assert summary == {
        "__typename": "LinkageImportErrors",
        "errors": [
            {
                "row": 3,
                "column": "审批办公电话",
                "code": "INVALID_PHONE",
                "message": "办公电话应为区号加本地号码（如 0737-6180018），可加分机号",
            },
            {
                "row": 4,
                "column": "监管手机",
                "code": "INVALID_MOBILE",
                "message": "手机号码应为11位有效号码（如 13907370021）",
            },
        ],
    }
    assert await _counts(session) == before


async def test_an_import_changing_a_persons_phone_sends_every_linkage_naming_them_back(
    session, authorizer, city
):
    rows = good_rows(city["memo"])
    await _import(session, authorizer, city["coord"], xlsx(rows))
    naming = await _naming(session, "李娜")
    assert len(naming) == 3  # approving in the first two rows, supervising in the third
    for linkage in naming:
        scope = Scope(department_id=linkage.supervising_department_id, city_wide=False)
        await linkages.confirm_linkage(session=session, linkage_id=linkage.id, scope=scope)
    for r in (rows[0], rows[1]):
        r[5] = "0737 4228888"  # 李娜's new office phone (stored as 0737-4228888)
    rows[2][12] = "0737-4228888"

    summary = await _import(session, authorizer, city["coord"], xlsx(rows))

    ids = [str(x.id) for x in naming]
    assert summary == {
        "__typename": "LinkageImportSummary",
        "created": 0,
        "updated": 1,  # the first row changes 李娜; the other two then name her as she is
        "unchanged": 2,
        "awaitingConfirmationLinkageIds": ids,
    }
    for linkage in naming:
        await session.refresh(linkage)
        assert linkage.status == "AWAITING_SUPERVISION"
    person = (await session.exec(select(Person).where(Person.name == "李娜"))).one()
    assert person.office_phone == "0737-4228888"
    changes = await history.history_of(
        session=session, entity=ChangedEntity.LINKAGE, ids=[naming[0].id]
    )
    latest = changes[0][0]
    assert (latest.actor, latest.changes) == (
        city["coord"].username,
        [
            {"field": "approvingOfficePhone", "before": "0737-4221101", "after": "0737-4228888"},
            {"field": "status", "before": "CONFIRMED", "after": "AWAITING_SUPERVISION"},
        ],
    )
