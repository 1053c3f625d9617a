"""The English site speaks English: every English page of the real build, as a reader reads it
(its file, and a page of every type in headless Chromium after its scripts ran), holds none of the
Dutch interface phrases of strings.yml and no Dutch month or day names.

Left out of the scan: record text that has no English yet (shown in Dutch on purpose, marked
`lang="nl"`, as is the language switch's "Nederlands"), code examples for editors, and proper
names, which the record contract leaves untranslated (network and school names, source titles:
"VO-HO netwerk Oost" is a name, not interface text). For the same reason a one-word label
("Hogescholen", as in "Vereniging Hogescholen") is not scanned for; the site's own name is
checked where the site prints it."""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser

import pytest
from pydantic import BaseModel

from conftest import ROOT
from sitegen.records.catalog import load_catalog
from sitegen.records.i18n import Strings
from sitegen.records.schema import Text

pytestmark = pytest.mark.browser

# A date as Dutch writes it: lower-case month names ("1 juni 2020", "september 2019") and day names
# (English capitalises both). A month alone may be part of a title ("STO ontbijt 13 oktober").
_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_DAYS = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
DUTCH_DATE_WORDS = re.compile(rf"\b(?:\d{{1,2}} )?(?:{_MONTHS}) \d{{4}}\b|\b(?:{_DAYS})\b")

# What a reader of the page meets: its visible text and the labels of its controls and links,
# outside anything marked as being in another language.
_READER_TEXT = """() => {
  const foreign = '[lang]:not([lang="en"]):not(html)';
  const labels = [];
  document.querySelectorAll("[aria-label], [title], [placeholder], img[alt]").forEach((element) => {
    if (element.closest(foreign)) return;
    for (const name of ["aria-label", "title", "placeholder", "alt"]) {
      if (element.hasAttribute(name)) labels.push(element.getAttribute(name));
    }
  });
  document.querySelectorAll(`${foreign}, code, pre, kbd`).forEach((element) => element.remove());
  return [document.title, ...labels, document.body.innerText].join("\\n");
}"""


@functools.cache
def dutch_phrases() -> dict[str, re.Pattern]:
    """The pieces of each Dutch interface text (split at its placeholders) that its English
    counterpart does not share, as whole-word patterns."""
    english = Strings("en").templates()
    phrases = {}
    for key, dutch in Strings("nl").templates().items():
        if dutch == english[key]:
            continue
        for piece in re.split(r"\{\w+\}", dutch):
            piece = piece.strip(" ,.:;()")
            if len(piece.split()) < 2 or piece in english[key]:
                continue
            phrases[piece] = re.compile(r"(?<![\w-])" + re.escape(piece) + r"(?![\w-])")
    return phrases


@functools.cache
def proper_names() -> list[str]:
    """Every plain string of the real records (names, institutions, source titles), longest first."""
    names: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, Text):
            return  # translated text
        if isinstance(value, str):
            names.add(value)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                walk(getattr(value, name))
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    catalog = load_catalog(ROOT)
    walk([entry.record for entry in catalog.all_entries()])
    walk(catalog.key_figures)
    return sorted((name for name in names if " " in name), key=len, reverse=True)


def english_pages(site) -> list[str]:
    english = site / "en"
    return sorted(
        "en/" + path.relative_to(english).as_posix().removesuffix("index.html")
        for path in english.rglob("*.html")
    )


def test_the_scan_finds_dutch_phrases():
    phrases = dutch_phrases()
    assert "Pagina niet gevonden" in phrases
    assert "VO-HO netwerk Oost" in proper_names()
    assert any(pattern.search("Laatst gecontroleerd op 1 juni 2020.") for pattern in phrases.values())
    assert not any(
        pattern.search("Regional VO-HO networks. Last checked on 1 June 2020.")
        for pattern in phrases.values()
    )


