"""ASGI app of the approval subgraph (``uvicorn api.approval.app:app``)."""

from __future__ import annotations

from api.approval.loaders import ApprovalLoaders
from api.approval.schema import schema
from api.core.app import create_subgraph_app

app = create_subgraph_app("approval", schema, loaders_factory=ApprovalLoaders)
