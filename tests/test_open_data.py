"""The open data files and the JSON-LD of record pages: every record, fields from the schema,
codes with both languages' labels, no unpublished personal data."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import ParsedPage, read_page
from sitegen.outputs.open_data import csv_header, csv_row, record_json
from sitegen.records.fields import columns
from sitegen.records.kinds import KINDS, record_path
from sitegen.records.schema import Initiative
from sitegen.site import LANGUAGES


def load(site, kind):
    document = json.loads((site / "data" / f"{kind}.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((site / "data" / f"{kind}.csv").read_text(encoding="utf-8"))))
    return document, rows


@pytest.mark.parametrize("kind", list(KINDS))
def test_open_data_files_parse_and_hold_every_record(fixture_site, fixture_catalog, kind):
    catalog = fixture_catalog
    document, rows = load(fixture_site, kind)
    ids = sorted(catalog.entries[kind])
    assert document["count"] == len(ids)
    assert [record["id"] for record in document["records"]] == ids
    assert [row["id"] for row in rows] == ids
    assert "licence" in document


@pytest.mark.parametrize("kind", list(KINDS))
def test_real_content_open_data_holds_every_record(real_site, real_catalog, kind):
    catalog = real_catalog
    document, rows = load(real_site, kind)
    assert sorted(record["id"] for record in document["records"]) == sorted(catalog.entries[kind])
    assert len(rows) == len(catalog.entries[kind])


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_schema_field_is_in_both_files(fixture_site, kind):
    model = KINDS[kind].model
    document, rows = load(fixture_site, kind)
    for name in model.model_fields:
        assert all(name in record for record in document["records"]), name
    header = list(rows[0])
    assert header == csv_header(model)
    top_level = {column.path.split(".")[0] for column in columns(model)}
    assert top_level == set(model.model_fields)


def test_codes_carry_both_languages_labels(fixture_site):
    document, rows = load(fixture_site, "initiatives")
    hoofd = next(record for record in document["records"] if record["id"] == "hoofd")
    assert hoofd["labour_market_region"] == {
        "code": "drenthe", "nl": "Drenthe", "en": "Drenthe", "cbs_code": "AM03"
    }
    assert hoofd["sectors"][0]["code"] == "engineering-built-environment"
    assert hoofd["sectors"][0]["nl"] == "Techniek en gebouwde omgeving (T)"  # the label as pages show it
    assert hoofd["page"] == {"nl": "initiatieven/hoofd/", "en": "en/initiatieven/hoofd/"}
    row = next(row for row in rows if row["id"] == "hoofd")
    assert row["sectors"] == "engineering-built-environment"
    assert row["sectors_nl"] == "Techniek en gebouwde omgeving (T)"
    assert row["sectors_en"]
    assert row["title_nl"] == "Hoofdinitiatief Drenthe" and row["title_en"] == ""
    assert (fixture_site / row["page_en"] / "index.html").exists()


def test_unpublished_contact_details_stay_out_of_the_files(fixture_site):
    for kind in KINDS:
        for name in (f"{kind}.json", f"{kind}.csv"):
            text = (fixture_site / "data" / name).read_text(encoding="utf-8")
            assert "Piet Geheim" not in text and "piet.geheim@example.org" not in text
    document, _ = load(fixture_site, "initiatives")
    hoofd = next(record for record in document["records"] if record["id"] == "hoofd")
    assert hoofd["contact"]["name"] == "Jan Open"  # publish: true


def test_overview_pages_link_the_open_data(fixture_site):
    for prefix, data in (("", "../data/"), ("en/", "../../data/")):
        html = read_page(fixture_site, prefix + "initiatieven")
        assert f'href="{data}initiatives.json"' in html and f'href="{data}initiatives.csv"' in html
    assert (fixture_site / "open-data" / "index.html").exists()
    english = read_page(fixture_site, "en/open-data")
    assert "labour_market_region_en" in english  # the field tables come from the schema


SCHEMA_TYPES = {
    "networks": {"Organization"},
    "initiatives": {"Project"},
    "activities": {"Course", "Event", "EducationalOccupationalProgram"},
    "schools": {"School", "EducationalOrganization"},
}


def test_every_record_page_has_json_ld_that_parses(fixture_site, fixture_catalog):
    catalog = fixture_catalog
    for entry in catalog.all_entries():
        for language in LANGUAGES:
            path = language.page(record_path(entry.kind, entry.id))
            html = read_page(fixture_site, path)
            blocks = ParsedPage(html).data_blocks
            assert len(blocks) == 1, entry.id
            data = json.loads(blocks[0])
            assert data["@context"] == "https://schema.org"
            assert data["@type"] in SCHEMA_TYPES[entry.kind]
            assert data["name"] == entry.title_in(language.code)
            assert data["url"].endswith(path)
            assert "<" not in blocks[0]


def test_json_ld_keeps_unpublished_contacts_out(fixture_site):
    html = read_page(fixture_site, "netwerken/alpha")
    data = json.loads(ParsedPage(html).data_blocks[0])
    assert data["contactPoint"] == {"@type": "ContactPoint", "name": "Netwerk Alpha"}


def test_no_csv_cell_starts_a_spreadsheet_formula(fixture_catalog):
    catalog = fixture_catalog
    record = record_json(catalog.entries["initiatives"]["hoofd"], catalog)
    record["summary"]["nl"] = '=HYPERLINK("https://example.org","klik")'
    record["other_parties"] = ["-2+3", "@SUM(A1)"]
    row = csv_row(record, Initiative)
    assert "'=HYPERLINK(\"https://example.org\",\"klik\")" in row
    assert "'-2+3 | @SUM(A1)" in row
    assert not [cell for cell in row if cell.startswith(("=", "+", "-", "@"))]
