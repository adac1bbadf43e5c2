from datetime import timedelta

from sqlmodel import select

from api.core.audit import AuditAction, AuditEntry, AuditOutcome
from api.core.auth import authenticate
from api.core.models import LoginState, utcnow
from tests import factories
from tests.access.helpers import SIGN_IN, access

BAD = {
    "signIn": {
        "__typename": "ValidationErrors",
        "errors": [
            {"field": "password", "code": "BAD_CREDENTIALS", "message": "用户名或密码不正确"}
        ],
    }
}
LOCKED = {
    "signIn": {
        "__typename": "ValidationErrors",
        "errors": [
            {
                "field": "username",
                "code": "LOCKED",
                "message": "连续登录失败次数过多，账号已锁定15分钟",
            }
        ],
    }
}


async def _sign_in(session, authorizer, username, password):
    result = await access(
        SIGN_IN,
        session=session,
        authorizer=authorizer,
        variables={"username": username, "password": password},
    )
    assert result.errors is None
    return result.data


async def test_sign_in_opens_a_session_for_the_users_department(session, authorizer):
    dept = await factories.department(session)
    user = await factories.user(session, authorizer, role="approval_clerk", dept=dept)

    data = await _sign_in(session, authorizer, user.username, factories.PASSWORD)

    token = data["signIn"].pop("token")
    assert data == {
        "signIn": {
            "__typename": "SignInPayload",
            "username": user.username,
            "departmentId": str(dept.id),
            "departmentIds": [str(dept.id)],
            "mustChangePassword": False,
        }
    }
    principal = await authenticate(session, token)
    assert (principal.user_id, principal.username, principal.department_id) == (
        user.user_id,
        user.username,
        user.department_id,
    )


async def test_wrong_password_and_unknown_user_get_the_same_answer(session, authorizer):
    dept = await factories.department(session)
    user = await factories.user(session, authorizer, role="approval_clerk", dept=dept)

    answers = [
        await _sign_in(session, authorizer, user.username, "wrong-Pass1"),
        await _sign_in(session, authorizer, "nobody", factories.PASSWORD),
    ]

    assert answers == [BAD, BAD]


async def test_five_failures_lock_the_account_even_for_the_right_password(session, authorizer):
    dept = await factories.department(session)
    user = await factories.user(session, authorizer, role="approval_clerk", dept=dept)

    failures = [await _sign_in(session, authorizer, user.username, "wrong-Pass1") for _ in range(5)]
    locked = await _sign_in(session, authorizer, user.username, factories.PASSWORD)

    assert failures == [BAD] * 5
    assert locked == LOCKED


async def test_the_lock_ends_after_fifteen_minutes(session, authorizer):
    dept = await factories.department(session)
    user = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    for _ in range(5):
        await _sign_in(session, authorizer, user.username, "wrong-Pass1")
    state = await session.get(LoginState, user.user_id)
    state.locked_until = utcnow() - timedelta(seconds=1)
    session.add(state)
    await session.flush()

    data = await _sign_in(session, authorizer, user.username, factories.PASSWORD)

    assert data["signIn"]["__typename"] == "SignInPayload"


async def test_sign_ins_and_failures_are_audited_with_the_client_address(session, authorizer):
    dept = await factories.department(session)
    user = await factories.user(session, authorizer, role="approval_clerk", dept=dept)

    await _sign_in(session, authorizer, user.username, "wrong-Pass1")
    await _sign_in(session, authorizer, user.username, factories.PASSWORD)

    rows = (
        await session.exec(
            select(AuditEntry).where(AuditEntry.target == user.username).order_by(AuditEntry.id)
        )
    ).all()
    assert [(r.actor, r.department_id, r.action, r.outcome, r.detail) for r in rows] == [
        (
            user.username,
            None,
            AuditAction.SIGN_IN_FAILED,
            AuditOutcome.FAILURE,
            {"reason": "BAD_CREDENTIALS"},
        ),
        (user.username, str(dept.id), AuditAction.SIGN_IN, AuditOutcome.SUCCESS, {}),
    ]
