"""Imports every table module so SQLModel.metadata is complete (Alembic, tests)."""

from api.approval import models as approval_models
from api.catalog import models as catalog_models
from api.coordination import models as coordination_models
from api.core import audit as core_audit
from api.core import events as core_events
from api.core import models as core_models
from api.core import sms as core_sms
from api.core import sms_templates as core_sms_templates
from api.core import workdays as core_workdays
from api.core import worker as core_worker
from api.credit import models as credit_models
from api.supervision import models as supervision_models

__all__ = [
    "approval_models",
    "catalog_models",
    "coordination_models",
    "core_audit",
    "core_events",
    "core_models",
    "core_sms",
    "core_sms_templates",
    "core_workdays",
    "core_worker",
    "credit_models",
    "supervision_models",
]
