"""Places: the CBS geodata, municipalities as a vocabulary, what lies in each region, and the map,
region pages, A–Z list, look-up data and locator maps of the built sites."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from sitegen.pages.geography import PROVINCES_FILE, REGIONS_FILE, load_layer
from sitegen.pages.regions import region_index
from sitegen.records.catalog import CatalogError, load_catalog
from sitegen.records.kinds import record_path
from sitegen.records.places import GeoDataError, fold, load_places
from sitegen.records.towns import load_towns

GEO = ROOT / "content" / "geo"


# The record errors below are read in English (the editors' default, Dutch, in test_messages.py).
pytestmark = pytest.mark.usefixtures("english_messages")


@pytest.fixture(scope="module")
def catalog(real_catalog):
    return real_catalog


@pytest.fixture(scope="module")
def places():
    return load_places(ROOT / "content")


# The geodata and the vocabulary -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("vocabulary", "file_name", "table_codes"),
    [
        ("labour_market_regions", REGIONS_FILE, "region_names"),
        ("provinces", PROVINCES_FILE, "province_names"),
    ],
)
def test_vocabulary_table_and_boundaries_agree_both_ways(catalog, places, vocabulary, file_name, table_codes):
    in_vocabulary = {entry.cbs_code for entry in getattr(catalog.vocabularies, vocabulary).values()}
    in_table = set(getattr(places, table_codes))
    shapes = load_layer(GEO, file_name, 0.5)
    assert in_vocabulary == in_table == set(shapes.areas)
    assert all(shapes.path(code) for code in shapes.areas)  # every area has a shape to draw
    assert {
        code: getattr(places, table_codes)[code] for code in shapes.names
    } == shapes.names  # same CBS names


def test_the_table_has_every_municipality_once(places):
    assert len(places.municipalities) == 342
    assert len({m.name for m in places.municipalities.values()}) == 342
    assert places.municipalities["GM0118"].name == "Hoogeveen"


def test_every_municipality_lies_in_exactly_one_region_with_its_networks_and_initiatives(catalog, places):
    index = region_index(catalog)
    vocabularies = catalog.vocabularies
    for municipality in places.municipalities.values():
        holding = [region for region in index.regions.values() if municipality in region.municipalities]
        assert len(holding) == 1, municipality
        region = holding[0]
        assert index.region_of(municipality) is region
        assert vocabularies.labour_market_regions[region.code].cbs_code == municipality.region
        # the networks: exactly the active ones whose sources place them in its region (a province
        # alone never does)
        expected = {
            entry.id
            for entry in catalog.entries["networks"].values()
            if entry.record.status == "active" and region.code in entry.record.labour_market_regions
        }
        networks = {entry.id for entry in index.networks_of(municipality)}
        assert networks == expected, municipality
        assert networks <= {entry.id for entry in region.networks}
        # the initiatives of its region: those of the region, and those naming one of its municipalities
        assert {entry.id for entry in region.initiatives} == {
            entry.id
            for entry in catalog.entries["initiatives"].values()
            if entry.record.labour_market_region == region.code
            or any(places.by_name[name].region == municipality.region for name in entry.record.municipalities)
        }


def test_an_initiative_spanning_two_regions_counts_in_both(catalog):
    index = region_index(catalog)
    haaglanden = {entry.id for entry in index.regions["haaglanden"].initiatives}
    centraal = {entry.id for entry in index.regions["zuid-holland-centraal"].initiatives}
    assert "sterk-techniekonderwijs-haaglanden" in haaglanden & centraal  # Leidschendam-Voorburg


# Names ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "cbs_name"),
    [
        ("'s-Gravenhage", "'s-Gravenhage"),
        ("Den Haag", "'s-Gravenhage"),
        ("den haag", "'s-Gravenhage"),
        ("s-Gravenhage", "'s-Gravenhage"),
        ("The Hague", "'s-Gravenhage"),
        ("Den Bosch", "'s-Hertogenbosch"),
        ("'s-Hertogenbosch", "'s-Hertogenbosch"),
        ("Sudwest-Fryslan", "Súdwest-Fryslân"),
        ("SÚDWEST FRYSLÂN", "Súdwest-Fryslân"),
        ("Zuidwest-Friesland", "Súdwest-Fryslân"),
        ("Ljouwert", "Leeuwarden"),
        ("Leeuwarden", "Leeuwarden"),
        ("Hengelo", "Hengelo (O.)"),
        ("Rijswijk", "Rijswijk (ZH.)"),
        ("Nuenen", "Nuenen, Gerwen en Nederwetten"),
        ("Hellevoetsluis", "Voorne aan Zee"),
    ],
)
def test_common_names_and_spellings_resolve_to_the_cbs_name(places, written, cbs_name):
    assert places.resolve(written).name == cbs_name


def test_a_name_of_two_municipalities_names_both(places):
    with pytest.raises(
        ValueError, match=r"'Bergen' is more than one municipality: 'Bergen \(NH\.\)', 'Bergen \(L\.\)'"
    ):
        places.resolve("Bergen")


def test_an_unknown_name_suggests_the_nearest(places):
    with pytest.raises(ValueError, match=r"'Amsterdm' is not a municipality .*nearest: 'Amsterdam'"):
        places.resolve("Amsterdm")
    with pytest.raises(ValueError, match=r"nearest: '\'s-Gravenhage'"):
        places.resolve("Den Haagg")


def test_every_alias_names_a_municipality_of_the_table_and_no_other_municipality(places):
    aliases = [(m, alias) for m in places.municipalities.values() for alias in m.aliases]
    assert len(aliases) >= 15  # former municipalities have a file of their own
    for municipality, alias in aliases:
        assert places.matches(alias) == [municipality], alias


def test_an_alias_that_is_another_municipalitys_name_is_refused(tmp_path):
    shutil.copytree(GEO, tmp_path / "geo")
    aliases = tmp_path / "geo" / "gemeente-aliassen.yml"
    aliases.write_text(aliases.read_text(encoding="utf-8") + "GM0363: [Haarlem]\n", encoding="utf-8")
    with pytest.raises(GeoDataError, match="'Haarlem' of GM0363 is the name of GM0392"):
        load_places(tmp_path)


def test_fold_ignores_accents_case_and_punctuation():
    assert fold("Súdwest-Fryslân") == fold("sudwest fryslan") == "sudwest fryslan"
    assert fold("'s-Gravenhage") == "s gravenhage"
    assert fold("Nuenen, Gerwen en Nederwetten") == "nuenen gerwen en nederwetten"


# Records ----------------------------------------------------------------------------------------


def _initiative(project: Path, text: str) -> None:
    path = project / "content" / "initiatives" / "hoofd.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("municipalities: [Hoogeveen, Den Haag]", text),
        encoding="utf-8",
    )


def test_records_store_the_cbs_name(fixture_project):
    catalog = load_catalog(fixture_project)
    assert catalog.records("initiatives")["hoofd"].municipalities == ["Hoogeveen", "'s-Gravenhage"]


def test_an_unknown_municipality_stops_the_build_at_its_line_with_the_nearest_names(fixture_project):
    _initiative(fixture_project, "municipalities: [Hoogeveen, Hogeveen, Bergen]")
    with pytest.raises(CatalogError) as error:
        load_catalog(fixture_project)
    messages = [str(item) for item in error.value.errors]
    assert any(
        m.startswith(
            "content/initiatives/hoofd.yml:20:29: municipalities[1]: 'Hogeveen' is not a municipality"
        )
        and "nearest: 'Hoogeveen'" in m
        for m in messages
    ), messages
    assert any(
        m.startswith("content/initiatives/hoofd.yml:20:39: municipalities[2]: 'Bergen' is more than one")
        for m in messages
    )


def test_the_region_must_hold_one_of_the_municipalities(fixture_project):
    _initiative(fixture_project, "municipalities: [Delft]")
    with pytest.raises(CatalogError) as error:
        load_catalog(fixture_project)
    (item,) = error.value.errors
    assert (item.path, item.line, item.field) == ("content/initiatives/hoofd.yml", 3, "labour_market_region")
    assert "holds none of the municipalities (Delft in Haaglanden)" in item.message.text()


def test_municipalities_in_another_region_are_named_in_a_warning(fixture_project):
    catalog = load_catalog(fixture_project)
    (warning,) = catalog.warnings
    assert warning.severity == "warning"
    assert str(warning) == (
        "content/initiatives/hoofd.yml:20:29: municipalities[1]: warning: ''s-Gravenhage' lies in "
        "labour-market region Haaglanden, not in Drenthe; the map counts the initiative in both regions"
    )
    assert warning.github_annotation().startswith(
        "::warning file=content/initiatives/hoofd.yml,line=20,col=29::"
    )


def test_the_vocabulary_may_not_name_a_region_the_table_does_not_know(fixture_project):
    path = fixture_project / "content" / "vocabularies.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("cbs_code: AM03", "cbs_code: AM04"), encoding="utf-8"
    )
    with pytest.raises(CatalogError, match=r"labour_market_regions\.drenthe\.cbs_code: 'AM04' is not a code"):
        load_catalog(fixture_project)


# The built sites --------------------------------------------------------------------------------


_REGION_LINK = re.compile(r'<a href="([^"]+)" class="vh-map__region"><title>([^<]+)</title>')


def _exists(site: Path, page: Path, href: str) -> bool:
    target = (page.parent / href.split("#")[0]).resolve()
    return (target / "index.html").exists() if href.split("#")[0].endswith("/") else target.exists()


_WORDS = {
    "nl": {"initiatives": ("initiatief", "initiatieven"), "networks": ("netwerk", "netwerken")},
    "en": {"initiatives": ("initiative", "initiatives"), "networks": ("network", "networks")},
}


def expected_map_names(catalog, lang: str) -> set[str]:
    """Every region's accessible name, counted here from the records and the table alone."""
    places, vocabularies = catalog.places, catalog.vocabularies
    names = set()
    for code, entry in vocabularies.labour_market_regions.items():
        initiatives = sum(
            record.labour_market_region == code
            or any(places.by_name[name].region == entry.cbs_code for name in record.municipalities)
            for record in catalog.records("initiatives").values()
        )
        networks = sum(
            record.status == "active" and code in record.labour_market_regions
            for record in catalog.records("networks").values()
        )
        words = _WORDS[lang]
        names.add(
            f"{entry.label(lang)}: {initiatives} {words['initiatives'][initiatives != 1]}, "
            f"{networks} {words['networks'][networks != 1]}"
        )
    return names


