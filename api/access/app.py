"""ASGI app of the access subgraph (``uvicorn api.access.app:app``)."""

from __future__ import annotations

from starlette.routing import Route

from api.access.loaders import AccessLoaders
from api.access.schema import schema
from api.core.app import create_subgraph_app, gateway_principal

# The gateway's one credential look-up per client request (api/core/trust.py).
app = create_subgraph_app(
    "access",
    schema,
    loaders_factory=AccessLoaders,
    routes=[Route("/gateway/principal", gateway_principal, methods=["POST"])],
)
