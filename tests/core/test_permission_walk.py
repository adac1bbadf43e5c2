"""Every root field, and every field a subgraph adds to an entity, declares its permission."""

import importlib

import pytest
from strawberry.permission import PermissionExtension
from strawberry.types.base import StrawberryObjectDefinition

from api.core.authz import Can, IsPublic, IsSignedIn
from api.registry import NAMES as SUBGRAPHS

# Fields served by the federation machinery itself, resolved only under the permissions of
# the entity fields they lead to.
FEDERATION_FIELDS = {"_entities", "_service"}
# Deliberately public root fields: the list is short and reviewed.
PUBLIC_FIELDS = {
    "signIn",
    "publishedLinkageList",
    "publishedLinkageListVersions",
    "linkageListDiff",
}


def _permissions(field) -> list:
    return [
        perm
        for ext in field.extensions
        if isinstance(ext, PermissionExtension)
        for perm in ext.permissions
    ]


def _schema(name):
    return importlib.import_module(f"api.{name}.schema").schema


@pytest.mark.parametrize("subgraph", SUBGRAPHS)
def test_every_root_field_declares_a_permission(subgraph):
    schema = _schema(subgraph)
    missing, unexpected_public = [], []
    for root in ("Query", "Mutation", "Subscription"):
        definition = schema.get_type_by_name(root)
        if definition is None:
            continue
        assert isinstance(definition, StrawberryObjectDefinition)
        for field in definition.fields:
            if field.name in FEDERATION_FIELDS:
                continue
            perms = _permissions(field)
            graphql_name = schema.config.name_converter.get_graphql_name(field)
            if not perms or not all(isinstance(p, Can | IsSignedIn | IsPublic) for p in perms):
                missing.append(f"{root}.{graphql_name}")
            if any(isinstance(p, IsPublic) for p in perms) and graphql_name not in PUBLIC_FIELDS:
                unexpected_public.append(f"{root}.{graphql_name}")
    assert missing == []
    assert unexpected_public == []


@pytest.mark.parametrize("subgraph", SUBGRAPHS)
def test_fields_with_resolvers_on_foreign_entities_declare_a_permission(subgraph):
    """A field added to another subgraph's entity is reachable through `_entities`."""
    schema = _schema(subgraph)
    missing = []
    for type_def in schema.schema_converter.type_map.values():
        definition = type_def.definition
        if not isinstance(definition, StrawberryObjectDefinition):
            continue
        keys = [d for d in definition.directives or [] if type(d).__name__ == "Key"]
        if not keys or definition.name in {"Query", "Mutation"}:
            continue
        owned_fields = {f.name for f in definition.fields if f.base_resolver is None}
        # A stub (only key fields stored) marks an entity owned by another subgraph.
        is_stub = owned_fields <= {"id", "credit_code"}
        if not is_stub:
            continue
        missing.extend(
            f"{definition.name}.{field.name}"
            for field in definition.fields
            if field.base_resolver is not None and not _permissions(field)
        )
    assert missing == []
