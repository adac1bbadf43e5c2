"""The verification snippets of docs/joining-the-graph.md, run against real assertions."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time

import pytest

from api.core.auth import Principal
from api.core.config import ROOT_DIR
from api.core.trust import sign_assertion

GUIDE = ROOT_DIR / "docs" / "joining-the-graph.md"
KEY = "k" * 40
AUDIENCE = "county_inspection"
BODY = b'{"query":"{ _service { sdl } }"}'
CALLER = Principal(
    user_id=7, username="clerk", department_id="3", roles=("approval_clerk",), session_id=None
)


def snippet(name: str) -> str:
    found = re.search(
        rf"<!-- snippet: {re.escape(name)} -->\n```\w+\n(.*?)```",
        GUIDE.read_text("utf-8"),
        re.DOTALL,
    )
    assert found, name
    return found.group(1)


def cases() -> list[tuple[str, str, bytes, str]]:
    """(label, assertion, body, expected outcome): 'dep:<id>' or the refusal's reason."""
    good = sign_assertion(key=KEY, audience=AUDIENCE, principal=CALLER, body=BODY)
    now = int(time.time())
    return [
        ("good", good, BODY, "dep:3"),
        ("replayed", good, BODY, "replayed"),
        (
            "other key",
            sign_assertion(key="x" * 40, audience=AUDIENCE, principal=None),
            BODY,
            "unknown_key",
        ),
        ("forged", good[:-4] + ("AAAA" if not good.endswith("AAAA") else "BBBB"), BODY, "forged"),
        (
            "audience",
            sign_assertion(key=KEY, audience="approval", principal=None, body=BODY),
            BODY,
            "wrong_audience",
        ),
        (
            "expired",
            sign_assertion(
                key=KEY, audience=AUDIENCE, principal=None, body=BODY, issued_at=now - 100
            ),
            BODY,
            "expired",
        ),
        (
            "body",
            sign_assertion(key=KEY, audience=AUDIENCE, principal=None, body=b"{}"),
            BODY,
            "body_mismatch",
        ),
    ]


def test_the_snippets_are_about_twenty_lines():
    for name in ("verify.py", "verify.mjs"):
        lines = [line for line in snippet(name).splitlines() if line.strip()]
        assert len(lines) <= 22, name


def test_the_python_snippet_verifies_as_the_gateway_signs():
    namespace: dict[str, object] = {}
    exec(compile(snippet("verify.py"), "verify.py", "exec"), namespace)  # noqa: S102 - the guide's own code
    verify = namespace["verify"]
    for label, header, body, expected in cases():
        try:
            sub = verify(header, KEY, AUDIENCE, b"", body)  # type: ignore[operator]
            outcome = f"dep:{sub['dep']}"
        except PermissionError as refused:
            outcome = str(refused)
        assert outcome == expected, label


@pytest.mark.skipif(shutil.which("node") is None, reason="node is part of the stack")
def test_the_node_snippet_verifies_as_the_gateway_signs(tmp_path):
    (tmp_path / "verify.mjs").write_text(snippet("verify.mjs"), encoding="utf-8")
    (tmp_path / "run.mjs").write_text(
        "import { verify } from './verify.mjs';\n"
        "const cases = JSON.parse(process.argv[2]);\n"
        "for (const [label, header, body] of cases) {\n"
        "  try {\n"
        "    const sub = verify(header, process.argv[3], process.argv[4], '', Buffer.from(body));\n"
        "    console.log(`dep:${sub.dep}`);\n"
        "  }\n"
        "  catch (error) { console.log(error.message); }\n"
        "}\n",
        encoding="utf-8",
    )
    chosen = cases()
    payload = json.dumps([[label, header, body.decode()] for label, header, body, _ in chosen])
    done = subprocess.run(
        ["node", str(tmp_path / "run.mjs"), payload, KEY, AUDIENCE],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines() == [expected for *_, expected in chosen]
