"""The field documentation: generated from the schema and the vocabularies on the site page `velden/`
in both languages, and in CONTRIBUTING (kept fresh by `make docs-fields`)."""

from __future__ import annotations

import html
import re

import pytest

from conftest import ROOT, read_page, run_cli
from sitegen.records.fields import all_fields, dutch_descriptions
from sitegen.records.i18n import Strings
from sitegen.records.kinds import KINDS as RECORD_KINDS
from sitegen.site import LANGUAGE_CODES, language

KINDS = tuple(RECORD_KINDS)


def page(site, lang: str) -> str:
    return html.unescape(read_page(site, language(lang).page("velden/")))


def rows(text: str, kind: str) -> dict[str, str]:
    """Each table row of the kind by its field path."""
    found = re.findall(
        rf'<tr id="{kind}-[^"]+">\s*<th scope="row"><code>([^<]+)</code>(.*?)</tr>', text, re.S
    )
    return {path: body for path, body in found}


def test_every_field_has_a_dutch_description_and_none_is_left_over():
    keys = {doc.key for kind in KINDS for doc in all_fields(kind)}
    assert keys == set(dutch_descriptions())
    assert all(text.strip() for text in dutch_descriptions().values())


def test_every_field_has_a_label_in_both_languages():
    names = {doc.name for kind in KINDS for doc in all_fields(kind)}
    assert names <= Strings.field_names()


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("kind", KINDS)
def test_the_site_page_documents_every_field_with_its_description(fixture_site, kind, lang):
    documented = rows(page(fixture_site, lang), kind)
    fields = all_fields(kind)
    assert list(documented) == [doc.path for doc in fields]
    yes, no = Strings(lang).t("field-docs-yes"), Strings(lang).t("field-docs-no")
    for doc in fields:
        body = documented[doc.path]
        assert f"<td>{yes if doc.required else no}</td>" in body, doc.path
        description = re.sub(r"`([^`]+)`", r"<code>\1</code>", doc.description_in(lang))
        assert description in body, doc.path


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_coded_fields_list_every_code_with_its_label(fixture_site, fixture_catalog, lang):
    vocabularies = fixture_catalog.vocabularies
    documented = rows(page(fixture_site, lang), "initiatives")
    for code, entry in vocabularies.sectors.items():
        assert f"<li><code>{code}</code>: {entry.label(lang)}</li>" in documented["sectors"]
    assert "<li><code>merged</code></li>" in rows(page(fixture_site, lang), "networks")["status"]


def test_examples_are_valid_yaml_and_never_personal_data(fixture_site):
    documented = rows(page(fixture_site, "nl"), "networks")
    assert re.search(r"<td><code>\d{4}-\d{2}-\d{2}</code></td>", documented["last_verified"])
    for path, body in documented.items():
        if path.startswith("contact"):
            assert "Piet" not in body and "piet.geheim" not in body, path


def test_the_page_is_in_the_navigation_in_both_languages(fixture_site):
    assert 'href="velden/"' in read_page(fixture_site, "")
    assert 'href="velden/"' in read_page(fixture_site, "en/")


def test_contributing_field_tables_are_up_to_date():
    result = run_cli(ROOT, "fields", "--check")
    assert result.returncode == 0, result.stderr


def test_a_stale_contributing_table_is_reported(fixture_project):
    for name in ("CONTRIBUTING.md", "CONTRIBUTING.en.md"):
        (fixture_project / name).write_text(
            (ROOT / name).read_text(encoding="utf-8").replace("| `name` |", "| `naam` |")
        )
    result = run_cli(fixture_project, "fields", "--check")
    assert result.returncode == 1
    assert "CONTRIBUTING.md: de veldtabellen zijn verouderd" in result.stderr
