"""The keyset page shared by approval's lists (one helper for every subgraph, in core)."""

from __future__ import annotations

from api.core.pagination import MAX_PAGE
from api.core.pagination import KeysetPage as Page
from api.core.pagination import keyset_page as _page

__all__ = ["MAX_PAGE", "Page", "_page"]
