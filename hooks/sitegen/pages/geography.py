"""Map geometry: the CBS boundaries of `content/geo/` projected to SVG path data at build time.

The boundaries are TopoJSON (12 provinces, 35 labour-market regions, WGS84 longitude/latitude,
simplified by cartomap/nl). TopoJSON stores every border once, as an arc shared by the areas on
either side, so this module needs no geometry library:

- **Projection**: equirectangular, with longitude scaled by cos(52.2°), the latitude of the middle
  of the Netherlands. Over 3 degrees of latitude this keeps distances and shapes within about 3%
  (far below what the simplified boundaries show) and the map looks like the familiar one. `y`
  grows southwards, as SVG wants. Coordinates are rounded to whole units of `km_per_unit`
  kilometres (0.5 km for the large map, 2 km for the small locator maps); points that round onto
  the previous one are dropped.
- **Simplification**: each arc is simplified on its own with Douglas–Peucker (its end points stay),
  so a border shared by two areas is simplified once and stays shared: no gaps, no overlaps.
- **Areas** (`Layer.path`): the rings of a polygon are its arcs joined end to end.
- **Outlines** (`Layer.outline`): the outer border of a set of areas is the arcs used by exactly one
  of them (an arc between two areas of the set is inside it), the way `topojson.mesh` finds it.

Ring winding is ignored: the paths are drawn with the non-zero rule by SVG, and holes (none in
these files) would need `fill-rule="evenodd"`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from ..records.caches import per_build

PROVINCES_FILE = "provincies-2025.topojson"
REGIONS_FILE = "arbeidsmarktregios-2025.topojson"
BOUNDARY_YEAR = 2025

# The frame of every map: the Netherlands with a small margin (degrees).
WEST, EAST, SOUTH, NORTH = 3.30, 7.27, 50.70, 53.60
_KM_PER_DEGREE = 111.2
_COS_LATITUDE = math.cos(math.radians(52.2))


@dataclass(frozen=True)
class Layer:
    """The areas of one TopoJSON file, projected at one scale."""

    width: int
    height: int
    areas: dict[str, tuple[tuple[tuple[int, ...], ...], ...]]  # CBS code -> polygons -> rings -> arc ids
    names: dict[str, str]  # CBS code -> CBS name
    arcs: tuple[tuple[tuple[int, int], ...], ...]  # projected points of each arc

    def path(self, code: str) -> str:
        """SVG path data of one area (all its polygons)."""
        return "".join(
            _ring_path(self._ring_points(ring)) for polygon in self.areas[code] for ring in polygon
        )

    def outline(self, codes) -> str:
        """SVG path data of the outer border of a set of areas (open paths, for a stroke)."""
        return self.arcs_path(self.outline_arcs(codes))

    def arcs_path(self, arcs) -> str:
        """SVG path data of these arcs, each once (open paths, for a stroke)."""
        return "".join(_line_path(self.arcs[index]) for index in sorted(arcs))

    def outline_arcs(self, codes) -> set[int]:
        """The arcs of the outer border of a set of areas: those used by exactly one of them."""
        count: dict[int, int] = {}
        for code in codes:
            for polygon in self.areas[code]:
                for ring in polygon:
                    for arc in ring:
                        index = arc if arc >= 0 else ~arc
                        count[index] = count.get(index, 0) + 1
        return {index for index, used in count.items() if used == 1}

    def _ring_points(self, ring: tuple[int, ...]) -> list[tuple[int, int]]:
        points: list[tuple[int, int]] = []
        for arc in ring:
            line = self.arcs[arc] if arc >= 0 else self.arcs[~arc][::-1]
            points.extend(line[1:] if points else line)
        return points


def _project(lon: float, lat: float, km_per_unit: float) -> tuple[int, int]:
    x = (lon - WEST) * _COS_LATITUDE * _KM_PER_DEGREE / km_per_unit
    y = (NORTH - lat) * _KM_PER_DEGREE / km_per_unit
    return round(x), round(y)


def _simplify(points: list[tuple[int, int]], tolerance: float) -> list[tuple[int, int]]:
    """Douglas–Peucker: keep the points further than `tolerance` from the line through the kept ones."""
    if tolerance <= 0 or len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            x, y = points[index]
            if length:
                d = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length
            else:
                d = math.hypot(x - x1, y - y1)
            if d > distance:
                farthest, distance = index, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep) if kept]


def _dedupe(points: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    kept = [points[0]]
    for point in points[1:]:
        if point != kept[-1]:
            kept.append(point)
    if len(kept) == 1 and len(points) > 1:
        kept.append(points[-1])  # an arc that rounds to one point still joins its neighbours
    return tuple(kept)


def _relative(points) -> str:
    """`M x y l dx dy dx dy …`: relative steps are short; a minus sign needs no separator."""
    (x0, y0), *rest = points
    text = f"M{x0} {y0}"
    if rest:
        steps = []
        px, py = x0, y0
        for x, y in rest:
            steps.append(f"{x - px} {y - py}".replace(" -", "-"))
            px, py = x, y
        text += "l" + " ".join(steps).replace(" -", "-")
    return text


def _ring_path(points: list[tuple[int, int]]) -> str:
    if len(points) > 1 and points[0] == points[-1]:
        points = points[:-1]
    return _relative(points) + "z" if len(points) > 2 else ""


def _line_path(points) -> str:
    return _relative(points) if len(points) > 1 else ""


@per_build
def _load(path: str, mtime: float, km_per_unit: float, tolerance: float) -> Layer:
    topology = json.loads(Path(path).read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # delta-encoded, quantized
            x, y = x + dx, y + dy
            points.append(_project(x * sx + tx, y * sy + ty, km_per_unit))
        arcs.append(_dedupe(_simplify(points, tolerance)))
    (collection,) = topology["objects"].values()
    areas, names = {}, {}
    for geometry in collection["geometries"]:
        code = geometry["properties"]["statcode"]
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        areas[code] = tuple(tuple(tuple(ring) for ring in polygon) for polygon in polygons)
        names[code] = geometry["properties"]["statnaam"]
    width, height = _project(EAST, SOUTH, km_per_unit)
    return Layer(width=width, height=height, areas=areas, names=names, arcs=tuple(arcs))


def load_layer(folder: Path, file_name: str, km_per_unit: float, tolerance: float = 0.0) -> Layer:
    """One boundary file of `content/geo/` (`folder`), projected and simplified (`tolerance` in map
    units); read once per file, version and scale."""
    path = Path(folder) / file_name
    return _load(str(path), path.stat().st_mtime, km_per_unit, tolerance)
