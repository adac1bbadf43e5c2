"""Coordination Mutation fields (thin: call a service, map; failures are data)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime
from typing import Any, TypeVar

import strawberry

from api.coordination import services
from api.coordination.inputs import (
    ConveneMeetingInput,
    EscalationActionInput,
    IndicatorWeightInput,
    RaiseEscalationInput,
    action_data,
)
from api.coordination.models import DecisionStatus as DecisionStatusModel
from api.coordination.services import actions, assessment
from api.coordination.types import (
    AssessmentScheme,
    AssessmentSchemeResult,
    DecisionStatus,
    Escalation,
    EscalationAction,
    EscalationActionResult,
    EscalationResult,
    Meeting,
    MeetingDecision,
    MeetingDecisionResult,
    MeetingExchange,
    MeetingExchangeResult,
    MeetingResult,
    MinutesFileInput,
)
from api.core import files
from api.core.authz import requires
from api.core.errors import parse_id
from api.core.kit import Info, actor_of, validation_result

RowT = TypeVar("RowT")


def _action_actor(info: Info) -> actions.ActionActor:
    actor = actor_of(info)
    return actions.ActionActor(
        username=actor.username,
        department_id=actor.department_id,
        office=bool(info.context.scope.city_wide),
    )


async def _acting(info: Info, step: Callable[..., Awaitable[RowT]], **arguments: Any) -> RowT:
    """A service ``step`` done by the caller: besides ``arguments`` it gets the session and
    the caller as its ``actor``."""
    return await step(session=info.context.session, actor=actor_of(info), **arguments)


@strawberry.type
class CoordinationMutation:
    @strawberry.mutation(
        description="召集联席会议：参会部门、人员与议题", extensions=requires("meeting", "write")
    )
    @validation_result
    async def convene_meeting(
        self,
        info: Info,
        input: ConveneMeetingInput,  # noqa: A002
    ) -> MeetingResult:
        row = await _acting(info, services.convene_meeting, data=input.to_data())
        return Meeting.from_row(row)

    @strawberry.mutation(
        description="录入会议纪要（会议随之为已召开）", extensions=requires("meeting", "write")
    )
    @validation_result
    async def record_meeting_minutes(
        self,
        info: Info,
        meeting_id: strawberry.ID,
        minutes: str,
        held_at: datetime,
        minutes_file: MinutesFileInput | None = None,
    ) -> MeetingResult:
        row = await _acting(
            info,
            services.record_minutes,
            meeting_id=parse_id(meeting_id, "meetingId"),
            minutes=minutes,
            held_at=held_at,
            minutes_file=(
                files.Upload(minutes_file.file_name, minutes_file.content_base64)
                if minutes_file
                else None
            ),
        )
        return Meeting.from_row(row)

    @strawberry.mutation(
        description="记录议定事项：责任部门与完成时限", extensions=requires("meeting", "write")
    )
    @validation_result
    async def add_meeting_decision(
        self,
        info: Info,
        meeting_id: strawberry.ID,
        text: str,
        owner_department_id: strawberry.ID,
        due_on: date,
        agenda_item_id: strawberry.ID | None = None,
    ) -> MeetingDecisionResult:
        row = await _acting(
            info,
            services.add_decision,
            meeting_id=parse_id(meeting_id, "meetingId"),
            text=text,
            owner_department_id=parse_id(owner_department_id, "ownerDepartmentId"),
            due_on=due_on,
            agenda_item_id=None
            if agenda_item_id is None
            else parse_id(agenda_item_id, "agendaItemId"),
        )
        return MeetingDecision.from_row(row)

    @strawberry.mutation(
        description="议定事项落实情况（责任部门或召集部门）",
        extensions=requires("meeting", "write"),
    )
    @validation_result
    async def follow_up_meeting_decision(
        self,
        info: Info,
        decision_id: strawberry.ID,
        status: DecisionStatus,
        note: str = "",
    ) -> MeetingDecisionResult:
        row = await _acting(
            info,
            services.follow_up_decision,
            decision_id=parse_id(decision_id, "decisionId"),
            status=DecisionStatusModel(status),
            note=note,
        )
        return MeetingDecision.from_row(row)

    @strawberry.mutation(
        description="登记经联席会议交换的推送（即认领；通知审批子图）",
        extensions=requires("meeting", "write"),
    )
    @validation_result
    async def record_meeting_exchange(
        self,
        info: Info,
        meeting_id: strawberry.ID,
        push_id: strawberry.ID,
        summary: str = "",
    ) -> MeetingExchangeResult:
        row = await _acting(
            info,
            services.record_exchange,
            meeting_id=parse_id(meeting_id, "meetingId"),
            push_id=parse_id(push_id, "pushId"),
            summary=summary,
        )
        return MeetingExchange.from_row(row)

    @strawberry.mutation(
        description="提请市协调小组研究（说明与附件）", extensions=requires("escalation", "write")
    )
    @validation_result
    async def raise_escalation(
        self,
        info: Info,
        input: RaiseEscalationInput,  # noqa: A002
    ) -> EscalationResult:
        row = await _acting(info, services.raise_escalation, data=input.to_data())
        return Escalation.from_row(row)

    @strawberry.mutation(
        description="交办提请事项（协调办）", extensions=requires("escalation", "decide")
    )
    @validation_result
    async def assign_escalation(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
        assignee: str,
    ) -> EscalationResult:
        row = await _acting(
            info,
            services.assign_escalation,
            escalation_id=parse_id(id, "id"),
            assignee=assignee,
        )
        return Escalation.from_row(row)

    @strawberry.mutation(
        description="将提请事项列入本部门召集的会议研究（协调办）",
        extensions=requires("escalation", "decide"),
    )
    @validation_result
    async def schedule_escalation(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
        meeting_id: strawberry.ID,
    ) -> EscalationResult:
        row = await _acting(
            info,
            services.schedule_escalation,
            escalation_id=parse_id(id, "id"),
            meeting_id=parse_id(meeting_id, "meetingId"),
        )
        return Escalation.from_row(row)

    @strawberry.mutation(
        description=("对提请事项作出决定及其落实事项（相关部门可见；落实事项全部完成后办结）"),
        extensions=requires("escalation", "decide"),
    )
    @validation_result
    async def decide_escalation(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
        decision: str,
        actions: list[EscalationActionInput] | None = None,
    ) -> EscalationResult:
        row = await _acting(
            info,
            services.decide_escalation,
            escalation_id=parse_id(id, "id"),
            decision=decision,
            actions=action_data(actions or [], "actions"),
        )
        return Escalation.from_row(row)

    @strawberry.mutation(
        description="为已决定的提请事项增加落实事项（协调办）",
        extensions=requires("escalation", "decide"),
    )
    @validation_result
    async def add_escalation_action(
        self,
        info: Info,
        escalation_id: strawberry.ID,
        input: EscalationActionInput,  # noqa: A002
    ) -> EscalationActionResult:
        row = await actions.add_action(
            session=info.context.session,
            actor=_action_actor(info),
            escalation_id=parse_id(escalation_id, "escalationId"),
            data=input.to_data(),
        )
        return EscalationAction.from_row(row)

    @strawberry.mutation(
        description=(
            "登记落实事项完成（责任部门或协调办；修订清单类随清单发布自动完成；"
            "最后一项完成后提请事项办结）"
        ),
        extensions=requires("escalation", "write"),
    )
    @validation_result
    async def complete_escalation_action(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
        note: str = "",
    ) -> EscalationActionResult:
        row = await actions.complete_action(
            session=info.context.session,
            actor=_action_actor(info),
            scope=info.context.scope,
            action_id=parse_id(id, "id"),
            note=note,
        )
        return EscalationAction.from_row(row)

    @strawberry.mutation(
        description="发布新版考核方案（权重；旧版本保留）",
        extensions=requires("assessment", "write"),
    )
    @validation_result
    async def publish_assessment_scheme(
        self, info: Info, weights: list[IndicatorWeightInput], note: str = ""
    ) -> AssessmentSchemeResult:
        row = await assessment.publish_scheme(
            session=info.context.session,
            weights={w.indicator: w.weight for w in weights},
            note=note,
            actor=str(info.context.principal.username),
        )
        return AssessmentScheme.from_row(row)
