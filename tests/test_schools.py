"""Schools as records: a record names a school by its id, its name or an other name; an unknown name
gets the nearest known names, a name that fits two schools lists their ids; each school has a page
with DUO's rows of its locations and the initiatives that name it; the A–Z overview, the look-up and
the open data have them; DUO's rows carry their provenance."""

from __future__ import annotations

import csv
import json
import re

import pytest

from conftest import ROOT, read_page, run_cli, settle

SITE = pytest.mark.site


def test_an_unknown_school_name_suggests_the_nearest_known_ones(fixture_project):
    hoofd = fixture_project / "content/initiatives/hoofd.yml"
    hoofd.write_text(hoofd.read_text(encoding="utf-8").replace("[rsg-wolfsbos]", "[RSG Wolfbos]"))
    done = run_cli(fixture_project, "check")
    assert done.returncode == 1
    assert "content/initiatives/hoofd.yml:" in done.stderr
    assert "schools.vmbo[0]: 'RSG Wolfbos' is geen bekende school; bedoelt u 'RSG Wolfsbos'" in done.stderr


def test_a_name_that_fits_two_schools_lists_their_ids(fixture_project):
    hoofd = fixture_project / "content/initiatives/hoofd.yml"
    hoofd.write_text(hoofd.read_text(encoding="utf-8").replace("[rsg-wolfsbos]", "[Wolfsbos]"))
    done = run_cli(fixture_project, "--lang", "en", "check")
    assert done.returncode == 1
    said = "schools.vmbo[0]: 'Wolfsbos' fits more than one school: rsg-wolfsbos, wolfsbos-den-haag"
    assert said in done.stderr


def test_a_location_code_must_be_in_the_duo_table(fixture_project):
    school = fixture_project / "content/schools/rsg-wolfsbos.yml"
    school.write_text(school.read_text(encoding="utf-8").replace("19IW04", "19IW99"))
    done = run_cli(fixture_project, "check")
    assert "locations[1]: '19IW99' staat niet in de DUO-tabel" in done.stderr


@SITE
def test_a_school_page_shows_duo_s_locations_and_the_initiatives_that_name_it(fixture_site):
    html = read_page(fixture_site, "scholen/rsg-wolfsbos")
    row = re.search(r"<code>19IW04</code></th>(.*?)</tr>", html, re.S).group(1)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    assert cells == ["Regionale Scholengemeenschap Wolfsbos", "Wolfsbosstraat 3, 7905 BZ Hoogeveen", "Vmbo"]
    assert '<a href="../../initiatieven/hoofd/">Hoofdinitiatief Drenthe</a>' in html
    assert "DUO, Open Onderwijsdata" in html  # the source
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Vmbo, Havo, Vwo" in text and "Hoogeveen" in text
    english = read_page(fixture_site, "en/scholen/rsg-wolfsbos")
    assert "Locations according to DUO" in english


@SITE
def test_homonyms_stay_apart_and_hostile_names_are_escaped(fixture_site):
    assert "Wolfsbos College (Den Haag)" in read_page(fixture_site, "scholen/wolfsbos-den-haag")
    html = read_page(fixture_site, "scholen/school-vet")
    assert "School &lt;b&gt;vet&lt;/b&gt;</h1>" in html and "<b>vet</b>" not in html
    assert "<script>alert" not in read_page(fixture_site, "scholen/roc-script")


@SITE
def test_an_initiative_links_its_schools_by_the_name_it_writes_or_the_school_s_name(fixture_site):
    hoofd = read_page(fixture_site, "initiatieven/hoofd")
    assert '<a href="../../scholen/rsg-wolfsbos/">RSG Wolfsbos</a>' in hoofd  # written as its id
    hostile = read_page(fixture_site, "initiatieven/hostile")
    assert '<a href="../../scholen/school-vet/">School &lt;b&gt;vet&lt;/b&gt;</a>' in hostile


@SITE
def test_the_overview_lists_the_schools_with_their_filters_and_the_open_data_has_them(fixture_site):
    html = read_page(fixture_site, "scholen")
    assert 'data-vh-education="vmbo havo vwo" data-vh-region="drenthe"' in html
    assert re.findall(r'<select id="vh-filters-schools-([a-z]+)"', html) == ["education", "region"]
    data = json.loads((fixture_site / "data/schools.json").read_text(encoding="utf-8"))
    records = data["records"] if isinstance(data, dict) else data
    wolfsbos = next(record for record in records if record["id"] == "rsg-wolfsbos")
    assert wolfsbos["locations"] == ["19IW00", "19IW04"]


@SITE
def test_the_look_up_data_has_the_schools(fixture_site):
    data = json.loads((fixture_site / "regios/gemeenten.json").read_text(encoding="utf-8"))
    assert ["rsg-wolfsbos", "RSG Wolfsbos", "Hoogeveen", ["Wolfsbos"]] in [row[:4] for row in data["schools"]]


@SITE
@pytest.mark.browser
def test_the_look_up_finds_a_school_by_part_of_its_name_and_opens_its_page(page, fixture_url):
    page.goto(fixture_url)
    settle(page)
    box = page.get_by_role("combobox")
    box.fill("wolfsb")
    options = page.get_by_role("option")
    options.first.wait_for()
    texts = options.all_inner_texts()
    # a school: its name, then (the other name that matched,) "school" and its place
    assert any(text.startswith("RSG Wolfsbos (") and "school, Hoogeveen)" in text for text in texts), texts
    assert any(text.startswith("Wolfsbos College (Den Haag) (") and "school" in text for text in texts), texts
    assert box.get_attribute("aria-expanded") == "true"
    box.press("ArrowDown")
    chosen = page.locator('[role=option][aria-selected="true"]').inner_text()
    box.press("Enter")
    page.wait_for_url(re.compile(r"/scholen/[a-z-]+/$"))
    assert chosen.startswith(page.locator("h1").inner_text() + " (")


@SITE
def test_every_school_the_records_name_has_a_page_in_both_languages(real_site, real_catalog):
    schools = real_catalog.entries["schools"]
    assert len(schools) >= 150
    for school_id in schools:
        assert (real_site / "scholen" / school_id / "index.html").exists()
        assert (real_site / "en/scholen" / school_id / "index.html").exists()


def test_the_duo_rows_carry_their_provenance():
    table = ROOT / "content/duo/vestigingen.csv"
    rows = list(csv.DictReader(table.open(encoding="utf-8"), delimiter=";"))
    readme = (ROOT / "content/duo/README.md").read_text(encoding="utf-8")
    assert f"{len(rows)} rows" in readme
    files = {row["BESTAND"] for row in rows}
    assert files == {"02.-alle-vestigingen-vo.csv", "09.-alle-vestigingen-sbo-so-en-vso.csv"}
    for name in files:
        assert f"`{name}`" in readme and f"{sum(row['BESTAND'] == name for row in rows)} rows here" in readme
    assert "CC0" in readme and "2026-12-06" in readme
    assert not [row for row in rows if set(row) - {None} != set(rows[0])]
