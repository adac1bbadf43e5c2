"""On the first working day of a month each supervising department gets last month's summary."""

import base64
import io
from datetime import date, datetime

from openpyxl import load_workbook

from api.approval import services
from api.approval.loaders import ApprovalLoaders
from api.approval.models import ApplicationCreate
from api.approval.schema import schema
from api.approval.services import summaries as summary
from api.core.clock import LOCAL_TZ
from api.core.workdays import DayKind, set_calendar_day
from tests import factories
from tests.graphql import run

LIST = "{ monthlySummaries { id month pushes claims overdue feedback department { id } } }"
COUNTS = """{ monthlySummaries { claims lateClaims closedWithoutAbnormality abnormalFeedback overdue
  claimsByMethod { method count } } }"""
FILE = "query($id: ID!) { monthlySummaryWorkbook(id: $id) { fileName contentBase64 } }"


async def _april_pushes(session, authorizer):
    approving = await factories.department(session)
    clerk = await factories.user(session, authorizer, role="approval_clerk", dept=approving)
    supervising = await factories.department(session)
    liaison = await factories.user(
        session, authorizer, role="supervision_liaison", dept=supervising
    )
    mat = await factories.matter(session, approving, name="危险化学品经营许可")
    await factories.publish_list(
        session, [factories.published_entry(mat, supervising, channel="LETTER", claim_days=2)]
    )
    subject = await factories.subject(session)
    pushes = []
    for name in ('=HYPERLINK("http://x")', "安和化工"):
        app = await services.submit_application(
            session=session,
            data=ApplicationCreate(
                matter_id=mat.id, applicant_code=subject.credit_code, applicant_name=name
            ),
        )
        await services.accept_application(
            session=session,
            application_id=app.id,
            handling_mode=services.HandlingMode.NORMAL,
            credit_ticket=factories.credit_ticket(app),
            actor=services.Actor(clerk.username, int(clerk.department_id)),
        )
        pushes += (await services.pushes_by_application_ids(session=session, ids=[app.id]))[0]
    # Time is the subject: both went out in April 2031, due two working days later; the
    # first was claimed on time, the second never.
    for push, day in zip(pushes, (7, 24), strict=True):
        push.pushed_at = datetime(2031, 4, day, 10, tzinfo=LOCAL_TZ)
        push.claim_due = date(2031, 4, day + 2)
        session.add(push)
    await services.claim_push(
        session=session,
        push_id=pushes[0].id,
        method=services.Channel.LETTER,
        note="",
        actor=services.Actor(liaison.username, int(liaison.department_id)),
    )
    pushes[0].claimed_at = datetime(2031, 4, 8, 9, tzinfo=LOCAL_TZ)
    session.add(pushes[0])
    # May Day: 1 and 2 May are holidays, 3 and 4 the weekend: the 5th is the first working day.
    for day in (1, 2):
        await set_calendar_day(session, day=date(2031, 5, day), kind=DayKind.HOLIDAY, name="劳动节")
    await session.flush()
    return liaison, supervising, pushes


async def test_one_summary_per_department_and_month_on_the_first_working_day(session, authorizer):
    liaison, supervising, _ = await _april_pushes(session, authorizer)

    runs = [
        await summary.send_monthly_summaries(session, date(2031, 5, day)) for day in (2, 4, 5, 5, 6)
    ]
    listed = await run(
        schema, ApprovalLoaders, LIST, session=session, authorizer=authorizer, principal=liaison
    )

    assert runs[0:2] == [0, 0]
    assert runs[2] == 1  # the one supervising department of the list in force
    assert runs[3:] == [0, 0]
    assert listed.data == {
        "monthlySummaries": [
            {
                "id": listed.data["monthlySummaries"][0]["id"],
                "month": "2031-04",
                "pushes": 2,
                "claims": 1,
                "overdue": 1,
                "feedback": 0,
                "department": {"id": str(supervising.id)},
            }
        ]
    }