@pytest.mark.parametrize(
    ("path", "lang"),
    [
        ("index.html", "nl"),
        ("en/index.html", "en"),
        ("regios/index.html", "nl"),
        ("netwerken/index.html", "nl"),
        ("en/initiatieven/index.html", "en"),
    ],
)
def test_every_region_of_the_map_is_a_named_link_to_a_page_that_exists(real_site, catalog, path, lang):
    page = real_site / path
    html = page.read_text(encoding="utf-8")
    links = _REGION_LINK.findall(html)
    assert len(links) == 35
    assert {title.replace("&#39;", "'") for _, title in links} == expected_map_names(catalog, lang)
    for href, _ in links:
        assert _exists(real_site, page, href), href
    assert "© CBS" in html or "Statistics Netherlands (CBS)" in html  # the credit beside the map
    assert '<table class="vh-table">' in html.split('id="vh-map-table"')[1]  # the same facts as a table


@pytest.mark.parametrize(("prefix", "empty"), [("", "nog geen initiatief beschreven"),
                                               ("en/", "no initiative described yet")])
def test_the_legend_calls_an_empty_region_not_yet_described(real_site, prefix, empty):
    """A white region is one the register does not describe yet, not one where nothing happens."""
    html = (real_site / prefix / "index.html").read_text(encoding="utf-8")
    legend = html[html.index('<ul class="vh-map__legend">') :]
    legend = legend[: legend.index("</ul>")]
    assert empty in legend
    assert "0 initiatieven" not in legend and "0 initiatives" not in legend


