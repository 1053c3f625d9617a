"""What is where: for each labour-market region, its municipalities, networks and initiatives.

The answer to a reader's first question ("what is there for my municipality?") derives from the
records and the CBS table (`records/places.py`) in one place, used by the map, the region pages, the A–Z
list of municipalities and the look-up box:

- an initiative is in its `labour_market_region` and in the region of each of its
  `municipalities` (one that spans two regions counts in both);
- an active network works in its `labour_market_regions`, the regions its sources support (the
  places of its schools, its institutions' own statements), never in a whole province by default;
  a network whose sources support no region is on no region page, and its `area_note` says why.

Regions are known by their vocabulary code (`drenthe`), which is also their address
(`/regios/drenthe/`); their CBS code (`AM03`) joins them to the table and the boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records.catalog import Catalog, Entry
from ..records.kinds.initiatives import counted_regions
from ..records.places import Municipality, fold, sort_key


@dataclass
class Region:
    code: str  # vocabulary code, e.g. drenthe
    cbs_code: str  # AM03
    municipalities: list[Municipality]
    provinces: list[str]  # vocabulary codes of the provinces its municipalities lie in
    initiatives: list[Entry] = field(default_factory=list)
    networks: list[Entry] = field(default_factory=list)


class RegionIndex:
    """The regions of the vocabulary with what lies in each, built once per catalog."""

    def __init__(self, catalog: Catalog):
        assert catalog.places is not None
        self.catalog = catalog
        places = catalog.places
        vocabularies = catalog.vocabularies
        self.province_by_cbs = {entry.cbs_code: code for code, entry in vocabularies.provinces.items()}
        self.region_by_cbs = {
            entry.cbs_code: code for code, entry in vocabularies.labour_market_regions.items()
        }
        self.regions: dict[str, Region] = {}
        for code, entry in vocabularies.labour_market_regions.items():
            members = places.in_region(entry.cbs_code)
            provinces = sorted(
                {self.province_by_cbs[m.province] for m in members if m.province in self.province_by_cbs},
                key=list(vocabularies.provinces).index,
            )
            self.regions[code] = Region(code, entry.cbs_code, members, provinces)
        for entry in catalog.entries.get("initiatives", {}).values():
            for code in self.initiative_regions(entry):
                self.regions[code].initiatives.append(entry)
        for entry in sorted(catalog.entries.get("networks", {}).values(), key=lambda e: fold(e.record.name)):
            if entry.record.status != "active":
                continue
            for code in entry.record.labour_market_regions:
                self.regions[code].networks.append(entry)
        for region in self.regions.values():
            region.initiatives.sort(key=lambda e: fold(e.record.title.first))

    def initiative_regions(self, entry: Entry) -> list[str]:
        """The regions an initiative counts in: its own, then those of its municipalities (the rule
        the region filters use too, `records/kinds/initiatives.py`)."""
        return counted_regions(entry, self.catalog)

    def network_area(self, entry: Entry) -> tuple[list[str], list[str]]:
        """(CBS codes of provinces, CBS codes of regions): what its outline encloses: its regions, or
        its provinces when its sources support no region."""
        vocabularies = self.catalog.vocabularies
        named = entry.record.labour_market_regions
        regions = [vocabularies.labour_market_regions[code].cbs_code for code in named]
        if regions:
            return [], regions
        return [vocabularies.provinces[code].cbs_code for code in entry.record.provinces], []

    def region_of(self, municipality: Municipality) -> Region | None:
        code = self.region_by_cbs.get(municipality.region)
        return self.regions.get(code) if code else None

    def networks_of(self, municipality: Municipality) -> list[Entry]:
        """The active networks that work in this municipality's region."""
        region = self.region_of(municipality)
        return list(region.networks) if region is not None else []


_INDEX_ATTRIBUTE = "_vh_region_index"


def region_index(catalog: Catalog) -> RegionIndex:
    """The index of a catalog, built once and kept on it (templates ask for it on many pages)."""
    index = catalog.__dict__.get(_INDEX_ATTRIBUTE)
    if index is None:
        index = catalog.__dict__[_INDEX_ATTRIBUTE] = RegionIndex(catalog)
    return index


@dataclass(frozen=True)
class AzItem:
    name: str  # as listed: the CBS name, or another name pointing to it
    municipality: Municipality
    alias: bool


def a_to_z(index: RegionIndex) -> list[tuple[str, list[AzItem]]]:
    """Every municipality with a region page, and every other name of one, by first letter."""
    items = []
    for region in index.regions.values():
        for municipality in region.municipalities:
            items.append(AzItem(municipality.name, municipality, False))
            items += [AzItem(alias, municipality, True) for alias in municipality.aliases]
    items.sort(key=lambda item: (sort_key(item.name), item.alias))
    letters: dict[str, list[AzItem]] = {}
    for item in items:
        letters.setdefault(sort_key(item.name)[:1].upper(), []).append(item)
    return list(letters.items())
