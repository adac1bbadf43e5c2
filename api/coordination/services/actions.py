"""Escalations that finish: a decision's actions, their completion, and the close.

A decided escalation (已决定) carries actions, each with a kind, an owner department, a due
date and a state. An action of kind REVISE_LIST (修订清单) names linkages and is done when
published list versions have changed (added, changed or removed) every one of them: the
``catalog.linkage_list.published`` consumer calls ``apply_list_revision`` with the version's
diff; the action is done at the publication time (business time, never the delivery time).
Other kinds are marked done by their owner department or the coordination office
(``complete_action``). When the last action is done the escalation closes (已办结) with a
transition of its own. Stage durations are counted in working days on the holiday calendar.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.coordination.models import (
    ActionKind,
    ActionState,
    Escalation,
    EscalationAction,
    EscalationActionLinkage,
    EscalationParty,
    EscalationStatus,
    EscalationTransition,
    LinkageFact,
    ListChange,
)
from api.core.clock import as_aware, local_date, local_today, utcnow
from api.core.errors import FieldIssue, ValidationFailed
from api.core.scope import Scope
from api.core.workdays import is_working_day, overrides_between

MAX_PAGE = 100
MAX_LINKAGES = 50
MIN_YEAR, MAX_YEAR = 2000, 2100
CHANGES = (ListChange.ADDED, ListChange.CHANGED, ListChange.REMOVED)


@dataclass
class ActionData:
    kind: ActionKind
    owner_department_id: int
    due_on: date
    description: str = ""
    linkage_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class ActionActor:
    username: str
    department_id: int
    office: bool  # the coordination office (city-wide scope)


# --- working days ---------------------------------------------------------------------------


async def working_days_of(
    session: AsyncSession, spans: Sequence[tuple[datetime, datetime]]
) -> list[int]:
    """Working days of each span (start, end): the working days after the start's local date
    up to and including the end's (0 within one day). One calendar query for all spans."""
    if not spans:
        return []
    days = [(local_date(as_aware(a)), local_date(as_aware(b))) for a, b in spans]
    first = min(a for a, _ in days)
    last = max(b for _, b in days)
    overrides = await overrides_between(session, first, last) if last > first else {}
    out = []
    for start, end in days:
        count = 0
        current = start
        while current < end:
            current += timedelta(days=1)
            count += is_working_day(current, overrides)
        out.append(count)
    return out


# --- adding actions -------------------------------------------------------------------------


def _check_linkages(
    action: ActionData, where: str, known: set[int], issues: list[FieldIssue]
) -> None:
    if action.kind != ActionKind.REVISE_LIST:
        if action.linkage_ids:
            issues.append(
                FieldIssue(f"{where}linkageIds", "NOT_ALLOWED", "仅修订清单类事项可列明联动事项")
            )
        return
    if not action.linkage_ids:
        issues.append(FieldIssue(f"{where}linkageIds", "REQUIRED", "修订清单须列明所涉联动事项"))
    elif len(set(action.linkage_ids)) > MAX_LINKAGES:
        issues.append(FieldIssue(f"{where}linkageIds", "TOO_MANY", f"至多{MAX_LINKAGES}个联动事项"))
    for j, linkage_id in enumerate(action.linkage_ids):
        if linkage_id not in known:
            issues.append(
                FieldIssue(f"{where}linkageIds.{j}", "NOT_FOUND", "联动事项不在已发布的清单中")
            )


def _check_action(
    action: ActionData, where: str, known: set[int], today: date, issues: list[FieldIssue]
) -> None:
    text = action.description.strip()
    if len(text) > 2000:  # noqa: PLR2004
        issues.append(FieldIssue(f"{where}description", "TOO_LONG", "不能超过2000字"))
    if action.kind != ActionKind.REVISE_LIST and not text:
        issues.append(FieldIssue(f"{where}description", "REQUIRED", "请填写落实事项内容"))
    if not MIN_YEAR <= action.due_on.year <= MAX_YEAR:
        message = f"日期须在{MIN_YEAR}年至{MAX_YEAR}年之间"
        issues.append(FieldIssue(f"{where}dueOn", "OUT_OF_RANGE", message))
    elif action.due_on < today:
        issues.append(FieldIssue(f"{where}dueOn", "IN_THE_PAST", "完成时限不能早于今天"))
    _check_linkages(action, where, known, issues)


async def check_actions(
    session: AsyncSession, actions: Sequence[ActionData], prefix: str
) -> list[FieldIssue]:
    """Every problem of the actions, each naming its field (``{prefix}{i}.dueOn`` …)."""
    issues: list[FieldIssue] = []
    named = {i for a in actions for i in a.linkage_ids}
    known: set[int] = set()
    if named:
        rows = await session.exec(
            select(LinkageFact.linkage_id).where(col(LinkageFact.linkage_id).in_(sorted(named)))
        )
        known = set(rows.all())
    today = local_today()
    for i, action in enumerate(actions):
        _check_action(action, f"{prefix}{i}.", known, today, issues)
    return issues


