"""The site's maps, drawn at build time as SVG from the CBS boundaries: no tiles, no script, no
request to another host.

- **The region map** (inline on the home page, both overviews and the regions page; template
  `overrides/fragments/region-map.html`): the 35 labour-market regions, each a link to its page
  named "Drenthe: 3 initiatieven, 1 netwerk", filled by the number of initiatives in four classes
  with a colour *and* a pattern (colour is never the only carrier), each with its number (the
  regions in alphabetical order of the page's language) at its label point, the borders of the
  networks' areas drawn over them, a legend, a numbered key of the regions (each a link, so a
  region too small to tap on a phone has a target of its own), the data's credit, and the same
  facts as a table.
- **Locator maps** (`LOCATOR_DIR/regio-<code>.svg`, `.../netwerk-<id>.svg`): a small map with one
  region or one network's area highlighted, one file per area in each language build, shown by
  `<img>` with alt text on record and region pages, so those pages stay small and browsers cache
  the file.

The geometry comes from `geography.py`; what lies where from `regions.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records.caches import per_build
from ..records.catalog import Catalog, Entry
from ..records.i18n import Strings
from ..records.places import CLASSIFICATION_YEAR, fold
from ..site import LOCATOR_DIR, region_path
from .geography import BOUNDARY_YEAR, PROVINCES_FILE, REGIONS_FILE, Layer, load_layer
from .regions import Region, RegionIndex, region_index

MAP_SCALE = (0.5, 0.5)
"""The large map: kilometres per SVG unit, and the simplification tolerance in units."""
LOCATOR_SCALE = (2.0, 1.0)
"""The small locator maps: coarser, about 3 KB a file."""
CLASSES = ((0, 0), (1, 1), (2, 3), (4, None))
"""Classes of the number of initiatives in a region: (from, to); None is open-ended."""


def initiative_class(count: int) -> int:
    return next(
        index for index, (low, high) in enumerate(CLASSES) if count >= low and (high is None or count <= high)
    )


def count_text(strings: Strings, kind: str, count: int) -> str:
    """`1 initiatief`, `3 initiatieven`, `1 network`."""
    return strings.t(f"count-{kind}-{'one' if count == 1 else 'other'}", count=count)


@dataclass(frozen=True)
class MapRegion:
    code: str
    cbs_code: str
    label: str  # the region's name in the page's language
    name: str  # accessible name: "Drenthe: 3 initiatieven, 1 netwerk"
    href: str
    d: str
    klass: int
    initiatives: int
    networks: list[Entry]
    number: int  # its place in the key: the regions in alphabetical order
    x: int  # where its number stands on the map
    y: int


@dataclass(frozen=True)
class RegionMap:
    width: int
    height: int
    regions: list[MapRegion]  # in the key's order
    outline: str  # borders of the networks' areas
    legend: list[tuple[int, str]]  # (class, "2 tot 3 initiatieven")


def _layers(catalog: Catalog, scale: tuple[float, float]) -> tuple[Layer, Layer]:
    folder = catalog.places.folder
    return load_layer(folder, REGIONS_FILE, *scale), load_layer(folder, PROVINCES_FILE, *scale)


def network_outline(index: RegionIndex, entries: list[Entry], regions: Layer, provinces: Layer) -> str:
    """The outer borders of the networks' areas: of the provinces each names, and of the regions;
    a border that two networks share is drawn once."""
    province_arcs: set[int] = set()
    region_arcs: set[int] = set()
    for entry in entries:
        province_codes, region_codes = index.network_area(entry)
        province_arcs |= provinces.outline_arcs(province_codes)
        region_arcs |= regions.outline_arcs(region_codes)
    return provinces.arcs_path(province_arcs) + regions.arcs_path(region_arcs)


@dataclass(frozen=True)
class MapShapes:
    """What the map draws the same on every page and in each language: drawn once per catalog."""

    regions: Layer
    outline: str  # the borders of the active networks' areas
    label_points: dict[str, tuple[int, int]]  # CBS code -> where the region's number stands
    neighbours: dict[str, set[str]]  # CBS code -> the CBS codes of the regions that border it


@per_build(maxsize=4)
def _region_geometry(folder: str, scale: tuple[float, float]) -> tuple[dict, dict]:
    """Where each region's number stands, and which regions border it: the boundaries' alone (not
    the records'), so worked out once per build and boundary file."""
    layer = load_layer(folder, REGIONS_FILE, *scale)
    return {code: layer.label_point(code) for code in layer.areas}, layer.neighbours()


def map_shapes(catalog: Catalog) -> MapShapes:
    shapes = catalog.__dict__.get(_SHAPES_ATTRIBUTE)
    if shapes is None:
        regions_layer, provinces_layer = _layers(catalog, MAP_SCALE)
        label_points, bordering = _region_geometry(str(catalog.places.folder), MAP_SCALE)
        active = [
            entry for entry in catalog.entries.get("networks", {}).values() if entry.record.status == "active"
        ]
        shapes = catalog.__dict__[_SHAPES_ATTRIBUTE] = MapShapes(
            regions=regions_layer,
            outline=network_outline(region_index(catalog), active, regions_layer, provinces_layer),
            label_points=label_points,
            neighbours=bordering,
        )
    return shapes


def map_legend(strings: Strings) -> list[tuple[int, str]]:
    """(class, "2 tot 3 initiatieven") for each class of the map."""
    legend = []
    for klass, (low, high) in enumerate(CLASSES):
        if high == low == 0:  # an empty region is one the register does not describe yet
            legend.append((klass, strings.t("map-class-none")))
        elif high == low:
            legend.append((klass, count_text(strings, "initiatives", low)))
        elif high is None:
            legend.append((klass, strings.t("map-class-open", low=low)))
        else:
            legend.append((klass, strings.t("map-class-range", low=low, high=high)))
    return legend


def region_map(catalog: Catalog, lang: str, root: str) -> RegionMap:
    """What the region map shows in one language, with links relative to `root`."""
    strings = Strings(lang)
    index = region_index(catalog)
    shapes = map_shapes(catalog)
    labels = {code: catalog.label("labour_market_regions", code, lang) for code in index.regions}
    regions = []
    for number, code in enumerate(sorted(labels, key=lambda code: fold(labels[code])), start=1):
        region, label = index.regions[code], labels[code]
        count = len(region.initiatives)
        x, y = shapes.label_points[region.cbs_code]
        regions.append(
            MapRegion(
                code=region.code,
                cbs_code=region.cbs_code,
                label=label,
                name=strings.t(
                    "map-region-name",
                    region=label,
                    initiatives=count_text(strings, "initiatives", count),
                    networks=count_text(strings, "networks", len(region.networks)),
                ),
                href=root + region_path(region.code),
                d=shapes.regions.path(region.cbs_code),
                klass=initiative_class(count),
                initiatives=count,
                networks=region.networks,
                number=number,
                x=x,
                y=y,
            )
        )
    return RegionMap(
        width=shapes.regions.width,
        height=shapes.regions.height,
        regions=regions,
        outline=shapes.outline,
        legend=map_legend(strings),
    )


_SHAPES_ATTRIBUTE = "_vh_map_shapes"


def neighbours(catalog: Catalog, code: str) -> list[Region]:
    """The regions that share a border with this one on the map, in the order of the vocabulary."""
    index = region_index(catalog)
    bordering = map_shapes(catalog).neighbours[index.regions[code].cbs_code]
    return [region for region in index.regions.values() if region.cbs_code in bordering]


def credit(lang: str) -> str:
    """The CC BY 4.0 credit of the boundaries and the classification, shown beside every map."""
    return Strings(lang).t("map-credit", boundary_year=BOUNDARY_YEAR, year=CLASSIFICATION_YEAR)


# Locator maps ----------------------------------------------------------------------------------


def locator_name(kind: str, record_id: str) -> str:
    """File of the locator map of a region (`regions`) or a network (`networks`)."""
    return f"{LOCATOR_DIR}/{'regio' if kind == 'regions' else 'netwerk'}-{record_id}.svg"


_LOCATOR = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
    'width="{width}" height="{height}">'
    '<path fill="#dfe5ec" stroke="#ffffff" stroke-width="0.6" stroke-linejoin="round" d="{land}"/>'
    '<path fill="#154273" stroke="#0e2e52" stroke-width="0.6" stroke-linejoin="round" d="{area}"/>'
    "</svg>\n"
)


