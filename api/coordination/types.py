"""GraphQL types of the coordination subgraph."""

from __future__ import annotations

import base64
from datetime import date, datetime
from typing import Annotated, Any

import strawberry

from api.coordination import models
from api.coordination.services import actions as escalation_actions
from api.coordination.services.assessment import INDICATORS, Ranking
from api.coordination.services.casefile import CaseFile as CaseFileData
from api.coordination.services.statistics import (
    CaseRow,
    Figure,
    Figures,
    Grouping,
    Period,
    SeriesRow,
)
from api.core.clock import local_today, utcnow
from api.core.errors import ValidationErrors
from api.core.identifiers import mask_mobile, masked_subject_code
from api.core.kit import Info, from_row, person_name
from api.core.stubs import Application, Department, Finding

MeetingStatus = models.MeetingStatus
strawberry.enum(MeetingStatus, description="会议状态：已召集 / 已召开 / 已办结")
AgendaKind = models.AgendaKind
strawberry.enum(
    AgendaKind,
    description="议题所涉对象：联动事项 / 办件 / 监管结果 / 政策文件 / 提请事项 / 其他",
)
DecisionStatus = models.DecisionStatus
strawberry.enum(DecisionStatus, description="议定事项状态：落实中 / 已落实 / 不再落实")
EscalationKind = models.EscalationKind
strawberry.enum(
    EscalationKind, description="提请类别：联动事项责任争议 / 重大审批事项 / 政策冲突 / 其他"
)
EscalationStatus = models.EscalationStatus
strawberry.enum(
    EscalationStatus,
    description="提请事项状态：已提交 / 已受理 / 会商中 / 已决定 / 已办结",
)
ActionKind = models.ActionKind
strawberry.enum(
    ActionKind,
    description="落实事项类别：修订清单（发布修订所列联动事项的清单版本后自动完成）/ 整改落实 / "
    "制发文件或通知 / 其他",
)
ActionState = models.ActionState
strawberry.enum(ActionState, description="落实事项状态：落实中 / 已完成")
ListChange = models.ListChange
strawberry.enum(ListChange, description="清单版本对联动事项的修订：新增 / 变更 / 移出")


def _dept(value: int | None) -> Department | None:
    return None if value is None else Department(id=strawberry.ID(str(value)))


def _id(value: int | None) -> strawberry.ID:
    return strawberry.ID(str(value))


# --- meetings ------------------------------------------------------------------------------


@strawberry.type(description="参会部门与人员")
class MeetingParticipant:
    department: Department
    person_name: str

    @classmethod
    def from_row(cls, row: models.MeetingParticipant) -> MeetingParticipant:
        return cls(department=Department(id=_id(row.department_id)), person_name=row.person_name)


@strawberry.type(description="会议议题；所涉办件、监管结果可经联邦图解析")
class AgendaItem:
    id: strawberry.ID
    position: int
    title: str
    kind: AgendaKind
    ref_id: strawberry.ID | None

    @strawberry.field(description="所涉办件（议题类别为办件时）")
    def application(self) -> Application | None:
        if self.kind != models.AgendaKind.APPLICATION or self.ref_id is None:
            return None
        return Application(id=self.ref_id)

    @strawberry.field(description="所涉监管结果（议题类别为监管结果时）")
    def finding(self) -> Finding | None:
        if self.kind != models.AgendaKind.FINDING or self.ref_id is None:
            return None
        return Finding(id=self.ref_id)

    @classmethod
    def from_row(cls, row: models.AgendaItem) -> AgendaItem:
        return from_row(
            cls,
            row,
            ref_id=None if row.ref_id is None else _id(row.ref_id),
        )


