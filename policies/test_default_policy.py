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
        ("admin", "9", "policy", "write", True),
        ("stranger", "1", "department", "read", False),
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
