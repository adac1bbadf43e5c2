"""The approval federation schema."""

from __future__ import annotations

import strawberry

from api.approval.mutations import ApprovalMutation
from api.approval.queries import ApprovalQuery
from api.approval.subscriptions import ApprovalSubscription
from api.core.schema import build_schema


@strawberry.type
class Query(ApprovalQuery):
    pass


@strawberry.type
class Mutation(ApprovalMutation):
    pass


@strawberry.type
class Subscription(ApprovalSubscription):
    pass


schema = build_schema(query=Query, mutation=Mutation, subscription=Subscription)
