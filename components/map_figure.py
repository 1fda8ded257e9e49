"""The map as a plotly figure (a plain dict), built in parts: the frame it shows, the countries shaded,
a trace per section of places, the groups of nearby places, the operations. The rows come from
``data/markers.py``."""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
import pandas as pd

from components.figures import MIXED_COLOUR
from components.i18n import _, current
from data.loader import Dataset
from data.markers import CLUSTER, clustered, country_counts, operations_markers, place_markers, view_box
from data.selection import Selection
from data.translations import formatted_number

LAND, OCEAN, SHADE = "#EDEBE6", "#F7FAFC", "#C9D6E3"
WORLD = (-40, 60), (-100, 150)  # (south, north), (west, east): the inhabited world, Antarctica left out
Box = tuple[tuple[float, float], tuple[float, float]]


def map_figure(
    selection: Selection,
    dataset: Dataset,
    *,
    highlight: Collection[str] = (),
    operations: bool = False,
    height: int | None = 460,
    legend: bool = True,
    zoom: bool = False,
    centre: tuple[list[float], list[float]] | None = None,
    area: tuple[float, ...] = (),
) -> dict:
    """The map as a plotly figure; ``highlight`` (place keys) enlarges those places (the presenter's locator
    map, a linked example); ``zoom`` frames the points shown rather than the world, ``centre`` (latitudes,
    longitudes) frames those points instead, ``area`` (south, west, north, east) that extent. Above a few
    hundred places, nearby ones are drawn as one marker with their count (``data.markers.clustered``)."""
    markers = place_markers(selection, dataset, current())
    layer = operations_markers(dataset, current()) if operations else None
    box = frame(markers, layer, zoom=zoom, centre=centre, area=area)
    markers = clustered(markers, box, current())
    grouped = markers["place_key"].str.startswith(CLUSTER)
    traces = [
        *country_traces(selection),
        *place_traces(markers[~grouped], dataset, highlight),
        *group_traces(markers[grouped]),
        *operations_traces(layer),
    ]
    if not traces:  # plotly draws no map at all without a geo trace: keep the world visible
        traces.append(dict(type="scattergeo", lat=[], lon=[], showlegend=False, hoverinfo="skip"))
    return {"data": traces, "layout": map_layout(box, height, legend)}


def frame(
    markers: pd.DataFrame,
    layer: pd.DataFrame | None,
    *,
    zoom: bool,
    centre: tuple[list[float], list[float]] | None,
    area: tuple[float, ...],
) -> Box:
    """The part of the world the map shows: around ``centre``'s points, the ``area`` asked for, around the
    points drawn (``zoom``), or the world."""
    if centre and centre[0]:
        return view_box(*centre)
    if area:
        return (area[0], area[2]), (area[1], area[3])
    if zoom:
        shown = [markers, *([layer] if layer is not None else [])]
        return view_box(
            [lat for rows in shown for lat in rows["latitude"].tolist()],
            [lon for rows in shown for lon in rows["longitude"].tolist()],
        )
    return WORLD


def country_traces(selection: Selection) -> list[dict]:
    """The countries with examples, shaded."""
    counts = country_counts(selection, current())
    if counts.empty:
        return []
    return [
        dict(
            type="choropleth",
            locations=counts["country"].tolist(),
            z=counts["count"].tolist(),
            locationmode="ISO-3",
            colorscale=[[0, SHADE], [1, SHADE]],
            showscale=False,
            marker={"line": {"color": "#8899AA"}},
            hovertext=counts["hover"].tolist(),
            hoverinfo="text",
            name=_("Countries with examples"),
            showlegend=False,
        )
    ]


def place_traces(markers: pd.DataFrame, dataset: Dataset, highlight: Collection[str]) -> list[dict]:
    """A trace per section of places (the legend's entries), ``highlight``'s places enlarged."""
    colours = {**dataset.section_colours, "several": MIXED_COLOUR}
    labels = {**dataset.section_short_names, "several": _("Several sections")}
    # numpy columns: masks per section cost microseconds, pandas selections a millisecond each
    column = {name: markers[name].to_numpy() for name in ("section", "latitude", "longitude", "place_key", "hover")}
    highlighted = np.isin(column["place_key"], list(highlight))
    sizes = 10 + 4 * np.sqrt(np.minimum(markers["count"].to_numpy(dtype=float), 100)) + 14 * highlighted
    traces = []
    for section in dict.fromkeys(column["section"]):
        mine = column["section"] == section
        traces.append(
            dict(
                type="scattergeo",
                lat=column["latitude"][mine].tolist(),
                lon=column["longitude"][mine].tolist(),
                customdata=column["place_key"][mine].tolist(),
                text=column["hover"][mine].tolist(),
                hoverinfo="text",
                mode="markers",
                name=labels.get(section, section),
                marker={
                    "size": sizes[mine].tolist(),
                    "color": colours.get(section, MIXED_COLOUR),
                    "opacity": 0.9,
                    "line": {"width": (1 + 3 * highlighted[mine]).tolist(), "color": "#111"},
                },
            )
        )
    return traces


def group_traces(groups: pd.DataFrame) -> list[dict]:
    """Nearby places drawn as one marker with their count (a click zooms into them)."""
    if groups.empty:
        return []
    return [
        dict(
            type="scattergeo",
            lat=groups["latitude"].tolist(),
            lon=groups["longitude"].tolist(),
            customdata=groups["place_key"].tolist(),
            text=[formatted_number(n, current()) for n in groups["count"]],
            hovertext=groups["hover"].tolist(),
            hoverinfo="text",
            mode="markers+text",
            textfont={"color": "#fff", "size": 12},
            name=_("Nearby places together (click to zoom in)"),
            marker={
                "size": (20 + 3 * np.sqrt(np.minimum(groups["count"].to_numpy(dtype=float), 400))).tolist(),
                "color": "#3D4F66",
                "opacity": 0.92,
                "line": {"width": 1.5, "color": "#fff"},
            },
        )
    ]


def operations_traces(layer: pd.DataFrame | None) -> list[dict]:
    """The operations of May 2013, where the map shows them."""
    if layer is None or layer.empty:
        return []
    return [
        dict(
            type="scattergeo",
            lat=layer["latitude"].tolist(),
            lon=layer["longitude"].tolist(),
            text=layer["hover"].tolist(),
            hoverinfo="text",
            mode="markers",
            name=_("Operations, May 2013"),
            marker={"symbol": "diamond-open", "size": 13, "color": "#333", "line": {"width": 2.5}},
        )
    ]


def map_layout(box: Box, height: int | None, legend: bool) -> dict:
    (south, north), (west, east) = box
    geo = {
        "projection": {"type": "natural earth"},
        "resolution": 110,
        "showland": True,
        "landcolor": LAND,
        "bgcolor": OCEAN,  # the sea as the map's background: an ocean layer cost 10 ms of each first draw
        "showcountries": True,
        "countrycolor": "#B8B2A7",
        "showcoastlines": True,
        "coastlinecolor": "#9C968C",
        "showframe": False,
        "lataxis": {"range": [south, north]},
        "lonaxis": {"range": [west, east]},
    }
    return {
        **({"height": height} if height else {}),
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "dragmode": "pan",
        "geo": geo,
        "legend": {"orientation": "h", "y": -0.02, "font": {"size": 14}},
        "hoverlabel": {"font": {"size": 15}},
        "clickmode": "event+select",
        "showlegend": legend,
    }
