"""ASGI app of the access subgraph (``uvicorn api.access.app:app``)."""

from __future__ import annotations

from api.access.loaders import AccessLoaders
from api.access.schema import schema
from api.core.app import create_subgraph_app

app = create_subgraph_app("access", schema, loaders_factory=AccessLoaders)
