"""Per-request DataLoaders of the access subgraph (it has no entity relations yet)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession


@dataclass
class AccessLoaders:
    session: AsyncSession
