"""The resolver kit: what every subgraph's resolvers share.

``Info`` is the one type of a resolver's ``info`` argument. It is ``Info[Any, Any]`` for now:
narrowing it to ``Context[Any]`` (api/core/context.py) makes mypy name 24 places that read
``info.context.principal`` without ruling out ``None`` (they sit behind a permission
extension, so it never is); those go through ``Context.require_principal`` first.
"""

from __future__ import annotations

from typing import Any, TypeAlias

from strawberry.types import Info as StrawberryInfo

Info: TypeAlias = StrawberryInfo[Any, Any]