@strawberry.type(description="会议议定事项：责任部门、完成时限与落实情况")
class MeetingDecision:
    id: strawberry.ID
    text: str
    owner: Department
    due_on: date
    status: DecisionStatus
    follow_up: str
    closed_at: datetime | None
    agenda_item_id: strawberry.ID | None

    @strawberry.field(description="已过完成时限仍在落实中")
    def overdue(self) -> bool:
        today = local_today()
        return self.status == models.DecisionStatus.OPEN and self.due_on < today

    @classmethod
    def from_row(cls, row: models.Decision) -> MeetingDecision:
        return from_row(
            cls,
            row,
            owner=Department(id=_id(row.owner_department_id)),
            agenda_item_id=None if row.agenda_item_id is None else _id(row.agenda_item_id),
        )


@strawberry.type(description="经联席会议交换的推送（登记即认领）")
class MeetingExchange:
    push_id: strawberry.ID
    department: Department
    summary: str
    recorded_by: str
    recorded_at: datetime

    @strawberry.field(description="登记人姓名")
    async def recorded_by_name(self, info: Info) -> str:
        return await person_name(info, self.recorded_by)

    @classmethod
    def from_row(cls, row: models.MeetingExchange) -> MeetingExchange:
        return from_row(
            cls,
            row,
            push_id=_id(row.push_id),
            department=Department(id=_id(row.department_id)),
        )


@strawberry.type(description="联席会议")
class Meeting:
    id: strawberry.ID
    title: str
    convener: Department
    convened_by: str
    scheduled_at: datetime
    location: str
    status: MeetingStatus
    minutes: str
    held_at: datetime | None
    minutes_file: MinutesFile | None = strawberry.field(
        description="会议纪要文件（召集与参会部门可下载：meetingMinutesFile）"
    )

    @strawberry.field(description="参会部门与人员")
    async def participants(self, info: Info) -> list[MeetingParticipant]:
        rows = await info.context.loaders.participants.load(int(self.id))
        return [MeetingParticipant.from_row(r) for r in rows]

    @strawberry.field(description="议题（按顺序）")
    async def agenda(self, info: Info) -> list[AgendaItem]:
        rows = await info.context.loaders.agenda.load(int(self.id))
        return [AgendaItem.from_row(r) for r in rows]

    @strawberry.field(description="议定事项")
    async def decisions(self, info: Info) -> list[MeetingDecision]:
        rows = await info.context.loaders.decisions.load(int(self.id))
        return [MeetingDecision.from_row(r) for r in rows]

    @strawberry.field(description="会上交换并登记的推送")
    async def exchanges(self, info: Info) -> list[MeetingExchange]:
        rows = await info.context.loaders.exchanges.load(int(self.id))
        return [MeetingExchange.from_row(r) for r in rows]

    @classmethod
    def from_row(cls, row: models.Meeting) -> Meeting:
        return from_row(
            cls,
            row,
            convener=Department(id=_id(row.convening_department_id)),
            minutes_file=(
                MinutesFile(
                    file_name=row.minutes_file_name or "",
                    content_type=row.minutes_type or "",
                    size=row.minutes_size or 0,
                    sha256=row.minutes_sha256,
                )
                if row.minutes_sha256
                else None
            ),
        )


# --- escalations -----------------------------------------------------------------------------


@strawberry.type(description="提请事项的一次状态变化；持续时间至下一状态（或至今）")
class EscalationTransition:
    status: EscalationStatus
    at: datetime
    actor: str
    actor_name: str = strawberry.field(description="经办人姓名（账号已删除时为账号名）")
    note: str
    duration_seconds: int
    working_days: int = strawberry.field(
        description="持续工作日数（按节假日日历，自本状态当日之后至下一状态当日；当日内为0）"
    )


@strawberry.type(description="修订清单事项所列的一个联动事项及修订它的清单版本")
class EscalationActionLinkage:
    linkage_id: strawberry.ID
    list_version: int | None = strawberry.field(description="修订它的清单版本（尚未修订为空）")
    change: ListChange | None


