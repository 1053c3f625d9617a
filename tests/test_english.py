"""The English site speaks English: every English page of the real build, as a reader sees it in
headless Chromium, holds none of the Dutch interface phrases of strings.yml and no Dutch month or
day names.

Left out of the scan: record text that has no English yet (shown in Dutch on purpose, marked
`lang="nl"`, as is the language switch's "Nederlands"), code examples for editors, and proper
names, which the record contract leaves untranslated (network and school names, source titles:
"VO-HO netwerk Oost" is a name, not interface text). For the same reason a one-word label
("Hogescholen", as in "Vereniging Hogescholen") is not scanned for; the site's own name is
checked where the site prints it."""

from __future__ import annotations

import functools
import re

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


# The English pages in this many parts, so parallel workers share the scan.
SHARDS = 4


@pytest.mark.parametrize("shard", range(SHARDS))
def test_english_pages_have_no_dutch_interface_text_or_dates(page, real_site, real_url, shard):
    phrases = dutch_phrases()
    pages = english_pages(real_site)
    assert "en/404.html" in pages and "en/netwerken/" in pages and len(pages) > 20
    names = proper_names()
    found = []
    for path in pages[shard::SHARDS]:
        page.goto(real_url + path)
        text = page.evaluate(_READER_TEXT)
        # Dates first: a date added to a name ("… (juni 2018)") is the site's text, not the name's.
        found += [f"{path}: {match.group(0)!r}" for match in DUTCH_DATE_WORDS.finditer(text)]
        for name in names:
            text = text.replace(name, " ")
        found += [f"{path}: {piece!r}" for piece, pattern in phrases.items() if pattern.search(text)]
    assert found == [], "\n".join(found)


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
