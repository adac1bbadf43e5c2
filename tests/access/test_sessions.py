from datetime import timedelta

from sqlmodel import update

from api.core.accounts import issue_api_key, revoke_api_key, sign_in
from api.core.auth import authenticate, create_user
from api.core.authz import assign_role
from api.core.models import AccessSession, utcnow
from tests import factories
from tests.access.helpers import access


async def _signed_in(session, authorizer):
    dept = await factories.department(session)
    user = await factories.user(session, authorizer, role="approval_clerk", dept=dept)
    return await sign_in(session=session, username=user.username, password=factories.PASSWORD)


async def _idle_for(session, session_id, minutes):
    await session.exec(
        update(AccessSession)
        .where(AccessSession.id == session_id)
        .values(last_seen_at=utcnow() - timedelta(minutes=minutes))
    )


async def test_a_session_idle_for_29_minutes_is_still_valid_and_slides(session, authorizer):
    signed = await _signed_in(session, authorizer)
    await _idle_for(session, signed.principal.session_id, 29)

    first = await authenticate(session, signed.token)
    row = await session.get(AccessSession, signed.principal.session_id)
    await session.refresh(row)

    assert first == signed.principal
    assert utcnow() - row.last_seen_at.replace(tzinfo=utcnow().tzinfo) < timedelta(seconds=5)


async def test_a_session_idle_for_31_minutes_is_anonymous(session, authorizer):
    signed = await _signed_in(session, authorizer)
    await _idle_for(session, signed.principal.session_id, 31)

    assert await authenticate(session, signed.token) is None


async def test_sign_out_ends_the_session_at_once(session, authorizer):
    signed = await _signed_in(session, authorizer)

    result = await access(
        "mutation { signOut { ok } }",
        session=session,
        authorizer=authorizer,
        principal=signed.principal,
    )

    assert result.data == {"signOut": {"ok": True}}
    assert await authenticate(session, signed.token) is None


async def test_a_forged_or_unknown_token_is_anonymous(session, authorizer):
    signed = await _signed_in(session, authorizer)

    assert await authenticate(session, signed.token[:-4] + "AAAA") is None
    assert await authenticate(session, "eyJhbGciOiJIUzI1NiJ9.e30.x") is None


async def test_an_api_key_acts_for_its_service_account_until_revoked(session, authorizer):
    dept = await factories.department(session)
    account = await create_user(
        session=session, username="svc-credit", display_name="信用平台对接", password="Svc@2026x"
    )
    await assign_role(
        session=session, username="svc-credit", role="credit_officer", department_id=str(dept.id)
    )
    key, row = await issue_api_key(
        session=session, username="svc-credit", department_id=str(dept.id), name="信用平台"
    )

    principal = await authenticate(session, key)
    await revoke_api_key(session=session, key_id=row.id)

    assert (principal.user_id, principal.department_id, principal.api_key_id) == (
        account.id,
        str(dept.id),
        row.id,
    )
    assert await authenticate(session, key) is None
