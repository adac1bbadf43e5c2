"""Supervision tables. Applications belong to approval, departments and matters to catalog:
referenced by key only. What supervision knows about them arrives as events: the linkage
list (who is linked to which matter, for policy notices) and the pushes it received.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from api.core.models import str_enum, utcnow


class FindingKind(StrEnum):
    INSPECTION = "INSPECTION"  # 监督检查
    SPOT_CHECK = "SPOT_CHECK"  # 抽查
    ADMINISTRATIVE_MEASURE = "ADMINISTRATIVE_MEASURE"  # 行政措施
    ENFORCEMENT_RESULT = "ENFORCEMENT_RESULT"  # 执法查处结果
    CREDIT_ABNORMALITY = "CREDIT_ABNORMALITY"  # 异常信用信息


class ResultType(StrEnum):
    NO_ABNORMALITY = "NO_ABNORMALITY"  # 未发现问题
    RECTIFICATION_ORDERED = "RECTIFICATION_ORDERED"  # 责令整改
    PENALIZED = "PENALIZED"  # 行政处罚
    LICENCE_REVOKED = "LICENCE_REVOKED"  # 撤销、吊销许可
    CASE_FILED = "CASE_FILED"  # 立案查处
    FALSE_COMMITMENT = "FALSE_COMMITMENT"  # 告知承诺不实（虚假承诺）
    OTHER = "OTHER"  # 其他


class ChangeKind(StrEnum):
    LAW = "LAW"  # 法律
    REGULATION = "REGULATION"  # 法规
    RULE = "RULE"  # 规章
    POLICY = "POLICY"  # 政策


class FindingBase(SQLModel):
    # Against a pushed application, or a subject (application_id None, subject_code set).
    application_id: int | None = Field(default=None, index=True)  # approval Application.id
    subject_code: str = Field(default="", max_length=18, index=True)
    department_id: int = Field(index=True)  # supervising department (catalog Department.id)
    kind: FindingKind = Field(sa_type=str_enum(FindingKind))
    abnormal: bool = False
    result_type: ResultType = Field(default=ResultType.NO_ABNORMALITY, sa_type=str_enum(ResultType))
    measures: str = Field(default="", max_length=2000)  # 采取的行政措施
    # 文书编号: the decision or notice the result was issued as (行政处罚决定书 number…).
    document_number: str = Field(default="", max_length=100)
    summary: str = Field(max_length=2000)
    found_on: date


class FindingCreate(FindingBase):
    pass


class Finding(FindingBase, table=True):
    __tablename__ = "supervision_finding"

    id: int | None = Field(default=None, primary_key=True)
    # The approving department concerned (from the push received), for its scope.
    approving_department_id: int | None = Field(default=None, index=True)
    recorded_by: str = Field(default="", max_length=64)
    created_at: datetime = Field(default_factory=utcnow)


class ReceivedPush(SQLModel, table=True):
    """A push approval made to a supervising department (from ``approval.push.created``)."""

    __tablename__ = "supervision_received_push"

    id: int | None = Field(default=None, primary_key=True)
    push_id: int = Field(unique=True)
    application_id: int = Field(index=True)
    department_id: int = Field(index=True)
    approving_department_id: int | None = None
    applicant_code: str = Field(default="", max_length=18)
    stage: str = Field(max_length=16)


class LinkedMatter(SQLModel, table=True):
    """Replica of the list in force, reduced to who is linked to which matter."""

    __tablename__ = "supervision_linked_matter"
    __table_args__ = (sa.UniqueConstraint("version", "linkage_id"),)

    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(index=True)
    linkage_id: int
    approval_matter_id: int = Field(index=True)
    approving_department_id: int
    supervision_matter_id: int = Field(index=True)
    supervising_department_id: int


class PolicyNoticeBase(SQLModel):
    title: str = Field(max_length=200)
    body: str = Field(max_length=4000)
    change_kind: ChangeKind = Field(sa_type=str_enum(ChangeKind))
    effective_on: date | None = None


class PolicyNoticeCreate(PolicyNoticeBase):
    matter_ids: list[int] = Field(default_factory=list)


class PolicyNotice(PolicyNoticeBase, table=True):
    __tablename__ = "supervision_policy_notice"

    id: int | None = Field(default=None, primary_key=True)
    matter_ids: list[int] = Field(sa_type=sa.JSON)
    from_department_id: int = Field(index=True)
    announced_by: str = Field(max_length=64)
    announced_at: datetime = Field(default_factory=utcnow)
    # The linkage list version this change of law or policy caused (linked once published).
    caused_list_version: int | None = None
    # The linkage list version in force when the notice was issued.
    list_version: int | None = None


class NoticeDelivery(SQLModel, table=True):
    """A notice in one linked department's inbox."""

    __tablename__ = "supervision_notice_delivery"
    __table_args__ = (sa.UniqueConstraint("notice_id", "department_id"),)

    id: int | None = Field(default=None, primary_key=True)
    notice_id: int = Field(foreign_key="supervision_policy_notice.id", index=True)
    department_id: int = Field(index=True)
    # The first reading in the department: when, the account and the person's name.
    read_at: datetime | None = None
    read_by: str | None = Field(default=None, max_length=64)
    reader_name: str | None = Field(default=None, max_length=64)


class NoticeAttachment(SQLModel, table=True):
    """A file a notice carries (the circular it announces), stored once by SHA-256."""

    __tablename__ = "supervision_notice_attachment"

    id: int | None = Field(default=None, primary_key=True)
    notice_id: int = Field(foreign_key="supervision_policy_notice.id", index=True)
    file_name: str = Field(max_length=200)
    content_type: str = Field(max_length=100)
    size: int
    sha256: str = Field(max_length=64)
