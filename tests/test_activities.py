"""The networks' activities: their pages, the overview `/aanbod/` with its filters, the offer on a
network's page and on a region's, their search filters, open data and JSON-LD (the fixture site:
one running masterclass, one prize that ended, one teachers' day not confirmed since 2019)."""

from __future__ import annotations

import csv
import json
import re

import pytest

from conftest import read_page, settle

pytestmark = pytest.mark.site


def _ld(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1))


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("aanbod/alpha-masterclass", "Loopt: het laatst bevestigd in 2025."),
        ("aanbod/alpha-prijs", "Gestopt in 2018."),
        ("aanbod/alpha-docentendag", "Niet recent bevestigd: de nieuwste bron noemt 2019."),
        ("en/aanbod/alpha-masterclass", "Running: last confirmed in 2025."),
        ("en/aanbod/alpha-prijs", "Ended in 2018."),
    ],
)
def test_an_activity_page_says_what_the_sources_tell_of_it_now(fixture_site, path, said):
    assert said in _text(read_page(fixture_site, path))


def test_an_activity_page_shows_its_facts_escaped_with_dates_in_their_own_precision(fixture_site):
    html = read_page(fixture_site, "aanbod/alpha-masterclass")
    assert "<h1" in html and "Masterclass &lt;Wiskunde D&gt;</h1>" in html
    text = _text(html)
    dates = '<time datetime="2025-03">maart 2025</time>, <time datetime="2025-03-12">12 maart 2025</time>'
    assert dates in html and "1 maart 2025" not in text
    assert "Wiskunde D" in text and "Universiteit Alpha" in text and "5, 6" in text
    assert '<a href="../../netwerken/alpha/">Netwerk Alpha</a>' in html  # offered by
    english = read_page(fixture_site, "en/aanbod/alpha-masterclass")
    assert ">March 2025</time>, <time datetime=\"2025-03-12\">12 March 2025</time>" in english


def test_the_overview_lists_running_activities_first_with_their_filters(fixture_site):
    html = read_page(fixture_site, "aanbod")
    rows = re.findall(r'<tr( data-vh-[^>]*)>', html)
    statuses = [re.search(r'data-vh-status="([a-z]+)"', row).group(1) for row in rows]
    assert statuses == ["current", "unconfirmed", "ended"]
    assert 'data-vh-network="alpha"' in rows[0] and 'data-vh-level="vwo"' in rows[0]
    labels = re.findall(r'<select id="vh-filters-activities-([a-z]+)"', html)
    assert labels == ["audience", "form", "status"]  # a filter with one value narrows nothing
    assert "3 van 3 activiteiten" in html


def test_a_network_page_shows_its_offer_by_audience_and_its_ended_activities_apart(fixture_site):
    html = read_page(fixture_site, "netwerken/alpha")
    offer = html[html.index('id="activities"') : html.index("vh-offer") + 2000]
    assert offer.index('id="activities-students"') < offer.index('id="activities-teachers"')
    assert offer.index('id="activities-teachers"') < offer.index('id="activities-ended"')
    ended = offer[offer.index('id="activities-ended"') :]
    assert "Alphaprijs" in ended and "Gestopt in 2018." in ended
    assert '<a href="../../aanbod/?network=alpha">' in offer
    assert "Op deze site staat nog geen activiteit" in read_page(fixture_site, "netwerken/beta-oud")


def test_activities_are_in_search_open_data_and_json_ld(fixture_site):
    html = read_page(fixture_site, "en/aanbod/alpha-masterclass")
    assert '<span data-pagefind-filter="kind">Network activity</span>' in html
    assert '<span data-pagefind-filter="form">Masterclass</span>' in html
    ld = _ld(html)
    assert ld["@type"] == "Course" and ld["provider"]["name"] == "Universiteit Alpha"
    assert _ld(read_page(fixture_site, "aanbod/alpha-prijs"))["@type"] == "Event"
    data = json.loads((fixture_site / "data/activities.json").read_text(encoding="utf-8"))
    records = data["records"] if isinstance(data, dict) else data
    ids = sorted(record["id"] for record in records)
    assert ids == ["alpha-docentendag", "alpha-masterclass", "alpha-prijs"]
    table = csv.DictReader((fixture_site / "data/activities.csv").open(encoding="utf-8"))
    rows = {row["id"]: row for row in table}
    assert rows["alpha-prijs"]["schedule.ended"] == "2018"


@pytest.mark.browser
def test_the_status_filter_leaves_only_the_running_activities(page, fixture_url):
    page.goto(fixture_url + "aanbod/?status=current")
    settle(page)
    visible = page.locator('table[data-vh-table="activities"] tbody tr:visible')
    assert visible.count() == 1
    assert "Wiskunde D" in visible.first.inner_text()
