"""OpenTelemetry traces of a subgraph process: the HTTP request, then every SQL statement.

Off unless an OTLP endpoint is configured: ``SHENGUAN_OTLP_ENDPOINT`` (base URL of an OTLP
over HTTP receiver, e.g. ``http://collector:4318``; spans go to ``…/v1/traces``) or the
standard ``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`` / ``OTEL_EXPORTER_OTLP_ENDPOINT``. The
gateway (Hive Gateway's OpenTelemetry, ``--opentelemetry``) sends ``traceparent`` with every
subgraph call, so its spans, each subgraph's server span and their SQL spans form one trace.
Each server span carries the request id (``shenguan.request_id``, the ``X-Request-ID`` the
gateway forwards), and so does every log line (``api/core/logs.py``).

Tests pass their own provider (an in-memory exporter) to ``create_subgraph_app``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Final

from opentelemetry import metrics as otel_metrics
from opentelemetry import trace
from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
from opentelemetry.instrumentation.sqlalchemy.engine import EngineTracer
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.middleware import Middleware

from api.core.config import Settings, get_settings

REQUEST_ID_ATTRIBUTE: Final = "shenguan.request_id"
# Probes and scrapes are not traced.
EXCLUDED_URLS: Final = "/health,/readiness,/metrics"


def traces_endpoint(
    settings: Settings | None = None, environ: Mapping[str, str] | None = None
) -> str | None:
    """Where spans are sent (OTLP over HTTP), or None: tracing is off. ``environ``: another
    process's environment (the gateway's), read instead of this one's settings."""
    env = os.environ if environ is None else environ
    base = env.get("SHENGUAN_OTLP_ENDPOINT", "")
    if environ is None or settings is not None:
        base = (settings or get_settings()).otlp_endpoint
    if base:
        return base.rstrip("/") + "/v1/traces"
    if env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"):
        return env["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"]
    if env.get("OTEL_EXPORTER_OTLP_ENDPOINT"):
        return env["OTEL_EXPORTER_OTLP_ENDPOINT"].rstrip("/") + "/v1/traces"
    return None


def provider_from_settings(service: str) -> TracerProvider | None:
    """A provider exporting over OTLP in batches, or None when no endpoint is configured."""
    endpoint = traces_endpoint()
    if endpoint is None:
        return None
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import (  # noqa: PLC0415
        OTLPSpanExporter,
    )

    provider = new_provider(service)
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))
    return provider


def new_provider(service: str) -> TracerProvider:
    return TracerProvider(resource=Resource.create({"service.name": f"shenguan-{service}"}))


def middleware(provider: TracerProvider) -> Middleware:
    """The outermost ASGI middleware: one server span per request, parented on the caller's
    ``traceparent``."""
    return Middleware(
        OpenTelemetryMiddleware, tracer_provider=provider, excluded_urls=EXCLUDED_URLS
    )


def instrument_engine(engine: AsyncEngine, provider: TracerProvider) -> None:
    """A span per SQL statement of ``engine``, child of the request's span."""
    tracer = trace.get_tracer("shenguan.sql", tracer_provider=provider)
    usage = otel_metrics.NoOpMeter("shenguan.sql").create_up_down_counter("db.connections")
    EngineTracer(tracer, engine.sync_engine, usage)  # type: ignore[no-untyped-call]


def note_request_id(request_id: str) -> None:
    """Put the request id on the current (server) span, if one is recording."""
    span: Any = trace.get_current_span()
    if span.is_recording():
        span.set_attribute(REQUEST_ID_ATTRIBUTE, request_id)


def current_trace_id() -> str:
    context = trace.get_current_span().get_span_context()
    return format(context.trace_id, "032x") if context.is_valid else "-"
