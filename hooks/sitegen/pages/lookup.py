"""The data of the "find your municipality" box: one small JSON file per language build.

`regios/gemeenten.json` lists the labour-market regions with their names in the build's language,
every municipality whose region has a page, with its anchor on that page (`gm0518`), its CBS name
and its other names, and every school with its id (its page is `scholen/<id>/`), its name, its
municipalities and its other names, so a reader finds a school by part of its name too.
`overrides/assets/javascripts/places.js` fetches it from the site itself (no other host, works
offline once the page is there) and matches what a reader types with the same folding as
`places.fold`.
"""

from __future__ import annotations

import json

from ..records.catalog import Catalog
from ..records.kinds.schools import municipalities_of
from ..site import REGIONS_SECTION
from .regions import region_index

LOOKUP_FILE = f"{REGIONS_SECTION}/gemeenten.json"
"""Where the data lives in each language's build."""


def lookup_data(catalog: Catalog, lang: str) -> dict:
    index = region_index(catalog)
    schools = catalog.entries.get("schools", {}).values()
    return {
        "schools": [_school_row(entry, catalog) for entry in sorted(schools, key=lambda entry: entry.id)],
        "regions": [[code, catalog.label("labour_market_regions", code, lang)] for code in index.regions],
        "municipalities": [
            [municipality.anchor, municipality.name, region.code, list(municipality.aliases)]
            for region in index.regions.values()
            for municipality in region.municipalities
        ],
    }


def _school_row(entry, catalog: Catalog) -> list:
    """[id, name, its municipalities, its other names]."""
    places = ", ".join(municipalities_of(entry, catalog))
    return [entry.id, entry.record.name, places, list(entry.record.other_names)]


def lookup_json(catalog: Catalog, lang: str) -> str:
    return json.dumps(lookup_data(catalog, lang), ensure_ascii=False, separators=(",", ":")) + "\n"
