"""Input types of the coordination subgraph."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from api.coordination import models, services
from api.coordination.services import actions
from api.coordination.types import ActionKind, AgendaKind, EscalationKind
from api.core.errors import FieldIssue, ValidationFailed, parse_id


def _ids(values: list[strawberry.ID], field: str) -> list[int]:
    return [parse_id(v, f"{field}.{i}") for i, v in enumerate(values)]


@strawberry.input(description="参会部门（及人员，可空）")
class ParticipantInput:
    department_id: strawberry.ID
    person_name: str = ""


@strawberry.input(description="议题：所涉对象的类别与编号（联动事项、办件、监管结果、政策文件）")
class AgendaItemInput:
    title: str
    kind: AgendaKind = models.AgendaKind.OTHER
    ref_id: strawberry.ID | None = None


@strawberry.input(description="召集联席会议（召集部门为当前部门）")
class ConveneMeetingInput:
    title: str
    scheduled_at: datetime
    location: str = ""
    participants: list[ParticipantInput] = strawberry.field(default_factory=list)
    agenda: list[AgendaItemInput] = strawberry.field(default_factory=list)

    def to_data(self) -> services.MeetingData:
        issues: list[FieldIssue] = []
        participants = []
        for i, p in enumerate(self.participants):
            try:
                dept = parse_id(p.department_id, f"participants.{i}.departmentId")
            except ValidationFailed as exc:
                issues.extend(exc.issues)
                continue
            participants.append(services.ParticipantData(dept, p.person_name[:64]))
        agenda = []
        for i, a in enumerate(self.agenda):
            try:
                ref = None if a.ref_id is None else parse_id(a.ref_id, f"agenda.{i}.refId")
            except ValidationFailed as exc:
                issues.extend(exc.issues)
                continue
            agenda.append(services.AgendaData(a.title, models.AgendaKind(a.kind), ref))
        if issues:
            raise ValidationFailed(issues)
        return services.MeetingData(
            title=self.title,
            scheduled_at=self.scheduled_at,
            location=self.location,
            participants=participants,
            agenda=agenda,
        )


@strawberry.input(description="附件：文件名与 base64 内容（PDF、PNG、JPEG，≤10 MB）")
class AttachmentInput:
    filename: str
    content_base64: str


@strawberry.input(description="提请市协调小组研究")
class RaiseEscalationInput:
    kind: EscalationKind
    title: str
    statement: str
    party_department_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    ref_kind: AgendaKind | None = None
    ref_id: strawberry.ID | None = None
    attachments: list[AttachmentInput] = strawberry.field(default_factory=list)

    def to_data(self) -> services.EscalationData:
        return services.EscalationData(
            kind=models.EscalationKind(self.kind),
            title=self.title,
            statement=self.statement,
            party_department_ids=_ids(self.party_department_ids, "partyDepartmentIds"),
            ref_kind=None if self.ref_kind is None else models.AgendaKind(self.ref_kind),
            ref_id=None if self.ref_id is None else parse_id(self.ref_id, "refId"),
            attachments=[
                services.AttachmentData(a.filename, a.content_base64) for a in self.attachments
            ],
        )


@strawberry.input(
    description="决定的落实事项：类别、责任部门、完成时限；修订清单类须列明联动事项编号"
)
class EscalationActionInput:
    kind: ActionKind
    owner_department_id: strawberry.ID
    due_on: date
    description: str = ""
    linkage_ids: list[strawberry.ID] = strawberry.field(default_factory=list)

    def to_data(self, prefix: str = "") -> actions.ActionData:
        return actions.ActionData(
            kind=models.ActionKind(self.kind),
            owner_department_id=parse_id(self.owner_department_id, f"{prefix}ownerDepartmentId"),
            due_on=self.due_on,
            description=self.description,
            linkage_ids=_ids(self.linkage_ids, f"{prefix}linkageIds"),
        )


def action_data(values: list[EscalationActionInput], field: str) -> list[actions.ActionData]:
    """Every action's data; bad ids of all of them reported at once (``actions.N.…``)."""
    issues: list[FieldIssue] = []
    out = []
    for i, value in enumerate(values):
        try:
            out.append(value.to_data(f"{field}.{i}."))
        except ValidationFailed as exc:
            issues.extend(exc.issues)
    if issues:
        raise ValidationFailed(issues)
    return out


@strawberry.input(description="考核指标权重（未列出的指标权重为0）")
class IndicatorWeightInput:
    indicator: str
    weight: float
