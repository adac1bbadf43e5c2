"""GraphQL types of the facilitation follow-up (容缺材料, 告知承诺 and its 核查)."""

from __future__ import annotations

import base64
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from api.approval.models import facilitation as facilitation_models
from api.approval.services import facilitation
from api.core.clock import local_today
from api.core.errors import ValidationErrors
from api.core.files import default_store
from api.core.kit import Info, from_row, person_name
from api.core.pagination import Connection

if TYPE_CHECKING:
    from api.approval.types import Application, Department

ItemState = facilitation_models.ItemState
strawberry.enum(ItemState, description="容缺材料状态：待补正 / 已补正 / 免于补正")
VerificationResult = facilitation_models.VerificationResult
strawberry.enum(VerificationResult, description="告知承诺核查结果：属实 / 不实")


@strawberry.type(description="容缺受理所缺材料及其补正情况")
class MissingItem:
    id: strawberry.ID
    name: str
    days: int = strawberry.field(description="补正期限（工作日）")
    due_on: date = strawberry.field(description="应于此日（含）前补正")
    state: ItemState
    recorded_by: str
    recorded_at: datetime
    closed_by: str | None
    closed_at: datetime | None
    note: str = strawberry.field(description="补正说明，或免于补正的理由")
    reminders: int = strawberry.field(description="逾期后已提醒的次数（每日至多一次）")
    last_reminded_on: date | None
    application_id: strawberry.ID

    @strawberry.field(description="办结（补正或免于补正）人姓名；未办结为空")
    async def closed_by_name(self, info: Info) -> str:
        return await person_name(info, self.closed_by)

    @strawberry.field(description="是否已逾期未补正")
    def overdue(self) -> bool:
        return self.state == facilitation_models.ItemState.OUTSTANDING and (
            self.due_on < local_today()
        )

    @classmethod
    def from_row(cls, row: facilitation_models.MissingItem) -> MissingItem:
        return from_row(
            cls,
            row,
            application_id=strawberry.ID(str(row.application_id)),
        )


@strawberry.type(description="告知承诺：承诺内容与签署的承诺书（文件按 SHA-256 存储）")
class Commitment:
    text: str
    file_name: str
    file_sha256: str
    file_type: str
    file_size: int
    recorded_by: str
    recorded_at: datetime

    @strawberry.field(description="登记人姓名")
    async def recorded_by_name(self, info: Info) -> str:
        return await person_name(info, self.recorded_by)

    @strawberry.field(description="承诺书文件（Base64）；能看到办件的部门可下载")
    async def content_base64(self) -> str | None:
        data = await default_store().get(self.file_sha256)
        return base64.b64encode(data).decode() if data is not None else None

    @classmethod
    def from_row(cls, row: facilitation_models.Commitment) -> Commitment:
        return from_row(
            cls,
            row,
        )


@strawberry.type(description="告知承诺核查任务（办结后每个监管部门一项）")
class VerificationTask:
    id: strawberry.ID
    due_on: date = strawberry.field(description="核查期限（工作日计）")
    created_at: datetime
    result: VerificationResult | None
    evidence: str
    document_number: str = strawberry.field(description="核查意见书（文书）编号")
    evidence_file_name: str | None
    evidence_sha256: str | None
    evidence_type: str | None
    evidence_size: int | None
    verified_by: str | None
    verified_at: datetime | None
    list_version: int | None
    application_id: strawberry.ID
    department_id: strawberry.Private[int]
    from_department_id: strawberry.Private[int | None]

    @strawberry.field(description="核查部门（监管部门）")
    def department(self) -> Annotated[Department, strawberry.lazy("api.approval.types")]:
        from api.approval.types import Department  # noqa: PLC0415 - types imports this module

        return Department(id=strawberry.ID(str(self.department_id)))

    @strawberry.field(description="审批部门")
    def from_department(
        self,
    ) -> Annotated[Department, strawberry.lazy("api.approval.types")] | None:
        from api.approval.types import Department  # noqa: PLC0415 - types imports this module

        if self.from_department_id is None:
            return None
        return Department(id=strawberry.ID(str(self.from_department_id)))

    @strawberry.field(description="是否逾期未核查")
    def overdue(self) -> bool:
        return self.result is None and self.due_on < local_today()

    @strawberry.field(description="办件（职责范围外为 null）")
    async def application(
        self, info: Info
    ) -> Annotated[Application, strawberry.lazy("api.approval.types")] | None:
        from api.approval.types import Application  # noqa: PLC0415 - types imports this module

        loader = info.context.loaders.application_in(info.context.scope)
        row = await loader.load(int(self.application_id))
        return Application.from_row(row) if row else None

    @strawberry.field(description="核查证据文件（Base64）；核查部门与审批部门可下载")
    async def evidence_content_base64(self) -> str | None:
        if self.evidence_sha256 is None:
            return None
        data = await default_store().get(self.evidence_sha256)
        return base64.b64encode(data).decode() if data is not None else None

    @classmethod
    def from_row(cls, row: facilitation_models.VerificationTask) -> VerificationTask:
        return from_row(
            cls,
            row,
            application_id=strawberry.ID(str(row.application_id)),
        )