@strawberry.type(description="提请事项决定的一项落实事项：类别、责任部门、完成时限与状态")
class EscalationAction:
    id: strawberry.ID
    escalation_id: strawberry.ID
    kind: ActionKind
    description: str
    owner: Department
    due_on: date
    state: ActionState
    overdue: bool = strawberry.field(description="已过完成时限仍在落实中")
    created_by: str
    created_at: datetime
    done_at: datetime | None = strawberry.field(
        description="完成时间（修订清单类为清单版本的发布时间）"
    )
    done_by: str | None
    note: str
    list_version: int | None = strawberry.field(description="完成修订清单事项的清单版本")
    _escalation: strawberry.Private[models.Escalation | None] = None

    @strawberry.field(description="完成人姓名（账号已删除时为账号名）")
    async def done_by_name(self, info: Info) -> str | None:
        if self.done_by is None:
            return None
        name: str = await info.context.loaders.display_name.load(self.done_by)
        return name

    @strawberry.field(description="修订清单类：所列联动事项及其修订情况")
    async def linkages(self, info: Info) -> list[EscalationActionLinkage]:
        rows = await info.context.loaders.action_linkages.load(int(self.id))
        return [
            EscalationActionLinkage(
                linkage_id=_id(r.linkage_id),
                list_version=r.list_version,
                change=None if r.change is None else models.ListChange(r.change),
            )
            for r in rows
        ]

    @strawberry.field(description="所属提请事项")
    async def escalation(self, info: Info) -> Escalation | None:
        row = self._escalation
        if row is None:
            row = await info.context.session.get(models.Escalation, int(self.escalation_id))
        return None if row is None else Escalation.from_row(row)

    @classmethod
    def from_row(
        cls, row: models.EscalationAction, escalation: models.Escalation | None = None
    ) -> EscalationAction:
        return from_row(
            cls,
            row,
            escalation_id=_id(row.escalation_id),
            owner=Department(id=_id(row.owner_department_id)),
            overdue=escalation_actions.is_overdue(row),
            _escalation=escalation,
        )


@strawberry.type(description="逾期的落实事项（协调办为全市，部门为本部门负责的）")
class EscalationActionPage:
    total_count: int
    items: list[EscalationAction]


@strawberry.type(description="提请事项的附件（按内容哈希存储）")
class EscalationAttachment:
    id: strawberry.ID
    filename: str
    content_type: str
    size: int
    sha256: str

    @classmethod
    def from_row(cls, row: models.EscalationAttachment) -> EscalationAttachment:
        return from_row(
            cls,
            row,
        )


@strawberry.type(description="提请市协调小组研究的事项")
class Escalation:
    id: strawberry.ID
    kind: EscalationKind
    title: str
    statement: str
    raising_department: Department
    raised_by: str
    parties: list[Department]
    ref_kind: AgendaKind | None
    ref_id: strawberry.ID | None
    status: EscalationStatus
    assignee: str | None
    meeting_id: strawberry.ID | None
    decision: str | None
    submitted_at: datetime
    decided_at: datetime | None
    closed_at: datetime | None

    @strawberry.field(description="状态历程与各状态持续时间（秒与工作日）")
    async def transitions(self, info: Info) -> list[EscalationTransition]:
        rows = await info.context.loaders.transitions.load(int(self.id))
        now = utcnow()
        spans = []
        for i, row in enumerate(rows):
            ends = rows[i + 1].at if i + 1 < len(rows) else None
            if ends is None:
                ends = row.at if row.status == models.EscalationStatus.CLOSED else now
            spans.append((row.at, ends))
        days = await escalation_actions.working_days_of(info.context.session, spans)
        actors = [r.actor for r in rows]
        names = dict(
            zip(actors, await info.context.loaders.display_name.load_many(actors), strict=True)
        )
        return [
            EscalationTransition(
                status=row.status,
                at=row.at,
                actor=row.actor,
                actor_name=names[row.actor],
                note=row.note,
                duration_seconds=max(int((ends - row.at).total_seconds()), 0),
                working_days=n,
            )
            for row, (_, ends), n in zip(rows, spans, days, strict=True)
        ]

    @strawberry.field(description="提请人姓名（账号已删除时为账号名）")
    async def raised_by_name(self, info: Info) -> str:
        name: str = await info.context.loaders.display_name.load(self.raised_by)
        return name

    @strawberry.field(description="办理工作日数：自提交至办结（未办结为至今），按节假日日历")
    async def working_days(self, info: Info) -> int:
        (days,) = await escalation_actions.working_days_of(
            info.context.session, [(self.submitted_at, self.closed_at or utcnow())]
        )
        return days

    @strawberry.field(description="决定的落实事项（按提出时间）")
    async def actions(self, info: Info) -> list[EscalationAction]:
        rows = await info.context.loaders.actions.load(int(self.id))
        return [EscalationAction.from_row(r) for r in rows]

    @strawberry.field(description="附件")
    async def attachments(self, info: Info) -> list[EscalationAttachment]:
        rows = await info.context.loaders.attachments.load(int(self.id))
        return [EscalationAttachment.from_row(r) for r in rows]

    @classmethod
    def from_row(cls, row: models.Escalation) -> Escalation:
        return from_row(
            cls,
            row,
            raising_department=Department(id=_id(row.raising_department_id)),
            parties=[Department(id=_id(d)) for d in row.party_department_ids],
            ref_id=None if row.ref_id is None else _id(row.ref_id),
            meeting_id=None if row.meeting_id is None else _id(row.meeting_id),
        )


