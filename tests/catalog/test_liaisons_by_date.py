"""Liaisons by date: a successor named ahead of time becomes current on its first day, the
previous period ends the day before (no overlap), and every change is announced to approval
as ``catalog.liaison.appointed``."""

from datetime import timedelta

import pytest
from sqlmodel import col, func, select

from api.catalog import services
from api.catalog.loaders import CatalogLoaders
from api.catalog.models import LiaisonKind
from api.catalog.schema import schema
from api.catalog.services.liaison_events import TOPIC, is_current
from api.core.clock import local_today
from api.core.events import OutboxMessage
from tests import factories
from tests.graphql import run

SET = """
mutation Set($input: SetLiaisonInput!) {
  setLiaison(input: $input) {
    __typename
    ... on Liaison { since until current person { name } }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""
DEPARTMENT = """
query Dept($id: ID!) {
  department(id: $id) {
    receiveLiaison { since until current person { name } }
    liaisons { kind since until current person { name } }
  }
}
"""


@pytest.fixture
async def dept(session, authorizer):
    d = await factories.department(session)
    sect = await factories.section(session, d, "综合科")
    return {
        "dept": d,
        "old": await factories.person(session, sect, "张三", mobile="13907370001"),
        "new": await factories.person(session, sect, "李四", mobile="13907370002"),
        "head": await factories.user(session, authorizer, role="department_head", dept=d),
    }


async def _gql(session, authorizer, principal, query, variables):
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


async def _set(session, authorizer, dept, person, since):
    data = await _gql(
        session,
        authorizer,
        dept["head"],
        SET,
        {
            "input": {
                "departmentId": str(dept["dept"].id),
                "kind": "RECEIVE",
                "personId": str(person.id),
                "since": since.isoformat(),
            }
        },
    )
    return data["setLiaison"]


async def _announced(session, after):
    rows = await session.exec(
        select(OutboxMessage)
        .where(OutboxMessage.topic == TOPIC, col(OutboxMessage.id) > after)
        .order_by(col(OutboxMessage.id))
    )
    return [m.payload for m in rows.all()]


async def _last_message_id(session) -> int:
    return (await session.exec(select(func.max(OutboxMessage.id)))).one() or 0


async def test_a_successor_named_from_a_future_date_is_not_current_before_that_date(
    session, authorizer, dept
):
    today = local_today()
    start = today - timedelta(days=30)
    future = today + timedelta(days=5)
    await _set(session, authorizer, dept, dept["old"], start)
    named = await _set(session, authorizer, dept, dept["new"], future)

    assert named == {
        "__typename": "Liaison",
        "since": future.isoformat(),
        "until": None,
        "current": False,
        "person": {"name": "李四"},
    }
    data = await _gql(session, authorizer, dept["head"], DEPARTMENT, {"id": str(dept["dept"].id)})
    assert data == {
        "department": {
            "receiveLiaison": {
                "since": start.isoformat(),
                "until": (future - timedelta(days=1)).isoformat(),
                "current": True,
                "person": {"name": "张三"},
            },
            "liaisons": [
                {
                    "kind": "RECEIVE",
                    "since": future.isoformat(),
                    "until": None,
                    "current": False,
                    "person": {"name": "李四"},
                },
                {
                    "kind": "RECEIVE",
                    "since": start.isoformat(),
                    "until": (future - timedelta(days=1)).isoformat(),
                    "current": True,
                    "person": {"name": "张三"},
                },
            ],
        }
    }


async def test_on_every_day_exactly_one_liaison_is_current(session, dept):
    today = local_today()
    dates = [today - timedelta(days=20), today - timedelta(days=3), today + timedelta(days=4)]
    people = [dept["old"], dept["new"], dept["old"]]
    rows = [
        await services.set_liaison(
            session=session,
            department_id=dept["dept"].id,
            kind=LiaisonKind.RECEIVE,
            person_id=person.id,
            since=since,
        )
        for person, since in zip(people, dates, strict=True)
    ]
    for offset in range(-20, 10):
        day = today + timedelta(days=offset)
        assert sum(is_current(r, day) for r in rows) == 1, day
    assert [(r.since, r.until) for r in rows] == [
        (dates[0], dates[1] - timedelta(days=1)),
        (dates[1], dates[2] - timedelta(days=1)),
        (dates[2], None),
    ]


async def test_a_change_dated_on_or_before_the_latest_start_is_refused(session, authorizer, dept):
    today = local_today()
    await _set(session, authorizer, dept, dept["old"], today)
    same_day = await _set(session, authorizer, dept, dept["new"], today)
    earlier = await _set(session, authorizer, dept, dept["new"], today - timedelta(days=1))

    message = f"起始日期须晚于上一任联络员的起始日期（{today.isoformat()}）"
    refused = {
        "__typename": "ValidationErrors",
        "errors": [{"field": "since", "code": "BEFORE_CURRENT", "message": message}],
    }
    assert same_day == refused
    assert earlier == refused


async def test_naming_a_liaison_announces_the_new_period_and_the_closed_one(session, dept):
    today = local_today()
    d = dept["dept"]
    first = await services.set_liaison(
        session=session,
        department_id=d.id,
        kind=LiaisonKind.RECEIVE,
        person_id=dept["old"].id,
        since=today,
    )
    after = await _last_message_id(session)
    second = await services.set_liaison(
        session=session,
        department_id=d.id,
        kind=LiaisonKind.RECEIVE,
        person_id=dept["new"].id,
        since=today + timedelta(days=7),
    )

    assert await _announced(session, after) == [
        {
            "assignment_id": first.id,
            "department_id": d.id,
            "kind": "RECEIVE",
            "person_id": dept["old"].id,
            "name": "张三",
            "mobile": "13907370001",
            "valid_from": today.isoformat(),
            "valid_until": (today + timedelta(days=6)).isoformat(),
        },
        {
            "assignment_id": second.id,
            "department_id": d.id,
            "kind": "RECEIVE",
            "person_id": dept["new"].id,
            "name": "李四",
            "mobile": "13907370002",
            "valid_from": (today + timedelta(days=7)).isoformat(),
            "valid_until": None,
        },
    ]


async def test_a_new_mobile_of_a_liaison_is_announced_again(session, dept):
    today = local_today()
    row = await services.set_liaison(
        session=session,
        department_id=dept["dept"].id,
        kind=LiaisonKind.RECEIVE,
        person_id=dept["new"].id,
        since=today,
    )
    after = await _last_message_id(session)
    await services.update_person_phones(
        session=session, person=dept["new"], office_phone="0737-4220000", mobile="13907379999"
    )
    # Someone who is no liaison changes nothing for approval.
    await services.update_person_phones(
        session=session, person=dept["old"], office_phone="0737-4220000", mobile="13907378888"
    )

    announced = await _announced(session, after)
    assert [(p["assignment_id"], p["name"], p["mobile"]) for p in announced] == [
        (row.id, "李四", "13907379999")
    ]
