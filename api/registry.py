"""The composition root: every subgraph, what it serves, what it stores, emits and consumes.

One entry per subgraph. Everything that runs or builds the whole product reads this table
and nothing else: the launcher (``shenguan serve``) and the tests' stack start one uvicorn
process per entry; ``shenguan compose`` reads each schema; Alembic's ``env.py`` and the
tests import every models module through ``import_models``; the outbox worker — embedded
(``embedded_worker_app``) or alone (``shenguan worker``) — is handed ``worker_tables()``,
the merged consumer and job tables of every entry, checked so that each topic an entry
emits has a consumer. ``api/core`` never imports a subgraph; this module is where they meet.
Modules are named by import path and imported only when asked for, so composing the schema
does not load the handlers and migrating does not load the schemas.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import logging
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from api.core import events, worker
from api.core.config import DEFAULT_PORTS, ROOT_DIR, Settings, get_settings

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine
    from starlette.applications import Starlette

log = logging.getLogger("shenguan.registry")


@dataclass(frozen=True)
class Subgraph:
    name: str
    emits: tuple[str, ...]  # topics this subgraph writes to the outbox (docs/EVENTS.md)
    models: tuple[str, ...]  # modules whose tables belong to it
    handlers: str | None = None  # module exporting ``consumers`` and, optionally, ``jobs``

    @property
    def schema_module(self) -> str:
        """Import path of the module whose ``schema`` is the federation schema."""
        return f"api.{self.name}.schema"

    @property
    def app(self) -> str:
        """The ASGI app for uvicorn (``module:attribute``)."""
        return f"api.{self.name}.app:app"

    @property
    def port_setting(self) -> str:
        return f"SHENGUAN_{self.name.upper()}_PORT"

    @property
    def default_port(self) -> int:
        return DEFAULT_PORTS[self.name]

    def port(self, settings: Settings) -> int:
        return int(getattr(settings, f"{self.name}_port"))

    @property
    def url_setting(self) -> str:
        return f"SHENGUAN_{self.name.upper()}_URL"

    def url(self, settings: Settings) -> str:
        """Where a gateway reaches it: ``SHENGUAN_<NAME>_URL``, else this host and its port."""
        configured = str(getattr(settings, f"{self.name}_url"))
        return configured or f"http://{settings.host}:{self.port(settings)}/graphql"

    def schema(self) -> Any:
        return importlib.import_module(self.schema_module).schema

    def consumers(self) -> events.ConsumerTable:
        if self.handlers is None:
            return events.ConsumerTable()
        table = importlib.import_module(self.handlers).consumers
        assert isinstance(table, events.ConsumerTable)  # noqa: S101 - a wiring mistake
        return table

    def jobs(self) -> worker.JobTable:
        if self.handlers is None:
            return worker.JobTable()
        table = getattr(importlib.import_module(self.handlers), "jobs", None)
        if table is None:
            return worker.JobTable()
        assert isinstance(table, worker.JobTable)  # noqa: S101 - a wiring mistake
        return table


SUBGRAPHS: tuple[Subgraph, ...] = (
    Subgraph(
        name="catalog",
        emits=("catalog.linkage_list.published", "catalog.liaison.appointed"),
        models=("api.catalog.models",),
    ),
    Subgraph(
        name="approval",
        emits=(
            "approval.application.accepted",
            "approval.application.completed",
            "approval.push.created",
            "approval.push.claimed",
            "approval.push.overdue",
            "approval.escalation.raised",
            "approval.feedback.recorded",
            "approval.missing_item.overdue",
            "approval.commitment.found_false",
        ),
        models=(
            "api.approval.models",
            "api.approval.models.facilitation",
            "api.approval.models.messages",
            "api.approval.models.sms",
        ),
        handlers="api.approval.handlers",
    ),
    Subgraph(
        name="supervision",
        emits=("supervision.finding.recorded",),
        models=("api.supervision.models",),
        handlers="api.supervision.handlers",
    ),
    Subgraph(
        name="credit",
        emits=("credit.level.changed", "credit.lookup.recorded"),
        models=("api.credit.models",),
        handlers="api.credit.handlers",
    ),
    Subgraph(name="access", emits=(), models=()),
    Subgraph(
        name="coordination",
        emits=("coordination.meeting.exchange_recorded", "coordination.escalation.decided"),
        models=("api.coordination.models",),
        handlers="api.coordination.handlers",
    ),
)
NAMES: tuple[str, ...] = tuple(s.name for s in SUBGRAPHS)

# Tables of api/core, shared by every subgraph (outbox, job runs, audit, SMS templates,
# calendar, …).
CORE_MODELS = (
    "api.core.audit",
    "api.core.events",
    "api.core.files",
    "api.core.models",
    "api.core.sms_templates",
    "api.core.workdays",
    "api.core.worker",
)

# Topics emitted today whose consumer is still to be built. The start-up check names them
# in a warning instead of failing; their messages are still never marked delivered (they
# fail with "no consumer registered", stay visible and can be retried once the consumer
# exists). Remove an entry in the change that adds its consumer (a test insists).
AWAITING_CONSUMER: Mapping[str, str] = {
    "coordination.escalation.decided": "no consumer planned yet (e.g. SMS to the parties)",
}

# The subgraph process that runs the embedded outbox worker under `shenguan serve`.
WORKER_HOST = "approval"
WORKER_APP = "api.registry:embedded_worker_app"  # uvicorn --factory


# ---------------------------------------------------------------- external subgraphs
#
# A department's own system joins the graph as a subgraph of its own (docs/joining-the-graph.md).
# It is not ours to start, migrate or import: the registry knows its name, where the gateway
# reaches it, its SDL (committed under gateway/external/, refreshed from its own
# `_service { sdl }` by `shenguan compose --fetch`) and who answers for it. The gateway signs
# each call to it with a key of its own (SHENGUAN_EXTERNAL_<NAME>_KEY), never with ours.

EXTERNAL_DIR = ROOT_DIR / "gateway" / "external"
EXTERNAL_CONFIG = EXTERNAL_DIR / "subgraphs.json"

# Our entities an external subgraph may extend, each by its key (the only way in).
EXTENDABLE_ENTITIES: Mapping[str, str] = {
    "Application": "id",
    "Subject": "creditCode",
    "Matter": "id",
    "Department": "id",
}

_NAME = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


class ExternalSubgraphError(ValueError):
    """A bad entry in gateway/external/subgraphs.json (the message names entry and field)."""


@dataclass(frozen=True)
class ExternalSubgraph:
    name: str
    url: str  # the URL the committed supergraph names
    sdl: str  # file name under gateway/external/
    title: str  # the system and its department, as users know them
    contact: str  # who answers for it (person, phone or mail)
    directory: Path = EXTERNAL_DIR  # where ``sdl`` lies (the configuration file's folder)

    @property
    def sdl_path(self) -> Path:
        return self.directory / self.sdl

    @property
    def url_setting(self) -> str:
        return f"SHENGUAN_EXTERNAL_{self.name.upper()}_URL"

    @property
    def key_setting(self) -> str:
        return f"SHENGUAN_EXTERNAL_{self.name.upper()}_KEY"

    def runtime_url(self, environ: Mapping[str, str] | None = None) -> str:
        env = os.environ if environ is None else environ
        return env.get(self.url_setting) or self.url


def load_external(path: Path = EXTERNAL_CONFIG) -> tuple[ExternalSubgraph, ...]:  # noqa: C901
    """The entries of ``path`` (a JSON list), checked; none when the file does not exist."""
    if not path.exists():
        return ()
    try:
        entries = json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        msg = f"{path.name}: not JSON ({exc})"
        raise ExternalSubgraphError(msg) from exc
    if not isinstance(entries, list):
        msg = f"{path.name}: a list of subgraphs is expected"
        raise ExternalSubgraphError(msg)
    found: list[ExternalSubgraph] = []
    for index, entry in enumerate(entries):
        where = f"{path.name}[{index}]"
        if not isinstance(entry, dict):
            msg = f"{where}: an object is expected"
            raise ExternalSubgraphError(msg)
        values: dict[str, str] = {}
        for key in ("name", "url", "sdl", "title", "contact"):
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                msg = f"{where}.{key}: required"
                raise ExternalSubgraphError(msg)
            values[key] = value.strip()
        name = values["name"]
        if not _NAME.match(name):
            msg = f"{where}.name: lower-case letters, digits and _ (2–40), got {name!r}"
            raise ExternalSubgraphError(msg)
        if name in NAMES or name in {s.name for s in found}:
            msg = f"{where}.name: {name!r} is already a subgraph"
            raise ExternalSubgraphError(msg)
        if not values["url"].startswith(("http://", "https://")):
            msg = f"{where}.url: an http(s) URL is expected"
            raise ExternalSubgraphError(msg)
        sdl = values["sdl"]
        if "/" in sdl or "\\" in sdl or not sdl.endswith(".graphql"):
            msg = f"{where}.sdl: a .graphql file name in gateway/external/"
            raise ExternalSubgraphError(msg)
        found.append(ExternalSubgraph(**values, directory=path.parent))
    return tuple(found)


@cache
def external_subgraphs() -> tuple[ExternalSubgraph, ...]:
    """The external subgraphs of the committed configuration (gateway/external/subgraphs.json)."""
    return load_external()


def external_urls(
    environ: Mapping[str, str] | None = None,
    externals: Iterable[ExternalSubgraph] | None = None,
) -> dict[str, str]:
    """Each external subgraph's URL for a gateway (``SHENGUAN_EXTERNAL_<NAME>_URL`` or the
    committed one)."""
    chosen = external_subgraphs() if externals is None else externals
    return {e.name: e.runtime_url(environ) for e in chosen}


def by_name(name: str) -> Subgraph:
    for subgraph in SUBGRAPHS:
        if subgraph.name == name:
            return subgraph
    msg = f"no subgraph named {name!r} (known: {', '.join(NAMES)})"
    raise KeyError(msg)


def ports(settings: Settings | None = None) -> dict[str, int]:
    """Each subgraph's configured port (``SHENGUAN_<NAME>_PORT``)."""
    chosen = settings or get_settings()
    return {s.name: s.port(chosen) for s in SUBGRAPHS}


