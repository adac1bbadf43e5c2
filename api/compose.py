"""`shenguan compose`: the supergraph from the subgraphs' own SDL (Hive's open-source composer).

Ours come from their Strawberry schemas; external subgraphs (a department's own system,
``registry.external_subgraphs()``) from the SDL committed under `gateway/external/`, which
``--fetch`` refreshes from the running system's own ``_service { sdl }``. Before the composer
runs, an external SDL is held to the joining rules (docs/joining-the-graph.md): it may extend
only ``registry.EXTENDABLE_ENTITIES`` by their key, define types of its own, and add no root
field. The committed `gateway/supergraph.graphql` names the subgraphs at their default
ports (externals at their registered URL); `shenguan serve` rewrites the URLs for this run.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import httpx
from graphql import (
    DirectiveNode,
    GraphQLError,
    NonNullTypeNode,
    ObjectTypeDefinitionNode,
    ObjectTypeExtensionNode,
    StringValueNode,
    TypeDefinitionNode,
    TypeExtensionNode,
    parse,
)

from api import registry
from api.core.config import ROOT_DIR
from api.core.trust import sign_assertion

GATEWAY_DIR = ROOT_DIR / "gateway"
SUBGRAPH_DIR = GATEWAY_DIR / "subgraphs"
SUPERGRAPH_PATH = GATEWAY_DIR / "supergraph.graphql"
# The client-facing API schema (no federation machinery); web/ generates its types from it.
PUBLIC_SCHEMA_PATH = GATEWAY_DIR / "public-schema.graphql"


class CompositionError(RuntimeError):
    pass


def subgraph_url(port: int, host: str = "127.0.0.1") -> str:
    return f"http://{host}:{port}/graphql"


def subgraph_sdl(name: str) -> str:
    return str(registry.by_name(name).schema().as_str()).rstrip() + "\n"


# Root types: an external subgraph adds fields to our entities, never root fields (those
# would bypass the authorization matrix every root field has a row in).
_ROOT_TYPES = {"Query", "Mutation", "Subscription"}
_FEDERATION_QUERY_FIELDS = {"_entities", "_service"}
# Scalars every subgraph may declare (they compose into one).
_SHARED_SCALARS = {"Date", "DateTime", "JSON"}
# Federation's own types (_Entity, _Service, _Any, link__Import, …) are in every subgraph.
_FEDERATION_PREFIXES = ("_", "link__", "federation__")


def _type_names(sdl: str) -> set[str]:
    return {
        node.name.value
        for node in parse(sdl).definitions
        if isinstance(node, TypeDefinitionNode | TypeExtensionNode)
    }


def _key_of(directives: Iterable[DirectiveNode]) -> str | None:
    for directive in directives:
        if directive.name.value != "key":
            continue
        for argument in directive.arguments or ():
            if argument.name.value == "fields" and isinstance(argument.value, StringValueNode):
                return argument.value.value
    return None


def joining_errors(name: str, sdl: str, ours: set[str]) -> list[str]:
    """Why an external subgraph's SDL breaks the joining rules (empty when it keeps them).

    ``ours``: the type names our subgraphs define."""
    try:
        document = parse(sdl)
    except GraphQLError as exc:
        return [f"{name}: the SDL does not parse: {exc.message}"]
    errors: list[str] = []
    allowed = ", ".join(f'{t} @key(fields: "{k}")' for t, k in registry.EXTENDABLE_ENTITIES.items())
    for node in document.definitions:
        if not isinstance(node, TypeDefinitionNode | TypeExtensionNode):
            continue
        type_name = node.name.value
        if type_name.startswith(_FEDERATION_PREFIXES):
            continue
        if type_name in _ROOT_TYPES:
            fields = getattr(node, "fields", None) or ()
            extra = [f.name.value for f in fields if f.name.value not in _FEDERATION_QUERY_FIELDS]
            if extra:
                errors.append(
                    f"{name}: {type_name}.{extra[0]}: an external subgraph adds no root field; "
                    f"it extends our entities ({allowed})"
                )
            continue
        if type_name in registry.EXTENDABLE_ENTITIES:
            key = (
                _key_of(node.directives or ())
                if isinstance(node, ObjectTypeDefinitionNode | ObjectTypeExtensionNode)
                else None
            )
            expected = registry.EXTENDABLE_ENTITIES[type_name]
            if key != expected:
                errors.append(
                    f'{name}: {type_name} is extended by @key(fields: "{expected}") only '
                    f"(found {'no @key' if key is None else repr(key)})"
                )
            # An outage of the external system must not null our objects.
            errors.extend(
                f"{name}: {type_name}.{field.name.value}: a field added to our entity must "
                "be nullable (an outage of the system answers null, not the whole object)"
                for field in getattr(node, "fields", None) or ()
                if field.name.value != expected and isinstance(field.type, NonNullTypeNode)
            )
            continue
        if type_name in ours and type_name not in _SHARED_SCALARS:
            errors.append(
                f"{name}: type {type_name} is the platform's; an external subgraph may extend "
                f"only {allowed} and name its own types differently"
            )
    return errors


def fetch_sdl(external: registry.ExternalSubgraph, key: str, url: str | None = None) -> str:
    """The running system's own ``_service { sdl }``, asked as the gateway asks (signed)."""
    body = json.dumps({"query": "{ _service { sdl } }"}).encode()
    target = url or external.runtime_url()
    assertion = sign_assertion(key=key, audience=external.name, principal=None, body=body)
    try:
        response = httpx.post(
            target,
            content=body,
            headers={"content-type": "application/json", "x-shenguan-assertion": assertion},
            timeout=10,
        )
        answer = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        msg = f"{external.name}: could not fetch _service {{ sdl }} from {target}: {exc}"
        raise CompositionError(msg) from exc
    sdl = ((answer or {}).get("data") or {}).get("_service", {}).get("sdl")
    if response.status_code != 200 or not isinstance(sdl, str):  # noqa: PLR2004
        msg = f"{external.name}: {target} answered {response.status_code}: {answer}"
        raise CompositionError(msg)
    return sdl.rstrip() + "\n"


