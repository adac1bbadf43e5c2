"""The administrator's workbench counts: accounts locked now and recent policy changes."""

from datetime import timedelta

from api.core.models import LoginState, utcnow
from tests import factories
from tests.access.helpers import SIGN_IN, access

COUNTS = "{ lockedAccountCount policyChangeCount(withinDays: 7) }"
GRANT = """
mutation {
  addPermission(input: {role: "approval_clerk", departmentId: "*", object: "assessment",
                        action: "export"}, reason: "工作台测试") {
    __typename ... on ValidationErrors { errors { field code } }
  }
}
"""


async def _counts(session, authorizer, principal):
    result = await access(COUNTS, session=session, authorizer=authorizer, principal=principal)
    assert result.errors is None, result.errors
    return result.data


async def test_locks_and_policy_changes_are_counted(session, authorizer, count_statements):
    dept = await factories.department(session)
    admin = await factories.user(session, authorizer, role="system_admin", dept=dept)
    victim = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    expired = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    session.add(LoginState(user_id=expired.user_id, locked_until=utcnow() - timedelta(minutes=1)))
    await session.commit()
    before = await _counts(session, authorizer, admin)

    for _ in range(5):
        await access(
            SIGN_IN,
            session=session,
            authorizer=authorizer,
            variables={"username": victim.username, "password": "wrong-Pass1"},
        )
    changed = await access(GRANT, session=session, authorizer=authorizer, principal=admin)
    assert changed.errors is None, changed.errors
    assert changed.data["addPermission"]["__typename"] == "PolicyVersion", changed.data
    await session.commit()
    # The change reloaded the policy from the table; the test's user holds its role in the
    # enforcer only (as tests/factories.py gives it).
    await authorizer.enforcer.add_grouping_policy(
        admin.username, "system_admin", admin.department_id
    )

    count_statements.count = 0
    assert await _counts(session, authorizer, admin) == {
        "lockedAccountCount": before["lockedAccountCount"] + 1,
        "policyChangeCount": before["policyChangeCount"] + 1,
    }
    assert count_statements.count == 2  # one count each


async def test_only_administrators_count_them(session, authorizer):
    dept = await factories.department(session)
    head = await factories.user(session, authorizer, role="department_head", dept=dept)
    result = await access(COUNTS, session=session, authorizer=authorizer, principal=head)
    assert result.errors is not None
    assert {e.extensions["code"] for e in result.errors} == {"FORBIDDEN"}


LOCKED_LIST = """
query($first: Int) {
  accounts(lockedOnly: true, first: $first) { totalCount edges { node { username } } }
}
"""


async def test_the_locked_accounts_list_holds_what_the_count_counts(session, authorizer):
    """The 已锁定账号 tile clicks through to ``accounts(lockedOnly: true)``: the same accounts."""
    dept = await factories.department(session)
    admin = await factories.user(session, authorizer, role="system_admin", dept=dept)
    victim = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    expired = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    bystander = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    session.add(LoginState(user_id=expired.user_id, locked_until=utcnow() - timedelta(minutes=1)))
    await session.commit()
    for _ in range(5):
        await access(
            SIGN_IN,
            session=session,
            authorizer=authorizer,
            variables={"username": victim.username, "password": "wrong-Pass1"},
        )
    await session.commit()

    listed = await access(
        LOCKED_LIST,
        session=session,
        authorizer=authorizer,
        principal=admin,
        variables={"first": 100},
    )
    assert listed.errors is None, listed.errors
    names = {e["node"]["username"] for e in listed.data["accounts"]["edges"]}
    assert victim.username in names
    assert expired.username not in names
    assert bystander.username not in names
    counted = await _counts(session, authorizer, admin)
    assert listed.data["accounts"]["totalCount"] == counted["lockedAccountCount"]
