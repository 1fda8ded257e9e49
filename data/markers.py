"""What the map and the timeline draw, as tables: one marker per place, one per (section, span).

Pure functions of the selection, the dataset and the language; the figures in
``components/map_figure.py`` and ``timeline_figure.py`` only turn these tables into plotly traces.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from markupsafe import escape

from data.countries import country_name, country_points
from data.grouping import group_rows
from data.loader import Dataset
from data.missions import mission_line, mission_names
from data.schema import split_list
from data.selection import Selection
from data.translations import catalog, formatted_number, plural_form

HOVER_TITLES = 6  # examples named in a map marker's hover text
TITLES_IN_HOVER = 4  # ... in a timeline marker's
LABEL_CHARACTER_PX, NARROW_YEAR_PX = 7, 25  # a milestone label's letters, and a year on a 1280-pixel screen


def examples_line(count: int, lang: str) -> str:
    return plural_form("{count} example", "{count} examples", count, lang)


def more_line(count: int, shown: int, lang: str) -> str:
    if count <= shown:
        return ""
    return "<br>" + catalog(lang).gettext("… and {count} more").format(count=formatted_number(count - shown, lang))


def example_lines(dataset: Dataset, lang: str) -> pd.Series:
    """Each example's line in a map marker's hover text (its title, year, section and mission), by id:
    escaped once per dataset and language."""

    def lines() -> pd.Series:
        examples = dataset.examples
        names, missions = dataset.section_names, mission_names(dataset.missions, lang)
        return pd.Series(
            [
                f"• {escape(t)} ({escape(y)}, {escape(names.get(s, s))}; {escape(mission_line(m, b, missions, lang))})"
                for t, y, s, m, b in zip(
                    examples["title"].tolist(),
                    examples["year_label"].tolist(),
                    examples["section"].tolist(),
                    examples["missions"].tolist(),
                    examples["mission_basis"].tolist(),
                )
            ],
            index=examples["id"].tolist(),
            dtype=object,
        )

    return dataset.derived.get("example lines", lang, lines, limit=3)


def place_markers(selection: Selection, dataset: Dataset, lang: str) -> pd.DataFrame:
    """One marker per place: how many examples, their section (or "several"), and a hover text naming a few."""
    places = selection.places
    columns = ["place", "place_key", "latitude", "longitude", "country"]
    if places.empty:
        return pd.DataFrame(columns=[*columns, "count", "section", "hover"])
    rows = group_rows(places, ["place", "latitude", "longitude"])
    grouped = places[[*columns, "section"]].iloc[rows.first].reset_index(drop=True)
    grouped["count"] = rows.sizes
    grouped["section"] = grouped["section"].where(~rows.varies(places["section"]), "several")
    # Hover lines for the first few examples of each place only: cheap at any size.
    leading = rows.leading(HOVER_TITLES)
    lines = rows.join(
        leading, example_lines(dataset, lang).reindex(places["example_id"].iloc[leading]).tolist(), "<br>"
    )
    grouped["hover"] = [
        f"<b>{escape(p)}</b>, {escape(country_name(c, lang))}<br>{examples_line(n, lang)}<br>{text}"
        + more_line(n, HOVER_TITLES, lang)
        for p, c, n, text in zip(
            grouped["place"].tolist(), grouped["country"].tolist(), grouped["count"].tolist(), lines
        )
    ]
    return grouped


def country_counts(selection: Selection, lang: str) -> pd.DataFrame:
    """Countries with examples: how many, and a hover text."""
    counts = selection.places["country"].value_counts()
    return pd.DataFrame(
        {
            "country": list(counts.index),
            "count": counts.tolist(),
            "hover": [f"{escape(country_name(c, lang))}: {examples_line(n, lang)}" for c, n in counts.items()],
        }
    )


def timeline_markers(examples: pd.DataFrame, highlight: str, lang: str) -> pd.DataFrame:
    """One marker per (section, span): how many examples, a few titles, and whether it holds ``highlight``."""
    columns = ["section", "year_label", "year_start", "year_end", "open_end"]
    if examples.empty:
        return pd.DataFrame(columns=[*columns, "dated", "count", "highlight", "hover"])
    rows = group_rows(examples, ["section", "year_label"])
    groups = examples[columns].iloc[rows.first].reset_index(drop=True)
    groups["dated"] = groups["year_start"].notna()
    groups["count"] = rows.sizes
    groups["highlight"] = rows.any(examples["id"] == highlight)
    # Hover text names the first few examples of each marker only: cheap at any size.
    leading = rows.leading(TITLES_IN_HOVER)
    shown = examples[["title", "place", "year_note"]].iloc[leading]
    lines = rows.join(
        leading,
        (
            f"<b>{escape(t)}</b> ({escape(p)})" + (f"<br><i>{escape(n)}</i>" if n else "")
            for t, p, n in zip(shown["title"].tolist(), shown["place"].tolist(), shown["year_note"].tolist())
        ),
        "<br>",
    )
    groups["hover"] = [
        f"{escape(label)} · {examples_line(n, lang)}<br>{text}" + more_line(n, TITLES_IN_HOVER, lang)
        for label, n, text in zip(groups["year_label"].tolist(), groups["count"].tolist(), lines)
    ]
    return groups


def label_levels(years: list[float], texts: list[str], levels: int = 4) -> list[int]:
    """The level of each label (in order of year): the lowest one where it does not overlap the label
    before it, its width estimated on a narrow timeline (labels that fit there fit on a wider one)."""
    ends = [-np.inf] * levels
    chosen = []
    for year, text in zip(years, texts):
        half = len(text) * LABEL_CHARACTER_PX / NARROW_YEAR_PX / 2
        level = next((i for i, end in enumerate(ends) if end < year - half), int(np.argmin(ends)))
        ends[level] = year + half
        chosen.append(level)
    return chosen


def milestone_positions(milestones: pd.DataFrame) -> tuple[list[float], list[int]]:
    """Each milestone's place on the year axis (its year and the part of it gone by) and its label's level."""
    years = [d.year + (d.day_of_year - 1) / 365 for d in milestones["date"]]
    return years, label_levels(years, milestones["short"].tolist())


def spread(latitude: float, longitude: float, index: int, count: int, radius: float = 0.4) -> tuple[float, float]:
    """The ``index``-th of ``count`` markers at one point, on a small circle around it (one: the point)."""
    if count == 1:
        return latitude, longitude
    angle = 2 * math.pi * index / count
    return latitude + radius * math.sin(angle), longitude + radius * math.cos(angle)


def operations_markers(dataset: Dataset, lang: str) -> pd.DataFrame:
    """The DPKO-led operations of May 2013 at their own point (UNAMID at El Fasher, Darfur) or their
    country's (inside the country), in ``lang``."""
    missions = dataset.missions[dataset.missions["operating_may_2013"] == "true"]
    points = country_points()
    names = mission_names(dataset.missions, lang)
    translations = catalog(lang)
    rows = [
        (m.acronym, code, m.name, m.start, m.latitude, m.longitude)
        for m in missions.itertuples()
        for code in split_list(m.country)
        if code in points.index
    ]
    frame = pd.DataFrame(rows, columns=["acronym", "country", "name", "start", "own_latitude", "own_longitude"])
    at = frame.groupby("country").cumcount().to_numpy()
    sharing = frame.groupby("country")["acronym"].transform("size").to_numpy()
    placed = [
        (float(own_lat), float(own_lon))
        if own_lat
        else spread(points.loc[code, "latitude"], points.loc[code, "longitude"], i, n)
        for code, i, n, own_lat, own_lon in zip(
            frame["country"], at, sharing, frame.pop("own_latitude"), frame.pop("own_longitude")
        )
    ]
    frame["latitude"] = [lat for lat, _ in placed]
    frame["longitude"] = [lon for _, lon in placed]
    frame["hover"] = [
        f"<b>{escape(names.get(a, a))}</b>"
        + (f" · {escape(name)}" if lang == "en" else "")
        + f"<br>{escape(country_name(code, lang))} · {escape(translations.gettext('Since {year}').format(year=start))}"
        for a, code, name, start in zip(frame["acronym"], frame["country"], frame["name"], frame["start"])
    ]
    return frame


