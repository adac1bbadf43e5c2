"""History: every create, edit, confirmation, deletion and removal mark of a linkage reads
back with who, when, from which department, and each field's value before and after."""

from datetime import UTC, datetime

import pytest

from api.catalog.loaders import CatalogLoaders
from api.catalog.models import ChangedEntity, LinkageCreate, ListVersion
from api.catalog.schema import schema
from api.catalog.services import history, linkages
from api.core.scope import Scope
from tests import factories
from tests.graphql import run

UPDATE = """
mutation Update($id: ID!, $input: LinkageInput!) {
  updateLinkage(id: $id, input: $input) {
    __typename
    ... on Linkage { status }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""

CONFIRM = """
mutation Confirm($id: ID!) {
  confirmLinkage(id: $id) {
    __typename
    ... on Linkage { status }
  }
}
"""

DELETE = """
mutation Delete($id: ID!) {
  deleteLinkage(id: $id) {
    __typename
    ... on DeletedLinkage { id }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""

REMOVE = """
mutation Remove($id: ID!) {
  requestLinkageRemoval(id: $id) {
    __typename
    ... on Linkage { status removalRequestedAt }
  }
}
"""

HISTORY = """
query History($id: ID!) {
  linkage(id: $id) {
    history { action actor departmentId at changes { field before after } }
  }
}
"""


@pytest.fixture
async def world(session, authorizer):
    spj = await factories.department(session, name="历史测试审批局")
    scjg = await factories.department(session, name="历史测试监管局")
    a_person = await factories.person(
        session, await factories.section(session, spj, "准入科"), "周敏"
    )
    s_section = await factories.section(session, scjg, "执法科")
    liu = await factories.person(session, s_section, "刘洋")
    zhao = await factories.person(session, s_section, "赵磊")
    linkage = await factories.linkage(
        session, approving=spj, supervising=scjg, a_person=a_person, s_person=liu
    )
    return {
        "spj": spj,
        "scjg": scjg,
        "zhao": zhao,
        "linkage": linkage,
        "clerk": await factories.user(session, authorizer, role="approval_clerk", dept=spj),
        "liaison": await factories.user(session, authorizer, role="supervision_liaison", dept=scjg),
    }


def _input(linkage, **changes):
    data = LinkageCreate.model_validate(linkage, from_attributes=True).model_dump()
    data.update(changes)
    camel = {
        "".join(w if i == 0 else w.title() for i, w in enumerate(k.split("_"))): v
        for k, v in data.items()
    }
    return {k: (str(v) if k.endswith("Id") and v is not None else v) for k, v in camel.items()}


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


async def test_an_edit_and_a_confirmation_read_back_with_who_when_before_and_after(
    session, authorizer, world
):
    link = world["linkage"]
    started = datetime.now(UTC)
    edited = await _call(
        session,
        authorizer,
        world["clerk"],
        UPDATE,
        id=str(link.id),
        input=_input(link, supervising_person_id=world["zhao"].id, claim_days=3),
    )
    assert edited == {"updateLinkage": {"__typename": "Linkage", "status": "AWAITING_SUPERVISION"}}
    confirmed = await _call(session, authorizer, world["liaison"], CONFIRM, id=str(link.id))
    assert confirmed == {"confirmLinkage": {"__typename": "Linkage", "status": "CONFIRMED"}}

    data = await _call(session, authorizer, world["clerk"], HISTORY, id=str(link.id))
    entries = data["linkage"]["history"]
    assert [(e["action"], e["actor"], e["departmentId"]) for e in entries] == [
        ("CONFIRMED", world["liaison"].username, str(world["scjg"].id)),
        ("UPDATED", world["clerk"].username, str(world["spj"].id)),
        ("CREATED", "", None),  # the factory writes as the system
    ]
    assert all(datetime.fromisoformat(e["at"]) >= started for e in entries[:2])
    assert entries[0]["changes"] == [
        {"field": "status", "before": "AWAITING_SUPERVISION", "after": "CONFIRMED"}
    ]
    assert entries[1]["changes"] == [
        {"field": "supervisingPersonId", "before": "刘洋", "after": "赵磊"},
        {"field": "claimDays", "before": "1", "after": "3"},
    ]
    created = {c["field"]: (c["before"], c["after"]) for c in entries[2]["changes"]}
    assert created["supervisingPersonId"] == (None, "刘洋")
    assert created["approvingSectionId"] == (None, "准入科")
    assert created["status"] == (None, "AWAITING_SUPERVISION")


async def test_a_deletion_is_kept_in_the_history(session, authorizer, world):
    link = world["linkage"]
    deleted = await _call(session, authorizer, world["clerk"], DELETE, id=str(link.id))
    assert deleted == {"deleteLinkage": {"__typename": "DeletedLinkage", "id": str(link.id)}}

    (rows,) = await history.history_of(session=session, entity=ChangedEntity.LINKAGE, ids=[link.id])
    assert [(r.action, r.actor, r.department_id) for r in rows] == [
        ("DELETED", world["clerk"].username, world["spj"].id),
        ("CREATED", "", None),
    ]
    before = {c["field"]: c["before"] for c in rows[0].changes}
    assert before["supervisingPersonId"] == "刘洋"
    assert before["approvingDepartmentId"] == "历史测试审批局"
    assert {c["after"] for c in rows[0].changes} == {None}


async def test_a_published_linkage_cannot_be_deleted_but_can_be_marked_for_removal(
    session, authorizer, world
):
    link = world["linkage"]
    await linkages.confirm_linkage(
        session=session,
        linkage_id=link.id,
        scope=Scope(department_id=world["scjg"].id, city_wide=False),
    )
    session.add(
        ListVersion(
            number=1,
            published_by="coord",
            summary="2026年第1次发布",
            entries=[{"linkage_id": link.id}],
            added=[link.id],
            changed=[],
            removed=[],
        )
    )
    refused = await _call(session, authorizer, world["clerk"], DELETE, id=str(link.id))
    assert refused == {
        "deleteLinkage": {
            "__typename": "ValidationErrors",
            "errors": [
                {
                    "field": "id",
                    "code": "PUBLISHED",
                    "message": "该联动事项在已发布的清单中，不能删除；可标记为在下一版本中移除",
                }
            ],
        }
    }
    marked = await _call(session, authorizer, world["clerk"], REMOVE, id=str(link.id))
    assert marked["requestLinkageRemoval"]["removalRequestedAt"] is not None
    data = await _call(session, authorizer, world["clerk"], HISTORY, id=str(link.id))
    latest = data["linkage"]["history"][0]
    assert (latest["action"], latest["actor"], latest["changes"]) == (
        "REMOVAL_REQUESTED",
        world["clerk"].username,
        [{"field": "removalRequested", "before": "false", "after": "true"}],
    )


async def test_a_draft_is_submitted_before_the_supervising_side_confirms(session, world):
    link = world["linkage"]
    data = LinkageCreate.model_validate(link, from_attributes=True)
    await linkages.delete_linkage(session=session, linkage_id=link.id, scope=None)
    draft = await linkages.create_linkage(session=session, data=data, draft=True)
    assert draft.status == "DRAFT"
    supervising = Scope(department_id=world["scjg"].id, city_wide=False)
    with pytest.raises(linkages.ValidationFailed) as refused:
        await linkages.confirm_linkage(session=session, linkage_id=draft.id, scope=supervising)
    assert refused.value.issues[0].code == "DRAFT"
    await linkages.submit_linkage(session=session, linkage_id=draft.id, scope=None)
    assert draft.status == "AWAITING_SUPERVISION"
    await linkages.confirm_linkage(session=session, linkage_id=draft.id, scope=supervising)
    assert draft.status == "CONFIRMED"
    (rows,) = await history.history_of(
        session=session, entity=ChangedEntity.LINKAGE, ids=[draft.id]
    )
    assert [r.action for r in rows] == ["CONFIRMED", "SUBMITTED", "CREATED"]


LINKAGE_HISTORY = """
query LinkageHistory($id: ID!) {
  linkageHistory(linkageId: $id) { action actor departmentId changes { field before after } }
}
"""


async def test_a_deleted_linkage_keeps_its_history_readable_through_the_graph(
    session, authorizer, world
):
    link = world["linkage"]
    await _call(session, authorizer, world["clerk"], DELETE, id=str(link.id))

    data = await _call(session, authorizer, world["clerk"], LINKAGE_HISTORY, id=str(link.id))
    deleted, created = data["linkageHistory"]
    assert (deleted["action"], deleted["actor"], deleted["departmentId"]) == (
        "DELETED",
        world["clerk"].username,
        str(world["spj"].id),
    )
    before = {c["field"]: (c["before"], c["after"]) for c in deleted["changes"]}
    assert before["supervisingPersonId"] == ("刘洋", None)
    assert created["action"] == "CREATED"
    # The supervising side named in the deleted linkage reads it too; a stranger does not.
    seen = await _call(session, authorizer, world["liaison"], LINKAGE_HISTORY, id=str(link.id))
    assert [c["action"] for c in seen["linkageHistory"]] == ["DELETED", "CREATED"]
    other = await factories.department(session, name="历史测试无关局")
    stranger = await factories.user(session, authorizer, role="approval_clerk", dept=other)
    hidden = await _call(session, authorizer, stranger, LINKAGE_HISTORY, id=str(link.id))
    assert hidden == {"linkageHistory": []}
