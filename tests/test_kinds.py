"""A kind of record is declared once: a throw-away third kind, added to a copy of the project as a
model with its declaration (one module in `sitegen/records/kinds/`), a folder of records and one
template, builds with its pages, its overview, its search filters, its open data and its JSON-LD,
without any other file changed. And a kind or a folder the program does not know stops it at the
start, with a message that names it."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, copy_project, read_page, run_cli

EVENTS = '''
"""Events: a kind that exists only in this test."""

from pydantic import Field

from ..schema import RecordId, Record, Text, Year
from . import Link, RecordKind


class Event(Record):
    title: Text = Field(description="Name of the event.")
    start_year: Year = Field(description="Year of its first edition.")
    networks: list[RecordId] = Field([], description="Networks that organise it.")


KIND = RecordKind(
    name="events",
    singular="event",
    section="evenementen",
    model=Event,
    position=3,
    title_field="title",
    links=(Link("networks", "networks", back="events"),),
    overview_columns=("start_year", "networks"),
    overview_facets=("year=start_year", "network=networks"),
    search_facets=("year=start_year", "network=networks"),
    json_ld=lambda record, catalog, lang: {"@type": "Event", "name": record.title.get(lang)},
    strings={
        "kind": {"nl": "Evenement", "en": "Event"},
        "section": {"nl": "Evenementen", "en": "Events"},
        "new-record": {"nl": "Nieuw evenement", "en": "New event"},
        "field-docs-caption": {"nl": "Velden van een evenement", "en": "Fields of an event"},
        "field-docs-new": {"nl": "Leeg evenement", "en": "Empty event"},
        "caption": {"nl": "Evenementen", "en": "Events"},
        "overview-count-one": {"nl": "{count} van {total} evenement", "en": "{count} of {total} event"},
        "overview-count-other": {"nl": "{count} van {total} evenementen", "en": "{count} of {total} events"},
        "overview-none": {"nl": "Geen evenementen.", "en": "No events."},
        "filters-label": {"nl": "Evenementen filteren", "en": "Filter the events"},
        "count-one": {"nl": "1 evenement", "en": "1 event"},
        "count-other": {"nl": "{count} evenementen", "en": "{count} events"},
    },
)
'''

RECORD = """\
title: {nl: Bètadag, en: Science day}
start_year: 2019
networks: [alpha]
summary: {nl: Een dag vol proeven., en: A day full of experiments.}
description: {nl: Leerlingen doen proeven., en: Pupils do experiments.}
sources:
  - {title: Bron, url: "https://example.org/betadag", read: 2026-12-01}
last_verified: 2026-12-01
"""

TEMPLATE = """<p class="vh-event">{{ text(record.title) }} ({{ record.start_year }})</p>
{{ markdown(record.description) }}
"""


def _with_events(project: Path) -> Path:
    (project / "hooks/sitegen/records/kinds/events.py").write_text(EVENTS, encoding="utf-8")
    (project / "content/events").mkdir()
    (project / "content/events/betadag.yml").write_text(RECORD, encoding="utf-8")
    (project / "overrides/fragments/events.html").write_text(TEMPLATE, encoding="utf-8")
    return project


def _sitegen(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m sitegen` with the copy's own package first on the path (the installed one is the
    project's, which has no events)."""
    env = {"PATH": os.environ["PATH"], "PYTHONPATH": str(project / "hooks")}
    return subprocess.run(
        [sys.executable, "-m", "sitegen", *args], cwd=project, capture_output=True, text=True, env=env
    )


@pytest.fixture(scope="module")
def events_site(tmp_path_factory) -> Path:
    project = _with_events(copy_project(tmp_path_factory.mktemp("kinds") / "project", FIXTURES / "content"))
    done = _sitegen(project, "build")
    assert done.returncode == 0, done.stdout + done.stderr
    return project / "site"


pytestmark = pytest.mark.site


def test_a_third_kind_gets_its_pages_in_every_language(events_site):
    for prefix, title in (("", "Bètadag"), ("en/", "Science day")):
        html = read_page(events_site, f"{prefix}evenementen/betadag")
        assert f'<p class="vh-event">{title} (2019)</p>' in html
        assert re.search(rf"<h1[^>]*>{title}</h1>", html)


def test_a_third_kind_gets_an_overview_with_its_filters(events_site):
    html = read_page(events_site, "evenementen")
    assert '<a href="../evenementen/betadag/">Bètadag</a>' in html
    assert 'data-vh-year="2019"' in html and 'data-vh-network="alpha"' in html
    assert "1 van 1 evenement" in html


def test_a_third_kind_is_in_search_and_json_ld(events_site):
    html = read_page(events_site, "en/evenementen/betadag")
    assert '<span data-pagefind-filter="kind">Event</span>' in html
    assert '<span data-pagefind-filter="year">2019</span>' in html
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1))
    assert ld["@type"] == "Event" and ld["name"] == "Science day"


def test_a_third_kind_is_in_the_open_data(events_site):
    data = json.loads((events_site / "data/events.json").read_text(encoding="utf-8"))
    records = data["records"] if isinstance(data, dict) else data
    assert [record["id"] for record in records] == ["betadag"]
    rows = list(csv.DictReader((events_site / "data/events.csv").open(encoding="utf-8")))
    assert rows[0]["id"] == "betadag" and rows[0]["start_year"] == "2019"
    assert "events.json" in read_page(events_site, "open-data")


def test_a_link_of_the_third_kind_is_checked_like_any_other(tmp_path):
    project = _with_events(copy_project(tmp_path / "project", FIXTURES / "content"))
    record = RECORD.replace("[alpha]", "[nergens]")
    (project / "content/events/betadag.yml").write_text(record, encoding="utf-8")
    done = _sitegen(project, "check")
    assert done.returncode != 0
    assert "content/events/betadag.yml:3:12: networks[0]: 'nergens' is geen bekend netwerk" in done.stderr


def test_a_folder_no_kind_declares_stops_the_check(tmp_path):
    project = copy_project(tmp_path / "project", FIXTURES / "content")
    (project / "content/evenementen").mkdir()
    (project / "content/evenementen/x.yml").write_text(RECORD, encoding="utf-8")
    done = run_cli(project, "check")
    assert done.returncode != 0
    assert "content/evenementen:1:1: de map content/evenementen/ hoort bij geen soort record" in done.stderr


def test_a_kind_declared_wrongly_stops_the_program_at_start_up(tmp_path):
    project = _with_events(copy_project(tmp_path / "project", FIXTURES / "content"))
    module = project / "hooks/sitegen/records/kinds/events.py"
    declared = module.read_text(encoding="utf-8")
    module.write_text(declared.replace('Link("networks", "networks"', 'Link("networks", "netwerken"'))
    done = _sitegen(project, "check")
    assert done.returncode != 0
    assert "sitegen/records/kinds/events.py: events: link 'networks' names kind 'netwerken'" in done.stderr
