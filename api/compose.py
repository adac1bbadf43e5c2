"""`shenguan compose`: the supergraph from the subgraphs' own SDL (Hive's open-source composer).

The committed `gateway/supergraph.graphql` names the subgraphs at their default ports;
`shenguan serve` rewrites the URLs for the ports actually configured.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from api import registry
from api.core.config import ROOT_DIR

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


def compose(out_dir: Path) -> Path:
    """Write each subgraph's SDL, the supergraph and the public schema into ``out_dir``."""
    node = shutil.which("node")
    if node is None:
        raise CompositionError("node (Node.js 20+) is required for composition")
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest = []
    for subgraph in registry.SUBGRAPHS:
        sdl_path = out_dir / f"{subgraph.name}.graphql"
        sdl_path.write_text(subgraph_sdl(subgraph.name), encoding="utf-8")
        url = subgraph_url(subgraph.default_port)
        manifest.append({"name": subgraph.name, "url": url, "sdlPath": str(sdl_path)})
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


def runtime_supergraph(ports: dict[str, int], host: str, target: Path) -> Path:
    """The committed supergraph with the subgraph URLs of this run."""
    return supergraph_with_urls(
        {name: subgraph_url(port, host) for name, port in ports.items()}, target
    )


def supergraph_with_urls(urls: dict[str, str], target: Path) -> Path:
    """The committed supergraph with each subgraph's URL replaced (name → URL)."""
    text = SUPERGRAPH_PATH.read_text("utf-8")
    for subgraph in registry.SUBGRAPHS:
        committed = f'url: "{subgraph_url(subgraph.default_port)}"'
        if committed not in text:
            msg = f"{subgraph.name}'s URL is not in {SUPERGRAPH_PATH.name}; run `shenguan compose`"
            raise CompositionError(msg)
        text = text.replace(committed, f'url: "{urls[subgraph.name]}"')
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
