"""The world map: example places coloured by section, countries with examples shaded. Works offline."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st
from markupsafe import escape

from components.charts import plot
from components.i18n import _, current, ngettext, number
from data.countries import country_name, country_points
from data.grouping import group_rows
from data.loader import Dataset
from data.selection import Selection

# plotly.js fetches world_110m.json from this folder (served by Streamlit's static serving), not a CDN.
TOPOJSON_URL = "app/static/topojson/"
PLOT_CONFIG = {"topojsonURL": TOPOJSON_URL, "displaylogo": False, "responsive": True}
MIXED_COLOUR = "#444444"
HOVER_TITLES = 6
LAND, OCEAN, SHADE = "#EDEBE6", "#F7FAFC", "#C9D6E3"


def place_markers(selection: Selection, dataset: Dataset) -> pd.DataFrame:
    """One marker per place: how many examples, their section (or "several"), and a hover text naming a few."""
    places = selection.places
    columns = ["place", "latitude", "longitude", "country"]
    if places.empty:
        return pd.DataFrame(columns=[*columns, "count", "section", "hover"])
    rows = group_rows(places, ["place", "latitude", "longitude"])
    grouped = places[[*columns, "section"]].iloc[rows.first].reset_index(drop=True)
    grouped["count"] = rows.sizes
    grouped["section"] = grouped["section"].where(~rows.varies(places["section"]), "several")
    # Hover lines for the first few examples of each place only: cheap at any size.
    leading = rows.leading(HOVER_TITLES)
    shown = places[["example_id", "section"]].iloc[leading]
    about = selection.examples[["id", "title", "year_label"]].set_index("id").reindex(shown["example_id"])
    names = dataset.section_names
    lines = rows.join(
        leading,
        (
            f"• {escape(t)} ({escape(y)}, {escape(names.get(s, s))})"
            for t, y, s in zip(about["title"].tolist(), about["year_label"].tolist(), shown["section"].tolist())
        ),
        "<br>",
    )
    grouped["hover"] = [
        f"<b>{escape(p)}</b>, {escape(country_name(c, current()))}<br>"
        f"{ngettext('{count} example', '{count} examples', n)}<br>{text}"
        + ("<br>" + _("… and {count} more").format(count=number(n - HOVER_TITLES)) if n > HOVER_TITLES else "")
        for p, c, n, text in zip(
            grouped["place"].tolist(), grouped["country"].tolist(), grouped["count"].tolist(), lines
        )
    ]
    return grouped


def operations_layer(dataset: Dataset) -> dict | None:
    """The DPKO-led operations of May 2013 at their country's map point (those with a country)."""
    missions = dataset.missions[dataset.missions["operating_may_2013"] == "true"]
    rows = [(m.acronym, code, m.location) for m in missions.itertuples() for code in m.country.split(";") if code]
    points = country_points()
    rows = [(a, c, loc) for a, c, loc in rows if c in points.index]
    if not rows:
        return None
    return dict(
        type="scattergeo",
        lat=[points.loc[c, "latitude"] - 1.5 for _, c, _ in rows],
        lon=[points.loc[c, "longitude"] + 1.5 for _, c, _ in rows],
        text=[f"<b>{escape(a)}</b> ({escape(loc)})" for a, _, loc in rows],
        hoverinfo="text",
        mode="markers",
        name=_("Operations, May 2013"),
        marker={"symbol": "diamond-open", "size": 9, "color": "#555"},
    )


def map_figure(
    selection: Selection,
    dataset: Dataset,
    *,
    highlight: str = "",
    context: bool = False,
    height: int = 460,
    legend: bool = True,
) -> dict:
    """The map as a plotly figure; ``highlight`` enlarges one place (presenter's locator map)."""
    markers = place_markers(selection, dataset)
    counts = selection.places["country"].value_counts()
    traces: list[dict] = []
    if not counts.empty:
        traces.append(
            dict(
                type="choropleth",
                locations=list(counts.index),
                z=counts.tolist(),
                locationmode="ISO-3",
                colorscale=[[0, SHADE], [1, SHADE]],
                showscale=False,
                marker={"line": {"color": "#8899AA"}},
                hovertext=[
                    f"{escape(country_name(c, current()))}: {ngettext('{count} example', '{count} examples', n)}"
                    for c, n in counts.items()
                ],
                hoverinfo="text",
                name=_("Countries with examples"),
                showlegend=False,
            )
        )
    colours = {**dataset.section_colours, "several": MIXED_COLOUR}
    labels = {**dataset.section_short_names, "several": _("Several sections")}
    # numpy columns: masks per section cost microseconds, pandas selections a millisecond each
    column = {name: markers[name].to_numpy() for name in ("section", "latitude", "longitude", "place", "hover")}
    highlighted = column["place"] == highlight
    sizes = 10 + 4 * np.sqrt(np.minimum(markers["count"].to_numpy(dtype=float), 100)) + 14 * highlighted
    for section in dict.fromkeys(column["section"]):
        mine = column["section"] == section
        traces.append(
            dict(
                type="scattergeo",
                lat=column["latitude"][mine].tolist(),
                lon=column["longitude"][mine].tolist(),
                customdata=column["place"][mine].tolist(),
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
    if context and (layer := operations_layer(dataset)) is not None:
        traces.append(layer)
    if not traces:  # plotly draws no map at all without a geo trace: keep the world visible
        traces.append(dict(type="scattergeo", lat=[], lon=[], showlegend=False, hoverinfo="skip"))
    geo = {
        "projection": {"type": "natural earth"},
        "resolution": 110,
        "showland": True,
        "landcolor": LAND,
        "showocean": True,
        "oceancolor": OCEAN,
        "showcountries": True,
        "countrycolor": "#B8B2A7",
        "showcoastlines": True,
        "coastlinecolor": "#9C968C",
        "showframe": False,
        "lataxis": {"range": [-40, 60]},
        "lonaxis": {"range": [-100, 150]},
    }
    layout = {
        "height": height,
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "dragmode": "pan",
        "geo": geo,
        "legend": {"orientation": "h", "y": -0.02, "font": {"size": 14}},
        "hoverlabel": {"font": {"size": 15}},
        "clickmode": "event+select",
        "showlegend": legend,
    }
    return {"data": traces, "layout": layout}


def on_map_select() -> None:
    """A clicked point narrows the selection to its place, shown in the sidebar's Place filter."""
    points = st.session_state.get("map", {}).get("selection", {}).get("points", [])
    places = [p.get("customdata") for p in points if isinstance(p.get("customdata"), str)]
    if places:
        st.session_state["place"] = places[0]


def render_map(selection: Selection, dataset: Dataset) -> None:
    context = st.toggle(_("Show the 16 UN operations of May 2013"), key="context_layer")
    plot(
        map_figure(selection, dataset, context=context),
        config=PLOT_CONFIG,
        key="map",
        on_select=on_map_select,
        selection_mode="points",
        width="stretch",
    )
    st.caption(
        _(
            "Click a point to see only that place's examples. Marker size grows with the number of "
            "examples at a place. Operations without a single country (UNDOF, UNISFA, UNMIK, UNTSO) "
            "are not placed."
        )
    )
