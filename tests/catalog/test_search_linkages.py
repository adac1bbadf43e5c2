"""Search and paging: Relay connections with opaque cursors, bounded SQL per page."""

import pytest

from api.catalog.loaders import CatalogLoaders
from api.catalog.models import MatterKind
from api.catalog.schema import schema
from api.core.production import is_known_error
from tests import factories
from tests.graphql import run

PAGE = """
query Page($first: Int, $after: String) {
  linkages(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges {
      cursor
      node {
        approvalMatter { name }
        approvingDepartment { name } approvingPerson { name officePhone }
        supervisingDepartment { name } supervisingPerson { name officePhone }
        basisDocument { number }
      }
    }
  }
}
"""


@pytest.fixture
async def coord(session, authorizer):
    office = await factories.department(session)
    return await factories.user(session, authorizer, role="coordination_office", dept=office)


async def _many(session, count: int) -> None:
    """``count`` linkages over 4 departments and 4 people per side."""
    approving = [await factories.department(session) for _ in range(2)]
    supervising = [await factories.department(session) for _ in range(2)]
    a_people = [await factories.responsible(session, d) for d in approving]
    s_people = [await factories.responsible(session, d) for d in supervising]
    for i in range(count):
        a, s = i % 2, (i // 2) % 2
        await factories.linkage(
            session,
            approving=approving[a],
            supervising=supervising[s],
            a_person=a_people[a],
            s_person=s_people[s],
        )


async def _statements_for_page(session, authorizer, coord, count_statements, first):
    count_statements.count = 0
    result = await run(
        schema,
        CatalogLoaders,
        PAGE,
        session=session,
        authorizer=authorizer,
        principal=coord,
        variables={"first": first},
    )
    assert result.errors is None
    assert len(result.data["linkages"]["edges"]) == first
    return count_statements.count


async def test_listing_linkages_runs_a_bounded_number_of_statements(
    session, authorizer, coord, count_statements
):
    await _many(session, 100)
    await session.commit()

    ten = await _statements_for_page(session, authorizer, coord, count_statements, 10)
    hundred = await _statements_for_page(session, authorizer, coord, count_statements, 100)

    # page + count + matters + departments + people + basis documents
    assert hundred == ten == 6


async def test_cursors_walk_the_whole_list_and_first_over_100_is_refused(
    session, authorizer, coord
):
    await _many(session, 5)
    await session.commit()

    async def page(first, after=None):
        result = await run(
            schema,
            CatalogLoaders,
            PAGE,
            session=session,
            authorizer=authorizer,
            principal=coord,
            variables={"first": first, "after": after},
        )
        assert result.errors is None
        return result.data["linkages"]

    one = await page(2)
    two = await page(2, one["pageInfo"]["endCursor"])
    three = await page(2, two["pageInfo"]["endCursor"])
    seen = [e["cursor"] for p in (one, two, three) for e in p["edges"]]
    assert len(set(seen)) == 5
    assert [p["pageInfo"]["hasNextPage"] for p in (one, two, three)] == [True, True, False]
    assert [p["pageInfo"]["hasPreviousPage"] for p in (one, two, three)] == [False, True, True]
    assert [p["totalCount"] for p in (one, two, three)] == [5, 5, 5]
    assert len((await page(100))["edges"]) == 5  # the largest page; only 5 exist
    over = await run(
        schema,
        CatalogLoaders,
        PAGE,
        session=session,
        authorizer=authorizer,
        principal=coord,
        variables={"first": 101},
    )
    assert [e.extensions for e in over.errors or []] == [
        {"code": "BAD_USER_INPUT", "argument": "first"}
    ]


async def test_matters_are_found_by_chinese_keyword_code_and_department(session, authorizer, coord):
    dept = await factories.department(session)
    other = await factories.department(session)
    food = await factories.matter(session, dept, name="食品经营许可")
    await factories.matter(session, dept, name="药品零售许可")
    await factories.matter(session, other, name="食品生产监督检查", kind=MatterKind.SUPERVISION)
    food_code, dept_id, other_id = food.code, str(dept.id), str(other.id)
    await session.commit()
    query = """
    query Find($keyword: String, $departmentId: ID, $first: Int) {
      matterConnection(keyword: $keyword, departmentId: $departmentId, first: $first) {
        totalCount
        pageInfo { hasNextPage }
        edges { node { code name kind department { name } } }
      }
    }
    """

    async def find(**variables):
        result = await run(
            schema,
            CatalogLoaders,
            query,
            session=session,
            authorizer=authorizer,
            principal=coord,
            variables=variables,
        )
        assert result.errors is None
        connection = result.data["matterConnection"]
        return connection["totalCount"], [e["node"]["name"] for e in connection["edges"]]

    assert await find(keyword="食品", first=1) == (2, ["食品经营许可"])
    assert await find(keyword="食品", departmentId=dept_id) == (1, ["食品经营许可"])
    assert await find(keyword=food_code) == (1, ["食品经营许可"])
    assert await find(departmentId=other_id) == (1, ["食品生产监督检查"])


async def test_a_forged_cursor_answers_a_known_error_not_an_internal_one(
    session, authorizer, coord
):
    result = await run(
        schema,
        CatalogLoaders,
        PAGE,
        session=session,
        authorizer=authorizer,
        principal=coord,
        variables={"first": 2, "after": "not-a-cursor"},
    )
    assert [(e.message, e.path, e.extensions, is_known_error(e)) for e in result.errors or []] == [
        ("分页游标无效", ["linkages"], {"code": "BAD_USER_INPUT", "argument": "after"}, True)
    ]