@strawberry.type(description="会议纪要文件（按 SHA-256 存储一次）")
class MinutesFile:
    file_name: str
    content_type: str
    size: int
    sha256: str = strawberry.field(description="文件 SHA-256（十六进制），可核对下载内容")


@strawberry.input(description="会议纪要文件：文件名与 Base64 内容（PDF/PNG/JPEG，≤10 MB）")
class MinutesFileInput:
    file_name: str
    content_base64: str


@strawberry.type(description="导出或下载的文件（base64）")
class CoordinationFile:
    filename: str
    media_type: str
    content_base64: str

    @classmethod
    def from_bytes(cls, filename: str, media_type: str, content: bytes) -> CoordinationFile:
        return cls(
            filename=filename,
            media_type=media_type,
            content_base64=base64.b64encode(content).decode(),
        )


# --- statistics and assessment ---------------------------------------------------------------


@strawberry.type(description="监管结果按类别计数")
class FindingKindCount:
    kind: str
    count: int


@strawberry.type(
    description="按认领方式计数：ONLINE 推送即认领、LETTER 书面函件、OWN_SYSTEM 自建系统、"
    "JOINT_MEETING 联席会议"
)
class ClaimMethodCount:
    method: str
    count: int


@strawberry.type(description="容缺受理 / 告知承诺 / 绿色通道办件及其后的监管结果")
class HandlingModeStatistics:
    handling_mode: str
    applications: int
    with_findings: int
    with_abnormal_findings: int


