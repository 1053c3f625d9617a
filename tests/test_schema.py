"""The record contract: each rule of the schema and the catalog, seen as an editor sees it."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from conftest import FIXTURES
from sitegen.records.catalog import CatalogError, load_catalog
from sitegen.records.schema import Vocabularies

GOOD_INITIATIVE = """\
# yaml-language-server: $schema=../../schemas/initiative.schema.json
title: {nl: Proef, en: Trial}
labour_market_region: drenthe
collaboration_levels: [operational]
sectors: [engineering-built-environment]
parties: [vmbo]
start_year: 2018
summary: {nl: Kort., en: Short.}
description: {nl: Lang., en: Long.}
sources: [{title: Bron, url: "https://example.org/", read: 2026-11-01}]
last_verified: 2026-11-01
"""


# The rules below are read in English; test_messages.py covers the Dutch default.
pytestmark = pytest.mark.usefixtures("english_messages")


@pytest.fixture
def content(tmp_path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "content", root / "content")
    return root


def write(root: Path, relative: str, text: str) -> None:
    path = root / "content" / relative
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def problems(root: Path) -> list[str]:
    with pytest.raises(CatalogError) as caught:
        load_catalog(root)
    return [str(error) for error in caught.value.errors]


def with_line(replace: str, by: str) -> str:
    assert replace in GOOD_INITIATIVE
    return GOOD_INITIATIVE.replace(replace, by)


def test_fixture_content_is_valid(content):
    catalog = load_catalog(content)
    assert set(catalog.records("networks")) == {"alpha", "beta-oud"}
    assert set(catalog.records("initiatives")) == {"hostile", "hoofd"}


def test_good_record_loads(content):
    write(content, "initiatives/proef.yml", GOOD_INITIATIVE)
    assert load_catalog(content).records("initiatives")["proef"].title.en == "Trial"


@pytest.mark.parametrize(
    ("replace", "by", "expected"),
    [
        (
            "sectors: [engineering-built-environment]",
            "sectors: [engineering-built-environment, tech]",
            "content/initiatives/proef.yml:5:42: sectors[1]: 'tech' is not a known sector; "
            "known: engineering-built-environment",
        ),
        (
            "start_year: 2018",
            "start_year: twenty",
            "content/initiatives/proef.yml:7:13: start_year: 'twenty' is not a whole number; "
            "write only digits",
        ),
        (
            "start_year: 2018",
            "start_year: 1066",
            "content/initiatives/proef.yml:7:13: start_year: '1066' is too small; "
            "the smallest allowed number is 1990",
        ),
        (
            "title: {nl: Proef, en: Trial}",
            "title: {en: Trial}",
            "content/initiatives/proef.yml:2:8: title.nl: this field is required",
        ),
        (
            "title: {nl: Proef, en: Trial}",
            "title: {nl: Proef, fr: Essai}",
            "content/initiatives/proef.yml:2:20: title.fr: unknown field; allowed here: nl, en",
        ),
        (
            "start_year: 2018",
            "start_year: 2018\ntelefoon: '0612345678'",
            "content/initiatives/proef.yml:8:1: telefoon: unknown field; allowed here:",
        ),
        (
            "https://example.org/",
            "http://example.org/",
            "sources[0].url: 'http://example.org/' is not an https:// web address",
        ),
        (
            "read: 2026-11-01",
            "read: 2024-02-30",
            "sources[0].read: '2024-02-30' is not a day in the calendar",
        ),
        (
            "read: 2026-11-01",
            "read: 31-12-2024",
            "sources[0].read: '31-12-2024' is not a date; write YYYY-MM-DD, as in 2026-11-01",
        ),
        ("last_verified: 2026-11-01", "last_verified:", "last_verified: this field is empty; fill it in"),
        (
            "description: {nl: Lang., en: Long.}",
            "description: {nl: '[x](javascript:alert(1))', en: Long.}",
            "description.nl: the link 'javascript:alert(1)' is not allowed",
        ),
        (
            "description: {nl: Lang., en: Long.}",
            "description: {nl: '[x](java&#x61;script:alert(1))', en: Long.}",
            "description.nl: the link 'java",
        ),
        (
            "description: {nl: Lang., en: Long.}",
            "description: {nl: '[x](//evil.example)', en: Long.}",
            "is not allowed",
        ),
        (
            "description: {nl: Lang., en: Long.}",
            "description: {nl: '![x](https://evil.example/x.png)', en: Long.}",
            "images are not allowed",
        ),
        (
            "summary: {nl: Kort., en: Short.}",
            'summary: {nl: "Kort\u202e.", en: Short.}',
            "summary.nl: the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed",
        ),
        (
            "summary: {nl: Kort., en: Short.}",
            "summary: {nl: '   ', en: Short.}",
            "summary.nl: this text is empty",
        ),
        (
            "collaboration_levels: [operational]",
            "collaboration_levels: operational",
            "collaboration_levels: a list belongs here: [a, b] on one line",
        ),
        (
            "collaboration_levels: [operational]",
            "collaboration_levels: []",
            "collaboration_levels: the list needs at least 1 value",
        ),
        (
            "start_year: 2018",
            "start_year: 2018\ncontact: {organisation: X, publish: NO}",
            "contact.publish: 'NO' is not a yes/no value; write true or false",
        ),
        (
            "start_year: 2018",
            "start_year: 2018\nparent: nope",
            "parent: 'nope' is not a known initiative; known:",
        ),
        (
            "start_year: 2018",
            "start_year: 2018\nnetworks: [alpha, nope]",
            "networks[1]: 'nope' is not a known network; known: alpha, beta-oud",
        ),
        ("start_year: 2018", "start_year: 2018\nparent: proef", "parent: parents go round in a circle"),
    ],
)
def test_each_rule_reports_file_line_field_and_what_is_allowed(content, replace, by, expected):
    write(content, "initiatives/proef.yml", with_line(replace, by))
    found = problems(content)
    assert any(expected in problem for problem in found), found


def test_all_problems_in_all_files_are_reported_at_once(content):
    write(content, "initiatives/proef.yml", with_line("parties: [vmbo]", "parties: [vmbo, nobody]"))
    write(content, "initiatives/tweede.yml", "title: {nl: a}\ntitle: {nl: b}\n")
    write(content, "networks/kapot.yml", 'name: "open\n')
    found = problems(content)
    assert len(found) == 3
    assert found[0].startswith(
        "content/initiatives/proef.yml:6:17: parties[1]: 'nobody' is not a known party"
    )
    assert found[1].startswith("content/initiatives/tweede.yml:2:1: the field 'title' is there twice")
    assert found[2].startswith("content/networks/kapot.yml:")


def test_merged_network_needs_a_known_successor(content):
    write(
        content,
        "networks/gamma.yml",
        (FIXTURES / "content/networks/beta-oud.yml").read_text().replace("alpha", "nowhere"),
    )
    write(
        content,
        "networks/delta.yml",
        (FIXTURES / "content/networks/beta-oud.yml").read_text().replace("merged_into: alpha\n", ""),
    )
    found = problems(content)
    assert any("gamma.yml:6:14: merged_into: 'nowhere' is not a known network" in p for p in found), found
    assert any("delta.yml:5:9: status: status is merged, so merged_into must name" in p for p in found), found


@pytest.mark.parametrize("name", ["Bad_Name.yml", "twee--streepjes.yml", "-start.yml", "spatie naam.yml"])
def test_file_name_is_the_id_and_must_follow_the_id_rules(content, name):
    write(content, f"initiatives/{name}", GOOD_INITIATIVE)
    assert any("id: the file name" in problem for problem in problems(content))


def test_other_extensions_are_refused(content):
    write(content, "initiatives/proef.yaml", GOOD_INITIATIVE)
    assert any("ends in .yml" in problem for problem in problems(content))


@pytest.mark.parametrize("text", ["- a\n- b\n", "just text\n", ""])
def test_a_record_must_be_a_mapping(content, text):
    write(content, "initiatives/proef.yml", text)
    assert any(
        "a record is a list of fields" in problem or "the file is empty" in problem
        for problem in problems(content)
    )


def test_vocabulary_errors_are_reported(content):
    path = content / "content" / "vocabularies.yml"
    path.write_text(path.read_text().replace("sectors:", "sectorz:"), encoding="utf-8")
    found = problems(content)
    assert any("vocabularies.yml" in p and "sectorz: unknown field" in p for p in found), found
    assert any("vocabularies.yml" in p and "sectors: this field is required" in p for p in found), found


def test_every_vocabulary_has_a_noun_for_messages():
    from sitegen.records.messages import table

    nouns = {key.removeprefix("noun.") for key in table() if key.startswith("noun.")}
    assert nouns == set(Vocabularies.model_fields)


# Personal data ---------------------------------------------------------------------------------


def _parts_with_personal_data():
    from sitegen.records.fields import all_fields
    from sitegen.records.kinds import KINDS

    return [
        field
        for kind in KINDS
        for field in all_fields(kind)
        if any(child.personal for child in field.children)
    ]


def test_every_field_of_a_contact_says_whether_it_is_personal_data():
    from sitegen.records.schema import Contact

    for name, info in Contact.model_fields.items():
        extra = info.json_schema_extra
        assert isinstance(extra, dict) and extra.get("x-personal") in (True, False), (
            f"Contact.{name}: mark it json_schema_extra=PERSONAL or PUBLIC"
        )
    parts = _parts_with_personal_data()
    assert "contact" in {part.path for part in parts}
    for part in parts:  # any other part with personal data keeps the same rule
        assert {child.name for child in part.children if child.personal is None} == set(), part.path
        assert "publish" in {child.name for child in part.children}, part.path


def test_personal_data_is_published_only_with_publish_true():
    from sitegen.records.schema import Contact

    hidden = Contact(organisation="Org", name="Piet", email="piet@example.org", publish=False)
    shown = Contact(organisation="Org", name="Piet", email="piet@example.org", publish=True)
    assert [hidden.published(name) for name in ("organisation", "name", "email")] == ["Org", None, None]
    assert [shown.published(name) for name in ("organisation", "name", "email")] == [
        "Org",
        "Piet",
        "piet@example.org",
    ]


def test_a_text_and_a_label_have_one_field_per_language_of_the_site_model():
    """The languages are declared once (`sitegen.site.LANGUAGES`): the schema's texts and the
    vocabularies' labels follow them; only the first language is required in a text."""
    from sitegen.records.schema import Markdown, Text, VocabularyEntry
    from sitegen.site import LANGUAGE_CODES

    for model in (Text, Markdown):
        assert tuple(model.model_fields) == LANGUAGE_CODES
        assert [info.is_required() for info in model.model_fields.values()] == [True] + [False] * (
            len(LANGUAGE_CODES) - 1
        )
    assert tuple(VocabularyEntry.model_fields)[: len(LANGUAGE_CODES)] == LANGUAGE_CODES
    assert Text(nl="Hallo").missing() == list(LANGUAGE_CODES[1:])
