"""One fresh database and stack per story module (a story's figures are its own)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.databases import migrated_database
from tests.scenarios.harness import (
    CITY,
    City,
    CityPlan,
    Clock,
    Gateway,
    Scenario,
    build_city,
    start_stack,
)


@pytest.fixture(scope="module")
def city_plan() -> CityPlan:
    """The city a story builds; a story module overrides this fixture to extend ``CITY``."""
    return CITY


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory, city_plan: CityPlan) -> Iterator[Scenario]:
    work = Path(tmp_path_factory.mktemp("scenario"))
    clock = Clock(work / "clock")
    # Every story starts on Monday 1 March 2027, 10:00 in Yiyang (no holiday that month).
    clock.set_local(2027, 3, 1)
    with migrated_database(work) as url:
        stack = start_stack(work, url, clock.path)
        gateway = Gateway(stack.gateway_url)
        try:
            scenario = Scenario(
                stack=stack, gateway=gateway, clock=clock, city=City(plan=city_plan)
            )
            build_city(scenario, city_plan)
            yield scenario
        finally:
            gateway.close()
            stack.stop()
