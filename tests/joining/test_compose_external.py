"""External subgraphs in the composition: the example joins; clashes and rule breaks fail."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from graphql import parse

from api import registry
from api.compose import CompositionError, compose, joining_errors, subgraph_sdl
from api.core.config import ROOT_DIR

EXAMPLE_DIR = ROOT_DIR / "examples" / "county-inspection"
HEADER = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])\n'


def external(tmp_path: Path, sdl: str, name: str = "clash") -> registry.ExternalSubgraph:
    (tmp_path / f"{name}.graphql").write_text(HEADER + sdl, encoding="utf-8")
    return registry.ExternalSubgraph(
        name=name,
        url="http://127.0.0.1:4299/graphql",
        sdl=f"{name}.graphql",
        title="测试",
        contact="测试",
        directory=tmp_path,
    )


def test_the_example_is_registered_and_composed_into_the_supergraph(tmp_path):
    (example,) = registry.external_subgraphs()
    assert example.name == "county_inspection"
    assert example.sdl_path == ROOT_DIR / "gateway" / "external" / "county-inspection.graphql"
    assert example.key_setting == "SHENGUAN_EXTERNAL_COUNTY_INSPECTION_KEY"

    supergraph = compose(tmp_path / "out").read_text("utf-8")

    assert (
        'COUNTY_INSPECTION @join__graph(name: "county_inspection", '
        'url: "http://127.0.0.1:4201/graphql")' in supergraph
    )
    assert '@join__type(graph: COUNTY_INSPECTION, key: "id")' in supergraph
    assert '@join__type(graph: COUNTY_INSPECTION, key: "creditCode")' in supergraph
    assert (
        "inspectionVisits: [InspectionVisit!] @join__field(graph: COUNTY_INSPECTION)" in supergraph
    )
    assert "countyInspection: CountyInspectionSummary @join__field(graph: COUNTY_INSPECTION)" in (
        supergraph
    )
    public = (tmp_path / "out" / "public-schema.graphql").read_text("utf-8")
    assert "inspectionVisits: [InspectionVisit!]\n" in public
    # Our own SDL files are ours only: the external one is an input, never rewritten.
    assert not (tmp_path / "out" / "county_inspection.graphql").exists()


def test_the_committed_sdl_is_what_the_example_serves():
    printed = subprocess.run(
        [sys.executable, "-m", "county_inspection", "sdl"],
        cwd=EXAMPLE_DIR,
        env={**os.environ, "PYTHONPATH": str(EXAMPLE_DIR)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (example,) = registry.external_subgraphs()
    assert example.sdl_path.read_text("utf-8") == printed


def test_the_example_imports_nothing_of_the_platform():
    for path in (EXAMPLE_DIR / "county_inspection").glob("*.py"):
        text = path.read_text("utf-8")
        assert not re.search(r"^\s*(from|import)\s+(api|tests)\b", text, re.MULTILINE), path


def test_a_field_of_ours_with_another_type_fails_with_the_composers_message(tmp_path):
    clash = external(
        tmp_path, 'type Application @key(fields: "id") {\n  id: ID!\n  status: Int\n}\n'
    )

    with pytest.raises(CompositionError) as failure:
        compose(tmp_path / "out", [clash])

    message = str(failure.value)
    assert 'Type of field "Application.status" is incompatible across subgraphs' in message
    assert 'type "ApplicationStatus!" in subgraph "approval"' in message
    assert 'type "Int" in subgraph "clash"' in message


def test_the_cli_says_the_composers_message(tmp_path):
    clash = external(
        tmp_path, 'type Subject @key(fields: "creditCode") {\n  creditCode: ID!\n  name: Int\n}\n'
    )
    config = tmp_path / "subgraphs.json"
    config.write_text(
        json.dumps([{k: getattr(clash, k) for k in ("name", "url", "sdl", "title", "contact")}]),
        encoding="utf-8",
    )
    script = (
        "import sys; from pathlib import Path; from api import registry, cli;"
        f"registry.external_subgraphs = lambda: registry.load_external(Path({str(config)!r}));"
        "sys.exit(cli.main(['compose', '--check']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=ROOT_DIR
    )
    assert done.returncode == 1
    assert "composition failed" in done.stderr
    assert 'Type of field "Subject.name" is incompatible across subgraphs' in done.stderr


@pytest.fixture(scope="module")
def ours() -> set[str]:
    names: set[str] = set()
    for name in registry.NAMES:
        names |= {d.name.value for d in parse(subgraph_sdl(name)).definitions if hasattr(d, "name")}
    return names


@pytest.mark.parametrize(
    ("sdl", "expected"),
    [
        (
            'type Finding @key(fields: "id") {\n  id: ID!\n  extra: Int\n}\n',
            "type Finding is the platform's",
        ),
        (
            'type Application @key(fields: "status") {\n  status: String\n  x: Int\n}\n',
            'Application is extended by @key(fields: "id") only',
        ),
        ("type Query {\n  visits: [String!]!\n}\n", "Query.visits: an external subgraph adds no"),
        (
            "type Mutation {\n  recordVisit(id: ID!): Boolean\n}\n",
            "Mutation.recordVisit: an external subgraph adds no root field",
        ),
        ("enum PushStage {\n  A\n}\n", "type PushStage is the platform's"),
        (
            'type Subject @key(fields: "creditCode") {\n  creditCode: ID!\n  visits: Int!\n}\n',
            "Subject.visits: a field added to our entity must be nullable",
        ),
    ],
)
def test_the_joining_rules_name_what_is_refused(ours, sdl, expected):
    errors = joining_errors("clash", HEADER + sdl, ours)
    assert len(errors) == 1
    assert expected in errors[0]


def test_the_example_keeps_the_joining_rules(ours):
    (example,) = registry.external_subgraphs()
    assert joining_errors(example.name, example.sdl_path.read_text("utf-8"), ours) == []


def test_a_rule_break_stops_compose_before_the_composer(tmp_path):
    broken = external(tmp_path, 'type Linkage @key(fields: "id") {\n  id: ID!\n  x: Int\n}\n')
    with pytest.raises(CompositionError, match="joining rule: clash: type Linkage"):
        compose(tmp_path / "out", [broken])


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ({"name": "Bad-Name"}, "subgraphs.json[0].name: lower-case letters"),
        ({"name": "approval"}, "'approval' is already a subgraph"),
        ({"url": "ftp://x"}, "subgraphs.json[0].url: an http(s) URL"),
        ({"sdl": "../secret.graphql"}, "subgraphs.json[0].sdl: a .graphql file name"),
        ({"contact": ""}, "subgraphs.json[0].contact: required"),
    ],
)
def test_a_bad_registry_entry_is_named(tmp_path, entry, expected):
    good = {
        "name": "county_x",
        "url": "http://127.0.0.1:4201/graphql",
        "sdl": "x.graphql",
        "title": "县局系统",
        "contact": "信息科",
    }
    config = tmp_path / "subgraphs.json"
    config.write_text(json.dumps([{**good, **entry}]), encoding="utf-8")
    with pytest.raises(registry.ExternalSubgraphError, match=re.escape(expected)):
        registry.load_external(config)


def test_the_runtime_url_comes_from_the_environment():
    (example,) = registry.external_subgraphs()
    assert registry.external_urls({}) == {"county_inspection": "http://127.0.0.1:4201/graphql"}
    env = {example.url_setting: "http://10.0.0.9:8080/graphql"}
    assert registry.external_urls(env) == {"county_inspection": "http://10.0.0.9:8080/graphql"}
