"""What keeps the content true: corrected facts on the built pages, figures that can be trusted side
by side, no placeholders before readers, a stated open-data licence, and the checks that warn when a
record's sources have not been read for a year."""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import pytest
import yaml

from conftest import RECORD_FILES, ROOT, empty_cells, overview_table, pdf_text, read_page
from sitegen.__main__ import main
from sitegen.outputs.build import BuildFailed, build_site
from sitegen.pages.formats import format_date, format_figure
from sitegen.records.catalog import CatalogError, load_catalog
from sitegen.records.freshness import stale_before, stale_records
from sitegen.records.i18n import Strings
from sitegen.records.kinds import record_path
from sitegen.records.placeholders import find_placeholder
from sitegen.site import LANGUAGES

# These tests quote the check's messages in English (the editors get Dutch by default).
pytestmark = pytest.mark.usefixtures("english_messages")


def visible_text(page: str) -> str:
    """What a reader sees of a page: no scripts, styles or attributes, entities decoded, spaces folded."""
    page = re.sub(r"<(script|style|template)\b.*?</\1>", " ", page, flags=re.S | re.I)
    page = re.sub(r"<[^>]+>", " ", page)
    return " ".join(html.unescape(page).split())


def article(site, path: str) -> str:
    return visible_text(read_page(site, path).split("data-pagefind-body", 1)[1])


# The corrections of the fact check ---------------------------------------------------------------


def test_u_talent_has_no_founding_year_of_junior_college_utrecht(real_site):
    page = read_page(real_site, "netwerken/u-talent")
    assert '"foundingDate"' not in page
    assert Strings("nl").field("founded") not in article(real_site, "netwerken/u-talent")
    assert "Junior College Utrecht" in article(real_site, "netwerken/u-talent")
    assert "niet bij het netwerk zelf" in article(real_site, "netwerken/u-talent")


def test_nijmegen_dates_radboud_membership_not_the_platform(real_site):
    text = article(real_site, "netwerken/nijmegen")
    assert "de Radboud Universiteit is daar sinds 1999 lid van" in text
    assert "bestaat sinds 1999" not in text
    assert "has been a member since 1999" in article(real_site, "en/netwerken/nijmegen")


def test_leiden_names_no_penvoerder(real_site):
    label = {lang: Strings(lang).field("lead_institution") for lang in ("nl", "en")}
    assert label["nl"] not in article(real_site, "netwerken/regionaal-steunpunt-leiden")
    assert label["en"] not in article(real_site, "en/netwerken/regionaal-steunpunt-leiden")


def test_haaglanden_is_not_dated_until_2020_and_says_its_classification_is_the_editors(real_site):
    dutch = article(real_site, "initiatieven/sterk-techniekonderwijs-haaglanden")
    english = article(real_site, "en/initiatieven/sterk-techniekonderwijs-haaglanden")
    assert "Tot 2020" not in dutch and "By 2020" not in english
    assert "indeling van de redactie" in dutch and "editors' classification" in english
    assert "€ 12.000.000" in dutch and "ongeveer € 1.500.000" in dutch


def test_noord_describes_dots_plgs_and_the_company_dot_as_its_source_does(real_site):
    text = article(real_site, "netwerken/vo-ho-netwerk-noord")
    assert "In de BedrijfsDOT maken docenten kennis met bedrijven uit de regio" in text
    assert "nieuwe kennis uit wetenschappelijk onderzoek" in text


def test_wording_follows_the_seeds(real_site):
    about = article(real_site, "over")
    assert "effectief te organiseren" in about and "het best" not in about
    assert "lerende infrastructuren" in about
    signatories = about.split("De notitie werd ondertekend door zes mensen", 1)[1].split(".", 1)[0]
    for who in ("Steunpuntenraad", "VSNU", "Vereniging Hogescholen", "VO-raad", "CERN", "U-Talent"):
        assert who in signatories
    assert "effectief te organiseren" in article(real_site, "focus/missie")


def test_english_says_what_dutch_says(real_site):
    assert "first- and second-degree teacher-training programmes" in article(real_site, "en")
    assert "first- and second-degree" in article(real_site, "en/over")
    assert "The site must meet the" in article(real_site, "en/toegankelijkheid")
    assert "university students" not in article(real_site, "en/netwerken/vo-ho-netwerk-oost")
    english, dutch = read_page(real_site, "en"), read_page(real_site, "")
    assert '<meta name="description" content="Regional cooperation between secondary education' in english
    assert '<meta name="description" content="Regionale samenwerking' in dutch


