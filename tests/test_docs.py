"""The README is the entry point: its two commands are the ones the Makefile and CI run, and
neither it nor docs/ points at anything outside the repository or at a page that is gone."""

import re
from pathlib import Path

from api.core.config import ROOT_DIR

README = ROOT_DIR / "README.md"
PAGES = [README, *sorted((ROOT_DIR / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")
DOC_PATH = re.compile(r"\bdocs/[A-Za-z0-9_.-]+\.md\b")


def _links(page: Path) -> list[str]:
    return [
        target
        for target in LINK.findall(page.read_text())
        if not re.match(r"^[a-z][a-z0-9+.-]*:", target)  # http:, https:, mailto:
    ]


def test_the_readme_states_the_two_commands_the_makefile_and_ci_run():
    text = README.read_text()
    assert "| `make run` |" in text
    assert "| `make test` |" in text
    makefile = (ROOT_DIR / "Makefile").read_text()
    assert re.search(r"^run:", makefile, re.MULTILINE)
    assert re.search(r"^test:", makefile, re.MULTILINE)
    ci = [
        line.strip()
        for line in (ROOT_DIR / ".ci" / "run").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert ci[-1] == "make test"


def test_the_readme_stays_an_entry_point():
    assert len(README.read_text().splitlines()) <= 200


def test_no_page_points_outside_the_repository():
    for page in PAGES:
        text = page.read_text()
        assert "../shared" not in text, page.name
        for target in _links(page):
            resolved = (page.parent / target.split("#")[0]).resolve()
            assert resolved.is_relative_to(ROOT_DIR.resolve()), (page.name, target)


def test_every_local_link_and_named_docs_page_exists():
    for page in PAGES:
        for target in _links(page):
            path = target.split("#")[0]
            if path:
                assert (page.parent / path).exists(), (page.name, target)
        for named in DOC_PATH.findall(page.read_text()):
            assert (ROOT_DIR / named).exists(), (page.name, named)


def test_every_docs_page_is_reachable_from_the_readme():
    text = README.read_text()
    linked = {(README.parent / t.split("#")[0]).resolve() for t in _links(README)}
    for page in PAGES[1:]:
        reachable = page.resolve() in linked or any(
            page.resolve() in {(p.parent / t.split("#")[0]).resolve() for t in _links(p)}
            for p in PAGES[1:]
            if p.resolve() in linked
        )
        assert reachable, f"{page.name} is linked neither from the README nor from a page it links"
    assert "docs/conventions.md" in text