def _description(action: ActionData) -> str:
    text = action.description.strip()
    if text or action.kind != ActionKind.REVISE_LIST:
        return text
    ids = "、".join(f"#{i}" for i in sorted(set(action.linkage_ids)))
    return f"修订清单：联动事项 {ids}"


async def _insert_actions(
    session: AsyncSession, escalation: Escalation, actor: str, actions: Sequence[ActionData]
) -> list[EscalationAction]:
    assert escalation.id is not None  # noqa: S101 - loaded rows have ids
    parties = set(
        (
            await session.exec(
                select(EscalationParty.department_id).where(
                    EscalationParty.escalation_id == escalation.id
                )
            )
        ).all()
    )
    made = []
    for data in actions:
        action = EscalationAction(
            escalation_id=escalation.id,
            kind=data.kind,
            description=_description(data),
            owner_department_id=data.owner_department_id,
            due_on=data.due_on,
            created_by=actor,
        )
        session.add(action)
        await session.flush()
        assert action.id is not None  # noqa: S101 - flushed
        for linkage_id in sorted(set(data.linkage_ids)):
            session.add(EscalationActionLinkage(action_id=action.id, linkage_id=linkage_id))
        # The owner department sees the escalation it has to act on.
        if data.owner_department_id not in parties:
            parties.add(data.owner_department_id)
            session.add(
                EscalationParty(escalation_id=escalation.id, department_id=data.owner_department_id)
            )
        made.append(action)
    await session.flush()
    return made


async def validate_actions(
    session: AsyncSession, actions: Sequence[ActionData], prefix: str = "actions."
) -> None:
    issues = await check_actions(session, actions, prefix)
    if issues:
        raise ValidationFailed(issues)


async def record_actions(
    session: AsyncSession, escalation: Escalation, actor: str, actions: Sequence[ActionData]
) -> list[EscalationAction]:
    """Store already validated actions of a decision (``validate_actions`` first)."""
    return await _insert_actions(session, escalation, actor, actions)


async def add_action(
    *, session: AsyncSession, actor: ActionActor, escalation_id: int, data: ActionData
) -> EscalationAction:
    """One more action on a decided escalation (the coordination office)."""
    escalation = await session.get(Escalation, escalation_id)
    if escalation is None:
        raise ValidationFailed.single("escalationId", "NOT_FOUND", "提请事项不存在")
    if escalation.status == EscalationStatus.CLOSED:
        raise ValidationFailed.single("escalationId", "ALREADY_CLOSED", "该事项已办结")
    if escalation.status != EscalationStatus.DECIDED:
        raise ValidationFailed.single("escalationId", "NOT_DECIDED", "作出决定后方可增加落实事项")
    await validate_actions(session, [data], prefix="")
    (action,) = await _insert_actions(session, escalation, actor.username, [data])
    return action


# --- completing actions and closing ---------------------------------------------------------


async def _close_if_done(
    session: AsyncSession, escalation: Escalation, actor: str, at: datetime, note: str
) -> None:
    if escalation.status != EscalationStatus.DECIDED:
        return
    counts = await session.exec(
        select(
            sa.func.count(),
            sa.func.sum(sa.case((col(EscalationAction.state) == ActionState.OPEN, 1), else_=0)),
        ).where(EscalationAction.escalation_id == escalation.id)
    )
    total, still_open = counts.one()
    if not total or still_open:
        return
    assert escalation.id is not None  # noqa: S101 - loaded rows have ids
    escalation.status = EscalationStatus.CLOSED
    escalation.closed_at = at
    session.add(escalation)
    session.add(
        EscalationTransition(
            escalation_id=escalation.id,
            status=EscalationStatus.CLOSED,
            at=at,
            actor=actor,
            note=note,
        )
    )
    await session.flush()


