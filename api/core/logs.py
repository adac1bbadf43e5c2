"""Every log line names its request and trace: ``[request <id> trace <id>]``.

``RequestId`` (api/core/http.py) sets the request id for the rest of the request; the record
factory installed by ``configure`` copies it, and the current trace id (api/core/tracing.py;
``-`` when tracing is off), onto every record, whichever logger wrote it. A line outside a
request shows ``-``.
"""

from __future__ import annotations

import logging
from contextvars import ContextVar
from typing import Any, Final

from api.core.tracing import current_trace_id

REQUEST_ID: ContextVar[str] = ContextVar("shenguan_request_id", default="-")
FORMAT: Final = (
    "%(asctime)s %(levelname)s %(name)s [request %(request_id)s trace %(trace_id)s] %(message)s"
)

_installed = False


def install_record_factory() -> None:
    """Give every record ``request_id`` and ``trace_id`` (once per process)."""
    global _installed  # noqa: PLW0603 - one factory per process
    if _installed:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        record.request_id = REQUEST_ID.get()
        record.trace_id = current_trace_id()
        return record

    logging.setLogRecordFactory(factory)
    _installed = True


def configure(level: int = logging.WARNING) -> None:
    """The process's log format; a handler on the root logger unless one is there already
    (uvicorn configures only its own loggers; pytest's capture keeps its own). Warnings and
    errors by default, as uvicorn's ``--log-level warning`` for its own."""
    install_record_factory()
    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
        root.setLevel(level)
