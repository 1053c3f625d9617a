"""Towns and villages (woonplaatsen): the names readers type for where they live, each with the
municipality it lies in, for the look-up box only (records name municipalities, not towns).

`content/geo/woonplaatsen-gemeenten.csv` is CBS's list of the BAG woonplaatsen with their
municipality (provenance and licence in `content/geo/README.md`). BAG tells apart towns of the same
name with a province abbreviation ("Haren Gn", "Bergen L", "Beuningen Gld") or the municipality
("Spaarndam gem. Haarlem"); `Town.name` drops it, so a reader finds "Haren" by its name and the
look-up writes the province out in the page's language instead.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from .places import GEO_DIR, GeoDataError, Places, fold

TOWNS_FILE = "woonplaatsen-gemeenten.csv"
TOWN_COLUMNS = ("woonplaats_code", "woonplaats_naam", "gemeente_code", "gemeente_naam")
_BAG_SUFFIX = re.compile(r"\s+(?:\(?(?:Gn|Fr|Dr|Ov|O|Gld|U|Ut|NH|N-H|ZH|Z|NB|L|Lb)\.?\)?|gem\.? .+)$")


@dataclass(frozen=True)
class Town:
    bag_name: str  # as BAG writes it: "Haren Gn"
    municipality: str  # CBS code: GM0014

    @property
    def name(self) -> str:
        """The name without BAG's distinguishing suffix: "Haren"."""
        return _BAG_SUFFIX.sub("", self.bag_name) or self.bag_name


def load_towns(content: Path, places: Places) -> list[Town]:
    """Every woonplaats that is not simply its municipality's own name, in the file's order."""
    path = Path(content) / GEO_DIR / TOWNS_FILE
    if not path.exists():
        raise GeoDataError(f"{TOWNS_FILE} is missing from content/{GEO_DIR}/")
    towns = []
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        if tuple(reader.fieldnames or ()) != TOWN_COLUMNS:
            raise GeoDataError(f"{TOWNS_FILE}: the columns must be {', '.join(TOWN_COLUMNS)}")
        for row in reader:
            municipality = places.municipalities.get(row["gemeente_code"])
            if municipality is None:
                raise GeoDataError(
                    f"{TOWNS_FILE}: line {reader.line_num}: '{row['gemeente_code']}' is not a code"
                )
            town = Town(row["woonplaats_naam"], municipality.code)
            if fold(town.name) not in {fold(municipality.name), fold(municipality.short_name)}:
                towns.append(town)
    return towns
