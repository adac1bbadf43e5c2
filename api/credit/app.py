"""ASGI app of the credit subgraph (``uvicorn api.credit.app:app``)."""

from __future__ import annotations

from api.core.app import create_subgraph_app
from api.credit.loaders import CreditLoaders
from api.credit.schema import schema

app = create_subgraph_app("credit", schema, loaders_factory=CreditLoaders)