WORLD = ((-50.0, 75.0), (-170.0, 190.0))  # latitude and longitude ranges of the whole inhabited world
NATURAL_EARTH_X = 0.8  # on screen, a degree of longitude is about 0.8 of one of latitude (natural earth, low latitudes)


def unplaced_operations(dataset: Dataset, lang: str) -> list[str]:
    """The operations of May 2013 without a single country (the map leaves them out), as ``lang`` writes them."""
    missions = dataset.missions
    missions = missions[(missions["operating_may_2013"] == "true") & (missions["country"] == "")]
    return [getattr(m, f"acronym_{lang}", "") or m.acronym for m in missions.itertuples()]


def view_box(
    latitudes: list[float], longitudes: list[float], aspect: float = 2.3
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Latitude and longitude ranges that show every point with a margin, in a frame ``aspect`` times
    as wide as high (the explore map's proportions), never narrower than a region."""
    if not latitudes:
        return WORLD
    low, high = min(latitudes) - 8, max(latitudes) + 8
    west, east = min(longitudes) - 12, max(longitudes) + 12
    lat_span = max(high - low, 30.0, (east - west) * NATURAL_EARTH_X / aspect)
    lon_span = min(max(east - west, lat_span * aspect / NATURAL_EARTH_X), 360.0)
    middle, centre = (low + high) / 2, (west + east) / 2
    south = min(max(middle - lat_span / 2, -60.0), 85.0 - lat_span)
    return (round(south, 2), round(south + lat_span, 2)), (
        round(centre - lon_span / 2, 2),
        round(centre + lon_span / 2, 2),
    )


CLUSTER_ABOVE = 300  # places on the map beyond which nearby markers are drawn as one
CLUSTER = "cluster:"  # a cluster marker's key: "cluster:south,west,north,east" (its places' extent)

Box = tuple[tuple[float, float], tuple[float, float]]  # (south, north), (west, east)


def joined(close: np.ndarray) -> np.ndarray:
    """Connected groups of a symmetric "close to" matrix: a group number per row."""
    group = np.arange(len(close))
    for a, b in np.argwhere(np.triu(close, 1)):
        old, new = group[b], group[a]
        group[group == old] = new
    return pd.factorize(group)[0]


def cluster_groups(
    latitude: np.ndarray, longitude: np.ndarray, weight: np.ndarray, box: Box, limit: int = CLUSTER_ABOVE
) -> np.ndarray:
    """A group number per place: places fall into the cells of a grid laid over ``box`` (each about as
    wide as a big marker, widened until fewer than ``limit`` cells hold places), and cells whose
    weighted centres are closer than half a cell are one group (places astride a cell's edge)."""
    (south, north), (west, east) = box
    cell = max((north - south) / 8, (east - west) / 14, 1e-6)
    while True:
        cells = pd.factorize(pd.Series(np.floor(latitude / cell)) * 100_000 + np.floor(longitude / cell))[0]
        if cells.max() < limit:
            break
        cell *= 1.5
    total = np.bincount(cells, weights=weight)
    centre_lat = np.bincount(cells, weights=weight * latitude) / total
    centre_lon = np.bincount(cells, weights=weight * longitude) / total
    close = np.hypot(centre_lat[:, None] - centre_lat[None, :], centre_lon[:, None] - centre_lon[None, :]) < cell / 2
    return joined(close)[cells]


def clustered(markers: pd.DataFrame, box: Box, lang: str, limit: int = CLUSTER_ABOVE) -> pd.DataFrame:
    """Above ``limit`` places, nearby places as one marker with their count (``cluster_groups``). A click
    on such a marker zooms into its extent, where its places part."""
    if len(markers) <= limit:
        return markers
    weight = markers["count"].to_numpy(float)
    groups = cluster_groups(
        markers["latitude"].to_numpy(float), markers["longitude"].to_numpy(float), weight, box, limit
    )
    size = np.bincount(groups)
    alone = markers[size[groups] == 1]
    many = markers[size[groups] > 1].assign(group=groups[size[groups] > 1], weight=weight[size[groups] > 1])
    many = many.assign(lat_w=many["latitude"] * many["weight"], lon_w=many["longitude"] * many["weight"])
    summary = many.groupby("group", sort=False).agg(
        count=("count", "sum"),
        places=("place_key", "size"),
        lat_w=("lat_w", "sum"),
        lon_w=("lon_w", "sum"),
        weight=("weight", "sum"),
        south=("latitude", "min"),
        north=("latitude", "max"),
        west=("longitude", "min"),
        east=("longitude", "max"),
        sections=("section", "nunique"),
        section=("section", "first"),
    )
    _ = catalog(lang).gettext
    clusters = pd.DataFrame(
        {
            "place": "",
            "place_key": [
                f"{CLUSTER}{s:.3f},{w:.3f},{n:.3f},{e:.3f}"
                for s, w, n, e in zip(summary["south"], summary["west"], summary["north"], summary["east"])
            ],
            "latitude": (summary["lat_w"] / summary["weight"]).to_numpy(),
            "longitude": (summary["lon_w"] / summary["weight"]).to_numpy(),
            "country": "",
            "section": summary["section"].where(summary["sections"] == 1, "several").to_numpy(),
            "count": summary["count"].to_numpy(),
            "hover": [
                _("<b>{examples} at {places} places</b><br>Click to zoom in.").format(
                    examples=examples_line(n, lang), places=formatted_number(p, lang)
                )
                for n, p in zip(summary["count"], summary["places"])
            ],
        }
    )
    return pd.concat([alone, clusters], ignore_index=True)


def area_of(key: str) -> tuple[float, float, float, float] | None:
    """The extent (south, west, north, east) a cluster marker's key names, or None for a place's key."""
    if not key.startswith(CLUSTER):
        return None
    south, west, north, east = (float(v) for v in key.removeprefix(CLUSTER).split(","))
    return south, west, north, east
