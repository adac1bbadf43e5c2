"""The launcher starts every process or none."""

import os
from pathlib import Path

import pytest

from api.launcher import Stack, StartupError


def test_a_stack_without_a_port_for_every_subgraph_starts_nothing(tmp_path: Path):
    stack = Stack(
        host="127.0.0.1",
        gateway_port=1,
        subgraph_ports={"catalog": 2},
        env=dict(os.environ),
        work_dir=tmp_path,
    )

    with pytest.raises(StartupError, match="no port configured for subgraph"):
        stack.start()
    assert stack.processes == {}
