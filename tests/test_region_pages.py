"""Region pages worth the visit (built sites): each network and initiative with the first sentence of
its summary in the page's language (Dutch marked as Dutch on English pages), the regions bordering
it on the map as links, the way to the programme's coverage and to the editors' guide; a region
without initiatives says so and where to go next; a network page says its area in words."""

from __future__ import annotations

import dataclasses
import html as html_lib
import re

import pytest
from markupsafe import escape

from conftest import read_page
from sitegen.pages.preview import changed_records
from sitegen.pages.region_map import map_shapes
from sitegen.pages.regions import region_index
from sitegen.pages.render import first_sentence, render_region
from sitegen.records.kinds import record_path


def section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("<h2", start + 1)]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_record_on_a_region_page_comes_with_its_first_sentence(real_site, real_catalog, prefix):
    lang = "en" if prefix else "nl"
    for region in region_index(real_catalog).regions.values():
        html = read_page(real_site, f"{prefix}regios/{region.code}")
        listed = section(html, "networks") + section(html, "initiatives")
        for entry in region.networks + region.initiatives:
            summary = entry.record.summary
            shown = summary.lang_of(lang)
            lead = escape(first_sentence(summary.get(shown)))
            href = f'href="../../{record_path(entry.kind, entry.id).rstrip("/")}/"'
            item = listed[listed.index(href) :]
            item = item[: item.index("</li>")]
            assert f'<span class="vh-lead">{lead}' in item or f'<span lang="{shown}">{lead}</span>' in item, (
                region.code, entry.id)
            if shown != lang:
                assert f'<span lang="{shown}">' in item


def test_a_sentence_ends_at_a_full_stop_before_a_capital_not_at_an_abbreviation():
    assert first_sentence("Het werkt o.a. in Veen. Leerlingen leren.") == "Het werkt o.a. in Veen."
    assert first_sentence("Sinds 2018. Daarna meer.") == "Sinds 2018."
    assert first_sentence("Met ca. 20 scholen. Meer.") == "Met ca. 20 scholen."
    assert first_sentence("Eén zin zonder einde") == "Eén zin zonder einde"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_region_page_links_its_neighbours_the_programme_coverage_and_the_editors_guide(
    real_site, real_catalog, prefix
):
    shapes = map_shapes(real_catalog)
    index = region_index(real_catalog)
    code_of = {region.cbs_code: code for code, region in index.regions.items()}
    for code, region in index.regions.items():
        nearby = section(read_page(real_site, f"{prefix}regios/{code}"), "next")
        linked = set(re.findall(r'href="[./]*regios/([^/"]+)/"', nearby))
        assert linked == {code_of[other] for other in shapes.neighbours[region.cbs_code]}, code
        assert linked and code not in linked
        assert 'href="../../initiatieven/#coverage"' in nearby
        assert 'href="../../bijdragen/"' in nearby
    assert "rijnmond" in {code_of[c] for c in shapes.neighbours[index.regions["haaglanden"].cbs_code]}


@pytest.mark.parametrize(("lang", "says"), [
    ("nl", "Dat wil niet zeggen dat hier niets gebeurt: Sterk Techniekonderwijs telt 78 regio's"),
    ("en", "That does not mean nothing happens here: Strong Technical Education counts 78 regions"),
])
def test_a_region_without_initiatives_says_what_the_register_knows_and_where_to_go_next(
    real_catalog, lang, says
):
    """Every region of the real register has an initiative now: the region page's template is
    rendered for one of them with its initiatives taken away."""
    region = dataclasses.replace(region_index(real_catalog).regions["zeeland"], initiatives=[])
    html = html_lib.unescape(str(render_region(region, real_catalog, lang).html))
    assert says in html
    nearby = section(html, "next")
    assert 'href="../../regios/west-brabant/"' in nearby  # across the Westerschelde's mouth, by land
    assert 'href="../../initiatieven/#coverage"' in nearby and 'href="../../bijdragen/"' in nearby


@pytest.mark.parametrize(("prefix", "words"), [("", "Geen bron noemt de arbeidsmarktregio"),
                                               ("en/", "No source names the labour-market regions")])
def test_a_network_page_says_its_area_in_words_and_a_network_without_regions_says_so(
    real_site, real_catalog, prefix, words
):
    lang = "en" if prefix else "nl"
    for entry in real_catalog.all_entries():
        if entry.kind != "networks":
            continue
        html = read_page(real_site, prefix + record_path("networks", entry.id))
        figure = html.split('<figure class="vh-locator">')[1].split("</figure>")[0]
        caption = html_lib.unescape(figure.split('<span class="vh-locator__area">')[1].split("</span>")[0])
        alt = html_lib.unescape(re.search(r'alt="([^"]+)"', figure).group(1))
        regions = entry.record.labour_market_regions
        if regions:
            names = [real_catalog.label("labour_market_regions", code, lang) for code in regions]
            assert all(name in caption and name in alt for name in names), entry.id
        else:
            assert words in caption and words in alt, entry.id
            provinces = [real_catalog.label("provinces", code, lang) for code in entry.record.provinces]
            assert all(name in caption for name in provinces), entry.id


def test_the_preview_rebuilds_the_pages_of_the_regions_bordering_a_changed_record(real_catalog):
    """`make serve`: a region page counts its neighbours' initiatives, so a change to an initiative
    rebuilds the pages of the regions bordering its own."""
    entry = region_index(real_catalog).regions["zeeland"].initiatives[0]
    changed = dataclasses.replace(entry, record=entry.record.model_copy())
    new = dataclasses.replace(
        real_catalog, entries={**real_catalog.entries, "initiatives": {
            **real_catalog.entries["initiatives"], entry.id: changed}}
    )
    regions = changed_records(real_catalog, new).regions
    assert {"zeeland", "west-brabant"} <= regions