@pytest.mark.parametrize("path, label", [
    ("initiatieven/regio-hoogeveen-sterk-techniekonderwijs", "Techniek en gebouwde omgeving (T)"),
    ("en/initiatieven/regio-hoogeveen-sterk-techniekonderwijs", "Engineering and the built environment (T)"),
])
def test_the_sector_label_shows_its_abbreviation(real_site, path, label):
    assert label in article(real_site, path)


def test_fields_page_explains_the_classification_and_marks_provisional_sectors(real_site):
    page = read_page(real_site, "velden")
    assert 'id="classification"' in page
    assert "<code>trade</code>: Handel (voorlopig: nog door geen bron bevestigd)" in page
    assert "<code>engineering-built-environment</code>: Techniek en gebouwde omgeving (T)</li>" in page
    # Every initiative page links to that explanation, once, beside its classification.
    paths = sorted((real_site / "initiatieven").glob("*/index.html"))
    assert paths
    for path in paths:
        assert path.read_text(encoding="utf-8").count('href="../../velden/#classification"') == 1, path


# Focus 2024-2028 ---------------------------------------------------------------------------------


def test_programme_line_2_is_published_in_the_chapter_the_print_page_and_the_pdf(real_site):
    title = "Programmalijn 2: regionale verbinding en interdisciplinaire samenwerking"
    chapter = article(real_site, "focus/focus-2024-2028")
    assert title in chapter and "metanetwerken" in chapter
    assert "nog niet op deze site gepubliceerd" not in chapter
    assert "vohonetwerken.nl/focus-2024-2028/programmalijn-2" in chapter
    assert title in visible_text(read_page(real_site, "focus/print"))
    pdf = pdf_text(real_site / "focus/focusrapport.pdf")
    assert "metanetwerken" in pdf
    assert "Programme line 2: regional connection" in article(real_site, "en/focus/focus-2024-2028")


def test_review_names_the_five_year_agenda_and_the_older_list_of_regions(real_site):
    text = article(real_site, "focus/terugblik-2018-2023")
    assert "actieagenda voor vijf jaar" in text
    assert "oudere lijst van tien regio's" in text
    assert "vohonetwerken.nl/focus-2018-2023" in text


# Key figures -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["", "en", "focus/kerncijfers"])
def test_key_figures_are_grouped_by_source_and_year(real_site, real_catalog, path):
    page = read_page(real_site, path)
    lang = "en" if path.startswith("en") else "nl"
    groups = re.findall(r'<section class="vh-figure-group".*?</section>', page, re.S)
    assert len(groups) == len(real_catalog.key_figures) >= 2
    for group, expected in zip(groups, real_catalog.key_figures):
        assert group.count('rel="noopener noreferrer"') == 1  # one source per group
        assert expected.source.url in group
        values = re.findall(r'vh-figure__value">([^<]+)<', group)
        assert values == [format_figure(figure.value, lang) for figure in expected.figures]  # 35,000+ in en
        if expected.year is None:
            assert expected.note.get(lang).split(";")[0] in html.unescape(group)
    # The dated figures of 2015-2016 and the undated ones of another source never share a group.
    assert not any("361" in group and "300+" in group for group in groups)


@pytest.mark.parametrize("path", ["", "netwerken", "en", "en/netwerken"])
def test_the_count_of_networks_agrees_with_the_overview(real_site, real_catalog, path):
    catalog = real_catalog
    paragraph = re.search(r'<p class="vh-network-count">.*?</p>', read_page(real_site, path), re.S)
    sentence = visible_text(paragraph.group())
    total = len(catalog.records("networks"))
    active = sum(network.status == "active" for network in catalog.records("networks").values())
    merged = [network for network in catalog.records("networks").values() if network.status == "merged"]
    assert ("tien" in sentence or "ten" in sentence) and "2015-2016" in sentence
    assert f" {total}: {active} " in sentence
    for network in merged:
        assert network.name in sentence and catalog.records("networks")[network.merged_into].name in sentence
    overview = overview_table(read_page(real_site, "en/netwerken" if path.startswith("en") else "netwerken"))
    assert overview.count('<th scope="row"') == total


# No placeholders -----------------------------------------------------------------------------------


