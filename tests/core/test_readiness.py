"""`/readiness` of a subgraph: the database and each LISTEN connection's state."""

from __future__ import annotations

import httpx

from api.catalog.loaders import CatalogLoaders
from api.catalog.schema import schema
from api.core.app import create_subgraph_app
from api.core.db import make_engine
from tests.databases import backend


async def _readiness(engine, authorizer) -> httpx.Response:
    app = create_subgraph_app("catalog", schema, loaders_factory=CatalogLoaders, engine=engine)
    # The lifespan is not run by the transport: give the app what it would have built.
    app.state.engine = engine
    app.state.authorizer = authorizer
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://catalog") as client:
        return await client.get("/readiness")


async def test_readiness_reports_the_database_and_the_listeners(engine, authorizer):
    response = await _readiness(engine, authorizer)

    assert (response.status_code, response.json()) == (
        200,
        {
            "status": "ready",
            "subgraph": "catalog",
            "database": "ok",
            "listeners": {
                # Not watching (the fixture's enforcer): nothing listens, polling would.
                "policy": {
                    "state": "polling",
                    "reconnects": 0,
                    "error": None,
                    "version": authorizer.version,
                },
                "live": {"state": "idle", "reconnects": 0, "error": None},
            },
        },
    )


async def test_readiness_is_503_while_the_database_is_away(authorizer, tmp_path):
    url = (
        "postgresql+asyncpg://postgres@127.0.0.1:9/none"
        if backend() == "postgresql"
        else f"sqlite+aiosqlite:///{tmp_path}/missing/dir/none.db"
    )
    away = make_engine(url)
    try:
        response = await _readiness(away, authorizer)
    finally:
        await away.dispose()

    assert response.status_code == 503
    assert (response.json()["status"], response.json()["database"]) == ("degraded", "unavailable")
