"""The approval federation schema."""

from __future__ import annotations

import strawberry

from api.approval.facilitation_fields import FacilitationMutation, FacilitationQuery
from api.approval.message_fields import MessageMutation, MessageQuery
from api.approval.mutations import ApprovalMutation
from api.approval.queries import ApprovalQuery
from api.approval.sms_template_fields import SmsTemplateMutation, SmsTemplateQuery
from api.approval.subscriptions import ApprovalSubscription
from api.approval.workbench_fields import WorkbenchQuery
from api.core.schema import build_schema


@strawberry.type
class Query(ApprovalQuery, SmsTemplateQuery, FacilitationQuery, MessageQuery, WorkbenchQuery):
    pass


@strawberry.type
class Mutation(ApprovalMutation, SmsTemplateMutation, FacilitationMutation, MessageMutation):
    pass


@strawberry.type
class Subscription(ApprovalSubscription):
    pass


schema = build_schema(query=Query, mutation=Mutation, subscription=Subscription)
