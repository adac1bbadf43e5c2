"""OpenTelemetry in a subgraph: the server span continues the caller's trace, carries the
request id, and every SQL statement is a child span (api/core/tracing.py)."""

from __future__ import annotations

import logging

import httpx
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from api.catalog.loaders import CatalogLoaders
from api.catalog.schema import schema
from api.core import tracing
from api.core.app import create_subgraph_app
from api.core.config import Settings
from api.core.db import make_engine
from api.core.logs import FORMAT, install_record_factory
from tests.trust import GatewayAuth

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_SPAN = "00f067aa0ba902b7"


async def test_a_query_is_one_trace_from_the_callers_span_down_to_sql(database_url):
    exporter = InMemorySpanExporter()
    provider = tracing.new_provider("catalog")
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    engine = make_engine(database_url)  # its own: the instrumentation stays with it
    app = create_subgraph_app(
        "catalog",
        schema,
        loaders_factory=CatalogLoaders,
        engine=engine,
        tracer_provider=provider,
    )
    try:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://catalog", auth=GatewayAuth("catalog")
            ) as client:
                response = await client.post(
                    "/graphql",
                    json={"query": "query Versions { publishedLinkageListVersions { number } }"},
                    headers={
                        "traceparent": f"00-{TRACE_ID}-{PARENT_SPAN}-01",
                        "x-request-id": "req-trace-0001",
                    },
                )
    finally:
        await engine.dispose()

    assert response.status_code == 200, response.text
    assert "errors" not in response.json()
    spans = [s for s in exporter.get_finished_spans() if s.context.trace_id == int(TRACE_ID, 16)]
    server = [s for s in spans if s.parent is not None and s.parent.span_id == int(PARENT_SPAN, 16)]
    assert len(server) == 1, [s.name for s in spans]
    assert server[0].attributes[tracing.REQUEST_ID_ATTRIBUTE] == "req-trace-0001"
    assert server[0].resource.attributes["service.name"] == "shenguan-catalog"
    sql = [s for s in spans if s.attributes.get("db.system") or s.attributes.get("db.system.name")]
    assert sql, [s.name for s in spans]
    ids = {s.context.span_id for s in spans}
    assert all(s.parent is not None and s.parent.span_id in ids for s in sql)


def test_tracing_is_off_without_an_endpoint_and_on_with_either_setting():
    assert tracing.traces_endpoint(Settings(), environ={}) is None
    assert (
        tracing.traces_endpoint(
            Settings(SHENGUAN_OTLP_ENDPOINT="http://collector:4318/"), environ={}
        )
        == "http://collector:4318/v1/traces"
    )
    assert (
        tracing.traces_endpoint(
            Settings(), environ={"OTEL_EXPORTER_OTLP_ENDPOINT": "http://otel:4318"}
        )
        == "http://otel:4318/v1/traces"
    )
    assert tracing.provider_from_settings("catalog") is None  # the test settings set none


async def test_a_log_line_written_during_a_request_names_the_request(engine, authorizer, caplog):
    install_record_factory()
    app = create_subgraph_app("catalog", schema, loaders_factory=CatalogLoaders, engine=engine)
    app.state.engine = engine
    app.state.authorizer = authorizer

    from starlette.responses import PlainTextResponse  # noqa: PLC0415
    from starlette.routing import Route  # noqa: PLC0415

    async def endpoint(_request):
        logging.getLogger("shenguan.test").warning("inside the request")
        return PlainTextResponse("ok")

    app.router.routes.append(Route("/noisy", endpoint))
    transport = httpx.ASGITransport(app=app)
    with caplog.at_level(logging.WARNING, logger="shenguan.test"):
        async with httpx.AsyncClient(transport=transport, base_url="http://catalog") as client:
            await client.get("/noisy", headers={"x-request-id": "req-log-00000042"})

    record = next(r for r in caplog.records if r.getMessage() == "inside the request")
    assert record.request_id == "req-log-00000042"
    assert "[request req-log-00000042 trace -]" in logging.Formatter(FORMAT).format(record)
