"""The schools as the templates show them: which school a record's school name means, what DUO's rows
and the CBS table say of a school, and which initiatives name it."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..records.catalog import Catalog, Entry
from ..records.kinds.schools import education_of, municipalities_of
from ..records.school_names import SchoolNames, school_names
from .facets import Facet


@dataclass(frozen=True)
class SchoolInfo:
    education: list[str]
    municipalities: list[str]
    regions: list[str]
    locations: list
    """Its rows in DUO's table (`records/duo.py`)."""
    website: str | None


class Schools:
    """The schools of one catalog, for the templates."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog

    @functools.cached_property
    def _names(self) -> SchoolNames:
        return school_names(self.catalog.entries.get("schools", {}))

    def school_of(self, written: str) -> Entry | None:
        """The school record a record's school name (or id) means; None when it means none or two."""
        found = self._names.candidates(written)
        return self.catalog.entries["schools"][found[0]] if len(found) == 1 else None

    def info(self, school: Entry) -> SchoolInfo:
        """What a school's page shows beside its record: what DUO's rows and the CBS table say."""
        record = school.record
        locations = [self.catalog.duo[code] for code in record.locations if code in self.catalog.duo]
        website = record.website or next(
            (f"https://{location.website.removeprefix('https://').removeprefix('http://')}"
             for location in locations if "." in location.website), None
        )
        return SchoolInfo(
            education=education_of(school, self.catalog),
            municipalities=municipalities_of(school, self.catalog),
            regions=Facet("region", "schools", "labour_market_regions").codes(school, self.catalog),
            locations=locations,
            website=website,
        )

    @functools.cached_property
    def _naming(self) -> dict[str, list[Entry]]:
        found: dict[str, list[Entry]] = {}
        for entry in self.catalog.entries.get("initiatives", {}).values():
            schools = entry.record.schools
            for written in [*schools.vmbo, *schools.mbo]:
                school = self.school_of(written)
                if school is not None and entry not in found.setdefault(school.id, []):
                    found[school.id].append(entry)
        return found

    def initiatives_naming(self, school: Entry) -> list[Entry]:
        """The initiatives whose schools include this one."""
        return self._naming.get(school.id, [])
