"""Language and counts as a reader meets them: a source title in another language than the page's is
marked with its own (`lang` of the source); a page writes its dates in one style; the region filter
counts an initiative where the map does; place options are alphabetical; numbered themes say that the
number is the theme's."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import pytest

from conftest import read_page
from sitegen.records.places import sort_key

_NUMERIC_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2}|\d{1,2}-\d{1,2}-\d{4})\b")
_LONG_DATE = re.compile(
    r"\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    r"|January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b"
)


class _VisibleText(HTMLParser):
    """The text a reader sees, without scripts, styles, code and text marked as another language."""

    SKIPPED = {"script", "style", "svg", "code", "pre", "template"}

    def __init__(self, lang: str):
        super().__init__()
        self.lang, self.parts, self.stack = lang, [], []

    def handle_starttag(self, tag, attrs):
        if tag in {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "path", "rect"}:
            return
        marked = dict(attrs).get("lang")
        self.stack.append(tag in self.SKIPPED or (marked is not None and marked != self.lang))

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not any(self.stack):
            self.parts.append(data)


def visible_text(html: str, lang: str) -> str:
    parser = _VisibleText(lang)
    parser.feed(html)
    return " ".join(parser.parts)


def built_pages(site):
    for path in sorted(site.rglob("index.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith(("pagefind/", "assets/")):
            continue
        yield relative, ("en" if relative.startswith("en/") else "nl"), path.read_text(encoding="utf-8")


def test_a_page_writes_its_dates_in_one_style(real_site):
    mixed = []
    for relative, lang, html in built_pages(real_site):
        text = visible_text(html, lang)
        if _NUMERIC_DATE.search(text) and _LONG_DATE.search(text):
            mixed.append((relative, _NUMERIC_DATE.search(text).group(0)))
    assert mixed == []


@pytest.mark.parametrize(("path", "marked"), [
    # an English page of a record with Dutch sources; a Dutch page of one with an English source
    ("en/initiatieven/sto-rijnstreek/", '<span lang="nl">Samenwerken voor beter techniekonderwijs</span>'),
    ("aanbod/food-valley-wageningen-youth-institute/",
     '<span lang="en">Wageningen University &amp; Research: Wageningen Youth Institute 3 March 2021</span>'),
])
def test_a_source_title_in_another_language_is_marked_as_such(real_site, path, marked):
    assert marked in read_page(real_site, path)


def test_a_source_title_in_the_page_language_is_not_marked(real_site):
    html = read_page(real_site, "initiatieven/sto-rijnstreek/")
    assert ">Samenwerken voor beter techniekonderwijs (15 februari 2019)</a>" in html


def _options(html: str, name: str) -> list[tuple[str, str]]:
    select = re.search(rf'<select id="vh-filters-initiatives-{name}".*?</select>', html, re.S).group(0)
    options = re.findall(r'<option value="([^"]+)"[^>]*>([^<]+)<', select)
    return [(value, unescape(label)) for value, label in options]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_place_options_are_alphabetical_in_the_page_language(real_site, prefix):
    html = read_page(real_site, prefix + "initiatieven/")
    for name in ("region", "province"):
        labels = [label for _, label in _options(html, name)]
        assert len(labels) > 5 and labels == sorted(labels, key=sort_key), name


@pytest.mark.parametrize(("prefix", "word"), [("", "Thema"), ("en/", "Theme")])
def test_theme_options_say_the_number_is_the_theme_s(real_site, prefix, word):
    labels = [label for _, label in _options(read_page(real_site, prefix + "initiatieven/"), "theme")]
    assert labels and all(re.match(rf"{word} \d+: \S", label) for label in labels), labels


def test_the_region_filter_counts_an_initiative_where_the_map_does(real_site):
    """The map's table and the region filter's rows agree for every region (the rule is said under
    the map): an initiative counts in its region and in those of its municipalities."""
    html = read_page(real_site, "initiatieven/")
    table = re.search(r'id="vh-map-table".*?</table>', html, re.S).group(0)
    cells = re.findall(r'regios/([a-z-]+)/">[^<]+</a></th>\s*<td>(\d+)</td>', table)
    on_map = {code: int(count) for code, count in cells}
    rows = re.findall(r'<tr[^>]*data-vh-region="([^"]*)"', html)
    assert rows, "the overview rows carry their regions"
    in_filter = {code: sum(code in row.split() for row in rows) for code in on_map}
    assert on_map == in_filter
    assert "in de regio van elk van zijn gemeenten" in html
