"""The access federation schema."""

from __future__ import annotations

import strawberry

from api.access.mutations import AccessMutation
from api.access.mutations.dead_letters import DeadLetterMutation
from api.access.mutations.holidays import HolidayMutation
from api.access.mutations.sms_templates import SmsTemplateMutation
from api.access.queries import AccessQuery
from api.access.queries.dead_letters import DeadLetterQuery
from api.access.queries.holidays import HolidayQuery
from api.access.queries.sms_templates import SmsTemplateQuery
from api.access.queries.workbench import WorkbenchQuery
from api.core.schema import build_schema


@strawberry.type
class Query(AccessQuery, WorkbenchQuery, DeadLetterQuery, HolidayQuery, SmsTemplateQuery):
    pass


@strawberry.type
class Mutation(AccessMutation, DeadLetterMutation, HolidayMutation, SmsTemplateMutation):
    pass


schema = build_schema(query=Query, mutation=Mutation)
