"""The approval federation schema."""

from __future__ import annotations

import strawberry

from api.approval.mutations import ApprovalMutation
from api.approval.mutations.facilitation import FacilitationMutation
from api.approval.mutations.messages import MessageMutation
from api.approval.queries import ApprovalQuery
from api.approval.queries.facilitation import FacilitationQuery
from api.approval.queries.messages import MessageQuery
from api.approval.queries.workbench import WorkbenchQuery
from api.approval.subscriptions import ApprovalSubscription
from api.core.schema import build_schema


@strawberry.type
class Query(ApprovalQuery, FacilitationQuery, MessageQuery, WorkbenchQuery):
    pass


@strawberry.type
class Mutation(ApprovalMutation, FacilitationMutation, MessageMutation):
    pass


@strawberry.type
class Subscription(ApprovalSubscription):
    pass


schema = build_schema(query=Query, mutation=Mutation, subscription=Subscription)