def _strings(value, path=""):
    """Every string of a record as its JSON holds it (texts, names, sources), with where it is."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else key)


def test_no_record_text_is_a_placeholder(real_catalog):
    found = [
        f"{entry.path}: {where}: {text[:60]}"
        for entry in real_catalog.all_entries()
        for where, text in _strings(entry.record.model_dump(mode="json"))
        if find_placeholder(text)
    ]
    figures = [group.model_dump(mode="json") for group in real_catalog.key_figures]
    found += [f"key-figures: {where}" for where, text in _strings(figures) if find_placeholder(text)]
    assert found == []


def _without_code(page: str) -> str:
    """A page without its code blocks: the record to copy on the fields page holds TODO on purpose."""
    return re.sub(r"<(pre|code)\b.*?</\1>", " ", page, flags=re.S)


def test_no_built_page_shows_a_placeholder(real_site):
    # The editors' pages (fields, contributing) explain the TODO of the record to copy, on purpose.
    editors = ("velden/", "bijdragen/", "en/velden/", "en/bijdragen/")
    pages = [path for path in sorted(real_site.rglob("*.html"))
             if not path.relative_to(real_site).as_posix().startswith(editors)]
    assert len(pages) > 40
    found = [(path.relative_to(real_site).as_posix(), hit) for path in pages
             if (hit := find_placeholder(visible_text(_without_code(path.read_text(encoding="utf-8")))))]
    assert found == []


@pytest.mark.parametrize("text", [
    "TODO: schrijf dit", "Nog te bepalen.", "Geen toelichting.", "No explanation given.",
    "De tekst is nog niet op deze site gepubliceerd.", "To be decided", "PLACEHOLDER: licence",
])
def test_placeholders_are_recognised(text):
    assert find_placeholder(text)


@pytest.mark.parametrize("text", [
    "Dat is nog niet bevestigd.", "The name has not yet been confirmed.", "Zoeken (toets / of s)",
    "Techniek en gebouwde omgeving (T)", "Tot ziens", "todos los días",
])
def test_caveats_are_not_placeholders(text):
    assert find_placeholder(text) is None


def test_a_record_with_a_placeholder_text_fails_the_check(fixture_project):
    path = fixture_project / "content/initiatives/hoofd.yml"
    text = path.read_text(encoding="utf-8")
    broken = text.replace("summary: {nl: Een initiatief", "summary: {nl: TODO later. Een initiatief")
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(CatalogError) as error:
        load_catalog(fixture_project)
    assert "'TODO' is a placeholder, not information" in str(error.value)


def test_an_optional_field_without_a_value_is_not_shown(fixture_site, fixture_catalog):
    for initiative in fixture_catalog.records("initiatives").values():
        assert initiative.theme_note is None
    for path, lang in (("initiatieven/hoofd", "nl"), ("en/initiatieven/hoofd", "en")):
        page = read_page(fixture_site, path)
        assert Strings(lang).field("theme_note") not in page
        assert "Geen toelichting" not in page and "No explanation given" not in page
    # An optional column appears when at least one row has a value (one network of the two has a
    # founding year, one initiative of the two has themes); the other row's cell is empty, not a
    # placeholder. test_render.py shows the column left out when no row has a value.
    networks = overview_table(read_page(fixture_site, "netwerken"))
    assert ">Opgericht</th>" in networks and empty_cells(networks) == 1
    initiatives = overview_table(read_page(fixture_site, "initiatieven"))
    assert ">Inhoudelijke thema&#39;s</th>" in initiatives and ">Startjaar</th>" in initiatives
    assert empty_cells(initiatives) == 1


# The open-data licence ------------------------------------------------------------------------------


def test_open_data_licence_is_the_one_setting(real_site):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    setting = config["extra"]["open_data_licence"]
    assert setting == {"name": "CC0 1.0", "url": "https://creativecommons.org/publicdomain/zero/1.0/"}
    for kind in ("networks", "initiatives"):
        assert json.loads((real_site / f"data/{kind}.json").read_text(encoding="utf-8"))["licence"] == setting
    for path in ("open-data", "en/open-data"):
        page = read_page(real_site, path)
        assert f'<a href="{setting["url"]}" rel="license noopener noreferrer">CC0 1.0</a>' in page
    assert "CC0 1.0" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_a_build_without_a_licence_setting_stops(fixture_project):
    config = fixture_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"  open_data_licence:\n(    .*\n)+", "", text), encoding="utf-8")
    with pytest.raises(BuildFailed, match="extra.open_data_licence"):
        build_site(fixture_project, steps=[])


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with its !ENV tags read as plain values."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


# Sources and their age -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_record_has_an_https_source_and_a_check_date(path):
    """Read from the files themselves, not through the schema that is meant to enforce it."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert any(str(source.get("url", "")).startswith("https://") for source in data.get("sources") or [])
    assert isinstance(data.get("last_verified"), dt.date)


def test_no_record_is_checked_before_its_sources_were_read(real_catalog):
    """`last_verified` says when the whole record was checked against its sources: never before
    the day one of them was read."""
    early = [
        f"{entry.path}: last_verified {entry.record.last_verified} before {source.url} (read {source.read})"
        for entry in real_catalog.all_entries()
        for source in entry.record.sources
        if entry.record.last_verified < source.read
    ]
    assert early == []


