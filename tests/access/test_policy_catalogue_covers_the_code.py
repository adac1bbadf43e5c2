"""The policy catalogue cannot drift: every permission the code asks about is in it."""

from __future__ import annotations

import ast
from pathlib import Path

from api.access.services import policy_catalogue
from api.core.authz import read_default_policy
from api.core.config import ROOT_DIR

API_DIR = ROOT_DIR / "api"
# Calls that ask the policy about an (object, action) pair given as literals.
PAIR_CALLS = frozenset({"requires", "can", "Can", "decide"})


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def asked_pairs(root: Path = API_DIR) -> set[tuple[str, str, str]]:
    """(object, action, where) of every literal ``requires(obj, act)``, ``can(who, obj,
    act)`` and ``reference_scope(obj)`` (which asks ``obj, read``) under ``api/``."""
    found: set[tuple[str, str, str]] = set()
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            texts = [_literal(a) for a in node.args]
            where = f"{path.relative_to(ROOT_DIR)}:{node.lineno}"
            if name == "reference_scope" and texts and texts[0]:
                found.add((texts[0], "read", where))
            elif name in PAIR_CALLS:
                literal = [t for t in texts if t is not None]
                if len(literal) == 2 and texts[-2:] == literal:  # obj, act
                    found.add((literal[0], literal[1], where))
    return found


def test_the_scan_sees_the_permissions_the_code_asks_about():
    pairs = {(obj, act) for obj, act, _ in asked_pairs()}
    assert {
        ("policy", "admin"),
        ("application", "write"),
        ("credit_lookup_log", "read_all"),
        ("scope", "city"),
        ("personal_data", "view"),
        ("schema", "introspect"),
        ("matter", "read"),
    } <= pairs


def test_every_permission_the_code_asks_about_is_in_the_catalogue():
    known = set(policy_catalogue.pairs())
    missing = sorted({(o, a, w) for o, a, w in asked_pairs() if (o, a) not in known})
    assert missing == []


def test_every_catalogue_pair_is_asked_about_by_the_code():
    asked = {(obj, act) for obj, act, _ in asked_pairs()}
    assert sorted(set(policy_catalogue.pairs()) - asked) == []


def test_the_default_policy_file_names_only_catalogue_entries():
    unknown = []
    for row in read_default_policy():
        if row[0] == "p":
            found = policy_catalogue.unknown_in_permission(row[1], row[3], row[4])
            if found is not None:
                unknown.append((row, found.code))
    assert unknown == []
