"""Approval's outbox consumers and jobs (``consumers``, ``jobs``; merged by ``api.registry``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval import services
from api.approval.models import CardColor, EscalationCard, Push
from api.approval.services import escalation, facilitation, liaisons, sms
from api.approval.services import summaries as summary
from api.approval.services.pushes import push_names
from api.core import events, worker
from api.core.clock import local_today
from api.core.events import Message
from api.core.sms_templates import SmsPurpose, template

CONSUMER = "approval"
consumers = events.ConsumerTable()
jobs = worker.JobTable()
STAGE_NAMES = {"ACCEPTED": "受理", "COMPLETED": "办结"}
CARD_STAGE_NAMES = {"CLAIM": "认领", "FEEDBACK": "反馈"}
CARD_COLOR_NAMES = {"YELLOW": "黄牌", "RED": "红牌"}


@consumers.handles("catalog.linkage_list.published", consumer=CONSUMER)
async def on_list_published(session: AsyncSession, message: Message) -> None:
    await services.store_published_list(session, message.payload)


@consumers.handles("catalog.liaison.appointed", consumer=CONSUMER)
async def on_liaison_appointed(session: AsyncSession, message: Message) -> None:
    """Keep the copy of catalog's liaisons that decides whom each push texts."""
    await liaisons.store(session, message.payload, message_id=int(message.id or 0))


@consumers.handles("supervision.finding.recorded", consumer=CONSUMER)
async def on_finding_recorded(session: AsyncSession, message: Message) -> None:
    await services.receive_finding(session, message.payload)


@consumers.preloads("approval.push.created")
async def preload_pushes(session: AsyncSession, messages: Sequence[Message]) -> None:
    """A batch's pushes in one query (``session.get`` below then finds them loaded), and which
    of their reminders are not recorded yet."""
    ids = [int(m.payload["push_id"]) for m in messages]
    pushes = (await session.exec(select(Push).where(col(Push.id).in_(ids)))).all()
    events.keep_for_batch(session, pushes)  # the identity map holds rows weakly
    await sms.preload_recorded(session, [f"push:{i}" for i in ids])


@consumers.handles("approval.push.created", consumer="approval.sms")
async def on_push_created(session: AsyncSession, message: Message) -> None:
    """SMS reminder to the receiving department's receive liaison, once per push."""
    push = await session.get(Push, int(message.payload["push_id"]))
    if push is None or not push.receive_liaison_mobile:
        return  # no liaison mobile published for this linkage: nothing to send
    matter, applicant = push_names(push)
    stage = STAGE_NAMES[push.stage.value]
    action = "已自动认领" if push.claimed_at else f"请于{push.claim_due.isoformat()}前认领"
    tpl = await template(session, SmsPurpose.PUSH)
    await sms.send_once(
        session,
        key=f"push:{push.id}",
        mobile=push.receive_liaison_mobile,
        recipient_name=push.receive_liaison_name,
        department_id=push.department_id,
        template=tpl.provider_code,
        params={
            "matter": matter,
            "applicant": applicant,
            "stage": stage,
            "push_id": push.id,
            "code": push.supervision_code,
        },
        text=tpl.render(
            {
                "applicant": applicant,
                "matter": matter,
                "stage": stage,
                "action": action,
                "code": push.supervision_code or "",
            }
        ),
    )


@consumers.handles("approval.push.overdue", consumer="approval.sms")
async def on_push_overdue(session: AsyncSession, message: Message) -> None:
    push = await session.get(Push, int(message.payload["push_id"]))
    if push is None:
        return
    day = str(message.payload["day"])
    # The reminder goes to whoever is the receive liaison on that day.
    contact = await liaisons.for_push(session, push, date.fromisoformat(day))
    if not contact.mobile:
        return
    what = "认领" if message.payload.get("claim_overdue") else "反馈"
    matter, applicant = push_names(push)
    tpl = await template(session, SmsPurpose.OVERDUE)
    await sms.send_once(
        session,
        key=f"overdue:{push.id}:{day}",
        mobile=contact.mobile,
        recipient_name=contact.name,
        department_id=push.department_id,
        template=tpl.provider_code,
        params={"matter": matter, "applicant": applicant, "what": what, "push_id": push.id},
        text=tpl.render({"applicant": applicant, "matter": matter, "what": what}),
    )


