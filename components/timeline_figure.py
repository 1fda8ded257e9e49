"""The timeline as a plotly figure (a plain dict): the examples by year and section, an undated lane,
the source's milestones dotted and the later resolutions dashed and lighter, with a legend of both;
the labels placed on levels so they do not overlap. The rows come from ``data/markers.py``."""

from __future__ import annotations

import numpy as np
import pandas as pd
from markupsafe import escape

from components.figures import MIXED_COLOUR
from components.i18n import N_, _, current
from data.loader import LATER_KIND, Dataset
from data.markers import milestone_positions, timeline_markers
from data.selection import Selection

UNDATED_LANE = N_("Year not stated")
MILESTONE_COLOUR = "#6B6B6B"
LATER_COLOUR, LATER_TEXT_COLOUR = "#B3B3B3", "#6E6E6E"  # lighter than the source's; text still 5:1 on white


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


def milestone_marks(milestones: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    """A line and a label per milestone, labels on up to four levels: dotted for the source's
    milestones, dashed and lighter for the later resolutions (context, not from the source)."""
    shapes, annotations = [], []
    years, levels = milestone_positions(milestones)
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
        # the same for every selection of this dataset (whose language it is): made once
        shapes, annotations = dataset.derived.get("milestone marks", later, lambda: milestone_marks(marks), limit=2)
        layout |= {"shapes": shapes, "annotations": annotations}
        traces += milestone_legend(later)
    return {"data": traces, "layout": layout}
