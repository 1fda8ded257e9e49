"""The timeline: examples at their stated year or span, undated ones in their own lane, milestones."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st
from markupsafe import escape

from components.charts import plot
from components.i18n import N_, _, ngettext, number
from data.grouping import group_rows
from data.loader import Dataset
from data.selection import Selection

UNDATED_LANE = N_("Year not stated")
MILESTONE_COLOUR = "#6B6B6B"
TITLES_IN_HOVER = 4


def grouped(examples: pd.DataFrame, highlight: str) -> pd.DataFrame:
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
    shown = examples[["title", "place"]].iloc[leading]
    lines = rows.join(
        leading,
        (f"<b>{escape(t)}</b> ({escape(p)})" for t, p in zip(shown["title"].tolist(), shown["place"].tolist())),
        "<br>",
    )
    groups["hover"] = [
        f"{escape(label)} · {ngettext('{count} example', '{count} examples', n)}<br>{text}"
        + ("<br>" + _("… and {count} more").format(count=number(n - TITLES_IN_HOVER)) if n > TITLES_IN_HOVER else "")
        for label, n, text in zip(groups["year_label"].tolist(), groups["count"].tolist(), lines)
    ]
    return groups


def marker_trace(rows: np.ndarray, groups: dict, xs: list, lane: str, colour: str, symbol, axis: str) -> dict:
    """Markers for the groups at ``rows`` (one section): on the year axis (x) or the undated lane (x2)."""
    return dict(
        type="scatter",
        x=xs,
        y=[lane] * len(xs),
        mode="markers",
        hovertext=groups["hover"][rows].tolist(),
        hoverinfo="text",
        xaxis=axis,
        yaxis="y",
        marker={
            "color": colour,
            "size": groups["size"][rows].tolist(),
            "symbol": symbol,
            "line": {"color": "#111", "width": 1},
        },
    )


def timeline_figure(
    selection: Selection,
    dataset: Dataset,
    *,
    highlight: str = "",
    height: int = 380,
    milestones: bool = True,
    compact: bool = False,
) -> dict:
    """Dated examples on a year axis (one lane per section); undated ones in a separate labelled lane."""
    names = dataset.section_short_names
    lanes = [names[s] for s in dataset.sections["slug"]]
    table = grouped(selection.examples, highlight)
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
        colour, lane = dataset.section_colours.get(section, "#444"), names.get(section, section)
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
                    xaxis="x",
                    yaxis="y",
                )
            )
        if dated.any():
            symbols = np.where(groups["open_end"][dated], "triangle-right", "circle").tolist()
            xs = groups["start"][dated].astype(int).tolist()
            traces.append(marker_trace(dated, groups, xs, lane, colour, symbols, "x"))
        if undated.any():
            xs = [_(UNDATED_LANE)] * int(undated.sum())
            traces.append(marker_trace(undated, groups, xs, lane, colour, "square", "x2"))
    if not traces:  # plotly refuses a figure with no trace: keep the empty axes and the milestones
        traces.append(dict(type="scatter", x=[], y=[], xaxis="x", yaxis="y", hoverinfo="skip"))
    shapes, annotations = [], []
    if milestones:
        for level, milestone in enumerate(dataset.milestones.itertuples()):
            year = milestone.date.year + (milestone.date.day_of_year - 1) / 365
            shapes.append(
                {
                    "type": "line",
                    "xref": "x",
                    "yref": "y domain",
                    "x0": year,
                    "x1": year,
                    "y0": 0,
                    "y1": 1,
                    "line": {"color": MILESTONE_COLOUR, "dash": "dot", "width": 1},
                }
            )
            annotations.append(
                {
                    "x": year,
                    "xref": "x",
                    "y": 1.0,
                    "yref": "y domain",
                    "yshift": 4 + 20 * (level % 3),
                    "text": escape(milestone.short),
                    "showarrow": False,
                    "yanchor": "bottom",
                    "font": {"size": 13, "color": "#333"},
                    "hovertext": f"{escape(milestone.title)}: {escape(milestone.description)}",
                }
            )
    examples = selection.examples
    low = min(
        examples["year_start"].min(skipna=True) if examples["year_start"].notna().any() else 2000,
        dataset.milestones["date"].dt.year.min(),
    )
    high = max(
        examples["year_end"].max(skipna=True) if examples["year_end"].notna().any() else 2014,
        dataset.milestones["date"].dt.year.max(),
    )
    layout = {
        "height": height,
        "showlegend": False,
        "hoverlabel": {"font": {"size": 15}},
        "plot_bgcolor": "white",
        "margin": {"l": 10, "r": 10, "t": 75 if milestones else 10, "b": 30},
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
        layout |= {"shapes": shapes, "annotations": annotations}
    return {"data": traces, "layout": layout}


def render_timeline(selection: Selection, dataset: Dataset) -> None:
    plot(timeline_figure(selection, dataset), config={"displaylogo": False}, key="timeline", width="stretch")
    st.caption(
        _(
            'Bars show spans, ▶ marks an open-ended span ("since"), dotted lines the normative milestones. '
            "Examples whose source states no year sit in the right-hand lane, never at an invented year. "
            "Larger markers hold several examples."
        )
    )