def test_the_map_is_small(real_site):
    html = (real_site / "index.html").read_text(encoding="utf-8")
    figure = html[
        html.index('<figure class="vh-map"') : html.index("</details>", html.index('id="vh-map-table"'))
    ]
    assert len(figure.encode()) < 30_000  # map, legend, credit and table; the figure is in `make benchmark`


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_region_pages_list_their_municipalities_networks_and_initiatives(real_site, places, prefix):
    html = (real_site / prefix / "regios" / "haaglanden" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<li id="(gm\d{4})">', html)
    assert ids == [m.anchor for m in places.in_region("AM21")]
    assert 'href="../../initiatieven/sterk-techniekonderwijs-haaglanden/"' in html
    assert 'href="../../netwerken/onderwijsnetwerk-zuid-holland/"' in html
    assert '<img src="../../kaarten/regio-haaglanden.svg"' in html
    assert ("CC BY 4.0") in html
    spans = (real_site / prefix / "regios" / "zuid-holland-centraal" / "index.html").read_text(
        encoding="utf-8"
    )
    assert 'href="../../initiatieven/sterk-techniekonderwijs-haaglanden/"' in spans
    assert ("hoort bij Haaglanden" if not prefix else "belongs to Haaglanden") in spans


def test_every_region_has_a_page_in_both_languages(real_site, catalog):
    for code in catalog.vocabularies.labour_market_regions:
        for prefix in ("", "en/"):
            assert (real_site / prefix / "regios" / code / "index.html").exists(), code


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_a_to_z_list_links_every_municipality_to_its_region_page(real_site, places, prefix):
    page = real_site / prefix / "gemeenten" / "index.html"
    html = page.read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+#gm\d{4})">([^<]+)</a>', html)
    names = {name.replace("&#39;", "'") for _, name in links}
    assert {m.name for m in places.municipalities.values()} <= names
    for href, _ in links:
        region_page = (page.parent / href.split("#")[0] / "index.html").resolve()
        assert f'<li id="{href.split("#")[1]}">' in region_page.read_text(encoding="utf-8"), href
    assert "Den Haag" in html and "Ljouwert" in html
    # 's-Gravenhage sorts under G, as Dutch lists do
    g = html.split('id="letter-g"')[1].split("<h2")[0]
    assert "s-Gravenhage" in g


@pytest.mark.parametrize(
    ("prefix", "region", "province"),
    [("", "Haaglanden", "Noord-Holland"), ("en/", "Greater Amsterdam", "North Holland")],
)
def test_the_look_up_data_has_every_way_to_name_a_place(real_site, places, prefix, region, province):
    data = json.loads((real_site / prefix / "regios" / "gemeenten.json").read_text(encoding="utf-8"))
    assert len(data["municipalities"]) == 342
    assert region in [row[1] for row in data["regions"]]
    rows = {row[0]: row for row in data["municipalities"]}
    position = {row[0]: index for index, row in enumerate(data["municipalities"])}
    assert rows["gm0518"][:4] == ["gm0518", "'s-Gravenhage", "haaglanden", ["Den Haag", "The Hague"]]
    assert ["Weesp", 2022] in rows["gm0363"][5]  # a former municipality, with the year it merged
    assert data["provinces"][rows["gm0363"][4]][0] == province  # written out in the page's language
    assert ["Driebergen-Rijsenburg", position["gm1581"]] in data["towns"]
    provinces = dict((name, codes) for name, codes in data["provinces"])
    # Mook en Middelaar, in Limburg, lies in the region Rijk van Nijmegen
    limburg = ["midden-limburg", "noord-limburg", "rijk-van-nijmegen", "zuid-limburg"]
    assert sorted(provinces["Limburg"]) == limburg


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_home_page_puts_the_look_up_first_and_links_the_key_figures(real_site, prefix):
    html = (real_site / prefix / "index.html").read_text(encoding="utf-8")
    main = html[html.index("<h1") :]
    assert main.index('id="vh-finder-input"') < main.index("<p>") < main.index('id="key-figures"')
    assert main.index('id="vh-finder-input"') < main.index('class="vh-map"')
    assert 'href="focus/kerncijfers/"' in main  # their own page, linked from "where to start"


def test_the_look_up_data_is_fetched_on_use_and_stays_small(real_site):
    """The home page carries no place names: the box fetches them when a reader first uses it."""
    home = (real_site / "index.html").read_text(encoding="utf-8")
    assert "Driebergen-Rijsenburg" not in home and "Haarlemmerliede" not in home
    assert 'regios/gemeenten.json"' in home.split("data-vh-finder=")[1].split(" ")[0]
    for prefix in ("", "en/"):
        size = (real_site / prefix / "regios" / "gemeenten.json").stat().st_size
        assert size < 100_000, size  # about 87 KB, 27 KB compressed: 2,271 towns, 342 municipalities


# Former municipalities and towns --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("former", "now"),
    [
        ("Weesp", ["Amsterdam"]),
        ("Boxmeer", ["Land van Cuijk"]),
        ("Haarlemmerliede en Spaarnwoude", ["Haarlemmermeer"]),
        ("Hellevoetsluis", ["Voorne aan Zee"]),
        ("Haaren", ["Boxtel", "Oisterwijk", "Tilburg", "Vught"]),  # split four ways: each is offered
    ],
)
def test_a_former_municipality_names_what_it_merged_into(places, former, now):
    assert [m.name for m in places.matches(former)] == now


