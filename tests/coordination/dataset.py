"""A generated world of events for the coordination fact store, and the expected figures
computed independently in Python over the same generated data (not through the fact store).

Events are committed and delivered through the real outbox, so each data set uses its own
department ids, ids and period, far from what other tests write. The periods of the data
sets lie months apart, because findings come up to 40 days after an acceptance.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from api.core import events
from api.core.db import session_scope
from api.registry import consumer_table

CST = timezone(timedelta(hours=8))
MODES = ("NORMAL", "GREEN_CHANNEL", "MISSING_DOCUMENTS", "NOTIFY_AND_COMMIT")
SPECIAL = ("GREEN_CHANNEL", "MISSING_DOCUMENTS", "NOTIFY_AND_COMMIT")
KINDS = ("INSPECTION", "SPOT_CHECK", "ENFORCEMENT_RESULT")
CHANNELS = ("ONLINE", "OWN_SYSTEM", "LETTER", "JOINT_MEETING")
_bases = itertools.count(1)


@dataclass
class Push:
    push_id: int
    application_id: int
    department_id: int
    channel: str
    created_at: datetime
    claimed_at: datetime | None
    feedback_due_at: datetime | None  # only 办结 pushes have a feedback limit
    fed_back_at: datetime | None
    stage: str = "COMPLETED"
    claim_due_at: datetime | None = None
    result: str | None = None


@dataclass
class App:
    application_id: int
    department_id: int
    mode: str
    accepted_at: datetime
    checked: bool
    applied: int = 0  # incentive measures applied / skipped at acceptance
    skipped: int = 0


@dataclass
class Finding:
    finding_id: int
    application_id: int
    department_id: int
    kind: str
    abnormal: bool
    found_on: date


@dataclass
class World:
    since: date
    until: date
    approving: list[int]
    supervising: list[int]
    names: dict[int, str]
    linkages: list[tuple[int, int, int]]  # (linkage id, approving, supervising)
    apps: list[App] = field(default_factory=list)
    pushes: list[Push] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    messages: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    @property
    def departments(self) -> list[int]:
        return self.approving + self.supervising

    def start(self) -> datetime:
        return datetime.combine(self.since, time(), tzinfo=CST)

    def end(self) -> datetime:
        return datetime.combine(self.until + timedelta(days=1), time(), tzinfo=CST)


def generate(seed: int, since: date, until: date, *, list_version: int) -> World:
    rng = random.Random(seed)  # noqa: S311 - reproducible test data
    base = 7_000_000 + 10_000 * (seed % 100) + 1_000 * next(_bases)
    approving = [base + 1, base + 2]
    supervising = [base + 3, base + 4, base + 5]
    names = {d: f"统计测试部门{d}" for d in approving + supervising}
    linkages = [(base + 100 + i, rng.choice(approving), rng.choice(supervising)) for i in range(7)]
    world = World(since, until, approving, supervising, names, linkages)
    period_start = world.start()
    span = (world.end() - period_start).total_seconds()
    ids = itertools.count(base + 200)
    world.messages.append(
        (
            "catalog.linkage_list.published",
            {
                "version": list_version,
                "published_at": (period_start - timedelta(days=1)).isoformat(),
                "entries": [
                    {
                        # Every documented key, so any consumer of the topic can handle it.
                        "linkage_id": lid,
                        "approval_matter_id": lid,
                        "approval_matter_code": f"SP{lid}",
                        "approval_matter_name": f"统计测试审批事项{lid}",
                        "supervision_matter_id": lid + 1,
                        "supervision_matter_code": f"JG{lid}",
                        "supervision_matter_name": f"统计测试监管事项{lid}",
                        "approving_department_id": a,
                        "approving_department_name": names[a],
                        "supervising_department_id": s,
                        "supervising_department_name": names[s],
                        "channel": rng.choice(CHANNELS),
                        "claim_days": 1,
                        "feedback_days": 5,
                        "confidentiality": "INTERNAL",
                    }
                    for lid, a, s in linkages
                ],
            },
        )
    )
    for n in range(60):
        # A few just outside the period (the day before, the day after, in CST).
        if n < 3:
            accepted = period_start - timedelta(hours=rng.randint(1, 20))
        elif n < 6:
            accepted = world.end() + timedelta(hours=rng.randint(0, 20))
        else:
            accepted = period_start + timedelta(seconds=rng.uniform(0, span - 3600))
        accepted = accepted.astimezone(UTC).replace(microsecond=0)
        app = App(next(ids), rng.choice(approving), rng.choice(MODES), accepted, rng.random() < 0.5)
        measures = [
            {
                "measure": measure,
                "kind": "INCENTIVE",
                "decision": rng.choice(("APPLIED", "SKIPPED")),
            }
            for measure in rng.sample(SPECIAL, rng.choice((0, 0, 1, 2)))
        ]
        if rng.random() < 0.2:
            measures.append(
                {"measure": "STRICTER_REVIEW", "kind": "RESTRICTION", "decision": "APPLIED"}
            )
        app.applied = sum(
            1 for m in measures if m["kind"] == "INCENTIVE" and m["decision"] == "APPLIED"
        )
        app.skipped = sum(1 for m in measures if m["decision"] == "SKIPPED")
        world.apps.append(app)
        world.messages.append(
            (
                "approval.application.accepted",
                {
                    "application_id": app.application_id,
                    "matter_id": 1,
                    "applicant_code": "91430900MA4T00001X",
                    "applicant_name": "统计测试有限公司",
                    "handling_mode": app.mode,
                    "accepted_at": accepted.isoformat(),
                    "approving_department_id": app.department_id,
                    "list_version": list_version,
                    "measures": measures,
                },
            )
        )
        if app.checked or rng.random() < 0.3:
            channel = "CHECK" if app.checked else "QUERY"
            world.messages.append(
                (
                    "credit.lookup.recorded",
                    {
                        "lookup_id": next(ids),
                        "application_id": app.application_id,
                        "department_id": app.department_id,
                        "subject_code": "91430900MA4T00001X",
                        "channel": channel,
                        "purpose": "受理审核",
                        "looked_up_at": (accepted - timedelta(minutes=5)).isoformat(),
                    },
                )
            )
        for department in rng.sample(supervising, rng.randint(1, 2)):
            _push(world, rng, ids, app, department)
        for _ in range(rng.choice((0, 0, 1, 2))):
            finding = Finding(
                next(ids),
                app.application_id,
                rng.choice(supervising),
                rng.choice(KINDS),
                rng.random() < 0.4,
                (accepted + timedelta(days=rng.randint(0, 40))).astimezone(CST).date(),
            )
            world.findings.append(finding)
            world.messages.append(
                (
                    "supervision.finding.recorded",
                    {
                        "finding_id": finding.finding_id,
                        "application_id": finding.application_id,
                        "subject_code": "91430900MA4T00001X",
                        "department_id": finding.department_id,
                        "kind": finding.kind,
                        "abnormal": finding.abnormal,
                        "result_type": None,
                        "found_on": finding.found_on.isoformat(),
                        "summary": "生成的监管结果",
                    },
                )
            )
    return world


def _push(world: World, rng: random.Random, ids: Any, app: App, department: int) -> None:
    channel = rng.choice(CHANNELS)
    created = app.accepted_at + timedelta(seconds=rng.randint(1, 600))
    stage = rng.choice(("ACCEPTED", "COMPLETED"))
    claim_due = created + timedelta(days=rng.choice((1, 2, 3)))
    claimed: datetime | None = created if channel == "ONLINE" else None
    if channel != "ONLINE" and rng.random() < 0.7:
        # Some late: up to five days against a due date one to three days out.
        claimed = created + timedelta(seconds=rng.randint(60, 5 * 86400))
    due = created + timedelta(days=rng.choice((3, 5, 7))) if stage == "COMPLETED" else None
    fed_back = None
    result = None
    if due is not None and rng.random() < 0.6:
        fed_back = created + timedelta(seconds=rng.randint(3600, 10 * 86400))
        result = "ABNORMAL_REPORTED" if rng.random() < 0.3 else "NO_ABNORMALITY"
    push = Push(
        next(ids),
        app.application_id,
        department,
        channel,
        created,
        claimed,
        due,
        fed_back,
        stage,
        claim_due,
        result,
    )
    world.pushes.append(push)
    created_msg = (
        "approval.push.created",
        {
            "push_id": push.push_id,
            "application_id": app.application_id,
            "department_id": department,
            "stage": stage,
            "channel": channel,
            "created_at": created.isoformat(),
            "claim_due_at": claim_due.isoformat(),
            "feedback_due_at": None if due is None else due.isoformat(),
        },
    )
    claim_msg = (
        "approval.push.claimed",
        {
            "push_id": push.push_id,
            "claimed_at": claimed.isoformat() if claimed else None,
            "channel": channel,  # an offline push is claimed by its own channel here
        },
    )
    if claimed is not None and channel != "ONLINE" and rng.random() < 0.3:
        world.messages += [claim_msg, created_msg]  # a claim delivered before its push
    else:
        world.messages.append(created_msg)
        if claimed is not None and channel != "ONLINE":
            world.messages.append(claim_msg)
    if fed_back is not None:
        world.messages.append(
            (
                "approval.feedback.recorded",
                {
                    "push_id": push.push_id,
                    "application_id": app.application_id,
                    "department_id": department,
                    "fed_back_at": fed_back.isoformat(),
                    "result": result,
                },
            )
        )
    if rng.random() < 0.2:
        world.messages.append(created_msg)  # a duplicate emission: must change nothing


async def deliver(engine: Any, world: World) -> None:
    async with session_scope(engine) as session:
        for n, (topic, payload) in enumerate(world.messages):
            await events.emit(session, topic=topic, key=str(n), payload=payload)
    while await events.dispatch_pending(engine, consumer_table(), limit=500):
        pass


# --- the independent computation -------------------------------------------------------------


def _nearest_rank(values: list[int], percent: int) -> int | None:
    if not values:
        return None
    ordered = sorted(values)
    rank = -(-percent * len(ordered) // 100)  # ceil(p·n / 100)
    return ordered[rank - 1]


def expected(world: World, department: int | None, now: datetime) -> dict[str, Any]:
    """The figures of one department (or the city) as the GraphQL answer states them."""

    def mine(dept: int) -> bool:
        return department is None or dept == department

    def inside(moment: datetime) -> bool:
        return world.start() <= moment < world.end()

    apps = {a.application_id: a for a in world.apps}
    in_force = [lid for lid, a, s in world.linkages if department is None or department in {a, s}]
    pushes = [p for p in world.pushes if inside(p.created_at)]
    sent = [p for p in pushes if mine(apps[p.application_id].department_id)]
    received = [p for p in pushes if mine(p.department_id)]
    claimed = [p for p in received if p.claimed_at is not None]
    claim_seconds = [int((p.claimed_at - p.created_at).total_seconds()) for p in claimed]  # type: ignore[operator]
    fed = [p for p in received if p.fed_back_at is not None]
    feedback_seconds = [int((p.fed_back_at - p.created_at).total_seconds()) for p in fed]  # type: ignore[operator]
    limited = [p for p in received if p.feedback_due_at is not None]
    due = [p for p in limited if p.fed_back_at is not None or p.feedback_due_at < now]  # type: ignore[operator]
    on_time = [p for p in fed if p.fed_back_at <= p.feedback_due_at]  # type: ignore[operator]
    closed_late = [p for p in fed if p.fed_back_at > p.feedback_due_at]  # type: ignore[operator]
    overdue = [p for p in limited if p.fed_back_at is None and p.feedback_due_at < now]  # type: ignore[operator]
    claimed_late = [
        p
        for p in claimed
        if p.channel != "ONLINE" and p.claimed_at > p.claim_due_at  # type: ignore[operator]
    ]
    claimed_on_time = [p for p in claimed if p not in claimed_late]
    unclaimed_overdue = [p for p in received if p.claimed_at is None and p.claim_due_at < now]  # type: ignore[operator]
    open_overdue = {p.push_id for p in unclaimed_overdue} | {p.push_id for p in overdue}
    accepted = [a for a in world.apps if inside(a.accepted_at) and mine(a.department_id)]
    checked = [a for a in accepted if a.checked]
    findings = [
        f
        for f in world.findings
        if world.since <= f.found_on <= world.until and mine(f.department_id)
    ]
    by_app = defaultdict(list)
    for f in world.findings:
        by_app[f.application_id].append(f)
    modes = []
    for mode in sorted(SPECIAL):
        of_mode = [a for a in accepted if a.mode == mode]
        if of_mode:
            modes.append(
                {
                    "handlingMode": mode,
                    "applications": len(of_mode),
                    "withFindings": sum(1 for a in of_mode if by_app[a.application_id]),
                    "withAbnormalFindings": sum(
                        1 for a in of_mode if any(f.abnormal for f in by_app[a.application_id])
                    ),
                }
            )

    def ratio(part: list[Any], whole: list[Any]) -> float | None:
        return len(part) / len(whole) if whole else None

    return {
        "since": world.since.isoformat(),
        "until": world.until.isoformat(),
        "department": None if department is None else {"id": str(department)},
        "linkagesInForce": len(in_force),
        "pushesSent": len(pushes) if department is None else len(sent),
        "pushesReceived": len(received),
        "receivedAtAcceptance": sum(1 for p in received if p.stage == "ACCEPTED"),
        "receivedAtCompletion": sum(1 for p in received if p.stage == "COMPLETED"),
        "pushesClaimed": len(claimed),
        "claimsByMethod": [
            {"method": m, "count": sum(1 for p in claimed if p.channel == m)}
            for m in ("ONLINE", "LETTER", "OWN_SYSTEM", "JOINT_MEETING")
        ],
        "claimRate": ratio(claimed, received),
        "claimsDue": len(claimed) + len(unclaimed_overdue),
        "claimedOnTime": len(claimed_on_time),
        "claimedLate": len(claimed_late),
        "claimOnTimeRate": ratio(claimed_on_time, claimed + unclaimed_overdue),
        "feedbackLimited": len(limited),
        "closedLate": len(closed_late),
        "openOverdue": len(open_overdue),
        "abnormalResults": sum(1 for p in fed if p.result == "ABNORMAL_REPORTED"),
        "facilitationApplied": sum(1 for a in accepted if a.applied),
        "facilitationSkipped": sum(1 for a in accepted if a.skipped),
        "claimSecondsMedian": _nearest_rank(claim_seconds, 50),
        "claimSecondsP90": _nearest_rank(claim_seconds, 90),
        "feedbackSecondsMedian": _nearest_rank(feedback_seconds, 50),
        "feedbackSecondsP90": _nearest_rank(feedback_seconds, 90),
        "feedbackDue": len(due),
        "feedbackOnTime": len(on_time),
        "onTimeFeedbackRate": ratio(on_time, due),
        "overdue": len(overdue),
        "acceptances": len(accepted),
        "acceptancesWithCreditCheck": len(checked),
        "creditCheckRate": ratio(checked, accepted),
        "findingsByKind": [
            {"kind": k, "count": c} for k, c in sorted(Counter(f.kind for f in findings).items())
        ],
        "abnormalFindings": sum(1 for f in findings if f.abnormal),
        "handlingModes": modes,
    }


def expected_cases(world: World, department: int | None, now: datetime) -> dict[str, list[int]]:
    """The push ids (or application ids) behind every listable figure, as GraphQL names it."""

    def mine(dept: int) -> bool:
        return department is None or dept == department

    def inside(moment: datetime) -> bool:
        return world.start() <= moment < world.end()

    received = [p for p in world.pushes if inside(p.created_at) and mine(p.department_id)]
    claimed = [p for p in received if p.claimed_at is not None]
    late = [p for p in claimed if p.channel != "ONLINE" and p.claimed_at > p.claim_due_at]  # type: ignore[operator]
    unclaimed = [p for p in received if p.claimed_at is None and p.claim_due_at < now]  # type: ignore[operator]
    limited = [p for p in received if p.feedback_due_at is not None]
    fed = [p for p in limited if p.fed_back_at is not None]
    overdue = [p for p in limited if p.fed_back_at is None and p.feedback_due_at < now]  # type: ignore[operator]
    accepted = [a for a in world.apps if inside(a.accepted_at) and mine(a.department_id)]
    pushes = {
        "PUSHES_RECEIVED": received,
        "RECEIVED_AT_ACCEPTANCE": [p for p in received if p.stage == "ACCEPTED"],
        "RECEIVED_AT_COMPLETION": [p for p in received if p.stage == "COMPLETED"],
        "PUSHES_CLAIMED": claimed,
        "CLAIMS_DUE": claimed + unclaimed,
        "CLAIMED_ON_TIME": [p for p in claimed if p not in late],
        "CLAIMED_LATE": late,
        "FEEDBACK_LIMITED": limited,
        "FEEDBACK_DUE": fed + overdue,
        "FEEDBACK_ON_TIME": [p for p in fed if p.fed_back_at <= p.feedback_due_at],  # type: ignore[operator]
        "CLOSED_LATE": [p for p in fed if p.fed_back_at > p.feedback_due_at],  # type: ignore[operator]
        "OVERDUE": overdue,
        "OPEN_OVERDUE": [p for p in received if p in unclaimed or p in overdue],
        "ABNORMAL_RESULTS": [p for p in fed if p.result == "ABNORMAL_REPORTED"],
    }
    apps = {
        "ACCEPTANCES": accepted,
        "ACCEPTANCES_WITH_CREDIT_CHECK": [a for a in accepted if a.checked],
        "FACILITATION_APPLIED": [a for a in accepted if a.applied],
        "FACILITATION_SKIPPED": [a for a in accepted if a.skipped],
    }
    out = {name: sorted(p.push_id for p in rows) for name, rows in pushes.items()}
    out |= {name: sorted(a.application_id for a in rows) for name, rows in apps.items()}
    return out