@strawberry.type(
    description="审管联动统计（期间含首尾日，北京时间）；时长为秒，百分位按最近秩法（percentile_disc）"
)
class LinkageStatistics:
    since: date
    until: date
    department: Department | None = strawberry.field(description="部门；全市统计时为空")
    linkages_in_force: int
    pushes_sent: int
    pushes_received: int
    received_at_acceptance: int = strawberry.field(description="受理环节推送数")
    received_at_completion: int = strawberry.field(description="办结环节推送数")
    pushes_claimed: int = strawberry.field(description="已认领（截至统计时点）")
    claims_by_method: list[ClaimMethodCount] = strawberry.field(
        description="期间内推送的认领数按认领方式（四种方式均列出，含 0）"
    )
    claim_rate: float | None = strawberry.field(
        description="认领率 = 已认领 ÷ 接收推送（不看是否按时，考核用 claimOnTimeRate）"
    )
    claims_due: int = strawberry.field(description="应认领：已认领，或认领期限已过仍未认领")
    claimed_on_time: int = strawberry.field(
        description="按时认领：线上推送即认领；线下在认领期限当日结束前认领"
    )
    claimed_late: int = strawberry.field(description="超期认领：线下推送在认领期限之后认领")
    claim_on_time_rate: float | None = strawberry.field(
        description="按时认领率 = 按时认领 ÷ 应认领"
    )
    feedback_limited: int = strawberry.field(description="有反馈时限的推送（办结推送）")
    closed_late: int = strawberry.field(description="超期反馈：反馈时点晚于反馈期限")
    open_overdue: int = strawberry.field(
        description="未办结且已逾期：认领期限已过未认领，或反馈期限已过未反馈"
    )
    abnormal_results: int = strawberry.field(description="以异常监管结果反馈的推送")
    facilitation_applied: int = strawberry.field(
        description="适用了守信激励措施（绿色通道、容缺受理、告知承诺）的受理件"
    )
    facilitation_skipped: int = strawberry.field(
        description="有守信激励措施未适用（已说明理由）的受理件"
    )
    claim_seconds_median: int | None
    claim_seconds_p90: int | None
    feedback_seconds_median: int | None
    feedback_seconds_p90: int | None
    feedback_due: int
    feedback_on_time: int
    on_time_feedback_rate: float | None
    overdue: int
    acceptances: int
    acceptances_with_credit_check: int
    credit_check_rate: float | None
    findings_by_kind: list[FindingKindCount]
    abnormal_findings: int
    handling_modes: list[HandlingModeStatistics]

    @classmethod
    def from_figures(cls, period: Period, f: Figures) -> LinkageStatistics:
        return cls(
            since=period.since,
            until=period.until,
            department=_dept(f.department_id),
            linkages_in_force=f.linkages_in_force,
            pushes_sent=f.pushes_sent,
            pushes_received=f.pushes_received,
            received_at_acceptance=f.received_at_acceptance,
            received_at_completion=f.received_at_completion,
            pushes_claimed=f.pushes_claimed,
            claims_by_method=[
                ClaimMethodCount(method=k, count=v) for k, v in f.claims_by_method.items()
            ],
            claim_rate=f.claim_rate,
            claims_due=f.claims_due,
            claimed_on_time=f.claimed_on_time,
            claimed_late=f.claimed_late,
            claim_on_time_rate=f.claim_on_time_rate,
            feedback_limited=f.feedback_limited,
            closed_late=f.closed_late,
            open_overdue=f.open_overdue,
            abnormal_results=f.abnormal_results,
            facilitation_applied=f.facilitation_applied,
            facilitation_skipped=f.facilitation_skipped,
            claim_seconds_median=f.claim_p50_seconds,
            claim_seconds_p90=f.claim_p90_seconds,
            feedback_seconds_median=f.feedback_p50_seconds,
            feedback_seconds_p90=f.feedback_p90_seconds,
            feedback_due=f.feedback_due,
            feedback_on_time=f.feedback_on_time,
            on_time_feedback_rate=f.on_time_feedback_rate,
            overdue=f.overdue,
            acceptances=f.acceptances,
            acceptances_with_credit_check=f.acceptances_with_credit_check,
            credit_check_rate=f.credit_check_rate,
            findings_by_kind=[
                FindingKindCount(kind=k, count=v) for k, v in f.findings_by_kind.items()
            ],
            abnormal_findings=f.abnormal_findings,
            handling_modes=[
                HandlingModeStatistics(
                    handling_mode=m.handling_mode,
                    applications=m.applications,
                    with_findings=m.with_findings,
                    with_abnormal_findings=m.with_abnormal_findings,
                )
                for _, m in sorted(f.modes.items())
            ],
        )


StatisticsGrouping = Grouping
strawberry.enum(
    StatisticsGrouping, name="StatisticsGrouping", description="统计分组：按部门 / 按月份"
)


