import re

from api.compose import SUPERGRAPH_PATH, compose, stale_files


def test_composition_succeeds_and_holds_every_subgraph(tmp_path):
    supergraph = compose(tmp_path).read_text("utf-8")
    graphs = re.findall(r'(\w+) @join__graph\(name: "(\w+)", url: "([^"]+)"\)', supergraph)
    assert sorted(name for _, name, _ in graphs) == [
        "access",
        "approval",
        "catalog",
        "coordination",
        "county_inspection",  # the joined example (gateway/external/subgraphs.json)
        "credit",
        "supervision",
    ]
    # Entities are shared by key, not copied: Application is defined by approval and
    # extended by supervision.
    assert 'type Application @join__type(graph: APPROVAL, key: "id")' in supergraph
    assert '@join__type(graph: SUPERVISION, key: "id")' in supergraph


def test_committed_supergraph_is_current():
    assert SUPERGRAPH_PATH.exists()
    assert stale_files() == []


def test_public_schema_is_the_client_api_without_federation_machinery(tmp_path):
    compose(tmp_path)
    public = (tmp_path / "public-schema.graphql").read_text("utf-8")
    assert "join__" not in public
    assert "link__" not in public
    assert "@link" not in public
    assert "type Query {" in public
    assert "me: Me" in public
