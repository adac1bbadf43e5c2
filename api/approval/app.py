"""ASGI app of the approval subgraph (``uvicorn api.approval.app:app``)."""

from __future__ import annotations

from api.approval import handlers  # noqa: F401 - registers outbox handlers and daily jobs
from api.approval.loaders import ApprovalLoaders
from api.approval.schema import schema
from api.core import worker
from api.core.app import create_subgraph_app
from api.core.config import get_settings

app = create_subgraph_app(
    "approval",
    schema,
    loaders_factory=ApprovalLoaders,
    # Embedded default: the outbox worker runs in this process (one per SQLite database).
    background=worker.embedded if get_settings().embedded_worker else None,
)