@strawberry.type(description="容缺受理与告知承诺的跟进情况（本部门；协调办可看全市或指定部门）")
class FacilitationFollowUp:
    items: int = strawberry.field(description="登记的容缺材料")
    outstanding: int = strawberry.field(description="待补正")
    overdue: int = strawberry.field(description="逾期未补正")
    supplied: int = strawberry.field(description="已补正")
    waived: int = strawberry.field(description="免于补正")
    reminders: int = strawberry.field(description="已发送的逾期提醒")
    verifications: int = strawberry.field(description="核查任务（本部门发出或收到）")
    verifications_open: int = strawberry.field(description="待核查")
    verifications_overdue: int = strawberry.field(description="逾期未核查")
    truthful: int = strawberry.field(description="核查属实")
    untruthful: int = strawberry.field(description="核查不实")

    @classmethod
    def from_figures(cls, f: facilitation.FollowUpFigures) -> FacilitationFollowUp:
        return cls(
            items=f.items,
            outstanding=f.outstanding,
            overdue=f.overdue,
            supplied=f.supplied,
            waived=f.waived,
            reminders=f.reminders,
            verifications=f.verifications,
            verifications_open=f.verifications_open,
            verifications_overdue=f.verifications_overdue,
            truthful=f.truthful,
            untruthful=f.untruthful,
        )


VerificationTaskConnection = Connection[VerificationTask]
MissingItemResult = Annotated[MissingItem | ValidationErrors, strawberry.union("MissingItemResult")]
VerificationTaskResult = Annotated[
    VerificationTask | ValidationErrors, strawberry.union("VerificationTaskResult")
]


@strawberry.input(description="容缺受理所缺的一项材料")
class MissingItemInput:
    name: str
    days: int | None = strawberry.field(
        default=None, description="补正期限（工作日）；缺省按系统设置（SHENGUAN_MISSING_ITEM_DAYS）"
    )

    def to_draft(self) -> facilitation.MissingItemDraft:
        return facilitation.MissingItemDraft(name=self.name, days=self.days)


@strawberry.input(description="告知承诺：承诺内容与签署的承诺书（PDF/PNG/JPEG，≤10 MB，Base64）")
class CommitmentInput:
    text: str
    file_name: str
    content_base64: str

    def to_draft(self) -> facilitation.CommitmentDraft:
        return facilitation.CommitmentDraft(
            text=self.text, file_name=self.file_name, content_base64=self.content_base64
        )


@strawberry.input(description="登记容缺材料已补正")
class SupplyMissingItemInput:
    item_id: strawberry.ID
    note: str = ""


@strawberry.input(description="登记容缺材料免于补正（须说明理由）")
class WaiveMissingItemInput:
    item_id: strawberry.ID
    reason: str


@strawberry.input(description="登记告知承诺核查结果（属实 / 不实，附核查情况与证据）")
class RecordVerificationInput:
    task_id: strawberry.ID
    result: VerificationResult
    evidence: str
    document_number: str = strawberry.field(
        default="", description="核查意见书（文书）编号；不实时必填"
    )
    file_name: str = ""
    content_base64: str = strawberry.field(default="", description="证据文件（可选，Base64）")

    def to_draft(self) -> facilitation.VerificationDraft:
        return facilitation.VerificationDraft(
            result=facilitation_models.VerificationResult(self.result),
            evidence=self.evidence,
            document_number=self.document_number,
            file_name=self.file_name,
            content_base64=self.content_base64,
        )
