"""Tables of the access subgraph (``access_`` prefix, Alembic branch ``access``).

They are defined in the core because every subgraph reads them: sessions and API keys to
authenticate, the policy version to reload its enforcer, the audit table to append to.
"""

from api.core.audit import AuditAction, AuditEntry, AuditOutcome
from api.core.models import AccessSession, ApiKey, CasbinRule, LoginState, PolicyVersion, User

__all__ = [
    "AccessSession",
    "ApiKey",
    "AuditAction",
    "AuditEntry",
    "AuditOutcome",
    "CasbinRule",
    "LoginState",
    "PolicyVersion",
    "User",
]
