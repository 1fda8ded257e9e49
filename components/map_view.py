"""The explore view's world map: example places coloured by section, countries with examples shaded."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from components.figures import PLOT_CONFIG, as_figure, plot
from components.first_screen import control_place
from components.i18n import _, current
from components.map_figure import map_figure
from components.shared_views import shared
from components.state import MAP, OPERATIONS, bound, commit, map_selected
from data.loader import Dataset
from data.markers import unplaced_operations
from data.page import PageState
from data.selection import Selection, example_points


def explore_map(state: PageState, selection: Selection, dataset: Dataset) -> go.Figure:
    """The explore view's map of ``selection`` (the examples of ``state.filters``)."""
    linked = example_points(dataset, state.example)
    return as_figure(
        map_figure(
            selection,
            dataset,
            operations=state.operations,
            height=None,
            zoom=True,
            highlight=linked["place_key"].tolist(),
            centre=(linked["latitude"].tolist(), linked["longitude"].tolist()),
            area=state.area,
        )
    )


def render_map(state: PageState, selection: Selection, dataset: Dataset, *, controls: bool = True) -> None:
    """The map and, given ``controls``, its operations toggle (the first screen keeps its place empty:
    components/first_screen.py)."""
    if place := control_place("operations_slot", controls):
        place.toggle(_("Show the 16 UN operations of May 2013"), **bound(OPERATIONS))
    if state.area:
        st.button(
            _("Whole map"), key="whole_map", on_click=commit, args=(state.but(area=()),), icon=":material/zoom_out_map:"
        )
    with st.container(key="map_frame"):  # as wide as the page, its height in proportion (style.css)
        plot(
            shared(
                dataset,
                "map",
                (state.filters.selects, state.operations, state.example, state.area),
                lambda: explore_map(state, selection, dataset),
            ),
            config=PLOT_CONFIG,
            key=MAP,
            on_select=map_selected,
            selection_mode="points",
            width="stretch",
            height="stretch",
        )
    st.caption(
        _(
            "Click a point to see only that place's examples. Marker size grows with the number of "
            "examples at a place; where many places are shown, nearby ones are drawn together with their "
            "count: click one to zoom in. Operations without a single country ({operations}) are not placed."
        ).format(operations=", ".join(shared(dataset, "unplaced", (), lambda: unplaced_operations(dataset, current()))))
    )
