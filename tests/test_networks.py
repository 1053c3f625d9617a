"""Where a network works and what is known of its members: the region pages list a network only in
the labour-market regions its sources support (never in a whole province by default) with the line
that says what the area rests on, and a network page shows every count of schools with its date and
source, side by side (the fixture site and the real one)."""

from __future__ import annotations

import re

import pytest

from conftest import read_page
from sitegen.pages.regions import region_index

pytestmark = pytest.mark.site


def test_a_region_page_lists_a_network_with_the_line_on_its_area(fixture_site):
    html = read_page(fixture_site, "regios/haaglanden")
    assert '<a href="../../netwerken/alpha/">Netwerk Alpha</a>' in html
    assert "(Volgens de &lt;universiteit&gt; liggen de scholen in Haaglanden.)" in html
    english = read_page(fixture_site, "en/regios/haaglanden")
    assert "(According to the &lt;university&gt; the schools are in Haaglanden.)" in english


def test_a_network_page_shows_its_school_count_with_date_and_source(fixture_site):
    html = read_page(fixture_site, "netwerken/alpha")
    said = r"ongeveer 40 scholen \(peiljaar 2024\) \(bron: <a href=\"https://example.org/alpha\""
    assert re.search(said, html)
    assert "Werkgebied</dt>" in html


def test_a_network_is_on_the_region_pages_of_its_regions_only(real_catalog, real_site):
    index = region_index(real_catalog)
    for entry in real_catalog.entries["networks"].values():
        if entry.record.status != "active":
            continue
        listed = {code for code, region in index.regions.items() if entry in region.networks}
        assert listed == set(entry.record.labour_market_regions), entry.id
        for code in index.regions:
            html = read_page(real_site, f"regios/{code}")
            networks = html.split('id="networks"')[1].split('id="initiatives"')[0]
            assert (f'href="../../netwerken/{entry.id}/"' in networks) == (code in listed), (entry.id, code)


def test_conflicting_school_counts_stand_side_by_side_with_their_sources(real_site, real_catalog):
    network = real_catalog.records("networks")["u-talent"]
    counts = network.partners.school_counts
    assert len({count.count for count in counts}) > 1  # the sources differ
    html = read_page(real_site, "netwerken/u-talent")
    for count in counts:
        assert count.source.url in html
