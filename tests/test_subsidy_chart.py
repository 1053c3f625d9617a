"""The Sterk Techniekonderwijs grants on the initiatives overview: a bar for every amount of central-
government money a record of the programme states, drawn at build time as inline SVG, the same
figures as a table with their sources, readable on a phone and without WCAG violations."""

from __future__ import annotations

import re

import pytest

from conftest import read_page
from sitegen.pages.subsidy_chart import PROGRAMME, described_initiatives, subsidy_bars
from test_accessibility import violations


def stated(catalog) -> list:
    return [
        (entry.id, funding.amount)
        for entry in catalog.entries["initiatives"].values()
        if entry.record.programme == PROGRAMME
        for funding in entry.record.funding
        if funding.funder == "state"
    ]


def test_every_stated_state_grant_is_one_bar_and_only_those(real_catalog):
    bars = subsidy_bars(real_catalog)
    assert sorted((bar.entry.id, bar.funding.amount) for bar in bars) == sorted(stated(real_catalog))
    assert [bar.funding.amount for bar in bars] == sorted((bar.funding.amount for bar in bars), reverse=True)
    assert bars[0].share == 1 and all(0 < bar.share <= 1 for bar in bars)
    assert all(bar.funding.funder == "state" for bar in bars)


@pytest.mark.parametrize(("prefix", "says"), [("", "Dit register beschrijft {} initiatieven van"),
                                              ("en/", "This register describes {} initiatives of")])
def test_the_overview_draws_the_bars_and_lists_them_with_their_sources(real_site, real_catalog, prefix, says):
    html = read_page(real_site, prefix + "initiatieven/")
    section = html[html.index('<section class="vh-subsidies"'):]
    section = section[: section.index("</section>")]
    bars = subsidy_bars(real_catalog)
    assert says.format(described_initiatives(real_catalog)) in section
    drawn = re.findall(r'<svg class="vh-subsidies__bar"[^>]*><rect width="([\d.]+)%"', section)
    assert [float(share) for share in drawn] == [round(bar.share * 100, 2) for bar in bars]
    # A list a screen reader reads, named by its caption; the bars are drawing only.
    assert '<figure class="vh-subsidies__figure" aria-labelledby="vh-subsidies-caption">' in section
    assert len(re.findall(r'<li class="vh-subsidies__row">', section)) == len(bars)
    assert len(re.findall(r'<svg class="vh-subsidies__bar"[^>]* aria-hidden="true"', section)) == len(bars)
    assert 'id="vh-subsidies-caption"' in section
    rows = re.findall(r"<tr><th scope=\"row\">.*?</tr>", section, flags=re.S)
    assert len(rows) == len(bars)
    for row, bar in zip(rows, bars):
        assert f'href="{bar.funding.source.url}"' in row
        amount = f"{bar.funding.amount:,}".replace(",", "." if not prefix else ",")
        assert amount in row


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_chart_is_readable_on_a_phone_and_accessible(page_at, real_url, prefix):
    page = page_at(320, 640, bypass_csp=True)
    page.goto(real_url + prefix + "initiatieven/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    chart = page.locator(".vh-subsidies__chart")
    assert chart.evaluate("e => e.getBoundingClientRect().right") <= 320
    label = page.locator(".vh-subsidies__label").first
    size = label.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 12  # text a reader can read, not a picture shrunk to the screen
    page.locator(".vh-subsidies__table summary").click()
    assert violations(page) == []


def test_the_programme_s_coverage_says_how_many_regions_and_which_are_not_described(real_site, real_catalog):
    """Every count of the programme's regions with its date and source, how many the site describes,
    and the regions it does not describe yet (Caribisch Nederland among them, outside the map)."""
    coverage = real_catalog.programme_regions
    html = (real_site / "initiatieven/index.html").read_text(encoding="utf-8")
    start = html.index('class="vh-coverage"')
    section = html[start : html.index("</section>", start)]
    for count in coverage.counts:
        assert count.source.url in section
    described = [region for region in coverage.regions if region.record]
    assert f"Deze site beschrijft er {len(described)}," in section
    missing = [region for region in coverage.regions if not region.record]
    assert missing and all(region.name in section for region in missing)
    assert any("Caribisch Nederland" in region.name for region in missing)
    assert "buiten de CBS-indeling" in section
    for region in described:
        assert region.record in real_catalog.entries["initiatives"]
