"""Precompute one representative point per country from the map's own shapes.

Run once after changing ``static/topojson/world_110m.json``::

    python -m data.build_country_points

It writes ``data/country_points.csv``: the area-weighted centroid of each
country's largest polygon, so a marker always lands on the country's main land.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

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


def centroid(ring: list[Point]) -> tuple[float, Point]:
    """Area and centroid of a closed ring (shoelace formula)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if area == 0:
        xs, ys = zip(*ring)
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return abs(area), (cx / (6 * area), cy / (6 * area))


def country_points(topology: dict) -> dict[str, Point]:
    arcs = decode_arcs(topology)
    points = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        iso3 = geometry.get("id")
        if not iso3 or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        outer_rings = [ring_points(polygon[0], arcs) for polygon in polygons if polygon]
        if not outer_rings:
            continue
        _, (lon, lat) = max((centroid(ring) for ring in outer_rings), key=lambda item: item[0])
        points[iso3] = (round(lat, 2), round(lon, 2))
    return points


def main() -> None:
    points = country_points(json.loads(TOPOJSON.read_text(encoding="utf-8")))
    with OUTPUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["country", "latitude", "longitude"])
        for iso3 in sorted(points):
            writer.writerow([iso3, *points[iso3]])
    print(f"wrote {len(points)} country points to {OUTPUT}")


if __name__ == "__main__":
    main()
