"""The focus report section: its order, the printable page, generated profiles, and print CSS."""

from __future__ import annotations

import dataclasses
import re

import pytest
from mkdocs.config import load_config

from conftest import ROOT, read_page
from sitegen.pages.focus_report import _resolve, _url_of, build_report, chapter_files, report_toc
from sitegen.records.catalog import load_catalog
from sitegen.site import LANGUAGE_CODES, LANGUAGE_PATHS, language

CHAPTERS = ["focus/index.md", "focus/missie.md", "focus/terugblik-2018-2023.md", "focus/focus-2024-2028.md",
            "focus/kerncijfers.md", "focus/netwerkprofielen.md"]


def ids(html: str) -> list[str]:
    return re.findall(r'\sid="([^"]+)"', html)


# The order and the assembly --------------------------------------------------------------------


def test_the_report_is_the_focus_section_of_the_nav_in_order():
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert chapter_files(config["nav"]) == CHAPTERS


def test_both_languages_have_the_same_chapter_files():
    for src in CHAPTERS:
        assert (ROOT / "docs/nl" / src).exists() and (ROOT / "docs/en" / src).exists(), src


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("missie.md", "#missie"),
        ("missie.md#why", "#missie-why"),
        ("#sources", "#focus-sources"),
        ("../netwerken/index.md", "BASE/netwerken/"),
        ("../netwerken/u-talent/", "#netwerkprofielen-u-talent"),
        ("https://example.org/a", "https://example.org/a"),
        ("mailto:info@example.org", "mailto:info@example.org"),
    ],
)
def test_links_in_a_chapter_point_inside_the_report_or_at_the_site(href, expected):
    anchors = {_url_of(src): (src.rsplit("/", 1)[1].removesuffix(".md").replace("index", "focus"), True)
               for src in CHAPTERS}
    anchors["netwerken/u-talent/"] = ("netwerkprofielen-u-talent", False)
    assert _resolve(href, "focus/index.md", "focus/", "focus", anchors, "BASE/") == expected


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_report_chapters_have_unique_ids_and_only_internal_anchors_that_exist(lang):
    config = load_config(str(ROOT / language(lang).config_file))
    report = build_report(config, load_catalog(ROOT), link_base="https://example.org/", chapter_level=1)
    html = "".join(f'<h1 id="{c.slug}">{c.title}</h1>{c.html}' for c in report.chapters)
    found = ids(html)
    assert len(found) == len(set(found))
    for target in re.findall(r'href="#([^"]+)"', html):
        assert target in found, target
    assert "data-vh-fragment" not in html and "<!--" not in html
    assert "vh-report-downloads" not in html  # the report does not link to itself
    for chapter in report.chapters[1:]:
        assert f'href="#{chapter.slug}"' in report.chapters[0].html  # the introduction lists them
    assert "https://example.org/focus/" not in html  # no chapter is linked as a page of the site


# The built section ------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", LANGUAGE_PATHS)
def test_section_pages_and_printable_page_exist_in_both_languages(real_site, prefix):
    for src in CHAPTERS:
        assert (real_site / prefix / _url_of(src) / "index.html").exists(), src
    assert (real_site / prefix / "focus/print/index.html").exists()


@pytest.mark.parametrize("prefix", LANGUAGE_PATHS)
def test_printable_page_holds_every_chapter_in_nav_order_and_every_network(real_site, prefix):
    html = read_page(real_site, prefix + "focus/print")
    slugs = re.findall(r'<section class="vh-chapter" aria-labelledby="([^"]+)"', html)
    assert slugs == [
        "focus",
        "missie",
        "terugblik-2018-2023",
        "focus-2024-2028",
        "kerncijfers",
        "netwerkprofielen",
    ]
    found = ids(html)
    assert len(found) == len(set(found))
    for network in load_catalog(ROOT).records("networks").values():
        assert f">{network.name}</h3>" in html.replace("&amp;", "&")
    for target in re.findall(r'href="#([^"]+)"', html):
        assert target in found, target


