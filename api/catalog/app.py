"""ASGI app of the catalog subgraph (``uvicorn api.catalog.app:app``)."""

from __future__ import annotations

from api.catalog.loaders import CatalogLoaders
from api.catalog.schema import schema
from api.core.app import create_subgraph_app

app = create_subgraph_app("catalog", schema, loaders_factory=CatalogLoaders)
