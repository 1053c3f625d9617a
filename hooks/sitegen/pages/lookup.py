"""The data of the "find your municipality" box: one small JSON file per language build.

`regios/gemeenten.json` lists the labour-market regions with their names in the build's language,
and every municipality whose region has a page, with its anchor on that page (`gm0518`), its CBS
name and its other names. `overrides/assets/javascripts/places.js` fetches it from the site itself
(no other host, works offline once the page is there) and matches what a reader types with the
same folding as `places.fold`.
"""

from __future__ import annotations

import json

from ..records.catalog import Catalog
from ..site import REGIONS_SECTION
from .regions import region_index

LOOKUP_FILE = f"{REGIONS_SECTION}/gemeenten.json"
"""Where the data lives in each language's build."""


def lookup_data(catalog: Catalog, lang: str) -> dict:
    index = region_index(catalog)
    return {
        "regions": [[code, catalog.label("labour_market_regions", code, lang)] for code in index.regions],
        "municipalities": [
            [municipality.anchor, municipality.name, region.code, list(municipality.aliases)]
            for region in index.regions.values()
            for municipality in region.municipalities
        ],
    }


def lookup_json(catalog: Catalog, lang: str) -> str:
    return json.dumps(lookup_data(catalog, lang), ensure_ascii=False, separators=(",", ":")) + "\n"
