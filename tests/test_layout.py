"""Every subgraph package has the house file set (docs/conventions.md, "The file set of a
subgraph") and no module outside it: knowing one subgraph's layout means knowing all six."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from api.registry import SUBGRAPHS

API = Path(__file__).resolve().parent.parent / "api"

# Each role is one module, or a package of one module per concept when the module would
# hold several concepts (``services/``, ``queries/``, ``mutations/``, ``types/``, ``models/``).
REQUIRED = (
    "app",
    "schema",
    "models",
    "inputs",
    "types",
    "queries",
    "mutations",
    "loaders",
    "services",
)
OPTIONAL = ("handlers", "subscriptions")
# Names that say "a second module for the same role" instead of a package of that role.
STRAY_SUFFIX = re.compile(r"_(types|fields|models|queries|mutations|services|inputs|loaders)$")


def roles(package: Path) -> dict[str, Path]:
    """Top-level modules and sub-packages of a subgraph package, by name."""
    found: dict[str, Path] = {}
    for entry in sorted(package.iterdir()):
        if entry.name.startswith((".", "__pycache__")) or entry.name == "__init__.py":
            continue
        if entry.is_dir() and (entry / "__init__.py").exists():
            found[entry.name] = entry
        elif entry.suffix == ".py":
            found[entry.stem] = entry
    return found


@pytest.mark.parametrize("name", [s.name for s in SUBGRAPHS])
def test_subgraph_has_the_house_file_set(name: str) -> None:
    package = API / name
    found = roles(package)
    missing = [role for role in REQUIRED if role not in found]
    stray = sorted(set(found) - set(REQUIRED) - set(OPTIONAL))
    assert not missing, f"api/{name} lacks {missing}"
    assert not stray, f"api/{name} has modules outside the house file set: {stray}"
    for role in ("app", "schema"):
        assert found[role].is_file(), f"api/{name}/{role} must be a module"


@pytest.mark.parametrize("name", [s.name for s in SUBGRAPHS])
def test_role_packages_hold_concepts_not_roles(name: str) -> None:
    """Inside ``services/`` (and the other role packages) modules are named by concept:
    no nested packages and no ``*_types``/``*_fields``-style second homes for a role."""
    for role, path in roles(API / name).items():
        if not path.is_dir():
            continue
        for entry in path.iterdir():
            if entry.name == "__pycache__":
                continue
            assert entry.suffix == ".py", f"api/{name}/{role}/{entry.name}: nested package"
            assert entry.stem == "__init__" or not STRAY_SUFFIX.search(entry.stem), (
                f"api/{name}/{role}/{entry.name}: name the module by its concept"
            )
            assert entry.stem not in REQUIRED + OPTIONAL, (
                f"api/{name}/{role}/{entry.name}: a role inside a role package"
            )


# Core infrastructure: the entry points, the composition root and the factories every subgraph
# runs through (app, schema, outbox worker). A core module they import serves every subgraph,
# even when only one subgraph imports it as well; so does one a shared core module imports.
CORE_INFRASTRUCTURE = (
    "api/cli.py",
    "api/launcher.py",
    "api/registry.py",
    "api/compose.py",
    "api/core/app.py",
    "api/core/schema.py",
    "api/core/worker.py",
)


def _core_modules_imported_by(path: Path) -> set[str]:
    """The ``api.core`` modules a file imports (``from api.core import x``, ``api.core.x``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "api.core":
                found.update(alias.name for alias in node.names)
            elif node.module.startswith("api.core."):
                found.add(node.module.split(".")[2])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[2] for a in node.names if a.name.startswith("api.core."))
    return found


def core_importers() -> dict[str, set[str]]:
    """For each ``api/core`` module, who imports it: a subgraph's name, or the path of a core
    infrastructure file or of another core module."""
    core = {p.stem for p in (API / "core").glob("*.py") if p.stem != "__init__"}
    users: dict[str, set[str]] = {m: set() for m in core}
    subgraphs = {s.name for s in SUBGRAPHS}
    for path in API.rglob("*.py"):
        parts = path.relative_to(API).parts
        who = parts[0] if parts[0] in subgraphs else f"api/{'/'.join(parts)}"
        for module in _core_modules_imported_by(path) & core:
            if who != f"api/core/{module}.py":
                users[module].add(who)
    return users


def test_core_holds_only_what_several_subgraphs_share() -> None:
    """An ``api/core`` module is imported by at least two subgraphs, or by core infrastructure
    (``CORE_INFRASTRUCTURE``), or by another core module that is itself shared that way;
    a module only one subgraph uses lives in that subgraph (docs/conventions.md, "Where things
    live")."""
    subgraphs = {s.name for s in SUBGRAPHS}
    users = core_importers()
    shared: set[str] = set()
    changed = True
    while changed:
        changed = False
        for module, who in users.items():
            if module in shared:
                continue
            infrastructure = who & set(CORE_INFRASTRUCTURE)
            by_shared_core = {w for w in who if w.startswith("api/core/")} & {
                f"api/core/{m}.py" for m in shared
            }
            if len(who & subgraphs) >= 2 or infrastructure or by_shared_core:
                shared.add(module)
                changed = True
    lonely = {m: sorted(users[m]) for m in sorted(set(users) - shared)}
    assert not lonely, f"api/core modules not shared by two subgraphs or by the core: {lonely}"


def test_core_infrastructure_list_names_files_that_exist() -> None:
    missing = [p for p in CORE_INFRASTRUCTURE if not (API.parent / p).is_file()]
    assert not missing, f"CORE_INFRASTRUCTURE names missing files: {missing}"