class _ReaderText(HTMLParser):
    """What `_READER_TEXT` gives in the browser, read from the built file: the title, the labels of
    controls and links, and the text, outside anything marked as being in another language and
    outside code (the same text, for every page without starting one; the pages whose scripts write
    text are read in the browser too, `SCRIPTED`)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
            "wbr"}
    SKIPPED = {"code", "pre", "kbd", "script", "style", "template", "noscript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[bool] = []  # per open element: is its content left out?

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        lang = values.get("lang")
        left_out = (lang is not None and lang != "en" and tag != "html") or tag in self.SKIPPED
        if not any(self.stack) and not left_out:
            labels = ("aria-label", "title", "placeholder")
            self.parts += [values[name] or "" for name in labels if name in values]
            if tag == "img" and "alt" in values:
                self.parts.append(values["alt"] or "")
        if tag not in self.VOID:
            self.stack.append(left_out)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not any(self.stack):
            self.parts.append(data)


def reader_text(html: str) -> str:
    parser = _ReaderText()
    parser.feed(html)
    return "\n".join(parser.parts)


@functools.cache
def _names_pattern() -> re.Pattern:
    """Every proper name in one pattern, longest first (the order `re` tries them in)."""
    return re.compile("|".join(re.escape(name) for name in proper_names()))


@functools.cache
def _phrases_pattern() -> re.Pattern:
    """Every Dutch phrase in one pattern, each a whole word as in `dutch_phrases`."""
    pieces = sorted(dutch_phrases(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(piece) for piece in pieces) + r")(?![\w-])")


def dutch_found(path: str, text: str) -> list[str]:
    # Dates first: a date added to a name ("… (juni 2018)") is the site's text, not the name's.
    found = [f"{path}: {match.group(0)!r}" for match in DUTCH_DATE_WORDS.finditer(text)]
    text = _names_pattern().sub(" ", text)
    return found + sorted({f"{path}: {match.group(0)!r}" for match in _phrases_pattern().finditer(text)})


def test_the_file_scan_reads_what_the_browser_reads():
    html = (
        '<html lang="en"><head><title>Title</title><script>var x = "Laatst gecontroleerd";</script></head>'
        '<body><a aria-label="Open de kaart">x</a><p>Visible <span lang="nl">Nederlands</span></p>'
        '<code>Pagina niet gevonden</code><img alt="Kaart"><br>after</body></html>'
    )
    text = reader_text(html)
    assert "Title" in text and "Open de kaart" in text and "Kaart" in text and "after" in text
    assert "Nederlands" not in text and "Pagina niet gevonden" not in text and "Laatst" not in text
    assert len(dutch_found("x", "Pagina niet gevonden. Laatst gecontroleerd op 1 juni 2020.")) == 3
    assert dutch_found("x", "VO-HO netwerk Oost: Page not found. Last checked on 1 June 2020.") == []


def test_english_pages_have_no_dutch_interface_text_or_dates(real_site):
    """Every English page, read from its file."""
    pages = english_pages(real_site)
    assert "en/404.html" in pages and "en/netwerken/" in pages and len(pages) > 20
    found = []
    for path in pages:
        file = real_site / (path if path.endswith(".html") else path + "index.html")
        found += dutch_found(path, reader_text(file.read_text(encoding="utf-8")))
    assert found == [], "\n".join(found)


SCRIPTED = [
    "en/", "en/netwerken/", "en/initiatieven/", "en/aanbod/", "en/scholen/", "en/regios/", "en/gemeenten/",
    "en/nieuws/", "en/regios/drenthe/", "en/netwerken/betapartners/", "en/initiatieven/sto-twente/",
    "en/404.html",
]
"""A page of every type, read in the browser after its scripts ran (filters, look-up, search box)."""


@pytest.mark.parametrize("path", SCRIPTED)
def test_english_pages_as_the_browser_shows_them_have_no_dutch_interface_text(page, real_url, path):
    page.goto(real_url + path)
    assert dutch_found(path, page.evaluate(_READER_TEXT)) == []


def test_english_pages_carry_the_english_site_name(page, real_url):
    name = Strings("en").t("site-name")
    for path in ("en/", "en/netwerken/", "en/404.html"):
        page.goto(real_url + path)
        assert page.title().endswith(name)
        assert page.locator(".md-header__button.md-logo").get_attribute("aria-label") == name
        assert page.locator(".md-header__topic").first.inner_text().strip() == name


def test_the_404_page_speaks_the_language_of_its_build_first(page, real_url):
    for path, title in (("404.html", "Pagina niet gevonden"), ("en/404.html", "Page not found")):
        page.goto(real_url + path)
        assert page.locator("h1").inner_text().strip() == title


def test_key_figures_are_written_as_the_page_s_language_writes_numbers(page, real_url):
    figures = {}
    for path in ("", "en/"):
        page.goto(real_url + path)
        figures[path] = page.locator(".vh-figure__value").all_inner_texts()
    assert "35.000+" in figures[""] and "35,000+" in figures["en/"]
    assert not any(re.search(r"\d\.\d{3}", value) for value in figures["en/"])
