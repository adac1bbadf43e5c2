"""The SMS provider is down (HTTP 500, then hanging past the timeout) while the real stack
pushes: the processes use ``SHENGUAN_SMS_SENDER=http`` from their settings. After the last
attempt every push's reminder is a dead letter an administrator sees through the gateway,
none lost; the provider recovers, ``retryDeadLetter`` sends each exactly once.

tests/approval/test_sms_http.py covers the sender in-process (retries, a timeout, one dead
letter); this is the same through processes, for a batch, with an outage of every call."""

from __future__ import annotations

import httpx

from api.core.events import MAX_ATTEMPTS
from tests.faults.helpers import (
    accept,
    application_rows,
    data,
    plain,
    run,
    sms_keys,
    submit_applications,
    undelivered,
    wait_for,
)
from tests.sms_provider import ACCESS_KEY, ACCESS_SECRET, Behaviour, FakeProvider, RunningProvider

APPLICATIONS = 6
DEAD = """{ deadLetters(first: 100) { totalCount
  edges { node { id topic key attempts lastError } } } }"""
RETRY = """mutation($id: ID!) { retryDeadLetter(id: $id) {
  __typename ... on DeadLetter { key attempts lastError }
  ... on ValidationErrors { errors { field code } } } }"""


async def _advance_the_clock(url: str) -> int:
    """What the backoff waits for (2 s, 4 s … 128 s) has passed: retries are due now."""
    import asyncpg  # noqa: PLC0415

    conn = await asyncpg.connect(plain(url))
    try:
        status = await conn.execute(
            "UPDATE core_outbox SET next_attempt_at = now() - interval '1 second'"
            " WHERE status = 'PENDING' AND next_attempt_at > now()"
        )
        return int(status.split()[-1])
    finally:
        await conn.close()


def _push_letters(gateway_post, admin: str, keys: set[str]) -> list[dict]:
    body = data(gateway_post(DEAD, token=admin))["deadLetters"]
    return [
        e["node"]
        for e in body["edges"]
        if e["node"]["topic"] == "approval.push.created" and e["node"]["key"] in keys
    ]


def test_a_failing_provider_dead_letters_every_reminder_and_a_retry_sends_each_once(
    make_stack, client_for
):
    provider = FakeProvider(behaviour=Behaviour(fail_status=500))
    with RunningProvider(provider) as running, httpx.Client(timeout=60) as http:
        env = {
            "SHENGUAN_SMS_SENDER": "http",
            "SHENGUAN_SMS_URL": running.url,
            "SHENGUAN_SMS_ACCESS_KEY": ACCESS_KEY,
            "SHENGUAN_SMS_ACCESS_SECRET": ACCESS_SECRET,
            "SHENGUAN_SMS_TIMEOUT_SECONDS": "0.5",
        }
        with make_stack(**env) as stack:
            gateway = client_for(stack)
            clerk, admin = gateway.sign_in("spj_clerk"), gateway.sign_in("admin")
            url = stack.env["DATABASE_URL"]
            apps = submit_applications(http, stack, clerk, APPLICATIONS)
            for app in apps:
                assert accept(http, stack, clerk, app).succeeded
            rows = run(application_rows(url, [a for a, _ in apps]))
            pushes = sorted(p for row in rows.values() for p in row["pushes"])
            keys = {str(p) for p in pushes}
            out_ids = {f"push:{p}" for p in pushes}
            assert len(pushes) >= APPLICATIONS

            def four_attempts_each() -> bool:
                """Advance the clock one retry at a time until every reminder failed 4 times."""
                counts = [provider.requests[k] for k in out_ids]
                if min(counts) >= 4:
                    return True
                if max(counts) < 5:
                    run(_advance_the_clock(url))
                return False

            # The first attempts meet HTTP 500, the rest a provider hanging past the timeout.
            wait_for(four_attempts_each, "four failed attempts per reminder", timeout=120)
            assert max(provider.requests[k] for k in out_ids) < MAX_ATTEMPTS
            provider.behaviour = Behaviour(fail_status=500, delay_seconds=1.5)
            letters = wait_for(
                lambda: (
                    run(_advance_the_clock(url)) >= 0
                    and len(found := _push_letters(gateway.post, admin, keys)) == len(keys)
                    and found
                ),
                "every reminder to become a dead letter",
                timeout=240,
            )
            assert sorted(int(n["key"]) for n in letters) == pushes  # none lost
            assert {n["attempts"] for n in letters} == {MAX_ATTEMPTS}
            assert {n["lastError"] for n in letters} == {"SmsError('短信服务不可达：ReadTimeout')"}
            assert not set(run(sms_keys(url))) & out_ids
            assert {provider.requests[k] for k in out_ids} == {MAX_ATTEMPTS}
            assert provider.delivered == {}

            # The provider recovers; an administrator retries each dead letter once.
            provider.behaviour = Behaviour()
            for letter in letters:
                retried = data(gateway.post(RETRY, {"id": letter["id"]}, token=admin))
                assert retried["retryDeadLetter"] == {
                    "__typename": "DeadLetter",
                    "key": letter["key"],
                    "attempts": 0,
                    "lastError": None,
                }
            wait_for(lambda: out_ids <= set(run(sms_keys(url))), "the retried reminders", 120)
            wait_for(lambda: not run(undelivered(url)), "an empty outbox", timeout=60)
            assert _push_letters(gateway.post, admin, keys) == []
            assert sorted(provider.delivered) == sorted(out_ids)
            assert {provider.requests[k] for k in out_ids} == {MAX_ATTEMPTS + 1}  # sent once
            assert [k for k in run(sms_keys(url)) if k in out_ids] == sorted(out_ids)
            # A second retry of a delivered message finds nothing dead to retry.
            again = data(gateway.post(RETRY, {"id": letters[0]["id"]}, token=admin))
            assert again["retryDeadLetter"]["__typename"] == "ValidationErrors"
