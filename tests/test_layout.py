"""Every subgraph package has the house file set (docs/conventions.md, "The file set of a
subgraph") and no module outside it: knowing one subgraph's layout means knowing all six."""

from __future__ import annotations

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
