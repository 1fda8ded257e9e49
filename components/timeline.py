"""The timeline: examples at their stated year or span, undated ones in their own lane, milestones."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st
from markupsafe import escape
from plotly.subplots import make_subplots

from data.loader import Dataset
from data.selection import Selection

UNDATED_LANE = "Year not stated"
MILESTONE_COLOUR = "#6B6B6B"


def hover(example) -> str:
    return f"<b>{escape(example.title)}</b><br>{escape(example.place)}<br>{escape(example.year_label)}"


def timeline_figure(
    selection: Selection, dataset: Dataset, *, highlight: str = "", height: int = 380, milestones: bool = True
) -> go.Figure:
    """Dated examples on a year axis (one lane per section); undated ones in a separate labelled lane."""
    figure = make_subplots(rows=1, cols=2, shared_yaxes=True, column_widths=[0.8, 0.2], horizontal_spacing=0.015)
    names = dataset.section_short_names
    lanes = [names[s] for s in dataset.sections["slug"]]
    for section, group in selection.examples.groupby("section", sort=False):
        colour, lane = dataset.section_colours.get(section, "#444"), names.get(section, section)
        dated, undated = group[group["year_start"].notna()], group[group["year_start"].isna()]
        xs, ys, texts, symbols, sizes = [], [], [], [], []
        for example in dated.itertuples():
            ends = [int(example.year_start), int(example.year_end)]
            big = 10 * (example.id == highlight)
            xs += [*ends, None]
            ys += [lane, lane, None]
            texts += [hover(example)] * 2 + [None]
            symbols += ["triangle-right" if example.open_end else "circle"] * 2 + ["circle"]
            sizes += [16 + big] * 2 + [0]
        figure.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines+markers",
                name=lane,
                hovertext=texts,
                hoverinfo="text",
                line={"color": colour, "width": 8},
                connectgaps=False,
                marker={"color": colour, "size": sizes, "symbol": symbols, "line": {"color": "#111", "width": 1}},
            ),
            row=1,
            col=1,
        )
        if not undated.empty:
            figure.add_trace(
                go.Scatter(
                    x=[UNDATED_LANE] * len(undated),
                    y=[lane] * len(undated),
                    mode="markers",
                    showlegend=False,
                    hovertext=[hover(e) for e in undated.itertuples()],
                    hoverinfo="text",
                    name=lane,
                    marker={
                        "color": colour,
                        "size": [16 + 10 * (i == highlight) for i in undated["id"]],
                        "symbol": "square",
                        "line": {"color": "#111", "width": 1},
                    },
                ),
                row=1,
                col=2,
            )
    if milestones:
        for level, milestone in enumerate(dataset.milestones.itertuples()):
            year = milestone.date.year + (milestone.date.day_of_year - 1) / 365
            figure.add_vline(x=year, line={"color": MILESTONE_COLOUR, "dash": "dot", "width": 1}, row=1, col=1)
            figure.add_annotation(
                x=year,
                xref="x",
                y=1.0,
                yref="y domain",
                yshift=4 + 20 * (level % 3),
                text=escape(milestone.short),
                showarrow=False,
                xanchor="center",
                yanchor="bottom",
                font={"size": 13, "color": "#333"},
                hovertext=f"{escape(milestone.title)}: {escape(milestone.description)}",
            )
    years = [
        *selection.examples["year_start"].dropna(),
        *selection.examples["year_end"].dropna(),
        *dataset.milestones["date"].dt.year,
    ]
    low, high = (min(years), max(years)) if years else (2000, 2015)
    figure.update_xaxes(range=[low - 1, high + 1], dtick=2, tickformat="d", row=1, col=1, gridcolor="#EEE")
    figure.update_xaxes(
        type="category",
        categoryorder="array",
        categoryarray=[UNDATED_LANE],
        row=1,
        col=2,
        tickfont={"size": 13, "color": "#333"},
        showgrid=False,
    )
    figure.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=lanes[::-1],
        range=[-0.5, len(lanes) - 0.5],
        tickfont={"size": 13},
        row=1,
        col=1,
    )
    figure.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 75 if milestones else 10, "b": 30},
        showlegend=False,
        hoverlabel={"font_size": 15},
        plot_bgcolor="white",
    )
    return figure


def render_timeline(selection: Selection, dataset: Dataset) -> None:
    st.plotly_chart(timeline_figure(selection, dataset), config={"displaylogo": False}, key="timeline", width="stretch")
    st.caption(
        'Bars show spans, ▶ marks an open-ended span ("since"), dotted lines the normative milestones. '
        "Examples whose source states no year sit in the right-hand lane, never at an invented year."
    )
