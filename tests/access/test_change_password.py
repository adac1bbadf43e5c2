import pytest

from api.core.accounts import create_account, sign_in
from api.core.auth import check_password_policy
from api.core.authz import assign_role
from api.core.errors import ValidationFailed
from tests import factories
from tests.access.helpers import access

CHANGE = """
mutation($current: String!, $new: String!) {
  changePassword(currentPassword: $current, newPassword: $new) {
    __typename
    ... on ValidationErrors { errors { field code } }
  }
}
"""


@pytest.mark.parametrize(
    "password",
    ["Ab1!", "abcdefgh", "abcdefg1", "ABCDEFG1", "abcdEFGH"],
)
def test_passwords_shorter_than_8_or_with_fewer_than_3_classes_are_refused(password):
    with pytest.raises(ValidationFailed) as caught:
        check_password_policy(password)
    assert [(i.field, i.code) for i in caught.value.issues] == [("newPassword", "WEAK_PASSWORD")]


@pytest.mark.parametrize("password", ["abcdEF12", "abcd12!!", "ABCD12!!", "Yiyang@2026"])
def test_passwords_of_8_with_3_classes_are_accepted(password):
    check_password_policy(password)


async def _new_account(session, authorizer):
    dept = await factories.department(session)
    await create_account(
        session=session, username="newbie", display_name="新同事", initial_password="Init@2026"
    )
    await assign_role(
        session=session, username="newbie", role="approval_clerk", department_id=str(dept.id)
    )
    await authorizer.enforcer.add_grouping_policy("newbie", "approval_clerk", str(dept.id))
    return await sign_in(session=session, username="newbie", password="Init@2026")


async def test_an_initial_password_must_be_changed_before_anything_else(session, authorizer):
    signed = await _new_account(session, authorizer)
    principal = signed.principal

    weak = await access(
        CHANGE,
        session=session,
        authorizer=authorizer,
        principal=principal,
        variables={"current": "Init@2026", "new": "password"},
    )
    changed = await access(
        CHANGE,
        session=session,
        authorizer=authorizer,
        principal=principal,
        variables={"current": "Init@2026", "new": "Yiyang@2026"},
    )
    again = await sign_in(session=session, username="newbie", password="Yiyang@2026")

    assert principal.must_change_password is True
    assert weak.data == {
        "changePassword": {
            "__typename": "ValidationErrors",
            "errors": [{"field": "newPassword", "code": "WEAK_PASSWORD"}],
        }
    }
    assert changed.data == {"changePassword": {"__typename": "Done"}}
    assert again.principal.must_change_password is False


async def test_me_answers_while_the_password_must_be_changed(session, authorizer):
    signed = await _new_account(session, authorizer)

    me = await access(
        "{ me { username mustChangePassword } }",
        session=session,
        authorizer=authorizer,
        principal=signed.principal,
    )

    assert me.data == {"me": {"username": "newbie", "mustChangePassword": True}}


async def test_other_fields_answer_password_change_required_until_then(session, authorizer):
    signed = await _new_account(session, authorizer)

    # An operation that fails rolls the test's setup back: this one comes last.
    blocked = await access(
        "{ auditEntries { edges { cursor } } }",
        session=session,
        authorizer=authorizer,
        principal=signed.principal,
    )

    assert blocked.data is None
    assert [(e.message, e.extensions["code"]) for e in blocked.errors] == [
        ("首次登录须先修改初始密码", "PASSWORD_CHANGE_REQUIRED")
    ]


async def test_a_wrong_current_password_changes_nothing(session, authorizer):
    signed = await _new_account(session, authorizer)

    result = await access(
        CHANGE,
        session=session,
        authorizer=authorizer,
        principal=signed.principal,
        variables={"current": "Wrong@2026", "new": "Yiyang@2026"},
    )

    assert result.data == {
        "changePassword": {
            "__typename": "ValidationErrors",
            "errors": [{"field": "currentPassword", "code": "BAD_CREDENTIALS"}],
        }
    }
    assert (await sign_in(session=session, username="newbie", password="Init@2026")).token
