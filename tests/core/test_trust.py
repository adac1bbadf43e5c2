"""Gateway assertions: signed, short-lived, once, for one subgraph and one body."""

from __future__ import annotations

import time

import pytest

from api.core.auth import Principal
from api.core.config import Settings
from api.core.production import ProductionSettingsError, check_production_settings
from api.core.trust import AssertionRefused, ReplayGuard, sign_assertion, verify_assertion

KEY = "k" * 40
OLD_KEY = "o" * 40
CLERK = Principal(
    user_id=7, username="spj_clerk", department_id="3", session_id=11, roles=("approval_clerk",)
)


def verify(token: str, *, keys=(KEY,), audience="approval", body=b"{}", replay=None, now=None):
    return verify_assertion(
        token,
        keys=keys,
        audience=audience,
        replay=replay or ReplayGuard(),
        body=body,
        now=now,
    )


def reason(call) -> str:
    with pytest.raises(AssertionRefused) as refused:
        call()
    return refused.value.reason


def test_a_signed_assertion_gives_the_caller_without_a_session_look_up():
    token = sign_assertion(key=KEY, audience="approval", principal=CLERK, body=b"{}")
    assertion = verify(token)
    assert assertion.principal == CLERK
    assert assertion.principal.roles == ("approval_clerk",)


def test_an_anonymous_assertion_gives_no_principal():
    token = sign_assertion(key=KEY, audience="approval", principal=None, body=b"{}")
    assert verify(token).principal is None


def test_missing_forged_and_unknown_key_are_refused():
    assert reason(lambda: verify(None)) == "missing"
    assert reason(lambda: verify("Bearer sgs_abc")) == "malformed"
    other = sign_assertion(key="x" * 40, audience="approval", principal=CLERK, body=b"{}")
    assert reason(lambda: verify(other)) == "unknown_key"
    token = sign_assertion(key=KEY, audience="approval", principal=None, body=b"{}")
    version, kid, _claims, mac = token.split(".")
    # Someone else's claims under the gateway's signature: the MAC no longer matches.
    forged_claims = sign_assertion(key=KEY, audience="approval", principal=CLERK, body=b"{}")
    forged = ".".join([version, kid, forged_claims.split(".")[2], mac])
    assert reason(lambda: verify(forged)) == "forged"


def test_an_expired_assertion_is_refused():
    issued = int(time.time()) - 120
    token = sign_assertion(
        key=KEY, audience="approval", principal=CLERK, body=b"{}", issued_at=issued
    )
    assert reason(lambda: verify(token)) == "expired"


def test_an_assertion_claiming_a_long_life_is_refused():
    token = sign_assertion(key=KEY, audience="approval", principal=CLERK, body=b"{}", lifetime=3600)
    assert reason(lambda: verify(token)) == "malformed"


def test_an_assertion_is_accepted_once():
    replay = ReplayGuard()
    token = sign_assertion(key=KEY, audience="approval", principal=CLERK, body=b"{}")
    verify(token, replay=replay)
    assert reason(lambda: verify(token, replay=replay)) == "replayed"


def test_an_assertion_binds_its_subgraph_and_its_body():
    token = sign_assertion(key=KEY, audience="approval", principal=CLERK, body=b'{"a":1}')
    assert reason(lambda: verify(token, audience="credit", body=b'{"a":1}')) == "wrong_audience"
    assert reason(lambda: verify(token, body=b'{"a":2}')) == "body_mismatch"
    ws = sign_assertion(key=KEY, audience="approval", principal=CLERK, body=None)
    assert reason(lambda: verify(ws, body=b"")) == "body_mismatch"
    assert verify(ws, body=None).principal == CLERK


def test_rotation_accepts_the_previous_key_until_it_is_removed():
    token = sign_assertion(key=OLD_KEY, audience="approval", principal=CLERK, body=b"{}")
    assert verify(token, keys=(KEY, OLD_KEY)).principal == CLERK
    again = sign_assertion(key=OLD_KEY, audience="approval", principal=CLERK, body=b"{}")
    assert reason(lambda: verify(again, keys=(KEY,))) == "unknown_key"


def settings(**values: str) -> Settings:
    return Settings.model_validate({"SHENGUAN_ENV": "production", **values})


def test_production_requires_a_real_gateway_key():
    secret = "s" * 48
    with pytest.raises(ProductionSettingsError, match="SHENGUAN_GATEWAY_KEY must be set"):
        check_production_settings(settings(SHENGUAN_SECRET_KEY=secret))
    with pytest.raises(ProductionSettingsError, match="SHENGUAN_GATEWAY_KEY must be set"):
        check_production_settings(
            settings(SHENGUAN_SECRET_KEY=secret, SHENGUAN_GATEWAY_KEY="short")
        )
    with pytest.raises(ProductionSettingsError, match="must differ"):
        check_production_settings(settings(SHENGUAN_SECRET_KEY=secret, SHENGUAN_GATEWAY_KEY=secret))
    with pytest.raises(ProductionSettingsError, match="PREVIOUS_KEYS"):
        check_production_settings(
            settings(
                SHENGUAN_SECRET_KEY=secret,
                SHENGUAN_GATEWAY_KEY=KEY,
                SHENGUAN_GATEWAY_PREVIOUS_KEYS="old",
            )
        )
    check_production_settings(
        settings(
            SHENGUAN_SECRET_KEY=secret,
            SHENGUAN_GATEWAY_KEY=KEY,
            SHENGUAN_GATEWAY_PREVIOUS_KEYS=OLD_KEY,
        )
    )
    with pytest.raises(RuntimeError, match="SHENGUAN_GATEWAY_KEY"):
        settings(SHENGUAN_SECRET_KEY=secret).effective_gateway_keys()