def url_pools(settings: Settings | None = None) -> dict[str, list[str]]:
    """Each subgraph's URLs for a gateway: ``SHENGUAN_<NAME>_URL`` (several processes:
    comma-separated, balanced by the gateway, gateway/balance.ts) or host and port."""
    chosen = settings or get_settings()
    return {s.name: [u.strip() for u in s.url(chosen).split(",") if u.strip()] for s in SUBGRAPHS}


def urls(settings: Settings | None = None) -> dict[str, str]:
    """Each subgraph's first URL (the one the supergraph names)."""
    return {name: pool[0] for name, pool in url_pools(settings).items()}


def import_models() -> None:
    """Import every table module, so ``SQLModel.metadata`` is complete (Alembic, tests)."""
    for module in (*CORE_MODELS, *(m for s in SUBGRAPHS for m in s.models)):
        importlib.import_module(module)


def merge_consumers(subgraphs: Iterable[Subgraph]) -> events.ConsumerTable:
    return events.ConsumerTable.merge(s.consumers() for s in subgraphs)


def merge_jobs(subgraphs: Iterable[Subgraph]) -> worker.JobTable:
    return worker.JobTable.merge(s.jobs() for s in subgraphs)


def emitted_topics(subgraphs: Iterable[Subgraph]) -> dict[str, str]:
    """Topic → the subgraph that emits it."""
    return {topic: s.name for s in subgraphs for topic in s.emits}


