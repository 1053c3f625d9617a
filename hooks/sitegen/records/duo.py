"""DUO's register of school locations, as far as the records need it: `content/duo/vestigingen.csv`.

A subset of DUO's open data (CC0; file names, dates and counts in `content/duo/README.md`): one row
per location (`VESTIGINGSCODE`, the old BRIN number with two digits) of a school the records name,
with the columns as DUO delivers them. A school record names its locations by code; its place, its
municipality (and so its labour-market region, from the CBS table) and the education it offers come
from these rows, so they are written in one place.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from .schema import LOCATION_PATTERN

DUO_DIR = "duo"
TABLE_FILE = "vestigingen.csv"

_EDUCATION = {
    "PRO": "pro",
    "VBO": "vmbo",
    "MAVO": "vmbo",
    "HAVO": "havo",
    "VWO": "vwo",
}
"""DUO's `ONDERWIJSSTRUCTUUR` parts as the education vocabulary's codes (a bridge year says nothing)."""


class DuoDataError(ValueError):
    """The DUO table is missing or not as DUO delivers it."""


@dataclass(frozen=True)
class Location:
    code: str  # 02VA00
    institution: str  # 02VA
    name: str  # as DUO spells it
    street: str
    number: str
    postcode: str
    place: str  # DUO writes it in capitals
    municipality_code: str  # GM0118, from DUO's GEMEENTENUMMER
    website: str  # as DUO gives it, without a scheme, or empty
    structure: str  # DUO's ONDERWIJSSTRUCTUUR, or for special schools its ONDERWIJS
    file: str  # the DUO file the row comes from

    @property
    def education(self) -> list[str]:
        """The education offered here, as codes of the vocabulary `education`."""
        if "VSO" in self.structure.upper():
            return ["vso"]
        parts = re.split(r"[/ +]", self.structure.upper())
        found = {_EDUCATION[part] for part in parts if part in _EDUCATION}
        return sorted(found, key=list(_EDUCATION.values()).index)


def load_duo(content: Path) -> dict[str, Location]:
    """The locations of the DUO table by code; an empty table when the folder is not there."""
    path = Path(content) / DUO_DIR / TABLE_FILE
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file, delimiter=";"))
    locations = {}
    for number, row in enumerate(rows, start=2):
        code = (row.get("VESTIGINGSCODE") or "").strip()
        if not re.fullmatch(LOCATION_PATTERN, code):
            raise DuoDataError(f"{TABLE_FILE}, line {number}: {code!r} is not a VESTIGINGSCODE")
        locations[code] = Location(
            code=code,
            institution=row["INSTELLINGSCODE"].strip(),
            name=row["VESTIGINGSNAAM"].strip(),
            street=row["STRAATNAAM"].strip(),
            number=row["HUISNUMMER-TOEVOEGING"].strip(),
            postcode=row["POSTCODE"].strip(),
            place=row["PLAATSNAAM"].strip(),
            municipality_code="GM" + row["GEMEENTENUMMER"].strip().zfill(4),
            website=row["INTERNETADRES"].strip(),
            structure=row["ONDERWIJSSTRUCTUUR"].strip(),
            file=row["BESTAND"].strip(),
        )
    return locations
