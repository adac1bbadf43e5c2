"""A person may hold positions in several sections (and departments): a department head
responsible on both sides of a same-department linkage (排污许可科 → 执法监督科)."""

import pytest

from api.catalog.loaders import CatalogLoaders
from api.catalog.models import LinkageCreate, MatterKind, Principle
from api.catalog.schema import schema
from api.catalog.services import linkages
from api.core.errors import ValidationFailed
from tests import factories
from tests.graphql import run

ADD = """
mutation Add($input: AddPositionInput!) {
  addPosition(input: $input) {
    __typename
    ... on Person { name positions { home title section { name } department { name } }
                    history { action changes { field before after } } }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""

SECTION_PEOPLE = """
query People($id: ID!) { department(id: $id) { sections { name people { name } } } }
"""


@pytest.fixture
async def world(session, authorizer):
    bureau = await factories.department(session, name="任职测试生态环境局")
    permits = await factories.section(session, bureau, "排污许可科")
    enforcement = await factories.section(session, bureau, "执法监督科")
    head = await factories.person(session, permits, "郭明")
    return {
        "bureau": bureau,
        "permits": permits,
        "enforcement": enforcement,
        "head": head,
        "chief": await factories.user(session, authorizer, role="department_head", dept=bureau),
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


def _same_department_linkage(world, approval, supervision) -> LinkageCreate:
    bureau, head = world["bureau"], world["head"]
    return LinkageCreate(
        approval_matter_id=approval.id,
        supervision_matter_id=supervision.id,
        approving_department_id=bureau.id,
        approving_section_id=world["permits"].id,
        approving_person_id=head.id,
        supervising_department_id=bureau.id,
        supervising_section_id=world["enforcement"].id,
        supervising_person_id=head.id,
        principles=[Principle.WHO_APPROVES, Principle.WHO_GOVERNS],
    )


async def test_a_head_holds_a_second_position_and_is_responsible_on_both_sides(
    session, authorizer, world
):
    data = await _call(
        session,
        authorizer,
        world["chief"],
        ADD,
        input={
            "personId": str(world["head"].id),
            "sectionId": str(world["enforcement"].id),
            "title": "分管负责人",
        },
    )
    person = data["addPosition"]
    assert person["positions"] == [
        {
            "home": True,
            "title": "责任人",  # the person's role (factories make responsible people)
            "section": {"name": "排污许可科"},
            "department": {"name": "任职测试生态环境局"},
        },
        {
            "home": False,
            "title": "分管负责人",
            "section": {"name": "执法监督科"},
            "department": {"name": "任职测试生态环境局"},
        },
    ]
    assert person["history"][0] == {
        "action": "UPDATED",
        "changes": [{"field": "positions", "before": "", "after": "任职测试生态环境局 执法监督科"}],
    }
    # Both sections list the head (the form's section → person pickers read these).
    sections = await _call(
        session, authorizer, world["chief"], SECTION_PEOPLE, id=str(world["bureau"].id)
    )
    assert {
        s["name"]: [p["name"] for p in s["people"]] for s in sections["department"]["sections"]
    } == {
        "排污许可科": ["郭明"],
        "执法监督科": ["郭明"],
    }

    approval = await factories.matter(session, world["bureau"], name="排污许可")
    supervision = await factories.matter(
        session, world["bureau"], kind=MatterKind.SUPERVISION, name="排污许可执法检查"
    )
    made = await linkages.create_linkage(
        session=session, data=_same_department_linkage(world, approval, supervision)
    )
    assert (made.approving_person_id, made.supervising_person_id) == (world["head"].id,) * 2


async def test_without_the_position_the_head_is_not_in_the_other_section(session, world):
    approval = await factories.matter(session, world["bureau"])
    supervision = await factories.matter(session, world["bureau"], kind=MatterKind.SUPERVISION)
    with pytest.raises(ValidationFailed) as refused:
        await linkages.create_linkage(
            session=session, data=_same_department_linkage(world, approval, supervision)
        )
    assert [(i.field, i.code) for i in refused.value.issues] == [
        ("supervisingPersonId", "NOT_IN_SECTION")
    ]


async def test_a_position_in_another_departments_section_is_refused(session, authorizer, world):
    other = await factories.department(session, name="任职测试其他局")
    foreign = await factories.section(session, other, "综合科")
    data = await _call(
        session,
        authorizer,
        world["chief"],
        ADD,
        input={"personId": str(world["head"].id), "sectionId": str(foreign.id)},
    )
    assert data["addPosition"]["errors"] == [
        {
            "field": "sectionId",
            "code": "NOT_OWN_DEPARTMENT",
            "message": "只能在本部门的科（股）室中任职",
        }
    ]


async def test_a_second_position_in_the_same_section_is_a_duplicate(session, authorizer, world):
    data = await _call(
        session,
        authorizer,
        world["chief"],
        ADD,
        input={"personId": str(world["head"].id), "sectionId": str(world["permits"].id)},
    )
    assert [(e["field"], e["code"]) for e in data["addPosition"]["errors"]] == [
        ("sectionId", "DUPLICATE")
    ]
