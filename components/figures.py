"""The map and the timeline as plotly figures (plain dicts), shared by the explore view, the
presenter and the handouts, and drawn with ``plot()``. The rows come from ``data/markers.py``."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from markupsafe import escape

from components.i18n import N_, _, current
from data.loader import LATER_KIND, Dataset
from data.markers import (
    CLUSTER,
    clustered,
    country_counts,
    operations_markers,
    place_markers,
    timeline_markers,
    view_box,
)
from data.selection import Selection
from data.translations import formatted_number

# plotly.js fetches world_110m.json from this folder (served by Streamlit's static serving), not a CDN.
TOPOJSON_URL = "app/static/topojson/"
PLOT_CONFIG = {"topojsonURL": TOPOJSON_URL, "displaylogo": False, "responsive": True}
MIXED_COLOUR = "#444444"
LAND, OCEAN, SHADE = "#EDEBE6", "#F7FAFC", "#C9D6E3"
UNDATED_LANE = N_("Year not stated")
MILESTONE_COLOUR = "#6B6B6B"
LATER_COLOUR, LATER_TEXT_COLOUR = "#B3B3B3", "#6E6E6E"  # lighter than the source's; text still 5:1 on white
LABEL_CHARACTER_PX, NARROW_YEAR_PX = 7, 25  # a milestone label's letters, and a year on a 1280-pixel screen


def plot(spec: dict, **options: Any) -> Any:
    """``st.plotly_chart`` of a dict figure, skipping plotly's validation of it.

    Validating a dict costs more than building it (60 ms of a 10,000-example timeline); the tests
    validate every figure this app builds instead (tests/components/test_figures.py).
    """
    return st.plotly_chart(go.Figure(spec, _validate=False), **options)


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
    if centre and centre[0]:
        box = view_box(*centre)
    elif area:
        box = (area[0], area[2]), (area[1], area[3])
    elif zoom:
        layer = operations_markers(dataset, current()) if operations else markers.iloc[0:0]
        box = view_box(
            [*markers["latitude"].tolist(), *layer["latitude"].tolist()],
            [*markers["longitude"].tolist(), *layer["longitude"].tolist()],
        )
    else:
        box = (-40, 60), (-100, 150)
    markers = clustered(markers, box, current())
    groups = markers[markers["place_key"].str.startswith(CLUSTER)]
    markers = markers[~markers["place_key"].str.startswith(CLUSTER)]
    counts = country_counts(selection, current())
    traces: list[dict] = []
    if not counts.empty:
        traces.append(
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
        )
    colours = {**dataset.section_colours, "several": MIXED_COLOUR}
    labels = {**dataset.section_short_names, "several": _("Several sections")}
    # numpy columns: masks per section cost microseconds, pandas selections a millisecond each
    column = {name: markers[name].to_numpy() for name in ("section", "latitude", "longitude", "place_key", "hover")}
    highlighted = np.isin(column["place_key"], list(highlight))
    sizes = 10 + 4 * np.sqrt(np.minimum(markers["count"].to_numpy(dtype=float), 100)) + 14 * highlighted
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
    if not groups.empty:
        traces.append(
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
        )
    if operations and not (layer := operations_markers(dataset, current())).empty:
        traces.append(
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
        )
    (south, north), (west, east) = box
    if not traces:  # plotly draws no map at all without a geo trace: keep the world visible
        traces.append(dict(type="scattergeo", lat=[], lon=[], showlegend=False, hoverinfo="skip"))
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
    layout = {
        **({"height": height} if height else {}),
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "dragmode": "pan",
        "geo": geo,
        "legend": {"orientation": "h", "y": -0.02, "font": {"size": 14}},
        "hoverlabel": {"font": {"size": 15}},
        "clickmode": "event+select",
        "showlegend": legend,
    }
    return {"data": traces, "layout": layout}


def timeline_marker_trace(rows: np.ndarray, groups: dict, xs: list, lane: str, colour: str, symbol, axis: str) -> dict:
    """Markers for the groups at ``rows`` (one section): on the year axis (x) or the undated lane (x2)."""
    return dict(
        type="scatter",
        x=xs,
        y=[lane] * len(xs),
        mode="markers",
        hovertext=groups["hover"][rows].tolist(),
        hoverinfo="text",
        showlegend=False,
        xaxis=axis,
        yaxis="y",
        marker={
            "color": colour,
            "size": groups["size"][rows].tolist(),
            "symbol": symbol,
            "line": {"color": "#111", "width": 1},
        },
    )


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


def milestone_marks(milestones: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    """A line and a label per milestone, labels on up to four levels: dotted for the source's
    milestones, dashed and lighter for the later resolutions (context, not from the source)."""
    shapes, annotations = [], []
    years = [d.year + (d.day_of_year - 1) / 365 for d in milestones["date"]]
    levels = label_levels(years, milestones["short"].tolist())
    for year, level, milestone in zip(years, levels, milestones.itertuples()):
        later = milestone.kind == LATER_KIND
        shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "y domain",
                "x0": year,
                "x1": year,
                "y0": 0,
                "y1": 1,
                "line": {"color": LATER_COLOUR if later else MILESTONE_COLOUR, "dash": "dash" if later else "dot"}
                | {"width": 1},
            }
        )
        annotations.append(
            {
                "x": year,
                "xref": "x",
                "y": 1.0,
                "yref": "y domain",
                "yshift": 4 + 20 * level,
                "text": escape(milestone.short),
                "showarrow": False,
                "yanchor": "bottom",
                "font": {"size": 12 if later else 13, "color": LATER_TEXT_COLOUR if later else "#333"},
                "hovertext": f"{escape(milestone.title)}: {escape(milestone.description)}",
            }
        )
    return shapes, annotations


def milestone_legend(later: bool) -> list[dict]:
    """Two legend entries for the milestones' lines (the examples' colours are the sections')."""
    entries = [(_("Milestones in the source"), MILESTONE_COLOUR, "dot")]
    if later:
        entries.append((_("Later Security Council resolutions (context, not from the source)"), LATER_COLOUR, "dash"))
    return [
        dict(
            type="scatter",
            x=[None],
            y=[None],
            mode="lines",
            name=name,
            line={"color": colour, "dash": dash, "width": 2},
            showlegend=True,
            hoverinfo="skip",
            xaxis="x",
            yaxis="y",
        )
        for name, colour, dash in entries
    ]


