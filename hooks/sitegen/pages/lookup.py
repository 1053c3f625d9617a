"""The data of the look-up box ("your municipality, town or school"): one JSON file per language build.

`regios/gemeenten.json` holds what the box finds and what it answers with, in the build's language:

- `regions`: [code, name, [network rows], [initiative rows], number of activities of its networks];
- `networks`: [id, name]; `initiatives`: [id, title, the title's language];
- `provinces`: [name, [region codes]]: a province offers the regions its municipalities lie in;
- `municipalities`: [anchor (`gm0518`), CBS name, region code, [other names], province row,
  [[former municipality merged into it, year]]];
- `towns`: [name, municipality row]: the woonplaatsen (`records/towns.py`) that are not simply their
  municipality's name;
- `schools`: [id, name, its municipalities, [other names], [municipality rows]].

A "row" is a position in its list, which keeps the file small; the box fetches it from the site itself
when a reader first uses it (no other host), so the page that holds the box stays light.
`overrides/assets/javascripts/places.js` matches what a reader types with the same folding as
`places.fold`.
"""

from __future__ import annotations

import json
from pathlib import Path

from markupsafe import Markup

from ..records.catalog import Catalog
from ..records.i18n import Strings
from ..records.kinds.schools import municipalities_of
from ..records.towns import load_towns
from ..site import REGIONS_SECTION
from .offer import Activities
from .regions import region_index

LOOKUP_FILE = f"{REGIONS_SECTION}/gemeenten.json"
"""Where the data lives in each language's build."""


def lookup_data(catalog: Catalog, lang: str) -> dict:
    index = region_index(catalog)
    municipalities = [m for region in index.regions.values() for m in region.municipalities]
    rows = {m.code: row for row, m in enumerate(municipalities)}
    provinces = list(catalog.vocabularies.provinces)
    province_row = {entry.cbs_code: row for row, entry in enumerate(catalog.vocabularies.provinces.values())}
    return {
        **_records(catalog, lang, index),
        "provinces": [
            [
                catalog.label("provinces", code, lang),
                [r.code for r in index.regions.values() if code in r.provinces],
            ]
            for code in provinces
        ],
        "municipalities": [
            [
                m.anchor,
                m.name,
                index.region_of(m).code,
                list(m.aliases),
                province_row[m.province],
                [list(former) for former in m.former],
            ]
            for m in municipalities
        ],
        "towns": [
            [town.name, rows[town.municipality]]
            for town in load_towns(_content(catalog), catalog.places)
            if town.municipality in rows  # a region without a page has no answer to give
        ],
        "schools": [
            _school_row(entry, catalog, rows)
            for entry in sorted(catalog.entries.get("schools", {}).values(), key=lambda entry: entry.id)
        ],
    }


def _content(catalog: Catalog) -> Path:
    return catalog.places.folder.parent


def _records(catalog: Catalog, lang: str, index) -> dict:
    """The regions with their networks, initiatives and number of activities, in the build's language."""
    networks = [
        entry for entry in catalog.entries.get("networks", {}).values() if entry.record.status == "active"
    ]
    initiatives = list(catalog.entries.get("initiatives", {}).values())
    network_row = {entry.id: row for row, entry in enumerate(networks)}
    initiative_row = {entry.id: row for row, entry in enumerate(initiatives)}
    activities = Activities(catalog, lang)
    return {
        "regions": [
            [
                code,
                catalog.label("labour_market_regions", code, lang),
                [network_row[entry.id] for entry in region.networks],
                [initiative_row[entry.id] for entry in region.initiatives],
                len(activities.in_region(code)),
            ]
            for code, region in index.regions.items()
        ],
        "networks": [[entry.id, entry.record.name] for entry in networks],
        "initiatives": [
            [entry.id, entry.record.title.get(lang), entry.record.title.lang_of(lang)]
            for entry in initiatives
        ],
    }


def _school_row(entry, catalog: Catalog, rows: dict[str, int]) -> list:
    """[id, name, its municipalities, its other names, their rows]."""
    names = municipalities_of(entry, catalog)
    codes = [catalog.places.by_name[name].code for name in names if name in catalog.places.by_name]
    return [
        entry.id,
        entry.record.name,
        ", ".join(names),
        list(entry.record.other_names),
        [rows[code] for code in codes if code in rows],
    ]


def finder_texts(strings: Strings) -> Markup:
    """The box's texts in the page's language, `{placeholders}` unfilled, as JSON to put in a
    `<script type="application/json">` (no `<` in it, so it cannot end the element)."""
    texts = {
        key.removeprefix("ui."): text
        for key, text in strings.templates().items()
        if key.startswith(("ui.finder-", "ui.answer-"))
    }
    texts["untranslated"] = strings.t("untranslated-inline")
    return Markup(json.dumps(texts, ensure_ascii=False).replace("<", "\\u003c"))


def lookup_json(catalog: Catalog, lang: str) -> str:
    return json.dumps(lookup_data(catalog, lang), ensure_ascii=False, separators=(",", ":")) + "\n"
