"""Credit-specific builders, through the services (tests/factories.py holds the shared ones)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from api.core.identifiers import make_id_number
from api.credit import services
from api.credit.models import (
    CreditRecord,
    CreditRecordCreate,
    JointPunishment,
    JointPunishmentCreate,
    RecordCategory,
    Subject,
    SubjectCreate,
    SubjectKind,
)
from api.credit.services.determination import today_utc

_people = itertools.count(1)


def id_number(n: int | None = None) -> str:
    """A valid resident ID number, born in Yiyang's 赫山区 on a made-up date."""
    serial = n if n is not None else next(_people)
    return make_id_number(
        f"430903198{serial % 10}0{1 + serial % 9}1{serial % 9}{serial % 1000:03d}"
    )


async def natural_person(session: AsyncSession, number: str, name: str = "测试自然人") -> Subject:
    return await services.register_subject(
        session=session,
        data=SubjectCreate(kind=SubjectKind.NATURAL_PERSON, id_number=number, name=name),
    )


async def record(
    session: AsyncSession,
    subject: Subject,
    category: RecordCategory,
    title: str,
    *,
    days_ago: int = 30,
    valid_until: date | None = None,
) -> CreditRecord:
    return await services.add_credit_record(
        session=session,
        data=CreditRecordCreate(
            subject_code=subject.credit_code,
            category=category,
            title=title,
            source="测试部门",
            decided_on=today_utc() - timedelta(days=days_ago),
            valid_until=valid_until,
        ),
    )


async def punish(
    session: AsyncSession, subject: Subject, document: str = "益发改财金〔2026〕1号"
) -> JointPunishment:
    return await services.add_joint_punishment(
        session=session,
        subject_code=subject.credit_code,
        data=JointPunishmentCreate(
            source_document=document,
            measures="限制适用告知承诺和容缺受理",
            starts_on=today_utc() - timedelta(days=10),
            ends_on=today_utc() + timedelta(days=365),
        ),
        actor="tester",
    )
