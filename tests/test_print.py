"""Printing the site: a link's address printed once, headings kept with what follows them, the
printable focus report without a link to itself, and its contents numbered only where the medium
can (the WeasyPrint PDF; a browser cannot print target-counter())."""

from __future__ import annotations

import html
import re
import subprocess
from urllib.parse import urldefrag, urljoin

import pytest

from conftest import pdf_text, read_page
from sitegen.pages.links import SHOWS_URL, mark_shown_addresses, shows_address

LINK = re.compile(r'<a\b([^>]*)\shref="(https?://[^"]+)"([^>]*)>([^<]*)</a>')


@pytest.mark.parametrize(("text", "href", "shown"), [
    ("https://u-talent.nl/", "https://u-talent.nl/", True),
    ("u-talent.nl", "https://www.u-talent.nl", True),
    ("website", "https://example.org/website", False),
    ("example.org", "https://example.org/a/long/page", False),
    ("https://example.org/", "mailto:someone@example.org", False),
    ("someone@example.org", "mailto:someone%40example.org?subject=Hallo&body=x", True),
    ("E-mail de redactie", "mailto:someone@example.org?subject=Hallo", False),
])
def test_a_link_shows_its_address_only_when_its_text_is_the_address(text, href, shown):
    assert shows_address(text, href) is shown


def test_marking_keeps_classes_and_leaves_other_links_alone():
    marked = mark_shown_addresses(
        '<a class="x" href="https://a.nl/">https://a.nl/</a> <a href="https://b.nl/">B</a>'
        ' <a href="https://c.nl/">https://c.nl/</a>'
    )
    assert marked == (
        f'<a class="x {SHOWS_URL}" href="https://a.nl/">https://a.nl/</a> <a href="https://b.nl/">B</a>'
        f' <a href="https://c.nl/" class="{SHOWS_URL}">https://c.nl/</a>'
    )


def test_every_built_link_whose_text_is_its_address_is_marked(real_site):
    pages = sorted(real_site.rglob("*.html"))
    unmarked, marked = [], 0
    for path in pages:
        for before, href, after, text in LINK.findall(path.read_text(encoding="utf-8")):
            if shows_address(html.unescape(text), html.unescape(href)):
                if SHOWS_URL in before + after:
                    marked += 1
                else:
                    unmarked.append((path.relative_to(real_site).as_posix(), href))
    assert marked > 50  # every record's website, on its page and in the profiles
    assert unmarked == []


@pytest.mark.browser
@pytest.mark.parametrize("path", ["netwerken/u-talent/", "en/initiatieven/sto-twente/", "focus/print/"])
def test_printed_external_links_show_their_address_once(page, real_url, path):
    page.emulate_media(media="print")
    page.goto(real_url + path)
    after = "a => getComputedStyle(a, '::after').content"
    website = page.locator(f"article a.{SHOWS_URL}").first
    assert website.evaluate(after) in ("none", "normal", "")
    other = page.locator(f'article a[href^="https://"]:not(.{SHOWS_URL})').first
    assert "https://" in other.evaluate(after)


@pytest.mark.browser
def test_a_printed_mail_link_shows_the_plain_address(page, fixture_url):
    page.emulate_media(media="print")
    page.goto(fixture_url + "netwerken/alpha/")
    mail = page.locator("article a.vh-mail-link")
    assert "?subject=" in mail.get_attribute("href")
    shown = mail.evaluate("a => getComputedStyle(a, '::after').content")
    assert shown == f'" ({mail.get_attribute("href").removeprefix("mailto:").partition("?")[0]})"'


@pytest.mark.browser
def test_printed_headings_stay_with_what_follows(page, real_url):
    page.emulate_media(media="print")
    page.goto(real_url + "focus/print/")
    breaks = page.eval_on_selector_all(
        "article h1, article h2, article h3, article h4", "hs => hs.map(h => getComputedStyle(h).breakAfter)"
    )
    assert len(breaks) > 20 and set(breaks) == {"avoid"}
    small = page.eval_on_selector_all(
        ".vh-profile, .vh-fact, .vh-figure, article figure",
        "blocks => blocks.map(b => getComputedStyle(b).breakInside)",
    )
    assert small and set(small) == {"avoid"}


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_no_page_printed_by_the_browser_ends_with_a_heading(page, real_url, prefix, tmp_path):
    page.goto(real_url + prefix + "focus/print/")
    headings = {
        " ".join(text.split())
        for text in page.eval_on_selector_all(
            "article h1, article h2, article h3, article h4", "hs => hs.map(h => h.innerText)"
        )
    }
    pdf = tmp_path / "print.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    sheets = [[" ".join(line.split()) for line in sheet.splitlines()] for sheet in text.split("\f")]
    printed = [[line for line in lines if line] for lines in sheets]
    printed = [lines for lines in printed if lines]
    assert len(printed) > 5
    alone = [lines[-1] for lines in printed[:-1] if lines[-1] in headings]
    assert alone == []


def test_the_print_page_does_not_link_to_itself(real_site):
    for prefix in ("", "en/"):
        address = f"https://example.org/{prefix}focus/print/"
        article = read_page(real_site, prefix + "focus/print").split("<article", 1)[1].split("</article>")[0]
        hrefs = re.findall(r'href="([^"]*)"', article)
        itself = [href for href in hrefs if not href.startswith("#")
                  and urldefrag(urljoin(address, html.unescape(href))).url == address]
        assert itself == []
        # the chapters' pages still offer it
        assert 'focus/print/"' in read_page(real_site, prefix + "focus")


@pytest.mark.browser
def test_the_printed_contents_carry_no_page_numbers_in_the_browser(page, real_url):
    page.emulate_media(media="print")
    page.goto(real_url + "focus/print/")
    contents = page.locator(".vh-report-contents a")
    assert contents.count() == 6
    assert {contents.nth(i).evaluate("a => getComputedStyle(a, '::after').content") for i in range(6)} <= {
        "none", "normal", ""
    }


@pytest.mark.parametrize(("pdf", "chapter"), [
    ("focus/focusrapport.pdf", "Netwerkprofielen"),
    ("en/focus/focus-report.pdf", "Network profiles"),
])
def test_the_pdf_contents_carry_page_numbers(real_site, pdf, chapter):
    # WeasyPrint fills target-counter(): "Netwerkprofielen . . . . 9".
    assert re.search(re.escape(chapter) + r"[ .]+\d+", pdf_text(real_site / pdf))
