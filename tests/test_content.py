"""The project's own content: every record valid, sourced, dated, translated, and editor-ready."""

from __future__ import annotations

import json

import pytest

from conftest import RECORD_FILES, ROOT
from sitegen.authoring.json_schema import SCHEMA_MODELS, stale_schemas
from sitegen.authoring.translations import missing_english
from sitegen.records.fields import fields_of
from sitegen.records.i18n import Strings
from sitegen.records.kinds import KINDS
from sitegen.records.places import load_places
from sitegen.records.schema import KeyFigureGroup


@pytest.fixture
def catalog(real_catalog):
    return real_catalog


def test_there_is_content(catalog):
    assert len(catalog.records("networks")) >= 10
    assert {"regio-hoogeveen-sterk-techniekonderwijs", "sterk-techniekonderwijs-haaglanden"} <= set(
        catalog.records("initiatives")
    )


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_record_starts_with_its_schema_line(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert (
        first == f"# yaml-language-server: $schema=../../schemas/{KINDS[path.parent.name].schema_file}"
    )


def test_every_record_has_sources_and_a_check_date(catalog):
    for entry in catalog.all_entries():
        assert entry.record.sources, entry.path
        assert entry.record.last_verified, entry.path


def test_no_record_text_is_missing_its_english(catalog):
    assert missing_english(catalog, ROOT) == []


def test_committed_json_schemas_are_up_to_date(catalog):
    assert stale_schemas(ROOT, catalog.vocabularies) == [], "run `make schemas`"


def test_json_schemas_list_the_vocabulary_codes(catalog):
    schema = json.loads((ROOT / "schemas/initiative.schema.json").read_text())
    sectors = schema["properties"]["sectors"]["items"]
    assert sectors["enum"] == sorted(catalog.vocabularies.sectors)
    assert schema["additionalProperties"] is False


def test_editor_settings_map_every_schema():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text())
    assert {
        path.removeprefix("./schemas/").removesuffix(".schema.json") for path in settings["yaml.schemas"]
    } == set(SCHEMA_MODELS)


def test_every_schema_field_has_a_label_in_both_languages():
    models = (*(kind.model for kind in KINDS.values()), KeyFigureGroup)
    fields = {field.name for model in models for top in fields_of(model) for field in top.walk()}
    assert fields - Strings.field_names() == set()


def test_hand_written_pages_exist_in_both_languages():
    dutch = {path.relative_to(ROOT / "docs/nl") for path in (ROOT / "docs/nl").rglob("*.md")}
    english = {path.relative_to(ROOT / "docs/en") for path in (ROOT / "docs/en").rglob("*.md")}
    assert dutch == english


# Words that are frequent in Dutch prose and do not occur in English sentences or in the proper
# names on this site ("van" and "de" do: Van Hall Larenstein, Roelof van Echten College).
_DUTCH_WORDS = {
    "het",
    "een",
    "zijn",
    "wordt",
    "worden",
    "voor",
    "niet",
    "ook",
    "naar",
    "deze",
    "bij",
    "hebben",
    "heeft",
    "maar",
    "als",
    "dat",
    "wij",
    "onze",
    "zich",
    "met",
    "die",
}


# Place names are proper names in both languages ("Wijk bij Duurstede", "Bergen op Zoom"), longest first.
_PLACE_NAMES = sorted(
    (
        name
        for place in load_places(ROOT / "content").municipalities.values()
        for name in (place.name, *place.aliases)
        if " " in name
    ),
    key=len,
    reverse=True,
)


def _article_words(html: str) -> list[str]:
    import re

    article = html.split('<article class="md-content__inner', 1)[-1].split("</article>", 1)[0]
    article = re.sub(r'<(?P<tag>\w+)[^>]*\blang="nl"[^>]*>.*?</(?P=tag)>', " ", article, flags=re.S)
    # Link texts name documents and organisations in their own language ("Platform Talent voor Technologie").
    article = re.sub(r"<a\b[^>]*>.*?</a>", " ", article, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", article)
    # The page's own name is a proper name ("Sterk Techniekonderwijs Het Gooi"), wherever it stands.
    if title := re.search(r"<h1[^>]*>(.*?)</h1>", article, flags=re.S):
        text = text.replace(re.sub(r"<[^>]+>", "", title.group(1)).strip(), " ")
    for name in _PLACE_NAMES:
        text = text.replace(name, " ")
    return re.findall(r"[a-zà-ÿ]+", text.lower())


def test_no_dutch_text_stands_untranslated_on_english_pages(real_site):
    for path in sorted((real_site / "en").rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        assert "vh-untranslated" not in html, f"{path}: a record text has no English"
        words = _article_words(html)
        dutch = [word for word in words if word in _DUTCH_WORDS]
        assert len(dutch) <= max(2, len(words) // 100), (
            f"{path.relative_to(real_site)}: Dutch words {dutch[:10]}"
        )