def refresh_external_sdl(
    externals: Iterable[registry.ExternalSubgraph], environ: Mapping[str, str]
) -> list[Path]:
    """``shenguan compose --fetch``: each external's committed SDL from its running service."""
    written = []
    for external in externals:
        key = environ.get(external.key_setting, "")
        if not key:
            msg = f"{external.name}: {external.key_setting} is needed to ask it for its SDL"
            raise CompositionError(msg)
        external.sdl_path.write_text(
            fetch_sdl(external, key, external.runtime_url(environ)), encoding="utf-8"
        )
        written.append(external.sdl_path)
    return written


def compose(out_dir: Path, externals: Iterable[registry.ExternalSubgraph] | None = None) -> Path:
    """Write each subgraph's SDL, the supergraph and the public schema into ``out_dir``.

    ``externals``: the external subgraphs to compose with ours (default: the registry's)."""
    node = shutil.which("node")
    if node is None:
        raise CompositionError("node (Node.js 20+) is required for composition")
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest = []
    ours: set[str] = set()
    for subgraph in registry.SUBGRAPHS:
        sdl_path = out_dir / f"{subgraph.name}.graphql"
        sdl = subgraph_sdl(subgraph.name)
        ours |= _type_names(sdl)
        sdl_path.write_text(sdl, encoding="utf-8")
        url = subgraph_url(subgraph.default_port)
        manifest.append({"name": subgraph.name, "url": url, "sdlPath": str(sdl_path)})
    chosen = registry.external_subgraphs() if externals is None else tuple(externals)
    refused: list[str] = []
    for external in chosen:
        if not external.sdl_path.exists():
            refused.append(f"{external.name}: no SDL at {external.sdl_path}")
            continue
        refused += joining_errors(external.name, external.sdl_path.read_text("utf-8"), ours)
        manifest.append(
            {"name": external.name, "url": external.url, "sdlPath": str(external.sdl_path)}
        )
    if refused:
        raise CompositionError("\n".join(f"joining rule: {line}" for line in refused))
    manifest_path = out_dir / "manifest.json"
    manifest_path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    supergraph = out_dir / "supergraph.graphql"
    public_schema = out_dir / "public-schema.graphql"
    proc = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [
            node,
            str(GATEWAY_DIR / "compose.mjs"),
            str(manifest_path),
            str(supergraph),
            str(public_schema),
        ],
        cwd=GATEWAY_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise CompositionError(proc.stderr.strip() or proc.stdout.strip())
    return supergraph


def write_committed() -> list[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        supergraph = compose(Path(tmp))
        SUBGRAPH_DIR.mkdir(parents=True, exist_ok=True)
        written = []
        for name in registry.NAMES:
            target = SUBGRAPH_DIR / f"{name}.graphql"
            shutil.copyfile(Path(tmp) / f"{name}.graphql", target)
            written.append(target)
        shutil.copyfile(supergraph, SUPERGRAPH_PATH)
        written.append(SUPERGRAPH_PATH)
        shutil.copyfile(Path(tmp) / "public-schema.graphql", PUBLIC_SCHEMA_PATH)
        written.append(PUBLIC_SCHEMA_PATH)
    return written


def stale_files() -> list[str]:
    """Committed files that differ from a fresh composition (empty when current)."""
    stale: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        supergraph = compose(Path(tmp))
        pairs = [
            (Path(tmp) / f"{n}.graphql", SUBGRAPH_DIR / f"{n}.graphql") for n in registry.NAMES
        ]
        pairs.append((supergraph, SUPERGRAPH_PATH))
        pairs.append((Path(tmp) / "public-schema.graphql", PUBLIC_SCHEMA_PATH))
        for fresh, committed in pairs:
            if not committed.exists() or committed.read_text("utf-8") != fresh.read_text("utf-8"):
                stale.append(str(committed.relative_to(ROOT_DIR)))
    return stale


def runtime_supergraph(
    ports: dict[str, int],
    host: str,
    target: Path,
    external_urls: Mapping[str, str] | None = None,
) -> Path:
    """The committed supergraph with the subgraph URLs of this run."""
    return supergraph_with_urls(
        {name: subgraph_url(port, host) for name, port in ports.items()}, target, external_urls
    )


def supergraph_with_urls(
    urls: dict[str, str], target: Path, external_urls: Mapping[str, str] | None = None
) -> Path:
    """The committed supergraph with each subgraph's URL replaced (name → URL); external
    subgraphs get ``external_urls`` (default: ``SHENGUAN_EXTERNAL_<NAME>_URL`` or as
    registered)."""
    text = SUPERGRAPH_PATH.read_text("utf-8")
    committed_urls = [(s.name, subgraph_url(s.default_port)) for s in registry.SUBGRAPHS]
    externals = registry.external_subgraphs()
    chosen = registry.external_urls() if external_urls is None else external_urls
    wanted = {**urls, **{e.name: chosen.get(e.name, e.url) for e in externals}}
    committed_urls += [(e.name, e.url) for e in externals]
    for name, url in committed_urls:
        committed = f'@join__graph(name: "{name}", url: "{url}")'
        if committed not in text:
            msg = f"{name}'s URL is not in {SUPERGRAPH_PATH.name}; run `shenguan compose`"
            raise CompositionError(msg)
        text = text.replace(committed, f'@join__graph(name: "{name}", url: "{wanted[name]}")')
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