async def test_the_spreadsheet_lists_the_month_and_neutralises_formulas(session, authorizer):
    liaison, _, pushes = await _april_pushes(session, authorizer)
    await summary.send_monthly_summaries(session, date(2031, 5, 5))
    listed = await run(
        schema, ApprovalLoaders, LIST, session=session, authorizer=authorizer, principal=liaison
    )
    summary_id = listed.data["monthlySummaries"][0]["id"]
    stranger = await factories.user(
        session, authorizer, role="supervision_liaison", dept=await factories.department(session)
    )

    own = await run(
        schema,
        ApprovalLoaders,
        FILE,
        session=session,
        authorizer=authorizer,
        principal=liaison,
        variables={"id": summary_id},
    )
    foreign = await run(
        schema,
        ApprovalLoaders,
        FILE,
        session=session,
        authorizer=authorizer,
        principal=stranger,
        variables={"id": summary_id},
    )

    book = load_workbook(
        io.BytesIO(base64.b64decode(own.data["monthlySummaryWorkbook"]["contentBase64"]))
    )
    totals = [list(r) for r in book["汇总"].iter_rows(values_only=True)]
    detail = [r[:2] + r[4:7] for r in book["明细"].iter_rows(min_row=2, values_only=True)]
    first, second = (p.supervision_code for p in pushes)
    assert totals == [
        ["月份", "2031-04"],
        ["推送", 2],
        ["认领", 1],
        ["其中：推送即认领", 0],
        ["其中：部门自建系统", 0],
        ["其中：书面函件", 1],
        ["其中：联席会议", 0],
        ["逾期认领", 0],
        ["反馈办结", 0],
        ["其中：无异常办结", 0],
        ["其中：反馈异常", 0],
        ["月末逾期未办", 1],
    ]
    marks = [
        (r[0].value, r[-1].value or "", r[0].fill.fgColor.rgb if r[-1].value else None)
        for r in book["明细"].iter_rows(min_row=2)
    ]
    assert marks == [
        ("推送", "", None),
        ("推送", "逾期未认领", "FFFFC7CE"),
        ("认领", "", None),
        ("逾期", "逾期未认领", "FFFFC7CE"),
    ]
    assert detail == [
        ("推送", first, "危险化学品经营许可", '\'=HYPERLINK("http://x")', "已认领"),
        ("推送", second, "危险化学品经营许可", "安和化工", "待认领"),
        ("认领", first, "危险化学品经营许可", '\'=HYPERLINK("http://x")', "已认领"),
        ("逾期", second, "危险化学品经营许可", "安和化工", "待认领"),
    ]
    assert foreign.data == {"monthlySummaryWorkbook": None}


async def test_every_claim_counts_by_method_and_late_claims_and_feedback_outcomes_are_counted(
    session, authorizer
):
    liaison, _, pushes = await _april_pushes(session, authorizer)
    # The first claim came a working day late; the second push was claimed online (推送即认领)
    # and its feedback closed without abnormality, on time; a third closed abnormal, late.
    pushes[0].claimed_at = datetime(2031, 4, 10, 9, tzinfo=LOCAL_TZ)
    pushes[1].claim_method = services.Channel.ONLINE
    pushes[1].state = services.PushState.CLAIMED
    pushes[1].claimed_at = datetime(2031, 4, 24, 10, tzinfo=LOCAL_TZ)
    pushes[1].feedback_state = services.FeedbackState.NO_ABNORMALITY
    pushes[1].feedback_due = date(2031, 4, 28)
    pushes[1].feedback_closed_at = datetime(2031, 4, 25, 16, tzinfo=LOCAL_TZ)
    pushes[0].feedback_state = services.FeedbackState.ABNORMAL_REPORTED
    pushes[0].feedback_due = date(2031, 4, 15)
    pushes[0].feedback_closed_at = datetime(2031, 4, 17, 16, tzinfo=LOCAL_TZ)
    for push in pushes:
        session.add(push)
    await session.flush()

    await summary.send_monthly_summaries(session, date(2031, 5, 5))
    listed = await run(
        schema, ApprovalLoaders, COUNTS, session=session, authorizer=authorizer, principal=liaison
    )

    assert listed.errors is None
    assert listed.data == {
        "monthlySummaries": [
            {
                "claims": 2,
                "lateClaims": 1,
                "closedWithoutAbnormality": 1,
                "abnormalFeedback": 1,
                "overdue": 0,
                "claimsByMethod": [
                    {"method": "ONLINE", "count": 1},
                    {"method": "OWN_SYSTEM", "count": 0},
                    {"method": "LETTER", "count": 1},
                    {"method": "JOINT_MEETING", "count": 0},
                ],
            }
        ]
    }
    row = await summary.month_rows(
        session, pushes[0].department_id, date(2031, 4, 1), date(2031, 4, 30)
    )
    assert [summary.lateness(p, row.last) for p in row.pushes] == ["逾期认领、逾期反馈", ""]