def locator_svgs(catalog: Catalog) -> dict[str, str]:
    """Every locator map by its file name: one per region of the vocabulary and one per network."""
    index = region_index(catalog)
    regions_layer, provinces_layer = _layers(catalog, LOCATOR_SCALE)
    land = "".join(regions_layer.path(code) for code in regions_layer.areas)
    files = {}
    for region in index.regions.values():
        if region.cbs_code in regions_layer.areas:
            files[locator_name("regions", region.code)] = _LOCATOR.format(
                width=regions_layer.width,
                height=regions_layer.height,
                land=land,
                area=regions_layer.path(region.cbs_code),
            )
    for entry in catalog.entries.get("networks", {}).values():
        province_codes, region_codes = index.network_area(entry)
        area = "".join(provinces_layer.path(code) for code in province_codes)
        area += "".join(regions_layer.path(code) for code in region_codes)
        files[locator_name("networks", entry.id)] = _LOCATOR.format(
            width=regions_layer.width, height=regions_layer.height, land=land, area=area
        )
    return files


def locator_size(catalog: Catalog) -> tuple[int, int]:
    regions_layer, _ = _layers(catalog, LOCATOR_SCALE)
    return regions_layer.width, regions_layer.height


def locator(entry: Entry, catalog: Catalog, lang: str) -> tuple[str, str, int, int]:
    """(file, alt text, width, height) of a record's locator map: the region of a record that lies
    in one (an initiative), else the area of its provinces and regions (a network)."""
    record = entry.record
    if getattr(record, "labour_market_region", None):
        return region_locator(record.labour_market_region, catalog, lang)
    if record.labour_market_regions:  # the area drawn: its regions, or its provinces when none is known
        areas = [catalog.label("labour_market_regions", code, lang) for code in record.labour_market_regions]
        alt = Strings(lang).t("locator-network", name=record.name, areas=", ".join(areas))
    else:
        areas = [catalog.label("provinces", code, lang) for code in record.provinces]
        alt = Strings(lang).t("locator-network-provinces", name=record.name, areas=", ".join(areas))
    return (locator_name("networks", entry.id), alt, *locator_size(catalog))


def region_locator(code: str, catalog: Catalog, lang: str) -> tuple[str, str, int, int]:
    """(file, alt text, width, height) of a region's locator map."""
    label = catalog.label("labour_market_regions", code, lang)
    return (
        locator_name("regions", code),
        Strings(lang).t("locator-region", region=label),
        *locator_size(catalog),
    )