def test_the_former_municipalities_are_gone_and_lie_in_their_successors(places):
    former = [(name, year, m) for m in places.municipalities.values() for name, year in m.former]
    assert len({name for name, _, _ in former}) >= 80  # the mergers of 2015-2023
    current = {fold(m.name) for m in places.municipalities.values()}
    towns = {}
    for town in load_towns(ROOT / "content", places):
        towns.setdefault(fold(town.name), set()).add(town.municipality)
    for name, year, successor in former:
        assert fold(name) not in current, name
        assert 2015 <= year <= 2026, name
        if fold(name) in towns:  # a town of the former municipality's name lies in a successor
            successors = {m.code for m in places.municipalities.values() if name in dict(m.former)}
            assert towns[fold(name)] & successors, name


def test_the_towns_name_their_municipality_without_bag_abbreviations(places):
    towns = load_towns(ROOT / "content", places)
    with (GEO / "woonplaatsen-gemeenten.csv").open(encoding="utf-8") as file:
        assert sum(1 for _ in file) == 2_502  # CBS's 2,501 woonplaatsen and the header
    found = {(town.bag_name, town.name): town.municipality for town in towns}
    assert found[("Driebergen-Rijsenburg", "Driebergen-Rijsenburg")] == "GM1581"
    assert found[("Haren Gn", "Haren")] == "GM0014"
    assert found[("Spaarndam gem. Haarlem", "Spaarndam")] == "GM0392"
    assert ("Bergen L", "Bergen") not in found  # the municipality's own name is not a town of its own
    names = {}
    for town in towns:
        names.setdefault(fold(town.name), set()).add(town.municipality)
    assert len([name for name, codes in names.items() if len(codes) > 1]) >= 70


