"""ASGI app of the supervision subgraph (``uvicorn api.supervision.app:app``)."""

from __future__ import annotations

from api.core.app import create_subgraph_app
from api.supervision.loaders import SupervisionLoaders
from api.supervision.schema import schema

app = create_subgraph_app("supervision", schema, loaders_factory=SupervisionLoaders)