@strawberry.type(
    description="分部门或分月份的审管联动统计；按月份时每行是期间内的一个自然月（截至期间首尾）"
)
class LinkageStatisticsSeries:
    since: date
    until: date
    by: StatisticsGrouping
    department: Department | None = strawberry.field(description="限定的部门；全市时为空")
    rows: list[LinkageStatistics]

    @classmethod
    def from_rows(
        cls, period: Period, by: Grouping, department_id: int | None, rows: list[SeriesRow]
    ) -> LinkageStatisticsSeries:
        return cls(
            since=period.since,
            until=period.until,
            by=by,
            department=_dept(department_id),
            rows=[LinkageStatistics.from_figures(r.period, r.figures) for r in rows],
        )


@strawberry.type(description="考核指标及权重")
class IndicatorWeight:
    indicator: str
    label: str
    weight: float


@strawberry.type(description="考核方案的一个版本（只增不改）")
class AssessmentScheme:
    version: int
    weights: list[IndicatorWeight]
    note: str
    created_by: str
    created_at: datetime

    @classmethod
    def from_row(cls, row: models.SchemeVersion) -> AssessmentScheme:
        return from_row(
            cls,
            row,
            weights=[
                IndicatorWeight(indicator=k, label=label, weight=float(row.weights.get(k, 0.0)))
                for k, label in INDICATORS.items()
            ],
        )


@strawberry.type(description="一个指标的取值（无数据时为空）")
class IndicatorValue:
    indicator: str
    label: str
    value: float | None
    weight: float


@strawberry.type(description="部门考核得分、名次及其背后的指标与统计")
class AssessmentRow:
    rank: int
    department: Department
    department_name: str
    score: float | None
    indicators: list[IndicatorValue]
    statistics: LinkageStatistics


@strawberry.type(description="一个期间的部门考核排名")
class Assessment:
    since: date
    until: date
    scheme: AssessmentScheme
    rows: list[AssessmentRow]
    calculated_at: datetime = strawberry.field(
        description="计算时点：各项数字截至此时（asOf 当日结束，或现在）"
    )

    @classmethod
    def from_ranking(cls, ranking: Ranking) -> Assessment:
        weights = ranking.scheme.weights
        return cls(
            since=ranking.period.since,
            until=ranking.period.until,
            scheme=AssessmentScheme.from_row(ranking.scheme),
            calculated_at=ranking.calculated_at,
            rows=[
                AssessmentRow(
                    rank=r.rank,
                    department=Department(id=_id(r.department_id)),
                    department_name=r.department_name,
                    score=r.score,
                    indicators=[
                        IndicatorValue(
                            indicator=k,
                            label=label,
                            value=r.values[k],
                            weight=float(weights.get(k, 0.0)),
                        )
                        for k, label in INDICATORS.items()
                    ],
                    statistics=LinkageStatistics.from_figures(ranking.period, r.figures),
                )
                for r in ranking.rows
            ],
        )


# --- case file -------------------------------------------------------------------------------


@strawberry.type(description="案卷时间线的一个环节")
class CaseTimelineEntry:
    at: datetime
    what: str
    department: Department | None
    detail: str


@strawberry.type(description="推送所依据的清单版本中该联动事项两侧的责任科室与责任人")
class CaseResponsibility:
    linkage_id: strawberry.ID
    supervision_matter_name: str
    approving_section_name: str
    approving_person_name: str
    approving_office_phone: str
    supervising_section_name: str
    supervising_person_name: str
    supervising_office_phone: str

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> CaseResponsibility:
        return cls(
            linkage_id=_id(int(data.get("linkage_id") or 0)),
            **{
                name: str(data.get(name) or "")
                for name in (
                    "supervision_matter_name",
                    "approving_section_name",
                    "approving_person_name",
                    "approving_office_phone",
                    "supervising_section_name",
                    "supervising_person_name",
                    "supervising_office_phone",
                )
            },
        )


