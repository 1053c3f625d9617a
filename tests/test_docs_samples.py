"""The guides tell the truth: their sample errors are what `make check` prints for the records of
tests/fixtures/broken/, added to a copy of the real content, and the steps they give exist."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, run_cli

BROKEN = FIXTURES / "broken" / "initiatives"


@pytest.fixture(scope="module")
def broken_project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("broken")
    shutil.copytree(ROOT / "content", root / "content")
    for record in BROKEN.glob("*.yml"):
        shutil.copy(record, root / "content/initiatives" / record.name)
    return root


def check(root: Path, lang: str) -> str:
    result = run_cli(root, "--lang", lang, "check")
    assert result.returncode == 1
    return result.stderr.strip()


def code_block(text: str, first_line: str) -> str:
    """The code block in `text` that starts with `first_line`, unindented."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == first_line)
    end = next(i for i in range(start, len(lines)) if lines[i].strip() == "```")
    return "\n".join(line.strip() for line in lines[start:end])


@pytest.mark.parametrize(
    ("document", "lang"), [("CONTRIBUTING.md", "nl"), ("CONTRIBUTING.en.md", "en"), ("README.md", "en")]
)
def test_the_sample_errors_in_the_guides_are_what_the_check_prints(broken_project, document, lang):
    printed = check(broken_project, lang)
    text = (ROOT / document).read_text(encoding="utf-8")
    assert code_block(text, printed.splitlines()[0]) == printed


def test_the_guides_give_the_rules_that_avoid_the_common_mistakes():
    dutch = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    english = (ROOT / "CONTRIBUTING.en.md").read_text(encoding="utf-8")
    assert "Spring in met spaties, nooit met een tab" in dutch
    assert "Zet tekst tussen aanhalingstekens" in dutch and "dubbele punt" in dutch
    assert "Indent with spaces, never with a tab" in english
    assert "Put text between quotes" in english and "colon" in english


def test_a_new_record_starts_from_the_fields_page_not_from_make(fixture_site):
    for document, page in (("CONTRIBUTING.md", "velden"), ("CONTRIBUTING.en.md", "en/velden")):
        text = (ROOT / document).read_text(encoding="utf-8")
        steps = text[text.index("## Een nieuw" if document == "CONTRIBUTING.md" else "## Adding") :]
        steps = steps[: steps.index("\n## ")]
        assert "make new-" not in steps
        summary = (
            "Leeg initiatief om te kopiëren" if document == "CONTRIBUTING.md" else "Empty initiative to copy"
        )
        assert summary in steps
        html = (fixture_site / page / "index.html").read_text(encoding="utf-8")
        assert f"<summary>{summary}</summary>" in html
        assert 'id="new-initiatives"' in html and "labour_market_region: TODO" in html


def test_the_readme_names_both_record_addresses_and_what_make_build_needs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`/initiatieven/<id>/`" in readme
    assert "(for `make build` and the tests)\nDebian's `apt-get`" in readme
