"""A set of principles per linkage, and the derived cross-department / cross-level flags,
in the linkage, the public list, the history and the Excel workbook."""

import pytest

from api.catalog.loaders import CatalogLoaders
from api.catalog.models import DepartmentLevel, MatterKind, Principle
from api.catalog.schema import schema
from api.catalog.services import publication, workbook
from tests import factories
from tests.catalog.sheets import row, xlsx
from tests.graphql import run

CREATE = """
mutation Create($input: LinkageInput!) {
  createLinkage(input: $input) {
    __typename
    ... on Linkage { id principles principle crossDepartment crossLevel
                     history { changes { field after } } }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""

PUBLIC = """
{ publishedLinkageList { entries { linkageId principles principle
                                   crossDepartment crossLevel } } }
"""


@pytest.fixture
async def world(session, authorizer):
    city = await factories.department(session, name="原则测试市审批局")
    same = await factories.department(session, name="原则测试市监管局")
    county = await factories.department(
        session, name="原则测试区监管局", level=DepartmentLevel.COUNTY
    )
    return {
        "city": city,
        "same": same,
        "county": county,
        "a": await factories.responsible(session, city),
        "clerk": await factories.user(session, authorizer, role="approval_clerk", dept=city),
        "coord": await factories.user(
            session,
            authorizer,
            role="coordination_office",
            dept=await factories.department(session, name="原则测试协调办"),
        ),
    }


async def _input(session, world, supervising, **extra):
    approval = await factories.matter(session, world["city"])
    supervision = await factories.matter(session, supervising, kind=MatterKind.SUPERVISION)
    s_person = await factories.responsible(session, supervising)
    document = await factories.basis_document(session, world["city"])
    return {
        "approvalMatterId": str(approval.id),
        "supervisionMatterId": str(supervision.id),
        "approvingDepartmentId": str(world["city"].id),
        "approvingSectionId": str(world["a"].section_id),
        "approvingPersonId": str(world["a"].id),
        "supervisingDepartmentId": str(supervising.id),
        "supervisingSectionId": str(s_person.section_id),
        "supervisingPersonId": str(s_person.id),
        "basisDocumentId": str(document.id),
        **extra,
    }


async def _call(session, authorizer, principal, query, **variables):
    result = await run(
        schema,
        CatalogLoaders,
        query,
        session=session,
        authorizer=authorizer,
        principal=principal,
        variables=variables,
    )
    assert result.errors is None, result.errors
    return result.data


async def test_a_linkage_holds_several_principles_in_canonical_order(session, authorizer, world):
    data = await _call(
        session,
        authorizer,
        world["clerk"],
        CREATE,
        input=await _input(
            session, world, world["same"], principles=["WHO_GOVERNS", "WHO_APPROVES"]
        ),
    )
    created = data["createLinkage"]
    assert created["principles"] == ["WHO_APPROVES", "WHO_GOVERNS"]
    assert created["principle"] == "WHO_APPROVES"  # the deprecated single field: the first
    (entry,) = created["history"]
    assert {"field": "principles", "after": "WHO_APPROVES,WHO_GOVERNS"} in entry["changes"]


async def test_the_single_principle_input_still_works(session, authorizer, world):
    data = await _call(
        session,
        authorizer,
        world["clerk"],
        CREATE,
        input=await _input(session, world, world["same"], principle="WHO_GOVERNS"),
    )
    assert data["createLinkage"]["principles"] == ["WHO_GOVERNS"]


async def test_a_linkage_without_a_principle_is_refused_naming_the_field(
    session, authorizer, world
):
    data = await _call(
        session,
        authorizer,
        world["clerk"],
        CREATE,
        input=await _input(session, world, world["same"], principles=[]),
    )
    assert data["createLinkage"]["errors"] == [
        {"field": "principles", "code": "REQUIRED", "message": "请至少选择一项联动原则"}
    ]


async def test_cross_department_and_cross_level_follow_the_departments(session, authorizer, world):
    async def flags(supervising):
        data = await _call(
            session,
            authorizer,
            world["clerk"],
            CREATE,
            input=await _input(session, world, supervising, principles=["WHO_APPROVES"]),
        )
        made = data["createLinkage"]
        return made["crossDepartment"], made["crossLevel"]

    assert await flags(world["city"]) == (False, False)
    assert await flags(world["same"]) == (True, False)
    assert await flags(world["county"]) == (True, True)


async def test_the_public_list_shows_principles_and_flags(session, authorizer, world):
    linkage = await factories.linkage(
        session, approving=world["city"], supervising=world["county"], confirm=True
    )
    linkage.principles = [Principle.WHO_APPROVES, Principle.WHO_GOVERNS]
    session.add(linkage)
    await session.flush()
    await publication.publish(session=session, published_by="", summary="2026年第1次调整")

    data = await _call(session, authorizer, None, PUBLIC)
    (entry,) = [
        e for e in data["publishedLinkageList"]["entries"] if e["linkageId"] == str(linkage.id)
    ]
    assert entry["principles"] == ["WHO_APPROVES", "WHO_GOVERNS"]
    assert (entry["crossDepartment"], entry["crossLevel"]) == (True, True)


async def test_the_workbook_reads_and_writes_several_principles(session, world):
    city, county = world["city"], world["county"]
    document = await factories.basis_document(session, city)
    sheet = xlsx(
        [
            row(
                ("P-XK-1", "原则测试许可"),
                (city.name, "审批一科", "李娜", "0737-4221101", ""),
                ("P-JG-1", "原则测试检查"),
                (county.name, "执法科", "陈刚", "0737-4222201", ""),
                principle="谁主管谁监管、谁审批谁负责",
                basis=document.number,
            )
        ]
    )
    summary = await workbook.import_workbook(session=session, data=sheet)
    assert summary.created == 1

    (exported,) = await workbook.export_rows(session=session, scope=None)
    assert exported[14] == "谁审批谁负责、谁主管谁监管"


async def test_an_unknown_principle_in_the_workbook_names_its_cell(session, world):
    city, county = world["city"], world["county"]
    sheet = xlsx(
        [
            row(
                ("P-XK-2", "原则测试许可二"),
                (city.name, "审批一科", "李娜", "", ""),
                ("P-JG-2", "原则测试检查二"),
                (county.name, "执法科", "陈刚", "", ""),
                principle="谁审批谁负责、谁监管谁负责",
                basis="无",
            )
        ]
    )
    with pytest.raises(workbook.ImportRejected) as rejected:
        await workbook.import_workbook(session=session, data=sheet)
    assert [(i.row, i.column, i.code) for i in rejected.value.issues if i.column == "联动原则"] == [
        (2, "联动原则", "INVALID_CHOICE")
    ]