def timeline_figure(
    selection: Selection,
    dataset: Dataset,
    *,
    highlight: str = "",
    height: int | None = 380,
    milestones: bool = True,
    later: bool = True,
    compact: bool = False,
) -> dict:
    """Dated examples on a year axis (one lane per section); undated ones in a separate labelled lane;
    ``milestones`` draws the normative framework's lines, ``later`` the resolutions after the source too."""
    names = dataset.section_short_names
    lanes = [names[s] for s in dataset.sections["slug"]]
    table = timeline_markers(selection.examples, highlight, current())
    # numpy columns: masks per section cost microseconds, pandas selections a millisecond each
    groups = {
        "section": table["section"].to_numpy(dtype=object),
        "dated": table["dated"].to_numpy(dtype=bool),
        "start": table["year_start"].to_numpy(dtype=float, na_value=np.nan),
        "end": table["year_end"].to_numpy(dtype=float, na_value=np.nan),
        "open_end": table["open_end"].to_numpy(dtype=bool),
        "hover": table["hover"].to_numpy(dtype=object),
        "size": 14
        + 4 * np.sqrt(np.minimum(table["count"].to_numpy(dtype=float), 50))
        + 12 * table["highlight"].to_numpy(dtype=bool),
    }
    traces = []
    for section in dict.fromkeys(groups["section"]):
        colour, lane = dataset.section_colours.get(section, MIXED_COLOUR), names.get(section, section)
        mine = groups["section"] == section
        dated, undated = mine & groups["dated"], mine & ~groups["dated"]
        spans = dated & (groups["end"] > groups["start"])
        if spans.any():  # bars for spans: one trace, segments separated by gaps
            xs = [x for s, e in zip(groups["start"][spans], groups["end"][spans]) for x in (int(s), int(e), None)]
            traces.append(
                dict(
                    type="scatter",
                    x=xs,
                    y=[lane, lane, None] * int(spans.sum()),
                    mode="lines",
                    line={"color": colour, "width": 8},
                    hoverinfo="skip",
                    showlegend=False,
                    xaxis="x",
                    yaxis="y",
                )
            )
        if dated.any():
            symbols = np.where(groups["open_end"][dated], "triangle-right", "circle").tolist()
            xs = groups["start"][dated].astype(int).tolist()
            traces.append(timeline_marker_trace(dated, groups, xs, lane, colour, symbols, "x"))
        if undated.any():
            xs = [_(UNDATED_LANE)] * int(undated.sum())
            traces.append(timeline_marker_trace(undated, groups, xs, lane, colour, "square", "x2"))
    if not traces:  # plotly refuses a figure with no trace: keep the empty axes and the milestones
        traces.append(dict(type="scatter", x=[], y=[], xaxis="x", yaxis="y", hoverinfo="skip", showlegend=False))
    examples = selection.examples
    marks = dataset.milestones if later and milestones else dataset.source_milestones
    low = min(
        examples["year_start"].min(skipna=True) if examples["year_start"].notna().any() else 2000,
        marks["date"].dt.year.min(),
    )
    high = max(
        examples["year_end"].max(skipna=True) if examples["year_end"].notna().any() else 2014,
        marks["date"].dt.year.max(),
    )
    layout = {
        **({"height": height} if height else {}),
        "showlegend": milestones,
        "legend": {"orientation": "h", "x": 0, "y": -0.12, "yanchor": "top", "itemclick": False}
        | {"itemdoubleclick": False, "font": {"size": 13}},
        "hoverlabel": {"font": {"size": 15}},
        "plot_bgcolor": "white",
        "margin": {"l": 10, "r": 10, "t": 95 if milestones else 10, "b": 70 if milestones else 30},
        "xaxis": {
            "domain": [0, 0.72 if compact else 0.8],
            "range": [int(low) - 1, int(high) + 1],
            "dtick": 4 if compact else 2,
            "tickformat": "d",
            "gridcolor": "#EEE",
        },
        "xaxis2": {
            "domain": [0.74 if compact else 0.815, 1],
            "type": "category",
            "categoryorder": "array",
            "categoryarray": [_(UNDATED_LANE)],
            "tickfont": {"size": 13, "color": "#333"},
            "showgrid": False,
        },
        "yaxis": {
            "type": "category",
            "categoryorder": "array",
            "categoryarray": lanes[::-1],
            "range": [-0.5, len(lanes) - 0.5],
            "tickfont": {"size": 13},
        },
    }
    if milestones:
        shapes, annotations = milestone_marks(marks)
        layout |= {"shapes": shapes, "annotations": annotations}
        traces += milestone_legend(later)
    return {"data": traces, "layout": layout}