@strawberry.type(description="案卷中的一次推送及其认领、反馈")
class CasePush:
    push_id: strawberry.ID
    department: Department | None
    stage: str | None
    channel: str | None
    pushed_at: datetime | None
    claimed_at: datetime | None
    claim_method: str | None = strawberry.field(
        description="认领方式：ONLINE 推送即认领 / LETTER 书面函件 / OWN_SYSTEM 自建系统 / "
        "JOINT_MEETING 联席会议"
    )
    claim_meeting_id: strawberry.ID | None = strawberry.field(
        description="认领所在的联席会议（meeting(id) 对参会与召集部门可见）"
    )
    feedback_due_at: datetime | None
    fed_back_at: datetime | None
    feedback_on_time: bool | None
    list_version: int | None = strawberry.field(description="推送所依据的清单版本")
    liaison_name: str | None = strawberry.field(description="推送通知的接收联络员")
    responsibilities: list[CaseResponsibility] = strawberry.field(
        description="该版本中两侧的责任科室与责任人"
    )
    full_liaison_mobile: strawberry.Private[str]

    @strawberry.field(description="通知的联络员手机号（无个人信息查看权限的角色只见掩码）")
    def liaison_mobile(self, info: Info) -> str | None:
        mobile = self.full_liaison_mobile
        if not mobile:
            return None
        return mobile if info.context.scope.personal_data else mask_mobile(mobile)


@strawberry.type(description="案卷中的监管结果")
class CaseFinding:
    finding: Finding
    department: Department
    kind: str
    abnormal: bool
    result_type: str | None
    found_on: date
    summary: str


@strawberry.type(description="案卷中的信用查询留痕")
class CaseCreditLookup:
    lookup_id: strawberry.ID
    department: Department
    subject_code: str
    channel: str
    looked_up_at: datetime
    purpose: str


@strawberry.type(description="案卷中的法律文书")
class CaseLegalDocument:
    kind: str
    number: str
    valid_from: str | None
    valid_until: str | None


@strawberry.type(description="案卷评查：一个办件的全过程（来自本子图的事实库）")
class CaseFile:
    application: Application
    matter_name: str | None
    approving_department: Department | None
    applicant_code: str | None
    applicant_name: str | None
    handling_mode: str | None
    accepted_at: datetime | None
    completed_at: datetime | None
    outcome: str | None
    timeline: list[CaseTimelineEntry]
    pushes: list[CasePush]
    findings: list[CaseFinding]
    credit_lookups: list[CaseCreditLookup]
    legal_documents: list[CaseLegalDocument]

    @classmethod
    def from_data(cls, case: CaseFileData) -> CaseFile:
        app = case.application
        return cls(
            application=Application(id=_id(app.application_id)),
            matter_name=app.matter_name,
            approving_department=_dept(app.approving_department_id),
            applicant_code=masked_subject_code(app.applicant_code),
            applicant_name=app.applicant_name,
            handling_mode=app.handling_mode,
            accepted_at=app.accepted_at,
            completed_at=app.completed_at,
            outcome=app.outcome,
            timeline=[
                CaseTimelineEntry(
                    at=e.at, what=e.what, department=_dept(e.department_id), detail=e.detail
                )
                for e in case.timeline
            ],
            pushes=[
                CasePush(
                    push_id=_id(p.push_id),
                    department=_dept(p.department_id),
                    stage=p.stage,
                    channel=p.channel,
                    pushed_at=p.created_at,
                    claimed_at=p.claimed_at,
                    claim_method=p.claim_method,
                    claim_meeting_id=(
                        None if p.claim_meeting_id is None else _id(p.claim_meeting_id)
                    ),
                    feedback_due_at=p.feedback_due_at,
                    fed_back_at=p.fed_back_at,
                    feedback_on_time=p.feedback_on_time,
                    list_version=p.list_version,
                    liaison_name=p.liaison_name,
                    responsibilities=[
                        CaseResponsibility.from_payload(r) for r in p.responsibilities
                    ],
                    full_liaison_mobile=p.liaison_mobile or "",
                )
                for p in case.pushes
            ],
            findings=[
                CaseFinding(
                    finding=Finding(id=_id(f.finding_id)),
                    department=Department(id=_id(f.department_id)),
                    kind=f.kind,
                    abnormal=f.abnormal,
                    result_type=f.result_type,
                    found_on=f.found_on,
                    summary=f.summary,
                )
                for f in case.findings
            ],
            credit_lookups=[
                CaseCreditLookup(
                    lookup_id=_id(x.lookup_id),
                    department=Department(id=_id(x.department_id)),
                    subject_code=x.subject_code,
                    channel=x.channel,
                    looked_up_at=x.looked_up_at,
                    purpose=x.purpose,
                )
                for x in case.lookups
            ],
            legal_documents=[
                CaseLegalDocument(
                    kind=str(d.get("kind", "")),
                    number=str(d.get("number", "")),
                    valid_from=d.get("valid_from"),
                    valid_until=d.get("valid_until"),
                )
                for d in app.legal_documents
            ],
        )