@cache
def consumer_table() -> events.ConsumerTable:
    """Every registered consumer (the product's table; tests deliver with it too)."""
    return merge_consumers(SUBGRAPHS)


@dataclass(frozen=True)
class WorkerTables:
    consumers: events.ConsumerTable
    jobs: worker.JobTable


def worker_tables(subgraphs: Iterable[Subgraph] = SUBGRAPHS) -> WorkerTables:
    """What a worker delivers and runs, checked: every emitted topic has a consumer.

    ``shenguan serve``'s embedded worker and ``shenguan worker`` both start here. Raises
    ``events.MissingConsumersError`` naming each emitted topic nobody consumes (except the
    ones ``AWAITING_CONSUMER`` lists, which are logged).
    """
    chosen = tuple(subgraphs)
    consumers = consumer_table() if chosen == SUBGRAPHS else merge_consumers(chosen)
    emitted = emitted_topics(chosen)
    awaiting = {t: why for t, why in AWAITING_CONSUMER.items() if t in emitted}
    events.check_emitted(consumers, {t: o for t, o in emitted.items() if t not in awaiting})
    for topic, why in sorted(awaiting.items()):
        if not consumers.subscriptions(topic):
            log.warning(
                "topic %s has no consumer yet (%s): its messages stay undelivered", topic, why
            )
    return WorkerTables(consumers=consumers, jobs=merge_jobs(chosen))


async def run_embedded_worker(engine: AsyncEngine, stop: asyncio.Event) -> None:
    """The worker inside a subgraph process (``shenguan serve``)."""
    tables = worker_tables()
    await worker.run_worker(
        engine,
        consumers=tables.consumers,
        jobs=tables.jobs,
        stop=stop,
        poll_seconds=get_settings().worker_poll_seconds,
    )


def embedded_worker_app() -> Starlette:
    """``WORKER_HOST``'s app with the outbox worker beside it (uvicorn ``--factory``).

    The tables are checked here, before the app exists: a missing consumer stops the
    process at start with the topics named.
    """
    worker_tables()
    module = importlib.import_module(by_name(WORKER_HOST).app.split(":")[0])
    app: Starlette = module.create_app(background=run_embedded_worker)
    return app
