"""Demo data for Yiyang (益阳市), loaded through the services when the database is empty."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval import services as approval
from api.approval.models import ApplicationCreate
from api.catalog import services as catalog
from api.catalog.models import (
    Department,
    DepartmentCreate,
    DepartmentLevel,
    MatterCreate,
    MatterKind,
)
from api.core.auth import create_user
from api.core.authz import assign_role
from api.core.identifiers import make_uscc
from api.credit import services as credit
from api.credit.models import CreditRecordCreate, RecordCategory, SubjectCreate
from api.supervision import services as supervision
from api.supervision.models import FindingCreate, FindingKind, ResultType

DEMO_PASSWORD = "Demo@2026"  # noqa: S105 - demo accounts only, printed by `shenguan serve`

# (key, name, short name, level); 11 = 机关, 430900 = 益阳市, 430903 = 赫山区, 430922 = 桃江县.
DEPARTMENTS = [
    ("spj", "益阳市行政审批服务局", "市审批局", DepartmentLevel.CITY, "114309000"),
    ("scjg", "益阳市市场监督管理局", "市市场监管局", DepartmentLevel.CITY, "114309001"),
    ("zjj", "益阳市住房和城乡建设局", "市住建局", DepartmentLevel.CITY, "114309002"),
    ("sthj", "益阳市生态环境局", "市生态环境局", DepartmentLevel.CITY, "114309003"),
    ("wjw", "益阳市卫生健康委员会", "市卫健委", DepartmentLevel.CITY, "114309004"),
    ("fgw", "益阳市发展和改革委员会", "市发改委", DepartmentLevel.CITY, "114309005"),
    ("xtb", "益阳市审管联动协调小组办公室", "市协调办", DepartmentLevel.CITY, "114309006"),
    ("hs_spj", "益阳市赫山区行政审批服务局", "赫山区审批局", DepartmentLevel.COUNTY, "114309030"),
    ("tj_spj", "桃江县行政审批服务局", "桃江县审批局", DepartmentLevel.COUNTY, "114309220"),
]

# approval matter (code, name, approving dept) → supervision matter (code, name, supervising dept)
MATTER_PAIRS = [
    (("430900-XK-0001", "食品经营许可", "spj"), ("430900-JG-0001", "食品经营监督检查", "scjg")),
    (
        ("430900-XK-0002", "建筑工程施工许可证核发", "spj"),
        ("430900-JG-0002", "建筑工程施工质量安全监督检查", "zjj"),
    ),
    (
        ("430900-XK-0003", "建设项目环境影响评价文件审批", "spj"),
        ("430900-JG-0003", "建设项目环境保护事中事后监督检查", "sthj"),
    ),
    (
        ("430900-XK-0004", "医疗机构执业登记", "spj"),
        ("430900-JG-0004", "医疗机构执业活动监督检查", "wjw"),
    ),
    (
        ("430900-XK-0005", "企业投资项目核准", "spj"),
        ("430900-JG-0005", "企业投资项目事中事后监管", "fgw"),
    ),
    (
        ("430903-XK-0001", "公共场所卫生许可", "hs_spj"),
        ("430900-JG-0006", "公共场所卫生监督检查", "wjw"),
    ),
]

# 91 = 企业, 430900 = 益阳市; the check character is computed
SUBJECTS = [
    ("91430900MA4L00001", "益阳市资江食品有限公司"),
    ("91430900MA4L00002", "湖南益阳城建工程有限公司"),
    ("91430900MA4L00003", "益阳银城环保科技有限公司"),
    ("91430900MA4L00004", "益阳康宁医院有限公司"),
    ("91430900MA4L00005", "桃江竹韵酒店管理有限公司"),
]

USERS = [
    # username, display name, role, department key
    ("admin", "系统管理员", "system_admin", "xtb"),
    ("coord", "协调办 周敏", "coordination_office", "xtb"),
    ("spj_clerk", "审批局 李娜", "approval_clerk", "spj"),
    ("spj_head", "审批局 王强", "department_head", "spj"),
    ("scjg_liaison", "市场监管局 陈刚", "supervision_liaison", "scjg"),
    ("zjj_liaison", "住建局 刘洋", "supervision_liaison", "zjj"),
    ("wjw_liaison", "卫健委 赵丽", "supervision_liaison", "wjw"),
    ("credit_officer", "发改委 孙涛", "credit_officer", "fgw"),
    ("hs_clerk", "赫山区审批局 何平", "approval_clerk", "hs_spj"),
]


@dataclass(frozen=True)
class DemoSummary:
    departments: int
    matters: int
    applications: int
    users: int


def _uscc(seventeen: str) -> str:
    return make_uscc(seventeen)


async def is_empty(session: AsyncSession) -> bool:
    count: int = (await session.exec(select(func.count()).select_from(Department))).one()
    return count == 0


async def load_demo(session: AsyncSession) -> DemoSummary:
    departments: dict[str, int] = {}
    for key, name, short, level, org in DEPARTMENTS:
        dept = await catalog.create_department(
            session=session,
            data=DepartmentCreate(
                name=name, short_name=short, level=level, credit_code=_uscc(f"11430900{org}")
            ),
        )
        assert dept.id is not None
        departments[key] = dept.id

    matter_ids: list[int] = []
    for (a_code, a_name, a_dept), (s_code, s_name, s_dept) in MATTER_PAIRS:
        approval_matter = await catalog.create_matter(
            session=session,
            data=MatterCreate(
                code=a_code,
                name=a_name,
                kind=MatterKind.APPROVAL,
                department_id=departments[a_dept],
            ),
        )
        await catalog.create_matter(
            session=session,
            data=MatterCreate(
                code=s_code,
                name=s_name,
                kind=MatterKind.SUPERVISION,
                department_id=departments[s_dept],
            ),
        )
        assert approval_matter.id is not None
        matter_ids.append(approval_matter.id)

    codes = []
    for raw, name in SUBJECTS:
        code = _uscc(raw)
        codes.append(code)
        await credit.register_subject(
            session=session, data=SubjectCreate(credit_code=code, name=name)
        )

    applications = 0
    for index, matter_id in enumerate(matter_ids[:5]):
        code = codes[index]
        application = await approval.submit_application(
            session=session,
            data=ApplicationCreate(
                matter_id=matter_id,
                applicant_code=code,
                applicant_name=SUBJECTS[index][1],
                applicant_contact="0737-4220000",
                applicant_address="湖南省益阳市赫山区龙洲路",
            ),
        )
        applications += 1
        assert application.id is not None
        await credit.add_credit_record(
            session=session,
            data=CreditRecordCreate(
                subject_code=code,
                category=RecordCategory.LICENSING,
                title=f"准予{SUBJECTS[index][1]}的行政许可",
                source="益阳市行政审批服务局",
                decided_on=date(2026, 3, 1 + index),
            ),
        )
        if index == 0:
            await supervision.record_finding(
                session=session,
                require_push=False,  # demo history: recorded before the list was published
                data=FindingCreate(
                    application_id=application.id,
                    department_id=departments["scjg"],
                    kind=FindingKind.SPOT_CHECK,
                    abnormal=True,
                    result_type=ResultType.RECTIFICATION_ORDERED,
                    summary="双随机抽查发现从业人员健康证明过期，责令限期整改",
                    found_on=date(2026, 6, 18),
                ),
            )

    for username, display, role, dept_key in USERS:
        await create_user(
            session=session, username=username, display_name=display, password=DEMO_PASSWORD
        )
        await assign_role(
            session=session, username=username, role=role, department_id=str(departments[dept_key])
        )

    return DemoSummary(
        departments=len(departments),
        matters=len(matter_ids) * 2,
        applications=applications,
        users=len(USERS),
    )