def test_municipalities_outside_the_region_are_explained_in_a_comment(real_catalog):
    """An initiative may span two labour-market regions; its record then says why, in a YAML comment
    that names each municipality outside its region (the check warns about them)."""
    places, regions = real_catalog.places, real_catalog.vocabularies.labour_market_regions
    unexplained = []
    for entry in real_catalog.entries["initiatives"].values():
        record = entry.record
        lines = (ROOT / entry.path).read_text(encoding="utf-8").splitlines()
        comments = "\n".join(line for line in lines if line.lstrip().startswith("#"))
        for name in record.municipalities:
            municipality = places.by_name[name]
            region = regions[record.labour_market_region].cbs_code
            if municipality.region != region and municipality.name not in comments:
                other = places.region_names[municipality.region]
                unexplained.append(f"{entry.path}: {municipality.name} ({other})")
    assert unexplained == []


def test_every_record_page_shows_when_it_was_last_checked(real_site, real_catalog):
    said = {"nl": "Laatst gecontroleerd op {}.", "en": "Last checked on {}."}
    for entry in real_catalog.all_entries():
        for lang in LANGUAGES:
            page = read_page(real_site, lang.page(record_path(entry.kind, entry.id)))
            assert said[lang.code].format(format_date(entry.record.last_verified, lang.code)) in page


def test_stale_means_more_than_twelve_months(fixture_project):
    assert stale_before(dt.date(2027, 11, 2)) == dt.date(2026, 11, 2)
    assert stale_before(dt.date(2028, 2, 29)) == dt.date(2027, 2, 28)
    catalog = load_catalog(fixture_project)  # every fixture record: last_verified 2026-11-01
    assert stale_records(catalog, fixture_project, dt.date(2027, 11, 1)) == []
    stale = stale_records(catalog, fixture_project, dt.date(2027, 11, 2))
    assert len(stale) == len(catalog.all_entries())


def test_check_lists_stale_records_as_warnings_and_still_passes(fixture_project, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert main(["--root", str(fixture_project), "check", "--today", "2026-12-01"]) == 0
    assert "last_verified" not in capsys.readouterr().err
    assert main(["--root", str(fixture_project), "check", "--today", "2028-01-15"]) == 0
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if ": last_verified: warning: " in line]
    assert len(lines) == 11  # the fixture's networks and initiatives (4), activities (3) and schools (4)
    hoofd = next(line for line in lines if "content/initiatives/hoofd.yml" in line)
    lines_of_hoofd = (fixture_project / "content/initiatives/hoofd.yml").read_text(encoding="utf-8")
    lines_of_hoofd = lines_of_hoofd.splitlines()
    line = next(number for number, text in enumerate(lines_of_hoofd, 1) if text.startswith("last_verified:"))
    assert hoofd.startswith(
        f"content/initiatives/hoofd.yml:{line}:16: last_verified: warning: last checked on 2026-11-01"
    )
    assert "11 records not checked against their sources for more than 12 months" in err


def test_check_warnings_are_github_annotations_in_actions(fixture_project, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["--root", str(fixture_project), "check", "--today", "2028-01-15"]) == 0
    err = capsys.readouterr().err
    assert "::warning file=content/initiatives/hoofd.yml,line=" in err
    assert "::last_verified: last checked on 2026-11-01" in err
    assert "::error" not in err


# Key-figure groups ---------------------------------------------------------------------------------


def test_key_figure_groups_go_newest_first(fixture_project):
    path = fixture_project / "content/key-figures.yml"
    path.write_text("""\
- source: {title: Oud, url: "https://example.org/a", read: 2026-11-01}
  year: 2016
  figures: [{value: "1", label: {nl: een, en: one}}]
- source: {title: Nieuw, url: "https://example.org/b", read: 2026-11-01}
  year: 2024
  figures: [{value: "2", label: {nl: twee, en: two}}]
""", encoding="utf-8")
    with pytest.raises(CatalogError) as error:
        load_catalog(fixture_project)
    assert ("content/key-figures.yml:5:9: [1].year: the groups go newest first: "
            "move this group (2024) above the one of 2016") in str(error.value)


def test_a_key_figure_group_without_a_year_needs_a_note(fixture_project):
    path = fixture_project / "content/key-figures.yml"
    path.write_text("""\
- source: {title: Zonder jaar, url: "https://example.org/c", read: 2026-11-01}
  figures: [{value: "3", label: {nl: drie, en: three}}]
""", encoding="utf-8")
    with pytest.raises(CatalogError) as error:
        load_catalog(fixture_project)
    assert "content/key-figures.yml:1:3: [0]: a group without a year needs a note" in str(error.value)
