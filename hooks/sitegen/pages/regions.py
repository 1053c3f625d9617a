"""What is where: for each labour-market region, its municipalities, networks and initiatives.

The answer to a reader's first question ("what is there for my municipality?") derives from the
records and the CBS table (`records/places.py`) in one place, used by the map, the region pages, the A–Z
list of municipalities and the look-up box:

- an initiative is in its `labour_market_region` and in the region of each of its
  `municipalities` (one that spans two regions counts in both);
- an active network covers the municipalities of its `provinces` and of its
  `labour_market_regions`, and so every region with at least one of those municipalities
  (a region across a province border may be covered in part: its page says which provinces).

Regions are known by their vocabulary code (`drenthe`), which is also their address
(`/regios/drenthe/`); their CBS code (`AM03`) joins them to the table and the boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records.catalog import Catalog, Entry
from ..records.places import Municipality, fold, sort_key


@dataclass
class Region:
    code: str  # vocabulary code, e.g. drenthe
    cbs_code: str  # AM03
    municipalities: list[Municipality]
    provinces: list[str]  # vocabulary codes of the provinces its municipalities lie in
    initiatives: list[Entry] = field(default_factory=list)
    networks: list[Entry] = field(default_factory=list)
    network_provinces: dict[str, list[str]] = field(default_factory=dict)
    """Network id -> the provinces (codes) through which it covers part of this region; empty when
    it covers the region by name or all of it."""


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
            for code, via in self._network_regions(entry).items():
                self.regions[code].networks.append(entry)
                self.regions[code].network_provinces[entry.id] = via
        for region in self.regions.values():
            region.initiatives.sort(key=lambda e: fold(e.record.title.first))

    def initiative_regions(self, entry: Entry) -> list[str]:
        """The regions an initiative counts in: its own, then those of its municipalities."""
        record = entry.record
        codes = [record.labour_market_region]
        for name in record.municipalities:
            code = self.region_by_cbs.get(self.catalog.places.by_name[name].region)
            if code and code not in codes:
                codes.append(code)
        return codes

    def _network_regions(self, entry: Entry) -> dict[str, list[str]]:
        """Region code -> provinces through which the network covers only part of it ([] = all)."""
        record = entry.record
        named = set(record.labour_market_regions)
        province_codes = {
            self.catalog.vocabularies.provinces[code].cbs_code: code for code in record.provinces
        }
        found: dict[str, list[str]] = {}
        for code, region in self.regions.items():
            if code in named:
                found[code] = []
                continue
            inside = [m for m in region.municipalities if m.province in province_codes]
            if inside:
                partial = len(inside) < len(region.municipalities)
                found[code] = sorted({province_codes[m.province] for m in inside}) if partial else []
        return found

    def network_area(self, entry: Entry) -> tuple[list[str], list[str]]:
        """(CBS codes of its provinces, CBS codes of its named regions): what its outline encloses."""
        vocabularies = self.catalog.vocabularies
        return (
            [vocabularies.provinces[code].cbs_code for code in entry.record.provinces],
            [
                vocabularies.labour_market_regions[code].cbs_code
                for code in entry.record.labour_market_regions
            ],
        )

    def region_of(self, municipality: Municipality) -> Region | None:
        code = self.region_by_cbs.get(municipality.region)
        return self.regions.get(code) if code else None

    def networks_of(self, municipality: Municipality) -> list[Entry]:
        """The active networks that work in this municipality (by its province or its region)."""
        region = self.region_of(municipality)
        province = self.province_by_cbs.get(municipality.province)
        if region is None:
            return []
        return [
            entry
            for entry in region.networks
            if not region.network_provinces[entry.id] or province in region.network_provinces[entry.id]
        ]


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