def test_printable_page_links_to_other_pages_resolve_to_built_files(real_site):
    page = real_site / "focus/print/index.html"
    html = page.read_text(encoding="utf-8")
    for href in set(re.findall(r'href="(\.\./[^"#]*)"', html)):
        target = (page.parent / href).resolve()
        assert target.is_file() or (target / "index.html").is_file() or href.endswith(".pdf"), href


def test_profiles_come_from_the_records(fixture_site):
    html = read_page(fixture_site, "focus/netwerkprofielen")
    assert 'id="alpha"' in html
    assert "Netwerk Alpha" in html and "Universiteit Alpha" in html and "Alfastreek" in html
    assert "ongeveer 40 scholen" in html
    assert "Piet Geheim" not in html  # unpublished contact details stay out


def test_mission_lists_the_three_pillars_from_the_vocabulary(real_site):
    catalog = load_catalog(ROOT)
    html = read_page(real_site, "focus/missie")
    for code in catalog.vocabularies.pillars:
        assert catalog.label("pillars", code, "nl") in html
    english = read_page(real_site, "en/focus/missie")
    for code in catalog.vocabularies.pillars:
        assert catalog.label("pillars", code, "en") in english


def test_printable_page_is_not_in_the_search_index_and_has_no_edit_link(real_site):
    html = read_page(real_site, "focus/print")
    assert "data-pagefind-body" not in html
    assert "print.md" not in html


def test_print_css_is_on_every_page(fixture_site):
    for path in ("", "netwerken/alpha/", "en/focus/print/"):
        assert "assets/stylesheets/print.css" in (fixture_site / path / "index.html").read_text(
            encoding="utf-8"
        )


# In the browser, printed ------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("path", ["focus/print/", "en/focus/print/", "netwerken/u-talent/"])
def test_print_media_hides_the_site_chrome(page, real_url, path):
    page.emulate_media(media="print")
    page.goto(real_url + path)
    for selector in (
        ".md-header",
        ".md-tabs",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-footer",
    ):
        if page.locator(selector).count():
            assert not page.locator(selector).first.is_visible(), selector
    assert page.locator(".md-search, .vh-search").first.is_visible() is False
    assert page.locator("article h1").first.is_visible()


@pytest.mark.browser
def test_printed_report_breaks_before_chapters_and_prints_link_addresses(page, real_url):
    page.emulate_media(media="print")
    page.goto(real_url + "focus/print/")
    assert page.locator(".vh-chapter").count() == 6
    assert not page.locator(".vh-report-downloads").first.is_visible()
    breaks = page.eval_on_selector_all(".vh-chapter", "els => els.map(e => getComputedStyle(e).breakBefore)")
    assert set(breaks) == {"page"}
    after = page.eval_on_selector(
        '.vh-chapter a[href^="https://"]:not(.vh-shows-url)',
        "a => getComputedStyle(a, '::after').content",
    )
    assert "https://" in after
    shown = page.eval_on_selector(".vh-chapter a.vh-shows-url", "a => getComputedStyle(a, '::after').content")
    assert shown in ("none", "normal", "")
    row = page.eval_on_selector(".vh-fact", "e => getComputedStyle(e).breakInside")
    assert row == "avoid"


def test_the_printable_page_contents_escape_record_text():
    # Material prints a table-of-contents name as HTML; a network's name is record text.
    catalog = load_catalog(ROOT)
    hostile = "<img src=x onerror=alert(1)> Netwerk"
    first = next(iter(catalog.entries["networks"].values()))
    catalog.entries["networks"][first.id] = dataclasses.replace(
        first, record=first.record.model_copy(update={"name": hostile})
    )
    catalog.__dict__.pop("networks", None)  # the cached id-to-record lookup
    config = load_config(str(ROOT / "mkdocs.yml"))
    tokens = report_toc(build_report(config, catalog, link_base="../", chapter_level=2))
    names = [token["name"] for chapter in tokens for token in [chapter, *chapter["children"]]]
    assert "&lt;img src=x onerror=alert(1)&gt; Netwerk" in names
    assert not any("<img" in name for name in names)
