"""Every subgraph's outbox handlers and daily jobs, for processes that run a worker."""

from api.approval import handlers as approval_handlers
from api.coordination import handlers as coordination_handlers
from api.credit import handlers as credit_handlers
from api.supervision import handlers as supervision_handlers

__all__ = ["approval_handlers", "coordination_handlers", "credit_handlers", "supervision_handlers"]
