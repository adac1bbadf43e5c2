"""The launcher starts every process or none, and says which one ended."""

import os
import subprocess
import sys
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


def test_wait_names_the_child_that_ended_and_shows_its_last_log_lines(tmp_path: Path):
    stack = Stack(
        host="127.0.0.1",
        gateway_port=1,
        subgraph_ports={},
        env=dict(os.environ),
        work_dir=tmp_path,
        log_dir=tmp_path / "logs",
    )
    (tmp_path / "logs").mkdir()
    log = (tmp_path / "logs" / "credit.log").open("w")
    script = "import sys; print('first'); print('Traceback: boom'); sys.exit(3)"
    stack.processes["credit"] = subprocess.Popen(
        [sys.executable, "-c", script], stdout=log, stderr=subprocess.STDOUT
    )
    stack.processes["catalog"] = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(30)"]
    )
    try:
        assert stack.wait() == ("credit", 3)
        assert stack.log_tail("credit", lines=1) == "Traceback: boom"
        assert stack.log_tail("catalog") == ""
    finally:
        stack.processes["catalog"].kill()
        stack.processes["catalog"].wait()
        log.close()
