"""Linkage rules: both sides named, basis document across departments, no duplicates,
no repealed matters; the approving side edits, the supervising side confirms."""

import pytest

from api.catalog import services
from api.catalog.loaders import CatalogLoaders
from api.catalog.models import MatterKind, MatterStatus, MatterUpdate
from api.catalog.schema import schema
from tests import factories
from tests.graphql import run

CREATE = """
mutation Create($input: LinkageInput!) {
  createLinkage(input: $input) {
    __typename
    ... on Linkage { principle confirmed approvingPerson { name } supervisingPerson { name } }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""

UPDATE = """
mutation Update($id: ID!, $input: LinkageInput!) {
  updateLinkage(id: $id, input: $input) {
    __typename
    ... on Linkage { claimDays confirmed }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""

CONFIRM = """
mutation Confirm($id: ID!) {
  confirmLinkage(id: $id) {
    __typename
    ... on Linkage { confirmed }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""


@pytest.fixture
async def two(session, authorizer):
    spj = await factories.department(session)
    scjg = await factories.department(session)
    other = await factories.department(session)
    return {
        "spj": spj,
        "scjg": scjg,
        "other": other,
        "a_matter": await factories.matter(session, spj),
        "s_matter": await factories.matter(session, scjg, kind=MatterKind.SUPERVISION),
        "a_person": await factories.responsible(session, spj),
        "s_person": await factories.responsible(session, scjg),
        "clerk": await factories.user(session, authorizer, role="approval_clerk", dept=spj),
        "liaison": await factories.user(session, authorizer, role="supervision_liaison", dept=scjg),
        "outsider": await factories.user(session, authorizer, role="approval_clerk", dept=other),
    }


def _input(two, **overrides):
    values = {
        "approvalMatterId": str(two["a_matter"].id),
        "supervisionMatterId": str(two["s_matter"].id),
        "approvingDepartmentId": str(two["spj"].id),
        "approvingSectionId": str(two["a_person"].section_id),
        "approvingPersonId": str(two["a_person"].id),
        "supervisingDepartmentId": str(two["scjg"].id),
        "supervisingSectionId": str(two["s_person"].section_id),
        "supervisingPersonId": str(two["s_person"].id),
        "principle": "WHO_GOVERNS",
    }
    values.update(overrides)
    return values


async def _run(session, authorizer, principal, query, **variables):
    result = await run(
        schema,
        CatalogLoaders,
        query,
        session=session,
        authorizer=authorizer,
        principal=principal,
        variables=variables,
    )
    assert result.errors is None
    return next(iter(result.data.values()))


async def test_cross_department_linkage_needs_a_basis_document(session, authorizer, two):
    answer = await _run(session, authorizer, two["clerk"], CREATE, input=_input(two))
    assert answer == {
        "__typename": "ValidationErrors",
        "errors": [
            {
                "field": "basisDocumentId",
                "code": "BASIS_DOCUMENT_REQUIRED",
                "message": "审批与监管分属不同部门或层级，须提供委托书、工作交付书或工作备忘录",
            }
        ],
    }

    memo = await factories.basis_document(session, two["spj"])
    answer = await _run(
        session, authorizer, two["clerk"], CREATE, input=_input(two, basisDocumentId=str(memo.id))
    )
    assert answer == {
        "__typename": "Linkage",
        "principle": "WHO_GOVERNS",
        "confirmed": False,
        "approvingPerson": {"name": two["a_person"].name},
        "supervisingPerson": {"name": two["s_person"].name},
    }


async def test_both_sides_need_department_section_and_person(session, authorizer, two):
    stranger = await factories.responsible(session, two["other"])
    memo = await factories.basis_document(session, two["spj"])
    answer = await _run(
        session,
        authorizer,
        two["clerk"],
        CREATE,
        input=_input(
            two,
            basisDocumentId=str(memo.id),
            approvingPersonId=str(stranger.id),
            supervisingSectionId=str(stranger.section_id),
        ),
    )
    assert answer == {
        "__typename": "ValidationErrors",
        "errors": [
            {
                "field": "approvingPersonId",
                "code": "NOT_IN_SECTION",
                "message": "责任人不属于该科（股）室",
            },
            {
                "field": "supervisingSectionId",
                "code": "NOT_IN_DEPARTMENT",
                "message": "科（股）室不属于该部门",
            },
        ],
    }


async def test_duplicate_and_repealed_are_refused(session, authorizer, two):
    memo = await factories.basis_document(session, two["spj"])
    first = await _run(
        session, authorizer, two["clerk"], CREATE, input=_input(two, basisDocumentId=str(memo.id))
    )
    assert first["__typename"] == "Linkage"
    await services.update_matter(
        session=session,
        matter_id=two["a_matter"].id,
        data=MatterUpdate(status=MatterStatus.REPEALED),
    )

    again = await _run(
        session, authorizer, two["clerk"], CREATE, input=_input(two, basisDocumentId=str(memo.id))
    )
    assert again == {
        "__typename": "ValidationErrors",
        "errors": [
            {"field": "approvalMatterId", "code": "REPEALED", "message": "已废止的事项不能联动"},
            {
                "field": "supervisionMatterId",
                "code": "DUPLICATE",
                "message": "该审批事项与监管事项已建立联动",
            },
        ],
    }


async def test_another_department_cannot_edit_a_linkage(session, authorizer, two):
    link = await factories.linkage(
        session,
        approving=two["spj"],
        supervising=two["scjg"],
        approval_matter=two["a_matter"],
        supervision_matter=two["s_matter"],
        a_person=two["a_person"],
        s_person=two["s_person"],
    )
    body = _input(two, basisDocumentId=str(link.basis_document_id), claimDays=3)

    outsider = await _run(session, authorizer, two["outsider"], UPDATE, id=str(link.id), input=body)
    # Outside the caller's scope the linkage does not exist for it.
    assert outsider == {
        "__typename": "ValidationErrors",
        "errors": [{"field": "id", "code": "NOT_FOUND", "message": "联动事项不存在"}],
    }
    # The supervising side sees it, but editing belongs to the approving department.
    two["liaison_head"] = await factories.user(
        session, authorizer, role="department_head", dept=two["scjg"]
    )
    supervising = await _run(
        session, authorizer, two["liaison_head"], UPDATE, id=str(link.id), input=body
    )
    assert supervising == {
        "__typename": "ValidationErrors",
        "errors": [
            {
                "field": "approvingDepartmentId",
                "code": "NOT_APPROVING_DEPARTMENT",
                "message": "联动事项只能由审批部门维护",
            }
        ],
    }


async def test_both_sides_must_agree_and_an_edit_asks_again(session, authorizer, two):
    link = await factories.linkage(
        session,
        approving=two["spj"],
        supervising=two["scjg"],
        approval_matter=two["a_matter"],
        supervision_matter=two["s_matter"],
        a_person=two["a_person"],
        s_person=two["s_person"],
    )

    # The approving clerk cannot confirm on the supervising side's behalf.
    head = await factories.user(session, authorizer, role="department_head", dept=two["spj"])
    by_approver = await _run(session, authorizer, head, CONFIRM, id=str(link.id))
    assert by_approver == {
        "__typename": "ValidationErrors",
        "errors": [
            {
                "field": "id",
                "code": "NOT_SUPERVISING_DEPARTMENT",
                "message": "只有监管部门可以确认联动事项",
            }
        ],
    }
    confirmed = await _run(session, authorizer, two["liaison"], CONFIRM, id=str(link.id))
    assert confirmed == {"__typename": "Linkage", "confirmed": True}

    body = _input(two, basisDocumentId=str(link.basis_document_id), claimDays=3)
    edited = await _run(session, authorizer, two["clerk"], UPDATE, id=str(link.id), input=body)
    assert edited == {"__typename": "Linkage", "claimDays": 3, "confirmed": False}

    reconfirmed = await _run(session, authorizer, two["liaison"], CONFIRM, id=str(link.id))
    assert reconfirmed == {"__typename": "Linkage", "confirmed": True}


async def test_department_users_see_only_linkages_they_are_part_of(session, authorizer, two):
    link = await factories.linkage(
        session,
        approving=two["spj"],
        supervising=two["scjg"],
        approval_matter=two["a_matter"],
        supervision_matter=two["s_matter"],
        a_person=two["a_person"],
        s_person=two["s_person"],
    )
    link_id = str(link.id)
    await session.commit()  # keep the rows: each query below ends in a rollback
    query = "query One($id: ID!) { linkage(id: $id) { id } linkages { totalCount } }"

    async def seen_by(principal):
        result = await run(
            schema,
            CatalogLoaders,
            query,
            session=session,
            authorizer=authorizer,
            principal=principal,
            variables={"id": link_id},
        )
        assert result.errors is None
        return result.data

    visible = {"linkage": {"id": link_id}, "linkages": {"totalCount": 1}}
    assert await seen_by(two["clerk"]) == visible
    assert await seen_by(two["liaison"]) == visible
    assert await seen_by(two["outsider"]) == {"linkage": None, "linkages": {"totalCount": 0}}
