"""Credit Query fields."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from api.core.authz import requires
from api.credit import services
from api.credit.types import Subject


@strawberry.type
class CreditQuery:
    @strawberry.field(
        description="按统一社会信用代码查询信用主体", extensions=requires("subject", "read")
    )
    async def subject(self, info: Info[Any, Any], credit_code: str) -> Subject | None:
        row = await info.context.loaders.subject.load(credit_code.strip().upper())
        return Subject.from_row(row) if row else None

    @strawberry.field(
        description="信用主体列表（每页至多100条）", extensions=requires("subject", "read")
    )
    async def subjects(
        self,
        info: Info[Any, Any],
        keyword: str | None = None,
        first: int = 100,
        offset: int = 0,
    ) -> list[Subject]:
        rows = await services.list_subjects(
            session=info.context.session, keyword=keyword, limit=first, offset=offset
        )
        return [Subject.from_row(r) for r in rows]