async def complete_action(
    *, session: AsyncSession, actor: ActionActor, scope: Scope, action_id: int, note: str
) -> EscalationAction:
    """The owner department (or the coordination office) marks an action done."""
    action = await session.get(EscalationAction, action_id)
    escalation = await session.get(Escalation, action.escalation_id) if action else None
    visible = escalation is not None and (
        scope.city_wide
        or (
            await session.exec(
                select(EscalationParty.id).where(
                    EscalationParty.escalation_id == escalation.id,
                    EscalationParty.department_id == scope.department_id,
                )
            )
        ).first()
        is not None
    )
    if action is None or escalation is None or not visible:
        raise ValidationFailed.single("id", "NOT_FOUND", "落实事项不存在")
    if not actor.office and action.owner_department_id != actor.department_id:
        raise ValidationFailed.single(
            "id", "NOT_OWN_DEPARTMENT", "仅责任部门或协调办可登记该事项完成"
        )
    if action.kind == ActionKind.REVISE_LIST:
        raise ValidationFailed.single(
            "id", "AUTOMATIC", "修订清单事项在发布修订所列联动事项的清单版本后自动完成"
        )
    if action.state == ActionState.DONE:
        raise ValidationFailed.single("id", "ALREADY_DONE", "该事项已完成")
    if len(note) > 2000:  # noqa: PLR2004
        raise ValidationFailed.single("note", "TOO_LONG", "不能超过2000字")
    now = utcnow()
    action.state = ActionState.DONE
    action.done_at = now
    action.done_by = actor.username
    action.note = note.strip()
    session.add(action)
    await session.flush()
    await _close_if_done(session, escalation, actor.username, now, "落实事项全部完成")
    return action


async def apply_list_revision(
    session: AsyncSession,
    *,
    version: int,
    published_at: datetime,
    added: Sequence[int],
    changed: Sequence[int],
    removed: Sequence[int],
) -> list[int]:
    """A published version changed these linkages: REVISE_LIST actions created before the
    publication that name them record the version; an action all of whose linkages are
    revised is done at ``published_at``; an escalation whose last action that was closes.
    Idempotent (a linkage already revised keeps its first version). Returns the actions done."""
    change_of: dict[int, ListChange] = {}
    for kind, ids in zip(CHANGES, (added, changed, removed), strict=True):
        for linkage_id in ids:
            change_of.setdefault(int(linkage_id), kind)
    if not change_of:
        return []
    rows = await session.exec(
        select(EscalationActionLinkage)
        .join(EscalationAction, col(EscalationAction.id) == col(EscalationActionLinkage.action_id))
        .where(
            col(EscalationActionLinkage.linkage_id).in_(sorted(change_of)),
            col(EscalationActionLinkage.list_version).is_(None),
            EscalationAction.state == ActionState.OPEN,
            EscalationAction.kind == ActionKind.REVISE_LIST,
            col(EscalationAction.created_at) <= published_at,
        )
    )
    touched: set[int] = set()
    for row in rows.all():
        row.list_version = version
        row.change = change_of[row.linkage_id].value
        session.add(row)
        touched.add(row.action_id)
    await session.flush()
    done: list[int] = []
    for action_id in sorted(touched):
        waiting = await session.exec(
            select(sa.func.count())
            .select_from(EscalationActionLinkage)
            .where(
                EscalationActionLinkage.action_id == action_id,
                col(EscalationActionLinkage.list_version).is_(None),
            )
        )
        if waiting.one():
            continue
        action = await session.get(EscalationAction, action_id)
        assert action is not None  # noqa: S101 - joined above
        action.state = ActionState.DONE
        action.done_at = published_at
        action.list_version = version
        session.add(action)
        await session.flush()
        done.append(action_id)
        escalation = await session.get(Escalation, action.escalation_id)
        assert escalation is not None  # noqa: S101 - foreign key
        await _close_if_done(
            session, escalation, "", published_at, f"清单第{version}版发布，所列联动事项已修订"
        )
    return done


# --- reading --------------------------------------------------------------------------------


async def overdue_actions(
    *, session: AsyncSession, scope: Scope, limit: int, offset: int, today: date | None = None
) -> tuple[int, Sequence[tuple[EscalationAction, Escalation]]]:
    """Open actions past their due date, oldest due first: the coordination office sees all,
    a department the actions it owns."""
    day = today or local_today()
    where: list[sa.ColumnElement[bool]] = [
        col(EscalationAction.state) == ActionState.OPEN,
        col(EscalationAction.due_on) < day,
    ]
    if not scope.city_wide:
        where.append(col(EscalationAction.owner_department_id) == scope.department_id)
    total = await session.exec(select(sa.func.count()).select_from(EscalationAction).where(*where))
    stmt = (
        select(EscalationAction, Escalation)
        .join(Escalation, col(Escalation.id) == col(EscalationAction.escalation_id))
        .where(*where)
        .order_by(col(EscalationAction.due_on), col(EscalationAction.id))
        .limit(min(limit, MAX_PAGE))
        .offset(offset)
    )
    pairs = (await session.exec(stmt)).all()
    return int(total.one()), [(a, e) for a, e in pairs]


def is_overdue(action: EscalationAction, today: date | None = None) -> bool:
    return action.state == ActionState.OPEN and action.due_on < (today or local_today())
