"""No raw enum value or machine code in user-visible text (issue 18 item 6).

Scans (1) every Chinese string the server can put in front of a user — error messages,
notices, SMS texts, record titles: each string literal (and f-string part) under ``api/``
that contains Chinese, except docstrings and GraphQL ``description=`` texts, which document
the codes for developers — and (2) every message of both locale catalogues in
``web/src/locales/``, for a value of any enum the code defines (``DISHONEST``,
``FALSE_COMMITMENT``, …). A user reads 失信 and 信用承诺失信, never the code.
"""

from __future__ import annotations

import ast
import enum
import importlib
import pkgutil
import re
from pathlib import Path

import api

ROOT = Path(__file__).resolve().parent.parent
API_DIR = ROOT / "api"
LOCALES = ROOT / "web" / "src" / "locales"
CJK = re.compile(r"[\u4e00-\u9fff]")
TOKEN = re.compile(r"(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![A-Za-z0-9_])")
# A quoted string in a TypeScript catalogue (single, double or back quotes).
TS_STRING = re.compile(r"""'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`""")


def _enum_values() -> set[str]:
    """Every code-like value of every StrEnum defined in ``api``."""
    for info in pkgutil.walk_packages(api.__path__, "api."):
        importlib.import_module(info.name)
    values: set[str] = set()
    pending: list[type] = [enum.StrEnum]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("api."):
            values |= {
                str(m.value)
                for m in cls  # type: ignore[attr-defined]
                if len(str(m.value)) > 2 and TOKEN.fullmatch(str(m.value))
            }
    return values


def _documentation(tree: ast.AST) -> set[int]:
    """ids of the string nodes that are docstrings or ``description=`` arguments."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skipped.add(id(body[0].value))
        if isinstance(node, ast.keyword) and node.arg == "description":
            skipped |= {id(n) for n in ast.walk(node.value)}
    return skipped


def _server_texts() -> list[tuple[str, int, str]]:
    texts: list[tuple[str, int, str]] = []
    for path in sorted(API_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        skipped = _documentation(tree)
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if is_text and CJK.search(node.value):
                texts.append((str(path.relative_to(ROOT)), node.lineno, node.value))
    return texts


def _catalogue_texts() -> list[tuple[str, int, str]]:
    texts: list[tuple[str, int, str]] = []
    for path in sorted(LOCALES.rglob("*.ts")):
        if path.name.endswith(".test.ts") or path.name == "types.ts":
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if line.lstrip().startswith(("import ", "//", "export type")):
                continue
            for match in TS_STRING.finditer(line):
                value = next(g for g in match.groups() if g is not None)
                texts.append((str(path.relative_to(ROOT)), number, value))
    return texts


def _raw_codes(texts: list[tuple[str, int, str]], codes: set[str]) -> list[str]:
    return [
        f"{where}:{line}: {token} in {text!r}"
        for where, line, text in texts
        for token in TOKEN.findall(text)
        if token in codes
    ]


def test_the_scan_knows_the_codes_and_finds_them() -> None:
    codes = _enum_values()
    assert {"DISHONEST", "FALSE_COMMITMENT", "COMMITMENT_BREACH", "MISSING_DOCUMENTS"} <= codes
    sample = [("x.py", 1, "申请人信用等级为 DISHONEST（联合惩戒）"), ("y.ts", 2, "失信")]
    assert _raw_codes(sample, codes) == [
        "x.py:1: DISHONEST in '申请人信用等级为 DISHONEST（联合惩戒）'"
    ]


def test_no_server_message_shows_a_raw_code() -> None:
    texts = _server_texts()
    assert len(texts) > 200  # the scan reads the real sources
    assert _raw_codes(texts, _enum_values()) == []


def test_no_locale_message_shows_a_raw_code() -> None:
    texts = _catalogue_texts()
    assert len(texts) > 500
    assert _raw_codes(texts, _enum_values()) == []