# --- mutation results ------------------------------------------------------------------------

MeetingResult = Annotated[Meeting | ValidationErrors, strawberry.union("MeetingResult")]
MeetingDecisionResult = Annotated[
    MeetingDecision | ValidationErrors, strawberry.union("MeetingDecisionResult")
]
MeetingExchangeResult = Annotated[
    MeetingExchange | ValidationErrors, strawberry.union("MeetingExchangeResult")
]
EscalationResult = Annotated[Escalation | ValidationErrors, strawberry.union("EscalationResult")]
EscalationActionResult = Annotated[
    EscalationAction | ValidationErrors, strawberry.union("EscalationActionResult")
]
AssessmentSchemeResult = Annotated[
    AssessmentScheme | ValidationErrors, strawberry.union("AssessmentSchemeResult")
]
AssessmentResult = Annotated[Assessment | ValidationErrors, strawberry.union("AssessmentResult")]
CoordinationFileResult = Annotated[
    CoordinationFile | ValidationErrors, strawberry.union("CoordinationFileResult")
]
StatisticsFigure = Figure
strawberry.enum(
    StatisticsFigure,
    name="StatisticsFigure",
    description="可查看明细的统计数字（定义见 docs/statistics.md）",
)


@strawberry.type(description="统计数字背后的一件推送（推送类数字）或一个受理件（受理类数字）")
class StatisticsCase:
    application_id: strawberry.ID | None
    push_id: strawberry.ID | None
    department: Department | None = strawberry.field(
        description="推送类为接收部门，受理类为审批部门"
    )
    stage: str | None = strawberry.field(description="推送环节 ACCEPTED / COMPLETED")
    channel: str | None
    at: datetime | None = strawberry.field(description="推送时间或受理时间")
    claim_due_at: datetime | None
    claimed_at: datetime | None
    feedback_due_at: datetime | None
    fed_back_at: datetime | None
    feedback_result: str | None
    handling_mode: str | None

    @classmethod
    def from_row(cls, row: CaseRow) -> StatisticsCase:
        def ident(value: int | None) -> strawberry.ID | None:
            return None if value is None else strawberry.ID(str(value))

        return from_row(
            cls,
            row,
            application_id=ident(row.application_id),
            push_id=ident(row.push_id),
            department=_dept(row.department_id),
        )


@strawberry.type(description="一个统计数字的明细：与该数字同一期间、同一部门、同一口径")
class StatisticsCases:
    figure: StatisticsFigure
    since: date
    until: date
    as_of: datetime
    department: Department | None
    total_count: int
    cases: list[StatisticsCase]


StatisticsCasesResult = Annotated[
    StatisticsCases | ValidationErrors, strawberry.union("StatisticsCasesResult")
]
StatisticsResult = Annotated[
    LinkageStatistics | ValidationErrors, strawberry.union("StatisticsResult")
]
StatisticsSeriesResult = Annotated[
    LinkageStatisticsSeries | ValidationErrors, strawberry.union("StatisticsSeriesResult")
]
