"""ASGI app of the approval subgraph (``uvicorn api.approval.app:app``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from api.approval.loaders import ApprovalLoaders
from api.approval.schema import schema
from api.core.app import Background, create_subgraph_app

if TYPE_CHECKING:
    from starlette.applications import Starlette


def create_app(*, background: Background | None = None) -> Starlette:
    """``background``: the embedded outbox worker under ``shenguan serve`` (``api.registry``)."""
    return create_subgraph_app(
        "approval", schema, loaders_factory=ApprovalLoaders, background=background
    )


app = create_app()