@consumers.handles("approval.escalation.raised", consumer="approval.sms")
async def on_card_raised(session: AsyncSession, message: Message) -> None:
    """Yellow: SMS to the receive liaison. Red: to the liaison and the department head."""
    card = await session.get(EscalationCard, int(message.payload["card_id"]))
    push = await session.get(Push, card.push_id) if card else None
    if card is None or push is None:
        return
    matter, applicant = push_names(push)
    what = CARD_STAGE_NAMES[card.stage.value]
    color = CARD_COLOR_NAMES[card.color.value]
    tpl = await template(session, SmsPurpose.ESCALATION)
    text = tpl.render(
        {
            "applicant": applicant,
            "matter": matter,
            "what": what,
            "elapsed": f"{card.elapsed_hours:g}",
            "limit": f"{card.limit_hours:g}",
            "color": color,
            "due": card.due_on.isoformat(),
            "code": push.supervision_code or "",
        }
    )
    params = {
        "matter": matter,
        "applicant": applicant,
        "what": what,
        "color": color,
        "due": card.due_on.isoformat(),
        "code": push.supervision_code,
        "push_id": push.id,
    }
    contact = await liaisons.for_push(session, push, local_today())
    recipients = [("liaison", contact.mobile, contact.name)]
    if card.color == CardColor.RED:
        # The head catalog names for the department today (else a mobile the list carried).
        head = await liaisons.current(session, push.department_id, local_today(), liaisons.HEAD)
        recipients.append(
            ("head", head.mobile, head.name)
            if head is not None
            else ("head", push.department_head_mobile, "部门负责人")
        )
    for role, mobile, name in recipients:
        if not mobile:
            continue  # not published for this linkage: nothing to send
        await sms.send_once(
            session,
            key=f"card:{card.id}:{role}",
            mobile=mobile,
            recipient_name=name,
            department_id=push.department_id,
            template=tpl.provider_code,
            params=params,
            text=text,
        )


@jobs.periodic("approval.escalation_cards")
async def escalation_cards(session: AsyncSession, now: datetime) -> int:
    return len(await escalation.raise_cards(session, now))


@jobs.daily("approval.monthly_summary")
async def monthly_summary(session: AsyncSession, today: date) -> int:
    return await summary.send_monthly_summaries(session, today)


@jobs.daily("approval.overdue_reminders")
async def overdue_reminders(session: AsyncSession, today: date) -> int:
    return await services.emit_overdue_reminders(session, today)


@consumers.handles("coordination.meeting.exchange_recorded", consumer=CONSUMER)
async def on_meeting_exchange(session: AsyncSession, message: Message) -> None:
    """A push on the joint-meeting channel is claimed by recording it in a meeting."""
    await services.claim_at_meeting(session, message.payload)


@consumers.handles("credit.level.changed", consumer=CONSUMER)
async def on_credit_level_changed(session: AsyncSession, message: Message) -> None:
    """Credit flows back: open applications of the subject get a notice in the inbox, live."""
    await services.receive_credit_change(session, message.payload)


@jobs.daily("approval.missing_item_reminders")
async def missing_item_reminders(session: AsyncSession, today: date) -> int:
    """容缺受理: every material past its supply date is reminded once a day."""
    return await facilitation.emit_missing_item_reminders(session, today)


@consumers.handles(facilitation.MISSING_ITEM_OVERDUE, consumer="approval.sms")
async def on_missing_item_overdue(session: AsyncSession, message: Message) -> None:
    """SMS to the approving department's push liaison, once per item and day."""
    payload = message.payload
    department_id = payload.get("department_id")
    if department_id is None:
        return
    day = str(payload["day"])
    contact = await facilitation.missing_item_contact(
        session, int(department_id), date.fromisoformat(day)
    )
    if contact is None or not contact.mobile:
        return  # catalog named no push liaison for the department: nothing to send
    applicant = str(payload.get("applicant_name") or "")
    what = f"容缺材料“{payload.get('name') or ''}”补正"
    matter = f"办件{payload.get('application_id')}"
    tpl = await template(session, SmsPurpose.OVERDUE)
    await sms.send_once(
        session,
        key=f"missing:{payload['item_id']}:{day}",
        mobile=contact.mobile,
        recipient_name=contact.name,
        department_id=int(department_id),
        template=tpl.provider_code,
        params={"matter": matter, "applicant": applicant, "what": what},
        text=tpl.render({"applicant": applicant, "matter": matter, "what": what}),
    )