def test_every_network_and_initiative_page_has_a_locator_map_file_with_alt_text(real_site, catalog):
    """A network's area and an initiative's region are drawn; an activity lies where its networks do."""
    for entry in catalog.all_entries():
        if entry.kind not in ("networks", "initiatives"):
            continue
        for prefix in ("", "en/"):
            page = real_site / prefix / record_path(entry.kind, entry.id) / "index.html"
            html = page.read_text(encoding="utf-8")
            found = re.search(r'<figure class="vh-locator">\s*<img src="([^"]+\.svg)" alt="([^"]+)"', html)
            assert found, entry.id
            svg = (page.parent / found.group(1)).resolve()
            assert svg.exists() and svg.stat().st_size < 6_000, svg
            assert "CC BY 4.0" in html.split('class="vh-locator"')[1].split("</figure>")[0]
    assert (
        "Haaglanden"
        in (real_site / "initiatieven/sterk-techniekonderwijs-haaglanden/index.html")
        .read_text(encoding="utf-8")
        .split('class="vh-locator"')[1]
        .split(">")[1]
    )


def test_record_pages_link_their_municipalities_to_the_region_page(real_site):
    html = (real_site / "initiatieven/sterk-techniekonderwijs-haaglanden/index.html").read_text(
        encoding="utf-8"
    )
    assert 'href="../../regios/haaglanden/#gm0518">&#39;s-Gravenhage</a>' in html
    assert 'href="../../regios/zuid-holland-centraal/#gm1916">Leidschendam-Voorburg</a>' in html


def test_open_data_carries_the_cbs_codes_of_places(real_site):
    document = json.loads((real_site / "data" / "initiatives.json").read_text(encoding="utf-8"))
    haaglanden = next(r for r in document["records"] if r["id"] == "sterk-techniekonderwijs-haaglanden")
    assert haaglanden["labour_market_region"]["cbs_code"] == "AM21"
    assert [m["cbs_code"] for m in haaglanden["municipalities"]] == [
        "GM0518",
        "GM1783",
        "GM0603",
        "GM1916",
        "GM0503",
    ]
    assert haaglanden["provinces"][0]["cbs_code"] == "PV28"
    csv_text = (real_site / "data" / "initiatives.csv").read_text(encoding="utf-8")
    assert "municipalities_cbs" in csv_text.splitlines()[0]
    assert "GM0518 | GM1783 | GM0603 | GM1916 | GM0503" in csv_text
    networks = json.loads((real_site / "data" / "networks.json").read_text(encoding="utf-8"))
    assert all(p["cbs_code"].startswith("PV") for r in networks["records"] for p in r["provinces"])


def test_the_fixture_region_pages_count_an_initiative_in_each_of_its_regions(fixture_site):
    html = (fixture_site / "regios" / "haaglanden" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../initiatieven/hoofd/"' in html and "hoort bij Drenthe" in html
    assert 'href="../../netwerken/alpha/"' in html
    assert 'href="../../netwerken/beta-oud/"' not in html  # merged: not on the map
