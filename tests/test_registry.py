"""The registry wires every subgraph's consumers into the worker, and refuses a gap."""

from __future__ import annotations

import dataclasses
import re

import pytest

from api import registry
from api.core.config import ROOT_DIR
from api.core.events import MissingConsumersError

EVENTS_MD = ROOT_DIR / "docs" / "EVENTS.md"


def _documented() -> dict[str, dict[str, str]]:
    """Each topic row of docs/EVENTS.md's tables: emitter, status (when given), consumers."""
    rows: dict[str, dict[str, str]] = {}
    header: list[str] = []
    for line in EVENTS_MD.read_text("utf-8").splitlines():
        if not line.startswith("|"):
            header = []
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if cells[0] == "topic":
            header = cells
            continue
        match = re.fullmatch(r"`([a-z_.]+)`", cells[0])
        if header and match:
            rows[match.group(1)] = dict(zip(header, cells, strict=True))
    return rows


def test_every_documented_topic_has_a_consumer_in_the_workers_table():
    tables = registry.worker_tables()  # what `shenguan serve`'s worker and `shenguan worker` run
    documented = _documented()
    assert len(documented) >= 12

    unconsumed = {t for t in documented if not tables.consumers.subscriptions(t)}

    assert unconsumed == set(registry.AWAITING_CONSUMER)


def test_topics_awaiting_a_consumer_have_none_and_are_documented_so():
    documented = _documented()
    consumers = registry.worker_tables().consumers
    for topic in registry.AWAITING_CONSUMER:
        assert consumers.subscriptions(topic) == (), f"{topic} has a consumer: drop the entry"
        assert documented[topic]["consumers"].startswith("none yet"), topic


def test_coordination_consumes_what_feeds_its_statistics():
    consumers = registry.worker_tables().consumers
    for topic in (
        "approval.application.accepted",
        "approval.application.completed",
        "approval.push.created",
        "approval.push.claimed",
        "approval.feedback.recorded",
        "supervision.finding.recorded",
        "credit.lookup.recorded",
        "catalog.linkage_list.published",
    ):
        assert "coordination" in {s.consumer for s in consumers.subscriptions(topic)}, topic


def test_each_subgraph_declares_exactly_the_topics_the_docs_say_it_emits():
    documented = {
        topic: row["emitted by"].split()[0]
        for topic, row in _documented().items()
        if "planned" not in row.get("status", "")
    }
    declared = registry.emitted_topics(registry.SUBGRAPHS)

    assert declared == documented


def test_leaving_out_a_subgraphs_consumers_fails_the_start_up_check_naming_its_topics():
    without = tuple(
        dataclasses.replace(s, handlers=None) if s.name == "coordination" else s
        for s in registry.SUBGRAPHS
    )

    with pytest.raises(MissingConsumersError) as failure:
        registry.worker_tables(without)

    # The topics only coordination consumes, each named with its emitter.
    assert failure.value.topics == (
        "approval.feedback.recorded",
        "approval.push.claimed",
        "credit.lookup.recorded",
    )
    assert str(failure.value) == (
        "no consumer registered for: approval.feedback.recorded (emitted by approval), "
        "approval.push.claimed (emitted by approval), "
        "credit.lookup.recorded (emitted by credit)"
    )


def test_leaving_out_a_whole_subgraph_fails_for_the_topics_it_alone_consumed():
    without = tuple(s for s in registry.SUBGRAPHS if s.name != "approval")

    with pytest.raises(MissingConsumersError) as failure:
        registry.worker_tables(without)

    assert failure.value.topics == (
        "catalog.liaison.appointed",
        "coordination.meeting.exchange_recorded",
        "credit.level.changed",
    )


def test_every_subgraph_has_a_schema_an_app_and_its_own_port_setting():
    assert registry.NAMES == (
        "catalog",
        "approval",
        "supervision",
        "credit",
        "access",
        "coordination",
    )
    for subgraph in registry.SUBGRAPHS:
        assert subgraph.schema().as_str().startswith("schema @link")
        assert subgraph.app == f"api.{subgraph.name}.app:app"
    assert registry.by_name("coordination").port_setting == "SHENGUAN_COORDINATION_PORT"
    assert len(set(registry.ports().values())) == len(registry.NAMES)


def test_jobs_of_every_subgraph_are_in_the_workers_table():
    jobs = registry.worker_tables().jobs

    assert sorted(jobs.daily_jobs) == [
        "approval.missing_item_reminders",
        "approval.monthly_summary",
        "approval.overdue_reminders",
    ]
    assert sorted(jobs.periodic_jobs) == ["approval.escalation_cards"]
