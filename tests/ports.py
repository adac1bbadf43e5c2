"""Ports for the processes a test starts.

A port the kernel hands out for ``bind(0)`` comes from the ephemeral range, the same range it
draws the local ports of outgoing connections from: between picking the port and the
gateway binding it seconds later, a connection to PostgreSQL or a subgraph can take it
(seen in CI: the gateway of the month scenario exited with EADDRINUSE). Ports below that
range are never handed out by the kernel, so only another test could take one; a random
pick that binds at the time keeps that unlikely across the xdist workers.
"""

from __future__ import annotations

import random
import socket
from pathlib import Path

_RANGE_FILE = Path("/proc/sys/net/ipv4/ip_local_port_range")
_LOWEST = 20000


def _ephemeral_start() -> int:
    try:
        return int(_RANGE_FILE.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768  # Linux's default


def free_port() -> int:
    """A loopback port nothing listens on, outside the kernel's ephemeral range."""
    top = _ephemeral_start() - 1
    for _ in range(200):
        port = random.randint(_LOWEST, top)  # noqa: S311 - not a secret
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    # Every try was taken (an unusual machine): fall back to the kernel's choice.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
