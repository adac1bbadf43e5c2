"""The Casbin model and default policy, checked with pycasbin's own file adapter."""

from pathlib import Path

import casbin
import pytest

HERE = Path(__file__).parent


@pytest.fixture
def enforcer() -> casbin.Enforcer:
    e = casbin.Enforcer(str(HERE / "model.conf"), str(HERE / "policy.csv"))
    e.add_grouping_policy("clerk", "approval_clerk", "1")
    e.add_grouping_policy("liaison", "supervision_liaison", "2")
    e.add_grouping_policy("coord", "coordination_office", "9")
    e.add_grouping_policy("admin", "system_admin", "9")
    e.add_grouping_policy("officer", "credit_officer", "3")
    e.add_grouping_policy("head", "department_head", "1")
    e.add_grouping_policy("system", "connected_system", "1")
    return e


@pytest.mark.parametrize(
    ("sub", "dom", "obj", "act", "allowed"),
    [
        ("clerk", "1", "application", "write", True),
        ("clerk", "1", "finding", "write", False),
        ("clerk", "2", "application", "read", False),  # the role is held in department 1 only
        ("liaison", "2", "finding", "write", True),
        ("liaison", "2", "application", "write", False),
        ("coord", "9", "application", "read", True),
        ("coord", "9", "application", "write", False),
        ("coord", "9", "linkage", "publish", True),
        ("coord", "9", "linkage", "write", False),  # the approving department edits
        ("coord", "9", "linkage", "import", True),
        ("clerk", "1", "linkage", "write", True),
        ("clerk", "1", "linkage", "confirm", False),  # the supervising side confirms
        ("liaison", "2", "linkage", "confirm", True),
        ("liaison", "2", "linkage", "write", False),
        ("liaison", "2", "person", "write", False),
        ("admin", "9", "policy", "write", True),
        ("admin", "9", "policy", "admin", True),
        ("admin", "9", "audit", "admin", True),
        ("stranger", "1", "department", "read", False),
        # Reading everything city-wide covers neither personal data nor administration.
        ("coord", "9", "personal_data", "view", False),
        ("coord", "9", "audit", "admin", False),
        ("coord", "9", "policy", "admin", False),
        ("coord", "9", "account", "admin", False),
        ("clerk", "1", "personal_data", "view", True),
        ("clerk", "1", "audit", "admin", False),
        ("clerk", "1", "scope", "city", False),
        ("coord", "9", "scope", "city", True),
        # Credit: department users look up with a purpose; only credit reads everything.
        ("clerk", "1", "credit_lookup", "read", True),
        # Coordination: departments read their own meetings and statistics; the office decides.
        ("head", "1", "meeting", "write", True),
        ("head", "1", "escalation", "write", True),
        ("head", "1", "escalation", "decide", False),
        ("clerk", "1", "statistics", "read", True),
        ("clerk", "1", "meeting", "write", False),
        ("clerk", "1", "assessment", "read", False),
        ("officer", "3", "statistics", "read", True),
        ("coord", "9", "assessment", "read", True),
        ("coord", "9", "assessment", "write", True),
        ("coord", "9", "assessment", "export", True),
        ("coord", "9", "escalation", "decide", True),
        ("head", "1", "assessment", "export", False),
        ("clerk", "1", "credit_record", "read", False),
        ("clerk", "1", "subject", "read", False),  # no browsing without a purpose
        ("clerk", "1", "credit_lookup", "export", False),
        ("clerk", "1", "credit_lookup_log", "read", False),
        ("clerk", "1", "subject_identity", "read", False),
        ("liaison", "2", "credit_lookup", "read", True),
        ("liaison", "2", "joint_punishment", "read", False),
        ("head", "1", "credit_lookup_log", "read", True),
        ("head", "1", "credit_lookup_log", "read_all", False),
        ("officer", "3", "credit_record", "read", True),
        ("officer", "3", "credit_rule", "write", True),
        ("officer", "3", "joint_punishment", "write", True),
        ("officer", "3", "credit_lookup_log", "read_all", True),
        ("officer", "3", "subject_identity", "read", True),
        ("coord", "9", "credit_lookup", "export", True),
        ("coord", "9", "credit_rule", "write", False),
        ("liaison", "2", "push", "claim", True),
        ("clerk", "1", "push", "claim", False),  # only the receiving side claims
        ("clerk", "1", "feedback", "read", True),
        ("system", "1", "application", "report", True),
        ("system", "1", "application", "write", False),  # reports only, never clerk actions
        ("clerk", "1", "application", "report", False),
        ("admin", "9", "outbox", "admin", True),
        ("coord", "9", "outbox", "admin", False),
        ("coord", "9", "push", "read", True),
    ],
)
def test_default_policy_decisions(enforcer, sub, dom, obj, act, allowed):
    assert enforcer.enforce(sub, dom, obj, act) is allowed
