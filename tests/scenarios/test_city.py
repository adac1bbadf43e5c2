"""The harness builds a city through the API on a stack started as `shenguan serve --no-demo`."""

from __future__ import annotations

from tests.scenarios.harness import Scenario


def test_the_city_is_built_and_its_list_published_through_the_gateway(scenario: Scenario) -> None:
    city = scenario.city
    listing = scenario.gateway.data(
        "{ publishedLinkageList { number entries { approvalMatterName channel } } }",
        token=scenario.as_user("clerk"),
    )
    assert city.list_version == 1
    entries = listing["publishedLinkageList"]
    assert entries["number"] == 1
    assert sorted((e["approvalMatterName"], e["channel"]) for e in entries["entries"]) == [
        ("公共场所卫生许可", "ONLINE"),
        ("食品经营许可", "LETTER"),
        ("食品经营许可", "ONLINE"),
    ]
