"""The editors' links: "edit this record" goes to the record's YAML file, "report a correction" to the
prefilled correction form, on every record page of a real build; hand-written pages edit their Markdown."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import BUILD_SETTINGS, FIXTURES, read_page
from sitegen.pages.editing import FormTemplateError, check_form_template, correction_url
from sitegen.records.catalog import load_catalog
from sitegen.records.kinds import record_path
from sitegen.site import LANGUAGES, language

REPO_URL = BUILD_SETTINGS["REPO_URL"]


class _Links(HTMLParser):
    """Every <a> of a page with its attributes and text."""

    def __init__(self, text: str):
        super().__init__()
        self.links: list[dict] = []
        self._open: dict | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open = {**dict(attrs), "text": ""}
            self.links.append(self._open)

    def handle_endtag(self, tag):
        if tag == "a":
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data

    def with_class(self, name: str) -> list[dict]:
        return [link for link in self.links if name in (link.get("class") or "").split()]


def links_of(site: Path, path: str) -> _Links:
    return _Links(read_page(site, path))


def record_pages():
    catalog = load_catalog(FIXTURES)  # tests/fixtures/content
    return [(entry, lang.code) for entry in catalog.all_entries() for lang in LANGUAGES]


@pytest.mark.parametrize(("entry", "lang"), record_pages(), ids=lambda value: getattr(value, "id", value))
def test_every_record_page_links_to_its_yaml_file_in_the_web_editor(fixture_site, entry, lang):
    links = links_of(fixture_site, language(lang).page(record_path(entry.kind, entry.id)))
    expected = f"{REPO_URL}/edit/main/{entry.path}"
    [visible] = links.with_class("vh-edit-link")
    assert visible["href"] == expected
    assert visible["text"].strip() == {"nl": "Dit record bewerken", "en": "Edit this record"}[lang]
    # Material's pencil button points at the same file, not at a generated Markdown page.
    [button] = [
        link
        for link in links.links
        if link.get("rel") == "edit" and "md-content__button" in link.get("class", "")
    ]
    assert button["href"] == expected
    assert entry.path.startswith("content/") and entry.path.endswith(".yml")


@pytest.mark.parametrize(("entry", "lang"), record_pages(), ids=lambda value: getattr(value, "id", value))
def test_every_record_page_links_to_the_prefilled_correction_form(fixture_site, fixture_url, entry, lang):
    path = language(lang).page(record_path(entry.kind, entry.id))
    [link] = links_of(fixture_site, path).with_class("vh-correction-link")
    assert link["text"].strip() == {"nl": "Een correctie melden", "en": "Report a correction"}[lang]
    address = urlsplit(link["href"])
    assert f"{address.scheme}://{address.netloc}{address.path}" == f"{REPO_URL}/issues/new"
    query = parse_qs(address.query, strict_parsing=True)
    assert query["template"] == ["correction.yml"]
    assert query["record"] == [f"{entry.kind}/{entry.id}"]
    assert query["page"] == [fixture_url + path]  # the public address of the page itself
    prefix = {"nl": "Correctie", "en": "Correction"}[lang]  # the subject in the page's language
    assert query["title"] == [f"{prefix}: {entry.title_in(lang)}"]
    # Every value stays inside its own parameter, whatever the title holds.
    assert set(query) == {"template", "title", "record", "page"}


def test_hostile_titles_are_encoded_not_spilled_into_the_address(fixture_site):
    [link] = links_of(fixture_site, "en/initiatieven/hostile").with_class("vh-correction-link")
    assert not re.search(r"[\s<>\"']", link["href"])
    title = parse_qs(urlsplit(link["href"]).query)["title"][0]
    assert title == 'Correction: Hostile "><img src=x onerror=alert(1)> initiative {{ 7*7 }}'


def test_no_personal_data_goes_into_the_form_address(fixture_site):
    for path in ("netwerken/alpha", "initiatieven/hoofd", "en/initiatieven/hoofd"):
        [link] = links_of(fixture_site, path).with_class("vh-correction-link")
        for personal in ("Piet", "Geheim", "Jan", "Open", "@", "example.org"):
            assert personal not in link["href"], (path, personal)


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("over", "docs/nl/over.md"),
        ("en/over", "docs/en/over.md"),
        ("", "docs/nl/index.md"),
        ("en/focus", "docs/en/focus/index.md"),
    ],
)
def test_hand_written_pages_edit_their_markdown_source(fixture_site, path, source):
    [button] = [link for link in links_of(fixture_site, path).links if link.get("rel") == "edit"]
    assert button["href"] == f"{REPO_URL}/edit/main/{source}"


def test_overview_pages_have_no_correction_link(fixture_site):
    assert links_of(fixture_site, "initiatieven").with_class("vh-correction-link") == []


def test_the_header_links_to_the_repository_without_asking_github_for_facts(fixture_site):
    html = read_page(fixture_site, "")
    assert f'href="{REPO_URL}"' in html
    assert 'data-md-component="source"' not in html  # Material's component fetches from api.github.com


# The form address template -----------------------------------------------------------------------


def test_values_are_percent_encoded_as_single_query_values():
    url = correction_url(
        "https://forms.example.nl/correctie?soort={kind}&id={id}&titel={title}&pagina={url}",
        None,
        kind="initiatives",
        id="a-b",
        title="R&D #1 50% — één/twee?",
        url="https://site.nl/a/?x=1&y=2#z",
    )
    query = parse_qs(urlsplit(url).query, strict_parsing=True)
    assert query == {
        "soort": ["initiatives"],
        "id": ["a-b"],
        "titel": ["R&D #1 50% — één/twee?"],
        "pagina": ["https://site.nl/a/?x=1&y=2#z"],
    }
    assert urlsplit(url).fragment == ""


def test_the_repository_address_is_inserted_once_without_a_double_slash():
    url = correction_url(
        "{repo_url}/issues/new?record={kind}%2F{id}",
        "https://github.com/o/r/",
        kind="networks",
        id="x",
        title="",
        url="",
    )
    assert url == "https://github.com/o/r/issues/new?record=networks%2Fx"


@pytest.mark.parametrize(
    ("template", "repo_url", "message"),
    [
        ("{repo_url}/issues/new?email={email}", "https://github.com/o/r", "unknown placeholder {email}"),
        ("http://forms.example.nl/?id={id}", None, "must be an https:// address"),
        ("javascript:alert({id})", None, "must be an https:// address"),
        ("https://forms.example.nl/?id={id", None, "extra.correction_form"),
    ],
)
def test_a_bad_form_template_is_refused(template, repo_url, message):
    with pytest.raises(FormTemplateError, match=re.escape(message)):
        check_form_template(template, repo_url)


@pytest.mark.site  # builds
def test_a_bad_form_template_stops_the_build(fixture_project):
    from sitegen.outputs.build import BuildFailed, build_site

    config = fixture_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        re.sub(r"^  correction_form: .*$", '  correction_form: "https://x.nl/?naam={name}"', text, flags=re.M)
    )
    with pytest.raises(BuildFailed, match=r"unknown placeholder \{name\}"):
        build_site(fixture_project)
