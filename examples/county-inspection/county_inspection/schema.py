"""The bureau's contribution to the graph: visits on ``Application``, a summary on ``Subject``.

Both types are the platform's entities, extended by their documented keys; the resolvers
apply the bureau's own scope with the caller the gateway asserted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import sqlalchemy as sa
import strawberry
from strawberry.dataloader import DataLoader

from county_inspection import store
from county_inspection.trust import Caller


@dataclass
class Context:
    engine: sa.Engine
    caller: Caller | None
    request_id: str
    loaders: dict[str, DataLoader[str, list[sa.Row]]] = field(default_factory=dict)

    def loader(self, name: str) -> DataLoader[str, list[sa.Row]]:
        """One batch per request and entity: the visits of every key the gateway sent."""
        if name not in self.loaders:
            fetch = store.visits_of if name == "Application" else store.visits_of_subjects

            async def load(keys: list[str]) -> list[list[sa.Row]]:
                found = fetch(self.engine, keys)
                store.log_access(
                    self.engine,
                    request_id=self.request_id,
                    username=self.caller.username if self.caller else None,
                    department_id=self.caller.department_id if self.caller else None,
                    what=f"{name} {','.join(keys)}",
                )
                return [found[k] for k in keys]

            self.loaders[name] = DataLoader(load_fn=load)
        return self.loaders[name]


@strawberry.enum(description="检查结果")
class InspectionResult(Enum):
    PASSED = "PASSED"
    RECTIFICATION_REQUIRED = "RECTIFICATION_REQUIRED"
    FAILED = "FAILED"


@strawberry.type(description="现场检查记录（赫山区市场监管局自建监管系统）")
class InspectionVisit:
    id: strawberry.ID
    date: dt.date = strawberry.field(description="检查日期")
    inspector: str = strawberry.field(description="检查人员")
    result: InspectionResult = strawberry.field(description="检查结果")
    note: str | None = strawberry.field(
        description="内部备注：仅检查部门本部门的用户可见，其他部门为 null"
    )


def _visit(row: sa.Row, caller: Caller) -> InspectionVisit:
    own = caller.department_id == row.department_id
    return InspectionVisit(
        id=strawberry.ID(str(row.id)),
        date=row.visited_on,
        inspector=row.inspector,
        result=InspectionResult(row.result),
        note=row.note if own else None,
    )


@strawberry.type(description="县局检查概况")
class CountyInspectionSummary:
    visit_count: int = strawberry.field(description="检查次数")
    last_date: dt.date | None = strawberry.field(description="最近一次检查日期")
    last_result: InspectionResult | None = strawberry.field(description="最近一次检查结果")


@strawberry.federation.type(keys=["id"])
class Application:
    id: strawberry.ID

    # Nullable, as the platform asks of every field added to its entities: if this system is
    # down, the application still answers, with null here.
    @strawberry.field(description="赫山区市场监管局对该办件申请人的现场检查（自建监管系统）")
    async def inspection_visits(
        self, info: strawberry.Info[Context, Any]
    ) -> list[InspectionVisit] | None:
        context = info.context
        if context.caller is None:  # the bureau answers signed-in users only
            return []
        rows = await context.loader("Application").load(str(self.id))
        return [_visit(row, context.caller) for row in rows]

    @classmethod
    def resolve_reference(cls, id: strawberry.ID) -> Application:  # noqa: A002 - the key
        return cls(id=id)


@strawberry.federation.type(keys=["creditCode"])
class Subject:
    credit_code: strawberry.ID

    @strawberry.field(description="赫山区市场监管局对该主体的检查概况（自建监管系统）")
    async def county_inspection(
        self, info: strawberry.Info[Context, Any]
    ) -> CountyInspectionSummary | None:
        context = info.context
        if context.caller is None:
            return None
        rows = await context.loader("Subject").load(str(self.credit_code))
        last = rows[-1] if rows else None
        return CountyInspectionSummary(
            visit_count=len(rows),
            last_date=last.visited_on if last else None,
            last_result=InspectionResult(last.result) if last else None,
        )

    @classmethod
    def resolve_reference(cls, creditCode: strawberry.ID) -> Subject:  # noqa: N803 - the key
        return cls(credit_code=creditCode)


schema = strawberry.federation.Schema(types=[Application, Subject], federation_version="2.9")
