"""News a phone can read (the real site): the news page under a heading per month, the newest
`FIRST` items in full and the older ones as titles in a closed <details> (works without
JavaScript), every item's heading naming its record (and its region), and a page of reasonable
height on a 360 px phone."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from conftest import read_page
from sitegen.pages.news import FIRST, news_items
from sitegen.pages.render import format_date
from sitegen.records.kinds import KINDS

_HEADING = re.compile(r'<article class="vh-news-item"[^>]*>\s*<h3 id="[^"]+">(.*?)</h3>', re.S)
_MONTH = re.compile(r'<h2 id="(?:older|month)-(\d{4}-\d{2})"[^>]*>([^<]+)</h2>')


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_news_is_grouped_by_month_with_the_newest_first_and_the_rest_on_request(
    real_site, real_catalog, prefix
):
    lang = "en" if prefix else "nl"
    html = read_page(real_site, prefix + "nieuws")
    items = news_items(real_catalog)
    assert len(items) > FIRST
    first, older = html.split('<details class="vh-news-older"', 1)
    assert len(_HEADING.findall(first)) == FIRST and len(_HEADING.findall(older)) == len(items) - FIRST
    months = [month for month, _ in _MONTH.findall(html)]
    expected = []
    for group in (items[:FIRST], items[FIRST:]):
        expected += list(dict.fromkeys(item.date[:7] for item in group))
    assert months == expected
    assert [text for _, text in _MONTH.findall(html)] == [format_date(month, lang) for month in months]
    assert "<details class=\"vh-news-older\" id=\"older\">" in html  # closed: a short page first


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_news_title_names_its_record_and_region(real_site, real_catalog, prefix):
    lang = "en" if prefix else "nl"
    headings = _HEADING.findall(read_page(real_site, prefix + "nieuws"))
    items = news_items(real_catalog)
    assert len(headings) == len(items)
    for heading, item in zip(headings, items):
        where = heading.split('<span class="vh-news-where">', 1)[1]
        name = KINDS[item.entry.kind].title(item.entry.record)
        name = name.get(name.lang_of(lang)) if hasattr(name, "lang_of") else name
        assert str(escape(name)) in where, (item.entry.id, heading)
        region = getattr(item.entry.record, "labour_market_region", None)
        if region:
            assert str(escape(real_catalog.label("labour_market_regions", region, lang))) in where


@pytest.mark.browser
@pytest.mark.parametrize("path", ["nieuws/", "en/nieuws/"])
def test_the_news_page_is_of_reasonable_height_on_a_phone(page_at, real_url, path):
    page = page_at(360)
    page.goto(real_url + path)
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 9_000, height  # all 96 items in full were about 35,000 px
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator(".vh-news-older summary").click()  # the rest, on request
    assert page.locator(".vh-news-older article").first.is_visible()


def test_a_network_s_own_news_is_on_the_news_page_naming_the_network(fixture_site):
    html = read_page(fixture_site, "nieuws")
    where = '<span class="vh-news-where">Netwerk Alpha (Alfastreek)</span>'
    assert f"Alpha opent een vmbo-lab</a> {where}" in html
    assert 'id="update-2023-09-alpha-opent-een-vmbo-lab"' in read_page(fixture_site, "netwerken/alpha")
