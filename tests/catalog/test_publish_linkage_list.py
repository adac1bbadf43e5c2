"""Publication: numbered versions with a diff, the outbox event, and the public query."""

import json
from datetime import date

import pytest
from sqlmodel import col, func, select

from api.catalog import services as catalog_services
from api.catalog.loaders import CatalogLoaders
from api.catalog.models import LiaisonKind, LinkageCreate, ListVersion, Matter, MatterKind, Section
from api.catalog.schema import schema
from api.catalog.services import linkages
from api.catalog.services.publication import TOPIC
from api.core.events import OutboxMessage
from api.core.scope import Scope
from tests import factories
from tests.graphql import run

PUBLISH = """
mutation Publish($summary: String!) {
  publishLinkageList(summary: $summary) {
    __typename
    ... on LinkageListVersion {
      number summary publisherName publishingDepartmentName
      addedLinkageIds changedLinkageIds removedLinkageIds
      entries { linkageId }
    }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""

PUBLIC = """
query Public($version: Int) {
  publishedLinkageList(version: $version) {
    number
    entries {
      approvalMatterName approvingDepartmentName approvingSectionName
      approvingPersonName approvingOfficePhone
      supervisionMatterName supervisingDepartmentName supervisingPersonName
      supervisingOfficePhone principle basisDocumentKind channel claimDays feedbackDays
    }
  }
}
"""


@pytest.fixture
async def world(session, authorizer):
    spj = await factories.department(session, name="公开测试审批局")
    scjg = await factories.department(session, name="公开测试监管局")
    office = await factories.department(session, name="公开测试协调办")
    a_person = await factories.person(
        session,
        await factories.section(session, spj, "审批一科"),
        "李娜",
        office_phone="0737-4221101",
        mobile="13907370002",
    )
    s_person = await factories.person(
        session,
        await factories.section(session, scjg, "食品科"),
        "陈刚",
        office_phone="0737-4222201",
        mobile="13907370001",
    )
    coord = await factories.user(
        session, authorizer, role="coordination_office", dept=office, username="coord_pub"
    )
    return {"spj": spj, "scjg": scjg, "a": a_person, "s": s_person, "coord": coord}


async def _linkage(session, world, *, name: str, confirm: bool):
    spj, scjg = world["spj"], world["scjg"]
    return await factories.linkage(
        session,
        approving=spj,
        supervising=scjg,
        approval_matter=await factories.matter(session, spj, name=name),
        supervision_matter=await factories.matter(
            session, scjg, kind=MatterKind.SUPERVISION, name=f"{name}监督检查"
        ),
        a_person=world["a"],
        s_person=world["s"],
        confirm=confirm,
    )


async def _publish(session, authorizer, world, summary="2026年第1次调整"):
    result = await run(
        schema,
        CatalogLoaders,
        PUBLISH,
        session=session,
        authorizer=authorizer,
        principal=world["coord"],
        variables={"summary": summary},
    )
    assert result.errors is None
    return result.data["publishLinkageList"]


async def test_versions_are_numbered_and_carry_the_diff(session, authorizer, world):
    first = await _linkage(session, world, name="许可甲", confirm=True)
    second = await _linkage(session, world, name="许可乙", confirm=True)
    pending = await _linkage(session, world, name="许可丙", confirm=False)
    publisher = {
        "publisherName": world["coord"].username,
        "publishingDepartmentName": "公开测试协调办",
    }

    v1 = await _publish(session, authorizer, world)
    assert v1 == {
        "__typename": "LinkageListVersion",
        "number": 1,
        "summary": "2026年第1次调整",
        **publisher,
        "addedLinkageIds": [str(first.id), str(second.id)],
        "changedLinkageIds": [],
        "removedLinkageIds": [],
        "entries": [{"linkageId": str(first.id)}, {"linkageId": str(second.id)}],
    }

    # The approving side edits the first (awaiting the supervising side), marks the second for
    # removal; the third is confirmed.
    supervising = Scope(department_id=world["scjg"].id, city_wide=False)
    data = LinkageCreate.model_validate(first, from_attributes=True)
    data.claim_days = 2
    await linkages.update_linkage(session=session, linkage_id=first.id, data=data)
    await linkages.request_removal(session=session, linkage_id=second.id, scope=None)
    await linkages.confirm_linkage(session=session, linkage_id=pending.id, scope=supervising)
    v2 = await _publish(session, authorizer, world, summary="2026年第2次调整")
    # The pending edit keeps the first as published; the second is removed.
    assert v2 == {
        "__typename": "LinkageListVersion",
        "number": 2,
        "summary": "2026年第2次调整",
        **publisher,
        "addedLinkageIds": [str(pending.id)],
        "changedLinkageIds": [],
        "removedLinkageIds": [str(second.id)],
        "entries": [{"linkageId": str(first.id)}, {"linkageId": str(pending.id)}],
    }
    stored = {v.number: v for v in (await session.exec(select(ListVersion))).all()}
    assert [e["claim_days"] for e in stored[2].entries if e["linkage_id"] == first.id] == [1]
    # The earlier version still holds the removed one.
    assert second.id in [e["linkage_id"] for e in stored[1].entries]

    await linkages.confirm_linkage(session=session, linkage_id=first.id, scope=supervising)
    v3 = await _publish(session, authorizer, world, summary="2026年第3次调整")
    assert (v3["changedLinkageIds"], v3["addedLinkageIds"], v3["removedLinkageIds"]) == (
        [str(first.id)],
        [],
        [],
    )

    again = await _publish(session, authorizer, world)
    assert again == {
        "__typename": "ValidationErrors",
        "errors": [
            {"field": "list", "code": "NO_CHANGES", "message": "与上一版本相比没有变化，无需发布"}
        ],
    }


async def test_publishing_needs_a_summary(session, authorizer, world):
    await _linkage(session, world, name="许可说明", confirm=True)
    assert await _publish(session, authorizer, world, summary="  ") == {
        "__typename": "ValidationErrors",
        "errors": [
            {
                "field": "summary",
                "code": "REQUIRED",
                "message": "请填写发布说明（如：2026年第1次调整）",
            }
        ],
    }
    assert (await session.exec(select(func.count()).select_from(ListVersion))).one() == 0


async def test_publication_emits_the_documented_event(session, authorizer, world):
    link = await _linkage(session, world, name="许可丁", confirm=True)
    # The supervising side's receive liaison gets the SMS for each push (approval's side).
    await catalog_services.set_liaison(
        session=session,
        department_id=world["scjg"].id,
        kind=LiaisonKind.RECEIVE,
        person_id=world["s"].id,
        since=date(2026, 1, 1),
    )
    # Other tests deliver committed events of this topic (tests/coordination): count only ours.
    earlier = (await session.exec(select(func.max(OutboxMessage.id)))).one() or 0
    await _publish(session, authorizer, world)

    version = (await session.exec(select(ListVersion))).one()
    message = (
        await session.exec(
            select(OutboxMessage).where(
                OutboxMessage.topic == TOPIC, col(OutboxMessage.id) > earlier
            )
        )
    ).one()
    approval_matter = await session.get(Matter, link.approval_matter_id)
    supervision_matter = await session.get(Matter, link.supervision_matter_id)
    assert message.key == "1"
    assert message.payload == {
        "version": 1,
        "published_at": version.published_at.isoformat(),
        "summary": "2026年第1次调整",
        "added": [link.id],
        "changed": [],
        "removed": [],
        "entries": [
            {
                "linkage_id": link.id,
                "approval_matter_id": approval_matter.id,
                "approval_matter_code": approval_matter.code,
                "approval_matter_name": "许可丁",
                "approving_department_id": world["spj"].id,
                "approving_department_name": world["spj"].name,
                "approving_section_name": "审批一科",
                "approving_person_name": "李娜",
                "approving_office_phone": "0737-4221101",
                "supervision_matter_id": supervision_matter.id,
                "supervision_matter_code": supervision_matter.code,
                "supervision_matter_name": "许可丁监督检查",
                "supervising_department_id": world["scjg"].id,
                "supervising_department_name": world["scjg"].name,
                "supervising_section_name": "食品科",
                "supervising_person_name": "陈刚",
                "supervising_office_phone": "0737-4222201",
                "channel": "ONLINE",
                "claim_days": 1,
                "feedback_days": 5,
                "confidentiality": "INTERNAL",
                "review_mode": "AFTER_APPROVAL",
                "receive_liaison_name": "陈刚",
                "receive_liaison_mobile": "13907370001",
            }
        ],
    }
    # Each publication refreshes approval's copy of the listed departments' liaisons.
    announced = (
        await session.exec(
            select(OutboxMessage).where(
                OutboxMessage.topic == "catalog.liaison.appointed",
                col(OutboxMessage.id) > earlier,
            )
        )
    ).all()
    assert [(m.payload["department_id"], m.payload["name"]) for m in announced] == [
        (world["scjg"].id, "陈刚")
    ]


async def test_public_query_needs_no_login_and_shows_only_public_fields(session, authorizer, world):
    await _linkage(session, world, name="公共场所卫生许可", confirm=True)
    await _publish(session, authorizer, world)

    result = await run(
        schema, CatalogLoaders, PUBLIC, session=session, authorizer=authorizer, principal=None
    )

    assert result.errors is None
    assert result.data == {
        "publishedLinkageList": {
            "number": 1,
            "entries": [
                {
                    "approvalMatterName": "公共场所卫生许可",
                    "approvingDepartmentName": "公开测试审批局",
                    "approvingSectionName": "审批一科",
                    "approvingPersonName": "李娜",
                    "approvingOfficePhone": "0737-4221101",
                    "supervisionMatterName": "公共场所卫生许可监督检查",
                    "supervisingDepartmentName": "公开测试监管局",
                    "supervisingPersonName": "陈刚",
                    "supervisingOfficePhone": "0737-4222201",
                    "principle": "WHO_GOVERNS",
                    "basisDocumentKind": "MEMORANDUM",
                    "channel": "ONLINE",
                    "claimDays": 1,
                    "feedbackDays": 5,
                }
            ],
        }
    }
    # Mobile numbers are not in the public type, nor anywhere in the frozen snapshot.
    stored = (await session.exec(select(ListVersion))).one()
    assert "13907370001" not in json.dumps(stored.entries, ensure_ascii=False)
    assert "13907370002" not in json.dumps(stored.entries, ensure_ascii=False)
    public_type = schema.get_type_by_name("PublishedLinkage")
    assert [f.name for f in public_type.fields if "mobile" in f.name.lower()] == []


async def test_an_earlier_version_stays_readable(session, authorizer, world):
    await _linkage(session, world, name="版本一许可", confirm=True)
    await _publish(session, authorizer, world)
    await _linkage(session, world, name="版本二许可", confirm=True)
    await _publish(session, authorizer, world)

    async def names(version):
        result = await run(
            schema,
            CatalogLoaders,
            PUBLIC,
            session=session,
            authorizer=authorizer,
            principal=None,
            variables={"version": version},
        )
        listing = result.data["publishedLinkageList"]
        return listing["number"], [e["approvalMatterName"] for e in listing["entries"]]

    assert await names(None) == (2, ["版本一许可", "版本二许可"])
    assert await names(1) == (1, ["版本一许可"])
    versions = (
        await session.exec(select(ListVersion.number).order_by(col(ListVersion.number)))
    ).all()
    assert versions == [1, 2]


async def test_only_the_coordination_office_publishes(session, authorizer, world):
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=world["spj"])
    result = await run(
        schema,
        CatalogLoaders,
        PUBLISH,
        session=session,
        authorizer=authorizer,
        principal=clerk,
        variables={"summary": "越权发布"},
    )
    assert result.data is None
    assert [(e.message, e.extensions) for e in result.errors or []] == [
        ("无权执行此操作", {"code": "FORBIDDEN"})
    ]


async def test_nothing_agreed_means_nothing_to_publish(session, authorizer, world):
    await _linkage(session, world, name="未确认许可", confirm=False)
    assert await _publish(session, authorizer, world) == {
        "__typename": "ValidationErrors",
        "errors": [
            {"field": "list", "code": "EMPTY", "message": "没有双方均已确认的联动事项，无法发布"}
        ],
    }


DIFF = """
query Diff($base: Int!, $target: Int!) {
  linkageListDiff(base: $base, target: $target) {
    base target
    added { approvalMatterName }
    removed { approvalMatterName }
    changed { linkageId changes { field before after } }
  }
}
"""


async def test_the_diff_between_two_versions_lists_field_changes_added_and_removed(
    session, authorizer, world
):
    kept = await _linkage(session, world, name="差异甲", confirm=True)
    dropped = await _linkage(session, world, name="差异乙", confirm=True)
    await _publish(session, authorizer, world)
    zhao = await factories.person(
        session,
        await session.get(Section, world["s"].section_id),
        "赵磊",
        office_phone="0737-4222202",
    )
    data = LinkageCreate.model_validate(kept, from_attributes=True)
    data.supervising_person_id = zhao.id
    await linkages.update_linkage(session=session, linkage_id=kept.id, data=data)
    supervising = Scope(department_id=world["scjg"].id, city_wide=False)
    await linkages.confirm_linkage(session=session, linkage_id=kept.id, scope=supervising)
    await linkages.request_removal(session=session, linkage_id=dropped.id, scope=None)
    await _linkage(session, world, name="差异丙", confirm=True)
    await _publish(session, authorizer, world, summary="2026年第2次调整")

    result = await run(
        schema,
        CatalogLoaders,
        DIFF,
        session=session,
        authorizer=authorizer,
        principal=None,
        variables={"base": 1, "target": 2},
    )
    assert result.errors is None
    assert result.data == {
        "linkageListDiff": {
            "base": 1,
            "target": 2,
            "added": [{"approvalMatterName": "差异丙"}],
            "removed": [{"approvalMatterName": "差异乙"}],
            "changed": [
                {
                    "linkageId": str(kept.id),
                    "changes": [
                        {"field": "supervisingPersonName", "before": "陈刚", "after": "赵磊"},
                        {
                            "field": "supervisingOfficePhone",
                            "before": "0737-4222201",
                            "after": "0737-4222202",
                        },
                    ],
                }
            ],
        }
    }
    missing = await run(
        schema,
        CatalogLoaders,
        DIFF,
        session=session,
        authorizer=authorizer,
        principal=None,
        variables={"base": 1, "target": 99},
    )
    assert [(e.message, e.extensions) for e in missing.errors or []] == [
        ("清单第 99 版不存在", {"code": "NOT_FOUND", "argument": "target"})
    ]
