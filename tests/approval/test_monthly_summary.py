"""On the first working day of a month each supervising department gets last month's summary."""

import base64
import io
from datetime import date, datetime

from openpyxl import load_workbook

from api.approval import services, summary
from api.approval.loaders import ApprovalLoaders
from api.approval.models import ApplicationCreate
from api.approval.schema import schema
from api.core.clock import LOCAL_TZ
from api.core.workdays import DayKind, set_calendar_day
from tests import factories
from tests.graphql import run

LIST = "{ monthlySummaries { id month pushes claims overdue feedback department { id } } }"
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
        ["认领（线下）", 1],
        ["逾期", 1],
        ["反馈办结", 0],
    ]
    assert detail == [
        ("推送", first, "危险化学品经营许可", '\'=HYPERLINK("http://x")', "已认领"),
        ("推送", second, "危险化学品经营许可", "安和化工", "待认领"),
        ("认领", first, "危险化学品经营许可", '\'=HYPERLINK("http://x")', "已认领"),
        ("逾期", second, "危险化学品经营许可", "安和化工", "待认领"),
    ]
    assert foreign.data == {"monthlySummaryWorkbook": None}
