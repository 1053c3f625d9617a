"""News: the news page and the home page's latest items (built fixture site), and the Atom feed of
each language, checked element by element against RFC 4287's rules for feeds and entries."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import FIXTURES
from sitegen import site
from sitegen.outputs.feeds import atom_feed
from sitegen.pages.news import LATEST, news_items, update_anchor
from sitegen.records.catalog import load_catalog
from sitegen.records.kinds import record_path

A = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RFC_3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
LANGUAGES = {language.code: language.path for language in site.LANGUAGES}


class _Page(HTMLParser):
    """The <head> links, the news items (article > h2/h3 > a) and every id of a page."""

    def __init__(self, text: str):
        super().__init__()
        self.head_links: list[dict] = []
        self.ids: set[str] = set()
        self.items: list[str] = []
        self.links: list[dict] = []
        self._in_head = False
        self._heading = False
        self._article = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "head":
            self._in_head = True
        elif tag == "link" and self._in_head:
            self.head_links.append(attrs)
        elif tag == "article" and "vh-news-item" in attrs.get("class", ""):
            self._article = True
        elif tag in ("h2", "h3") and self._article:
            self._heading = True
        elif tag == "a":
            self.links.append(attrs)
            if self._heading:
                self.items.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False
        elif tag in ("h2", "h3"):
            self._heading = False
        elif tag == "article":
            self._article = False


def parsed(site: Path, path: str) -> _Page:
    return _Page(
        (site / path / "index.html").read_text(encoding="utf-8")
        if not path.endswith(".html")
        else (site / path).read_text(encoding="utf-8")
    )


def expected_items() -> list[str]:
    """Every update of the fixture records, newest first, as linked from the news page."""
    return [
        f"../{record_path(item.entry.kind, item.entry.id)}#{item.anchor}"
        for item in news_items(load_catalog(FIXTURES))
    ]


def test_updates_are_gathered_newest_first_with_stable_anchors():
    items = news_items(load_catalog(FIXTURES))
    dates = [item.date for item in items]
    assert dates == ["2024-02-29", "2023-09", "2023-05", "2022-11-03", "2021-04", "2020-06", "2019-01"]
    assert items[1].entry.kind == "networks"  # a network's own news is news too
    assert items[0].anchor == "update-2024-02-29-vijfde-jaar-meer"
    assert [update_anchor(item.update) for item in items] == [item.anchor for item in items]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_news_page_lists_every_update_newest_first_each_linking_to_its_record(fixture_site, lang):
    prefix = LANGUAGES[lang]
    news = parsed(fixture_site, prefix + "nieuws")
    assert news.items == expected_items()
    for link in news.items:  # each lands on the update itself
        record, anchor = link.removeprefix("../").split("#")
        assert anchor in parsed(fixture_site, prefix + record).ids
    feed_links = [link for link in news.links if link.get("type") == "application/atom+xml"]
    assert [link["href"] for link in feed_links] == ["../nieuws/feed.xml"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_shows_the_latest_five(fixture_site, lang):
    home = parsed(fixture_site, LANGUAGES[lang])
    assert LATEST == 5
    assert [link.removeprefix("./") for link in home.items] == [
        link.removeprefix("../") for link in expected_items()[:LATEST]
    ]
    assert any(link.get("href", "").endswith("nieuws/") for link in home.links)


def test_every_page_links_its_language_s_feed_in_its_head(fixture_site):
    pages = sorted(fixture_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        relative = path.relative_to(fixture_site).as_posix()
        lang = "en" if relative.startswith("en/") else "nl"
        [feed] = [
            link
            for link in _Page(path.read_text(encoding="utf-8")).head_links
            if link.get("rel") == "alternate" and link.get("type") == "application/atom+xml"
        ]
        target = urlsplit(feed["href"]).path
        if target.startswith("/"):  # the 404 page links from the site root
            resolved = target.lstrip("/")
        else:
            resolved = (Path(relative).parent / target).as_posix()
            while "/../" in "/" + resolved:
                resolved = re.sub(r"(^|/)[^/]+/\.\./", r"\1", resolved, count=1)
        assert resolved.endswith({"nl": "nieuws/feed.xml", "en": "en/nieuws/feed.xml"}[lang]), (
            relative,
            feed,
        )
        assert (fixture_site / re.sub(r"^.*?((en/)?nieuws/feed\.xml)$", r"\1", resolved)).is_file()
        assert feed.get("title")


def _one(parent: ET.Element, name: str) -> ET.Element:
    found = parent.findall(A + name)
    assert len(found) == 1, f"{parent.tag} must have exactly one {name}, has {len(found)}"
    return found[0]


def _absolute(iri: str) -> bool:
    parts = urlsplit(iri)
    return parts.scheme in ("https", "http", "tag") and bool(parts.netloc or parts.scheme == "tag")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_feed_follows_rfc_4287(fixture_site, fixture_url, lang):
    """atom:feed and atom:entry as section 4.1 of RFC 4287 requires them."""
    data = (fixture_site / LANGUAGES[lang] / "nieuws" / "feed.xml").read_bytes()
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    feed = ET.fromstring(data)
    assert feed.tag == A + "feed" and feed.get(XML_LANG) == lang
    # Feed: one id (an absolute IRI), one title, one updated (RFC 3339), an author, a self link.
    assert _absolute(_one(feed, "id").text)
    assert _one(feed, "title").text.strip()
    assert RFC_3339.match(_one(feed, "updated").text)
    author = _one(feed, "author")
    assert _one(author, "name").text.strip()
    links = {
        (link.get("rel", "alternate"), link.get("type")): link.get("href")
        for link in feed.findall(A + "link")
    }
    base = fixture_url + LANGUAGES[lang]
    assert links[("self", "application/atom+xml")] == base + "nieuws/feed.xml"
    assert links[("alternate", "text/html")] == base + "nieuws/"
    assert all(child.tag.startswith(A) for child in feed), "only Atom elements"
    entries = feed.findall(A + "entry")
    assert len(entries) == len(news_items(load_catalog(FIXTURES)))
    ids, dates = [], []
    for entry in entries:
        ids.append(_one(entry, "id").text)
        assert _absolute(ids[-1]) and ids[-1].startswith(base)
        assert _one(entry, "title").text.strip()
        dates.append(_one(entry, "updated").text)
        assert RFC_3339.match(dates[-1])
        alternates = [
            link for link in entry.findall(A + "link") if link.get("rel", "alternate") == "alternate"
        ]
        assert len(alternates) == 1 and alternates[0].get("href") == ids[-1]  # the update on its record page
        content = _one(entry, "content")
        assert content.get("type") == "html" and "<p>" in content.text  # escaped HTML, one level
        assert entry.get(XML_LANG) in ("nl", "en")
    assert len(set(ids)) == len(ids), "entry ids are unique"
    assert dates == sorted(dates, reverse=True)
    assert _one(feed, "updated").text == dates[0]  # from the data, not the clock
    titles = [entry.find(A + "title").text for entry in entries]
    assert (
        titles[0] == {"nl": "Vijfde jaar & <meer>", "en": "Fifth year & <more>"}[lang]
    )  # text, escaped once
    if lang == "en":  # an update without English is in Dutch, and says so
        dutch = next(entry for entry in entries if entry.find(A + "title").text == "Start in januari")
        assert dutch.get(XML_LANG) == "nl"
    # A month stays a month where a reader sees it: the entry's text says "januari 2019", while its
    # `updated` (a moment, by RFC 3339) counts from the first day.
    january = next(entry for entry in entries if entry.find(A + "title").text == "Start in januari")
    assert _one(january, "updated").text == "2019-01-01T00:00:00Z"
    said = _one(january, "content").text
    assert said.startswith({"nl": "<p>januari 2019 · <a ", "en": "<p>January 2019 · <a "}[lang]), said
    assert " 1 januari 2019" not in said and " 1 January 2019" not in said


def test_feed_ids_and_dates_do_not_change_from_one_build_to_the_next(fixture_site, fixture_url):
    """The built feed is exactly what the records give, whenever it is built."""
    catalog = load_catalog(FIXTURES)
    for lang, prefix in LANGUAGES.items():
        built = (fixture_site / prefix / "nieuws" / "feed.xml").read_bytes()
        assert built == atom_feed(catalog, lang, fixture_url + prefix)
        assert atom_feed(catalog, lang, fixture_url + prefix) == built
