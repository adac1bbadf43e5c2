"""Each department maintains its own sections, people and liaisons; changes are dated."""

import pytest

from api.catalog import services
from api.catalog.loaders import CatalogLoaders
from api.catalog.models import PersonCreate, SectionCreate
from api.catalog.schema import schema
from tests import factories
from tests.graphql import run

SET = """
mutation Set($input: SetLiaisonInput!) {
  setLiaison(input: $input) {
    __typename
    ... on Liaison { kind since until person { name } }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""

DEPARTMENT = """
query Dept($id: ID!) {
  department(id: $id) {
    sections { name people { name officePhone role } }
    pushLiaison { since person { name } }
    receiveLiaison { person { name } }
    liaisons { kind since until person { name } }
  }
}
"""


@pytest.fixture
async def dept(session, authorizer):
    d = await factories.department(session)
    sect = await factories.section(session, d, "综合科")
    old = await factories.person(session, sect, "张三")
    new = await factories.person(session, sect, "李四")
    head = await factories.user(session, authorizer, role="department_head", dept=d)
    return {"dept": d, "old": old, "new": new, "head": head}


async def _set(session, authorizer, principal, dept_id, person_id, since):
    result = await run(
        schema,
        CatalogLoaders,
        SET,
        session=session,
        authorizer=authorizer,
        principal=principal,
        variables={
            "input": {
                "departmentId": str(dept_id),
                "kind": "PUSH",
                "personId": str(person_id),
                "since": since,
            }
        },
    )
    assert result.errors is None
    return result.data["setLiaison"]


async def test_changing_the_liaison_keeps_exactly_one_current_and_dates_the_change(
    session, authorizer, dept
):
    d, head = dept["dept"], dept["head"]
    dept_id, old_id, new_id = d.id, dept["old"].id, dept["new"].id
    first = await _set(session, authorizer, head, dept_id, old_id, "2026-01-04")
    assert first == {
        "__typename": "Liaison",
        "kind": "PUSH",
        "since": "2026-01-04",
        "until": None,
        "person": {"name": "张三"},
    }
    await _set(session, authorizer, head, dept_id, new_id, "2026-06-01")

    result = await run(
        schema,
        CatalogLoaders,
        DEPARTMENT,
        session=session,
        authorizer=authorizer,
        principal=head,
        variables={"id": str(dept_id)},
    )
    assert result.errors is None
    assert result.data == {
        "department": {
            "sections": [
                {
                    "name": "综合科",
                    "people": [
                        {"name": "张三", "officePhone": "0737-4220000", "role": "责任人"},
                        {"name": "李四", "officePhone": "0737-4220000", "role": "责任人"},
                    ],
                }
            ],
            "pushLiaison": {"since": "2026-06-01", "person": {"name": "李四"}},
            "receiveLiaison": None,
            "liaisons": [
                {"kind": "PUSH", "since": "2026-06-01", "until": None, "person": {"name": "李四"}},
                {
                    "kind": "PUSH",
                    "since": "2026-01-04",
                    "until": "2026-05-31",
                    "person": {"name": "张三"},
                },
            ],
        }
    }


async def test_a_department_cannot_name_another_departments_liaison(session, authorizer, dept):
    other = await factories.department(session)
    other_person = await factories.responsible(session, other)
    own = await _set(
        session, authorizer, dept["head"], dept["dept"].id, other_person.id, "2026-01-04"
    )
    assert own == {
        "__typename": "ValidationErrors",
        "errors": [
            {"field": "personId", "code": "NOT_IN_DEPARTMENT", "message": "联络员须为本部门人员"}
        ],
    }
    foreign = await _set(session, authorizer, dept["head"], other.id, other_person.id, "2026-01-04")
    assert foreign == {
        "__typename": "ValidationErrors",
        "errors": [
            {
                "field": "departmentId",
                "code": "NOT_OWN_DEPARTMENT",
                "message": "只能指定本部门的联络员",
            }
        ],
    }


async def test_people_have_checked_phone_numbers(session, authorizer, dept):
    sect = await factories.section(session, dept["dept"])
    result = await run(
        schema,
        CatalogLoaders,
        """mutation P($input: CreatePersonInput!) { createPerson(input: $input) {
             __typename ... on ValidationErrors { errors { field code message } } } }""",
        session=session,
        authorizer=authorizer,
        principal=dept["head"],
        variables={
            "input": {"sectionId": str(sect.id), "name": "王五", "officePhone": "x", "mobile": "12"}
        },
    )
    assert result.data == {
        "createPerson": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "officePhone",
                    "code": "INVALID_PHONE",
                    "message": "办公电话应为区号加本地号码（如 0737-6180018），可加分机号",
                },
                {
                    "field": "mobile",
                    "code": "INVALID_MOBILE",
                    "message": "手机号码应为11位有效号码（如 13907370021）",
                },
            ],
        }
    }


PEOPLE = """
query People($id: ID!) {
  department(id: $id) { sections { people { name mobile } } }
}
"""


async def test_mobiles_are_whole_only_for_roles_with_the_personal_data_right(session, authorizer):
    dept = await factories.department(session)
    section = await services.create_section(
        session=session, data=SectionCreate(department_id=dept.id, name="综合科")
    )
    await services.create_person(
        session=session,
        data=PersonCreate(
            section_id=section.id,
            name="周敏",
            office_phone="0737-4220000",
            mobile="13907374455",
            role="联络员",
        ),
    )
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    head = await factories.user(session, authorizer, role="department_head", dept=dept)

    seen = {}
    for who in (clerk, head):
        result = await run(
            schema,
            CatalogLoaders,
            PEOPLE,
            session=session,
            authorizer=authorizer,
            principal=who,
            variables={"id": str(dept.id)},
        )
        assert result.errors is None, result.errors
        seen[who.username] = result.data["department"]["sections"][0]["people"][0]["mobile"]

    assert seen == {clerk.username: "13907374455", head.username: "139****4455"}
