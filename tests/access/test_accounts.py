"""The ``accounts`` connection: search, department filter, paging, roles and sign-in state."""

import contextlib

from api.access.loaders import AccessLoaders
from api.access.schema import schema
from api.core.accounts import create_account, issue_api_key, sign_in
from api.core.authz import assign_role
from api.core.errors import ValidationFailed
from tests import factories
from tests.access.helpers import access
from tests.graphql import run

ACCOUNTS = """
query($keyword: String, $departmentId: ID, $first: Int, $after: String) {
  accounts(keyword: $keyword, departmentId: $departmentId, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { node {
      username displayName serviceAccount mustChangePassword active
      lockedUntil lastSignInAt
      roleAssignments { role departmentId }
      apiKeys { name departmentId revokedAt }
    } }
  }
}
"""


async def _people(session, authorizer):
    """An admin in one department and three accounts whose names start with 甲."""
    home = await factories.department(session)
    other = await factories.department(session)
    admin = await factories.user(session, authorizer, role="system_admin", dept=home)
    for name, display, service in (
        ("jia_clerk", "甲 办事员", False),
        ("jia_head", "甲 科长", False),
        ("jia_system", "甲 对接系统", True),
    ):
        await create_account(
            session=session,
            username=name,
            display_name=display,
            initial_password=factories.PASSWORD,
            service=service,
        )
    await assign_role(
        session=session, username="jia_clerk", role="approval_clerk", department_id=str(home.id)
    )
    await assign_role(
        session=session, username="jia_head", role="department_head", department_id=str(other.id)
    )
    await assign_role(
        session=session, username="jia_head", role="approval_clerk", department_id=str(home.id)
    )
    await assign_role(
        session=session, username="jia_system", role="approval_clerk", department_id=str(other.id)
    )
    return home, other, admin


async def test_accounts_show_roles_per_department_and_the_service_flag(session, authorizer):
    home, other, admin = await _people(session, authorizer)
    await issue_api_key(
        session=session, username="jia_system", department_id=str(other.id), name="一网通办"
    )

    result = await access(
        ACCOUNTS,
        session=session,
        authorizer=authorizer,
        principal=admin,
        variables={"keyword": "甲"},
    )

    assert result.errors is None
    assert result.data["accounts"]["totalCount"] == 3
    nodes = [e["node"] for e in result.data["accounts"]["edges"]]
    assert nodes == [
        {
            "username": "jia_clerk",
            "displayName": "甲 办事员",
            "serviceAccount": False,
            "mustChangePassword": True,
            "active": True,
            "lockedUntil": None,
            "lastSignInAt": None,
            "roleAssignments": [{"role": "approval_clerk", "departmentId": str(home.id)}],
            "apiKeys": [],
        },
        {
            "username": "jia_head",
            "displayName": "甲 科长",
            "serviceAccount": False,
            "mustChangePassword": True,
            "active": True,
            "lockedUntil": None,
            "lastSignInAt": None,
            "roleAssignments": sorted(
                [
                    {"role": "approval_clerk", "departmentId": str(home.id)},
                    {"role": "department_head", "departmentId": str(other.id)},
                ],
                key=lambda r: r["departmentId"],
            ),
            "apiKeys": [],
        },
        {
            "username": "jia_system",
            "displayName": "甲 对接系统",
            "serviceAccount": True,
            "mustChangePassword": False,
            "active": True,
            "lockedUntil": None,
            "lastSignInAt": None,
            "roleAssignments": [{"role": "approval_clerk", "departmentId": str(other.id)}],
            "apiKeys": [{"name": "一网通办", "departmentId": str(other.id), "revokedAt": None}],
        },
    ]


async def test_last_sign_in_and_lockout_are_shown(session, authorizer):
    _home, _other, admin = await _people(session, authorizer)
    await sign_in(session=session, username="jia_clerk", password=factories.PASSWORD)
    for _ in range(5):
        with contextlib.suppress(ValidationFailed):
            await sign_in(session=session, username="jia_head", password="wrong")

    result = await access(
        ACCOUNTS,
        session=session,
        authorizer=authorizer,
        principal=admin,
        variables={"keyword": "jia_"},
    )

    nodes = {e["node"]["username"]: e["node"] for e in result.data["accounts"]["edges"]}
    assert nodes["jia_clerk"]["lastSignInAt"] is not None
    assert nodes["jia_clerk"]["lockedUntil"] is None
    assert nodes["jia_head"]["lastSignInAt"] is None
    assert nodes["jia_head"]["lockedUntil"] is not None


async def test_the_department_filter_keeps_accounts_holding_a_role_there(session, authorizer):
    _home, other, admin = await _people(session, authorizer)

    result = await access(
        ACCOUNTS,
        session=session,
        authorizer=authorizer,
        principal=admin,
        variables={"keyword": "甲", "departmentId": str(other.id)},
    )

    assert [e["node"]["username"] for e in result.data["accounts"]["edges"]] == [
        "jia_head",
        "jia_system",
    ]


async def test_accounts_page_with_cursors(session, authorizer):
    _home, _other, admin = await _people(session, authorizer)
    seen = []
    after = None
    pages = 0
    while True:
        result = await access(
            ACCOUNTS,
            session=session,
            authorizer=authorizer,
            principal=admin,
            variables={"keyword": "JIA", "first": 2, "after": after},
        )
        connection = result.data["accounts"]
        assert connection["totalCount"] == 3
        seen += [e["node"]["username"] for e in connection["edges"]]
        pages += 1
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]

    assert pages == 2
    assert seen == ["jia_clerk", "jia_head", "jia_system"]


async def test_a_bad_cursor_names_the_argument(session, authorizer):
    _home, _other, admin = await _people(session, authorizer)

    result = await access(
        ACCOUNTS,
        session=session,
        authorizer=authorizer,
        principal=admin,
        variables={"after": "bm9wZQ=="},
    )

    assert result.data is None
    assert result.errors[0].extensions == {"code": "BAD_USER_INPUT", "argument": "after"}


async def test_a_department_head_is_refused(session, authorizer):
    home, _other, _admin = await _people(session, authorizer)
    head = await factories.user(session, authorizer, role="department_head", dept=home)

    result = await access(ACCOUNTS, session=session, authorizer=authorizer, principal=head)

    assert result.data is None
    assert result.errors[0].extensions["code"] == "FORBIDDEN"


async def test_statements_do_not_grow_with_the_page(session, authorizer, count_statements):
    _home, _other, admin = await _people(session, authorizer)
    await session.commit()

    counts = []
    for first in (1, 3):
        count_statements.count = 0
        result = await run(
            schema,
            AccessLoaders,
            ACCOUNTS,
            session=session,
            authorizer=authorizer,
            principal=admin,
            variables={"keyword": "甲", "first": first},
        )
        assert result.errors is None
        assert len(result.data["accounts"]["edges"]) == first
        counts.append(count_statements.count)

    assert counts[0] == counts[1]
