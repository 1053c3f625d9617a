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
- **Neighbours** (`Layer.neighbours`): two areas that share an arc share a border.
- **Label points** (`Layer.label_point`): the point of an area's largest polygon farthest from its
  border (found on a grid, then on finer grids around the best point), where a label stays inside
  the area even when the area is bent or thin and its centroid lies outside it.

Ring winding is ignored: the paths are drawn with the non-zero rule by SVG. A few polygons have
inner rings (Zeeland's waters): the label point keeps out of them.
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

    def neighbours(self) -> dict[str, set[str]]:
        """Each area's neighbours: the areas it shares a border (an arc) with."""
        users: dict[int, set[str]] = {}
        for code, polygons in self.areas.items():
            for polygon in polygons:
                for ring in polygon:
                    for arc in ring:
                        users.setdefault(arc if arc >= 0 else ~arc, set()).add(code)
        found: dict[str, set[str]] = {code: set() for code in self.areas}
        for codes in users.values():
            for code in codes:
                found[code] |= codes - {code}
        return found

    def label_point(self, code: str) -> tuple[int, int]:
        """Where a label of this area goes: inside its largest polygon (outside its holes), as far
        from any border as a grid of about 20 by 20 points, refined twice around the best, finds."""
        rings = max(
            ([self._ring_points(ring) for ring in polygon] for polygon in self.areas[code]),
            key=lambda rings: _area(rings[0]),
        )
        xs, ys = [x for x, _ in rings[0]], [y for _, y in rings[0]]
        step = max(max(xs) - min(xs), max(ys) - min(ys)) / 20 or 1
        best, margin = rings[0][0], -1.0
        candidates = _grid(min(xs), max(xs), min(ys), max(ys), step)
        for _ in range(3):
            for point in candidates:
                if sum(_inside(point, ring) for ring in rings) == 1:  # in the outer ring, in no hole
                    distance = min(_border_distance(point, ring) for ring in rings)
                    if distance > margin:
                        best, margin = point, distance
            x, y = best
            candidates = _grid(x - step, x + step, y - step, y + step, step / 4)
            step /= 4
        return round(best[0]), round(best[1])

    def _ring_points(self, ring: tuple[int, ...]) -> list[tuple[int, int]]:
        points: list[tuple[int, int]] = []
        for arc in ring:
            line = self.arcs[arc] if arc >= 0 else self.arcs[~arc][::-1]
            points.extend(line[1:] if points else line)
        return points


def _area(ring: list[tuple[int, int]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def _grid(x1: float, x2: float, y1: float, y2: float, step: float) -> list[tuple[float, float]]:
    count_x, count_y = int((x2 - x1) / step) + 1, int((y2 - y1) / step) + 1
    return [(x1 + i * step, y1 + j * step) for i in range(count_x) for j in range(count_y)]


def _inside(point: tuple[float, float], ring: list[tuple[int, int]]) -> bool:
    """Ray casting: a ray from the point crosses the ring's border an odd number of times."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _border_distance(point: tuple[float, float], ring: list[tuple[int, int]]) -> float:
    x, y = point
    nearest = math.inf
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        dx, dy = x2 - x1, y2 - y1
        length = dx * dx + dy * dy
        t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length)) if length else 0.0
        nearest = min(nearest, math.hypot(x - x1 - t * dx, y - y1 - t * dy))
    return nearest


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
