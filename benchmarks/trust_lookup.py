"""What a subgraph saves now that the gateway asserts the caller (docs/TRUST.md).

Before: every subgraph call looked the session token up itself (``authenticate``: one SQL
query on the session and user rows). After: it verifies the gateway's HMAC assertion
(``verify_assertion``: no database). Same inbox query, same data (the demo, SQLite, in
process), medians of N calls each way:

    .venv/bin/python -m benchmarks.trust_lookup [N]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlmodel import select

from api import demo
from api.approval.loaders import ApprovalLoaders
from api.approval.schema import schema
from api.core.accounts import departments_of
from api.core.auth import Principal, authenticate, open_session
from api.core.authz import Authorizer
from api.core.context import Context
from api.core.db import make_engine, session_factory, session_scope
from api.core.migrate import migrate
from api.core.models import User
from api.core.trust import ReplayGuard, sign_assertion, verify_assertion

INBOX = """{ pushInbox(first: 20) { totalCount edges { node {
  stage overdue application { status applicantName } } } } }"""
KEY = "measure-trust-key-0123456789abcdefghijkl"


async def main(calls: int, work: str) -> None:  # noqa: PLR0915 - one linear script
    url = f"sqlite+aiosqlite:///{Path(work) / 'm.db'}"
    engine = make_engine(url)
    async with session_scope(engine) as session:
        await demo.load_demo(session)
        await demo.load_demo_activity(session)
        user = (await session.exec(select(User).where(User.username == "wjw_liaison"))).one()
        if user.id is None:
            raise SystemExit("demo user has no id")
        domains = await departments_of(session=session, username=user.username)
        token, _ = await open_session(
            session, user_id=user.id, department_id=domains[0], client_address=None
        )
        await session.commit()
    authorizer = await Authorizer.from_engine(engine)
    replay = ReplayGuard()

    async def once(*, asserted: bool) -> float:
        # The gateway's signing is not the subgraph's cost: done before the clock starts.
        signed = sign_assertion(key=KEY, audience="approval", principal=known, body=b"")
        started = time.perf_counter()
        db = session_factory(engine)()
        try:
            principal: Principal | None
            if asserted:
                principal = verify_assertion(
                    signed, keys=(KEY,), audience="approval", replay=replay, body=b""
                ).principal
            else:
                principal = await authenticate(db, token)
            context = Context(
                request=None,  # type: ignore[arg-type]
                response=None,
                session=db,
                principal=principal,
                authorizer=authorizer,
                loaders=ApprovalLoaders(db),
            )
            result = await schema.execute(INBOX, context_value=context)
            if result.errors:
                raise SystemExit(str(result.errors))
        finally:
            await db.close()
        return (time.perf_counter() - started) * 1000

    async with session_scope(engine) as db:
        known = await authenticate(db, token)
    if known is None:
        raise SystemExit("the session did not authenticate")
    for asserted in (False, True):  # warm both paths
        for _ in range(20):
            await once(asserted=asserted)
    before = [await once(asserted=False) for _ in range(calls)]
    after = [await once(asserted=True) for _ in range(calls)]
    lookup = []
    for _ in range(calls):
        async with session_scope(engine) as db:
            t = time.perf_counter()
            await authenticate(db, token)
            lookup.append((time.perf_counter() - t) * 1000)
    verify = []
    for _ in range(calls):
        signed = sign_assertion(key=KEY, audience="approval", principal=known, body=b"")
        t = time.perf_counter()
        verify_assertion(signed, keys=(KEY,), audience="approval", replay=replay, body=b"")
        verify.append((time.perf_counter() - t) * 1000)
    await engine.dispose()
    print(f"inbox query on the approval subgraph, {calls} calls each, medians:")
    print(f"  before (session look-up per call): {statistics.median(before):.2f} ms")
    print(f"  after  (gateway assertion):        {statistics.median(after):.2f} ms")
    print(
        f"  session look-up alone: {statistics.median(lookup):.3f} ms;"
        f" assertion check alone: {statistics.median(verify):.3f} ms"
    )


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        migrate(f"sqlite+aiosqlite:///{Path(folder) / 'm.db'}")
        asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200, folder))
