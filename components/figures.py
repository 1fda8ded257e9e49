"""What the map and the timeline share: plotly's configuration (the world map served locally), the
colour of a place with several sections, and ``plot()``. The figures themselves are plain dicts built by
``map_figure.py`` and ``timeline_figure.py``, shared by the explore view, the presenter and the handouts."""

from __future__ import annotations

from functools import cache
from typing import Any

import plotly.graph_objects as go
import streamlit as st

# plotly.js fetches world_110m.json from this folder (served by Streamlit's static serving), not a CDN.
TOPOJSON_URL = "app/static/topojson/"
PLOT_CONFIG = {"topojsonURL": TOPOJSON_URL, "displaylogo": False, "responsive": True}
MIXED_COLOUR = "#444444"


class Drawn(go.Figure):
    """A dict figure as plotly's ``Figure``, not validated, whose dict is made once.

    Validating a dict costs more than building it (60 ms of a 10,000-example timeline); the tests
    validate every figure this app builds instead (tests/components/test_figures.py, which also checks
    that plotly's own ``Figure(spec).to_dict()`` gives the same JSON). And ``st.plotly_chart`` asks the
    figure for ``to_dict()`` on every run, a deep copy in plotly (7 % of a viewer's run at 600
    examples): a figure shared between runs (components/shared_views.py) gives the one it made, so
    neither it nor ``spec`` may be changed once made.
    """

    def __init__(self, spec: dict) -> None:
        super().__init__()  # empty: what plotly would make of ``spec`` is ``_drawn``, made here directly
        self._drawn = {**spec, "layout": {"template": default_template(), **spec.get("layout", {})}}

    def to_dict(self) -> dict:
        return self._drawn


@cache
def default_template() -> dict:
    """Plotly's default template as a figure's ``to_dict()`` gives it (made once)."""
    return go.Figure().to_dict()["layout"]["template"]


def as_figure(spec: dict) -> go.Figure:
    return Drawn(spec)


def plot(figure: dict | go.Figure, **options: Any) -> Any:
    """``st.plotly_chart`` of a figure (a dict made a ``Figure`` by ``as_figure``)."""
    return st.plotly_chart(figure if isinstance(figure, go.Figure) else as_figure(figure), **options)
