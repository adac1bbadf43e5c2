"""Demo data for Yiyang (益阳市), loaded through the services when the database is empty."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval import services as approval
from api.approval.models import (
    ApplicationCreate,
    DocumentKind,
    FeedbackState,
    HandlingMode,
    LegalDocumentCreate,
    Outcome,
    Push,
    SkipReason,
)
from api.catalog import services as catalog
from api.catalog.models import (
    BasisDocumentCreate,
    BasisKind,
    Department,
    DepartmentCreate,
    DepartmentLevel,
    LiaisonKind,
    LinkageCreate,
    Matter,
    MatterCreate,
    MatterKind,
    Person,
    PersonCreate,
    Principle,
    SectionCreate,
)
from api.catalog.services import linkages, publication
from api.coordination import services as coordination
from api.coordination.models import ActionKind, AgendaKind, DecisionStatus, EscalationKind
from api.coordination.services import actions as escalation_actions
from api.core import events
from api.core.auth import Principal, create_user
from api.core.authz import assign_role
from api.core.clock import local_today
from api.core.identifiers import make_id_number, make_uscc
from api.core.models import User
from api.core.scope import Scope
from api.credit import services as credit
from api.credit.models import (
    AggregationRuleCreate,
    CreditRecordCreate,
    JointPunishmentCreate,
    RecordCategory,
    SubjectCreate,
    SubjectKind,
)
from api.credit.services import lookups
from api.credit.services.lookups import LookupRequest
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

DEPARTMENTS_BY_KEY = {key: name for key, name, *_ in DEPARTMENTS}

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

# Per department: the section on the linkage work, its responsible person and its liaison
# (name, office phone, mobile). The liaison pushes and receives for the department.
PEOPLE = {
    "spj": (
        "审批服务科",
        ("李娜", "0737-4221101", "13807371101"),
        ("王芳", "0737-4221102", "13807371102"),
    ),
    "scjg": (
        "信用监管科",
        ("陈刚", "0737-4222201", "13807372201"),
        ("黄静", "0737-4222202", "13807372202"),
    ),
    "zjj": (
        "建筑市场监管科",
        ("刘洋", "0737-4223301", "13807373301"),
        ("邓伟", "0737-4223302", "13807373302"),
    ),
    "sthj": (
        "环境执法支队",
        ("彭军", "0737-4224401", "13807374401"),
        ("曾红", "0737-4224402", "13807374402"),
    ),
    "wjw": (
        "综合监督科",
        ("赵丽", "0737-4225501", "13807375501"),
        ("胡斌", "0737-4225502", "13807375502"),
    ),
    "fgw": (
        "投资科",
        ("孙涛", "0737-4226601", "13807376601"),
        ("罗敏", "0737-4226602", "13807376602"),
    ),
    "xtb": (
        "综合协调科",
        ("周敏", "0737-4227701", "13807377701"),
        ("谢婷", "0737-4227702", "13807377702"),
    ),
    "hs_spj": (
        "审批服务股",
        ("何平", "0737-4228801", "13807378801"),
        ("夏雪", "0737-4228802", "13807378802"),
    ),
    "tj_spj": (
        "审批服务股",
        ("龙飞", "0737-8221101", "13807379901"),
        ("蒋琳", "0737-8221102", "13807379902"),
    ),
}
LIAISONS_SINCE = date(2026, 1, 4)
PUBLISHED_BY = "coord"

# 91 = 企业, 430900 = 益阳市; the check character is computed
SUBJECTS = [
    ("91430900MA4L00001", "益阳市资江食品有限公司"),
    ("91430900MA4L00002", "湖南益阳城建工程有限公司"),
    ("91430900MA4L00003", "益阳银城环保科技有限公司"),
    ("91430900MA4L00004", "益阳康宁医院有限公司"),
    ("91430900MA4L00005", "桃江竹韵酒店管理有限公司"),
]

# A company on the joint-punishment list (it cannot get 容缺受理 / 告知承诺 / green channel).
PUNISHED_SUBJECT = ("91430900MA4L00006", "益阳市诚达建材有限公司")
PUNISHMENT = JointPunishmentCreate(
    source_document="益发改财金〔2026〕18号",
    measures="限制适用告知承诺、容缺受理和绿色通道；列为重点监管对象",
    starts_on=date(2026, 1, 10),
    ends_on=date(2029, 1, 9),
)
# A natural person (个体经营者); the ID number is made up and stored only encrypted.
NATURAL_PERSON = ("43090219850612123", "刘建国")
# Which supervision results the credit officer has the credit system collect.
AGGREGATION_RULES = [
    ("ENFORCEMENT_RESULT", "罚款", RecordCategory.PENALTY, 36),
    ("ENFORCEMENT_RESULT", "吊销许可证", RecordCategory.PENALTY, 60),
    ("ENFORCEMENT_RESULT", "没收违法所得", RecordCategory.PENALTY, 36),
    ("CREDIT_ABNORMALITY", "*", RecordCategory.OTHER, 12),
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


async def _load_coordination_demo(session: AsyncSession, departments: dict[str, int]) -> None:
    """A held joint meeting with minutes and decisions (one overdue, one done), a planned
    meeting, and two escalations (one open with an attachment, one decided)."""
    cst = coordination.CST
    office = coordination.Actor("coord", departments["xtb"])
    spj = coordination.Actor("spj_head", departments["spj"])

    def participants(*keys: str) -> list[coordination.ParticipantData]:
        return [coordination.ParticipantData(departments[k], PEOPLE[k][2][0]) for k in keys]

    held = await coordination.convene_meeting(
        session=session,
        actor=office,
        data=coordination.MeetingData(
            title="2026年第三季度审管联动联席会议",
            scheduled_at=datetime(2026, 9, 15, 9, 30, tzinfo=cst),
            location="市政务服务中心三楼会议室",
            participants=participants("spj", "scjg", "zjj", "sthj"),
            agenda=[
                coordination.AgendaData("食品经营许可与双随机抽查名单衔接", AgendaKind.OTHER),
                coordination.AgendaData("建筑工程施工许可推送认领时限执行情况", AgendaKind.OTHER),
            ],
        ),
    )
    assert held.id is not None
    await coordination.record_minutes(
        session=session,
        actor=office,
        meeting_id=held.id,
        minutes=(
            "一、市市场监管局通报食品经营许可证后抽查情况；\n"
            "二、市住建局说明施工许可推送认领情况，逾期2件已补认领；\n"
            "三、会议议定事项见下。"
        ),
        held_at=datetime(2026, 9, 15, 9, 30, tzinfo=cst),
    )
    await coordination.add_decision(
        session=session,
        actor=office,
        meeting_id=held.id,
        text="建立食品经营许可与双随机抽查名单每周比对机制",
        owner_department_id=departments["scjg"],
        due_on=date(2026, 10, 31),
    )
    done = await coordination.add_decision(
        session=session,
        actor=office,
        meeting_id=held.id,
        text="施工许可推送一律经线上渠道认领，不再以书面函件补认",
        owner_department_id=departments["zjj"],
        due_on=date(2026, 9, 30),
    )
    assert done.id is not None
    await coordination.follow_up_decision(
        session=session,
        actor=office,
        decision_id=done.id,
        status=DecisionStatus.DONE,
        note="9月28日起全部线上认领",
    )
    await coordination.convene_meeting(
        session=session,
        actor=office,
        data=coordination.MeetingData(
            title="2026年第四季度审管联动联席会议",
            scheduled_at=datetime(2026, 12, 16, 9, 30, tzinfo=cst),
            location="市政务服务中心三楼会议室",
            participants=participants("spj", "scjg", "zjj", "sthj", "wjw", "fgw"),
            agenda=[coordination.AgendaData("年度审管联动考核结果通报", AgendaKind.OTHER)],
        ),
    )
    memo = memo_pdf("关于公共场所卫生许可后监管职责的请示", ["赫山区审批局与市卫健委职责界面说明"])
    await coordination.raise_escalation(
        session=session,
        actor=spj,
        data=coordination.EscalationData(
            kind=EscalationKind.RESPONSIBILITY_DISPUTE,
            title="公共场所卫生许可由区县审批后的监管职责划分",
            statement=(
                "赫山区审批局核发的公共场所卫生许可推送至市卫健委后，"
                "市、区两级对日常监督检查由谁承担意见不一，请市协调小组研究明确。"
            ),
            party_department_ids=[departments["wjw"], departments["hs_spj"]],
            attachments=[
                coordination.AttachmentData(
                    "职责界面说明.pdf", base64.b64encode(memo).decode("ascii")
                )
            ],
        ),
    )
    decided = await coordination.raise_escalation(
        session=session,
        actor=spj,
        data=coordination.EscalationData(
            kind=EscalationKind.POLICY_CONFLICT,
            title="告知承诺制与建设项目环评审批衔接",
            statement="建设项目环评文件审批适用告知承诺后，事中核查由哪一部门组织，请予明确。",
            party_department_ids=[departments["sthj"]],
        ),
    )
    assert decided.id is not None
    await coordination.assign_escalation(
        session=session, actor=office, escalation_id=decided.id, assignee="谢婷"
    )
    await coordination.decide_escalation(
        session=session,
        actor=office,
        escalation_id=decided.id,
        decision="由市生态环境局在承诺期满后30日内组织核查，结果推送市审批局。",
        actions=[
            escalation_actions.ActionData(
                kind=ActionKind.NOTICE,
                owner_department_id=departments["sthj"],
                due_on=local_today() + timedelta(days=20),
                description="市生态环境局制定告知承诺事中核查工作规程并报协调办",
            )
        ],
    )


@dataclass(frozen=True)
class DemoSummary:
    departments: int
    matters: int
    applications: int
    users: int
    linkages: int
    list_version: int


def _uscc(seventeen: str) -> str:
    return make_uscc(seventeen)


def memo_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page PDF standing in for a signed basis document (委托书 / 工作备忘录)."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, invariant=1)
    page.setFont("STSong-Light", 18)
    page.drawString(72, 760, title)
    page.setFont("STSong-Light", 11)
    for index, line in enumerate(lines):
        page.drawString(72, 720 - 20 * index, line)
    page.save()
    return out.getvalue()


async def _people(session: AsyncSession, departments: dict[str, int]) -> dict[str, Person]:
    """Sections, people and both liaisons of every department; returns the responsible."""
    responsible: dict[str, Person] = {}
    for key, (section_name, lead, liaison) in PEOPLE.items():
        section = await catalog.create_section(
            session=session, data=SectionCreate(department_id=departments[key], name=section_name)
        )
        assert section.id is not None
        people = []
        for (name, office, mobile), role in ((lead, "责任人"), (liaison, "联络员")):
            people.append(
                await catalog.create_person(
                    session=session,
                    data=PersonCreate(
                        section_id=section.id,
                        name=name,
                        office_phone=office,
                        mobile=mobile,
                        role=role,
                    ),
                )
            )
        for kind in (LiaisonKind.PUSH, LiaisonKind.RECEIVE):
            assert people[1].id is not None
            await catalog.set_liaison(
                session=session,
                department_id=departments[key],
                kind=kind,
                person_id=people[1].id,
                since=LIAISONS_SINCE,
                recorded_by="admin",
            )
        responsible[key] = people[0]
    return responsible


async def _linkages(
    session: AsyncSession,
    departments: dict[str, int],
    matters: list[tuple[int, int]],
    responsible: dict[str, Person],
) -> int:
    """A confirmed linkage for every demo matter pair, with its basis document."""
    for index, ((approval_id, supervision_id), pair) in enumerate(
        zip(matters, MATTER_PAIRS, strict=True)
    ):
        (a_code, a_name, a_dept), (_, s_name, s_dept) = pair
        county = a_dept != "spj"
        kind = BasisKind.ENTRUSTMENT if county else BasisKind.MEMORANDUM
        number = f"益审管联〔2026〕{index + 1}号"
        parties = f"{DEPARTMENTS_BY_KEY[a_dept]}、{DEPARTMENTS_BY_KEY[s_dept]}"
        document = await linkages.upload_basis_document(
            session=session,
            data=BasisDocumentCreate(
                kind=kind, number=number, signed_on=date(2026, 1, 10 + index), parties=parties
            ),
            content=memo_pdf(
                "审管联动工作委托书" if county else "审管联动工作备忘录",
                [number, f"审批事项：{a_code} {a_name}", f"监管事项：{s_name}", parties],
            ),
            file_name=f"{number}.pdf",
            department_id=departments[a_dept],
        )
        a_person, s_person = responsible[a_dept], responsible[s_dept]
        assert a_person.id is not None
        assert s_person.id is not None
        linkage = await linkages.create_linkage(
            session=session,
            data=LinkageCreate(
                approval_matter_id=approval_id,
                supervision_matter_id=supervision_id,
                approving_department_id=departments[a_dept],
                approving_section_id=a_person.section_id,
                approving_person_id=a_person.id,
                supervising_department_id=departments[s_dept],
                supervising_section_id=s_person.section_id,
                supervising_person_id=s_person.id,
                principles=[Principle.WHO_GOVERNS],
                basis_document_id=document.id,
                claim_days=1,
                feedback_days=5 if index % 2 == 0 else 10,
            ),
        )
        assert linkage.id is not None
        await linkages.confirm_linkage(
            session=session,
            linkage_id=linkage.id,
            scope=Scope(department_id=departments[s_dept], city_wide=False),
        )
    return len(matters)


async def is_empty(session: AsyncSession) -> bool:
    count: int = (await session.exec(select(func.count()).select_from(Department))).one()
    return count == 0


async def _load_credit_demo(session: AsyncSession) -> None:
    punished_code = _uscc(PUNISHED_SUBJECT[0])
    await credit.register_subject(
        session=session, data=SubjectCreate(credit_code=punished_code, name=PUNISHED_SUBJECT[1])
    )
    await credit.add_joint_punishment(
        session=session, subject_code=punished_code, data=PUNISHMENT, actor="credit_officer"
    )
    await credit.register_subject(
        session=session,
        data=SubjectCreate(
            kind=SubjectKind.NATURAL_PERSON,
            id_number=make_id_number(NATURAL_PERSON[0]),
            name=NATURAL_PERSON[1],
        ),
    )
    for kind, result_type, category, months in AGGREGATION_RULES:
        await credit.save_aggregation_rule(
            session=session,
            data=AggregationRuleCreate(
                finding_kind=kind,
                result_type=result_type,
                category=category,
                validity_months=months,
            ),
            actor="credit_officer",
        )


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
    pairs: list[tuple[int, int]] = []
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
        supervision_matter = await catalog.create_matter(
            session=session,
            data=MatterCreate(
                code=s_code,
                name=s_name,
                kind=MatterKind.SUPERVISION,
                department_id=departments[s_dept],
            ),
        )
        assert approval_matter.id is not None
        assert supervision_matter.id is not None
        matter_ids.append(approval_matter.id)
        pairs.append((approval_matter.id, supervision_matter.id))

    responsible = await _people(session, departments)
    linkage_count = await _linkages(session, departments, pairs, responsible)
    version = await publication.publish(
        session=session,
        published_by=PUBLISHED_BY,
        summary="2026年第1次发布",
        department_id=departments["xtb"],
        # The demo publishes before its accounts exist: the publisher's name is given.
        publisher_name=next(name for user, name, *_ in USERS if user == PUBLISHED_BY),
    )

    codes = []
    for raw, name in SUBJECTS:
        code = _uscc(raw)
        codes.append(code)
        await credit.register_subject(
            session=session, data=SubjectCreate(credit_code=code, name=name)
        )

    await _load_credit_demo(session)

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

    await _load_coordination_demo(session, departments)

    return DemoSummary(
        departments=len(departments),
        matters=len(matter_ids) * 2,
        applications=applications,
        users=len(USERS),
        linkages=linkage_count,
        list_version=version.number,
    )


# Linkage activity for the statistics page: the county approval bureau accepts (after the
# credit check) and completes applications of 公共场所卫生许可; each acceptance and licence is
# pushed to 卫健委, which closes some feedback. Everything goes through the services and the
# outbox, on the day the demo is loaded. Kept apart from the five applications above, which
# the browser tests accept themselves.
ACTIVITY_MATTER = "430903-XK-0001"
ACTIVITY_APPLICATIONS = 6
ACTIVITY_COMPLETED = 4
ACTIVITY_CLOSED = 2


async def load_demo_activity(session: AsyncSession) -> int:
    """Run the linkage loop on a few new applications; returns the pushes it caused."""
    from api.registry import consumer_table  # noqa: PLC0415 - the consumers delivered here

    consumers = consumer_table()
    while await events.process_one(session, consumers):  # approval's replica of the list
        pass
    county = (
        await session.exec(select(Department).where(Department.short_name == "赫山区审批局"))
    ).one()
    health = (
        await session.exec(select(Department).where(Department.short_name == "市卫健委"))
    ).one()
    matter = (await session.exec(select(Matter).where(Matter.code == ACTIVITY_MATTER))).one()
    clerk = (await session.exec(select(User).where(User.username == "hs_clerk"))).one()
    liaison = (await session.exec(select(User).where(User.username == "wjw_liaison"))).one()
    assert county.id is not None
    assert health.id is not None
    assert matter.id is not None
    assert clerk.id is not None
    principal = Principal(user_id=clerk.id, username=clerk.username, department_id=str(county.id))
    actor = approval.Actor(username=clerk.username, department_id=county.id)
    completed: list[int] = []
    for index in range(ACTIVITY_APPLICATIONS):
        raw, name = SUBJECTS[index % len(SUBJECTS)]
        application = await approval.submit_application(
            session=session,
            data=ApplicationCreate(
                matter_id=matter.id,
                applicant_code=_uscc(raw),
                applicant_name=name,
                applicant_contact="0737-4220000",
                applicant_address="湖南省益阳市赫山区会龙路",
            ),
        )
        assert application.id is not None
        check = await lookups.credit_check(
            session=session,
            request=LookupRequest(principal, "受理前核查申请人信用", application.id),
            subject_code=application.applicant_code,
        )
        await approval.accept_application(
            session=session,
            application_id=application.id,
            handling_mode=HandlingMode.NORMAL,
            credit_ticket=check.ticket,
            actor=actor,
            skip=approval.MeasureSkip(reason=SkipReason.DOCUMENTS_COMPLETE),
        )
        if index < ACTIVITY_COMPLETED:
            await approval.complete_application(
                session=session,
                application_id=application.id,
                outcome=Outcome.APPROVED,
                documents=[
                    LegalDocumentCreate(
                        kind=DocumentKind.LICENCE,
                        number=f"赫卫公字〔2026〕第{101 + index}号",
                        valid_from=date(2026, 1, 1),
                        valid_until=date(2030, 12, 31),
                    )
                ],
                actor=actor,
            )
            completed.append(application.id)
    pushes = (await session.exec(select(Push).where(col(Push.application_id).in_(completed)))).all()
    due = [p for p in pushes if p.feedback_state == FeedbackState.OPEN]
    for push in due[:ACTIVITY_CLOSED]:
        assert push.id is not None
        await approval.close_without_abnormality(
            session=session,
            push_id=push.id,
            actor=approval.Actor(username=liaison.username, department_id=health.id),
        )
    while await events.process_one(session, consumers):  # facts before anyone signs in
        pass
    return ACTIVITY_APPLICATIONS + len(completed)
