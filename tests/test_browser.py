"""The built site in headless Chromium: the language switch, nothing loaded from elsewhere, and the
reuse of pages from test to test."""

from __future__ import annotations

import re

import pytest

from conftest import give_back, read_page, settle, take_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("start", "language", "target"),
    [
        ("netwerken/alpha/", "English", "en/netwerken/alpha/"),
        ("en/netwerken/alpha/", "Nederlands", "netwerken/alpha/"),
        ("initiatieven/hoofd/", "English", "en/initiatieven/hoofd/"),
        ("en/focus/", "Nederlands", "focus/"),
    ],
)
def test_language_switch_lands_on_the_same_page_in_the_other_language(
    page, fixture_url, start, language, target
):
    page.goto(fixture_url + start)
    page.locator(".md-header__option .md-select").hover()
    page.locator(".md-select__link", has_text=language).click()
    page.wait_for_url(fixture_url + target)
    expected_lang = "en" if target.startswith("en/") else "nl"
    assert page.locator("html").get_attribute("lang") == expected_lang


@pytest.mark.parametrize(("start", "language", "other"), [
    ("netwerken/", "English", "en/netwerken/"),
    ("en/initiatieven/", "Nederlands", "initiatieven/"),
])
def test_language_switch_keeps_a_filtered_overview_filtered(
    page, real_url, real_site, start, language, other
):
    """The switch's address is the plain counterpart in the HTML; the reader's query string and
    hash, as the filters leave them, go along when it is used."""
    link = f'hreflang="{"en" if other.startswith("en/") else "nl"}" '
    html = read_page(real_site, start)
    assert re.search(rf'<a href="[^"?#]*/{other}" {link}', html)
    page.goto(real_url + start + "#vh-filters")
    form = page.locator("form[data-vh-filters]")
    select = form.locator("select").first  # set after the page loaded: only the address bar knows
    name = select.get_attribute("name")
    total = page.locator("table[data-vh-table] tbody tr").count()
    value = select.evaluate("""(s, total) => Array.from(s.options).filter(o => o.value)
      .map(o => [o.value, parseInt(o.textContent.split('(').pop())]).filter(o => o[1] < total)
      .sort((a, b) => b[1] - a[1])[0][0]""", total)  # the option that leaves the most rows, not all
    select.select_option(value)
    rows = page.locator("table[data-vh-table] tbody tr:visible").count()
    assert 0 < rows < total
    query = page.evaluate("location.search")
    assert query == f"?{name}={value}"
    page.locator(".md-header__option .md-select").hover()
    page.locator(".md-select__link", has_text=language).click()
    page.wait_for_url(real_url + other + "**")
    assert page.url == real_url + other + query + "#vh-filters"
    assert form.locator(f'select[name="{name}"]').input_value() == value
    assert page.locator("table[data-vh-table] tbody tr:visible").count() == rows


def test_record_pages_request_nothing_from_another_host_and_run_no_record_script(page, fixture_url):
    for path in (
        "",
        "netwerken/alpha/",
        "initiatieven/hostile/",
        "en/initiatieven/hostile/",
        "initiatieven/",
    ):
        page.goto(fixture_url + path)
        settle(page)
    assert page.foreign_requests == []
    assert page.dialogs == []


@pytest.mark.parametrize("path", ["", "en/", "netwerken/alpha/", "en/initiatieven/", "nieuws/"])
def test_a_page_asks_for_nothing_that_is_not_there_and_for_no_sitemap(page, fixture_url, path):
    # Material looks for a sitemap.xml beside each <link rel="alternate">: with per-page language
    # alternates and the feed link, those are pages' folders (404) and, on the home pages, the
    # complete sitemaps. language-switch.js refuses them before they reach the network.
    requested, failed = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(fixture_url + path)
    settle(page)
    assert [url for url in requested if url.endswith("sitemap.xml")] == []
    assert failed == []


def test_skip_link_is_the_first_tab_stop_on_record_pages(page, fixture_url):
    page.goto(fixture_url + "netwerken/alpha/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "md-skip" in focused


def test_a_page_goes_to_the_next_test_blank_and_a_changed_one_not_at_all(contexts, fixture_url):
    """The pages of a module's context are reused (conftest.py): the next test gets a blank document
    with nothing recorded, never a page whose listeners, routes or media a test changed."""
    context = contexts(locale="nl-NL")  # a context of this test's own
    page = take_page(context, 360, 640)
    page.goto(fixture_url + "netwerken/alpha/")
    page.evaluate("window.leftBehind = true")
    page.dialogs.append("a dialog")
    give_back(page)
    again = take_page(context)
    assert again is page and again.url == "about:blank" and again.dialogs == []
    assert again.evaluate("window.leftBehind") is None
    assert again.viewport_size == {"width": 1280, "height": 720}
    again.emulate_media(media="print")
    give_back(again)
    assert again.is_closed() and take_page(context) is not again
