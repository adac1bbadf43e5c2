"""ASGI app of the coordination subgraph (``uvicorn api.coordination.app:app``)."""

from __future__ import annotations

from api.coordination.loaders import CoordinationLoaders
from api.coordination.schema import schema
from api.core.app import create_subgraph_app

app = create_subgraph_app("coordination", schema, loaders_factory=CoordinationLoaders)
