"""Map and timeline figures: plotly's own validation of every figure, and empty selections."""

import json

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from components.figures import as_figure
from components.map_figure import map_figure
from components.timeline_figure import LATER_COLOUR, MILESTONE_COLOUR, timeline_figure
from data.filters import Filters
from data.selection import select

LATER_LEGEND = "Later Security Council resolutions (context, not from the source)"


def figures(dataset, filters: Filters):
    selection = select(dataset, filters)
    first = selection.examples["id"].iloc[0] if selection.count else ""
    place = selection.places["place"].iloc[0] if len(selection.places) else ""
    yield map_figure(selection, dataset)
    yield map_figure(selection, dataset, zoom=True, height=None)
    yield map_figure(selection, dataset, operations=True, highlight=place, legend=False)
    yield timeline_figure(selection, dataset)
    yield timeline_figure(selection, dataset, highlight=first, milestones=False, compact=True)


@pytest.mark.parametrize("filters", [Filters(), Filters(sections=("justice",)), Filters(text="zzzz-no-such-word")])
@pytest.mark.parametrize("which", ["curated", "synthetic"])
def test_every_figure_passes_plotly_validation_unchanged(which, filters, request):
    """The app sends figures unvalidated, their dict made once (components/figures.py: ``Drawn``):
    validating must neither fail nor change them, and plotly must send the same JSON of both."""
    for spec in figures(request.getfixturevalue(which), filters):
        validated = go.Figure(spec).to_dict()
        assert go.Figure(spec, _validate=False).to_dict() == validated
        assert json.loads(pio.to_json(as_figure(spec))) == json.loads(pio.to_json(validated))


def test_figures_of_an_empty_selection(curated):
    empty = select(curated, Filters(text="zzzz-no-such-word"))
    assert empty.count == 0
    traces = timeline_figure(empty, curated)["data"]
    assert [len(t["x"]) for t in traces if not t["showlegend"]] == [0]  # and the legend of the milestones
    assert [t["name"] for t in traces if t["showlegend"]] == ["Milestones in the source", LATER_LEGEND]
    assert [trace["type"] for trace in map_figure(empty, curated)["data"]] == ["scattergeo"]  # the world still drawn


def test_the_later_resolutions_are_drawn_lighter_and_can_be_left_out(curated):
    everything = select(curated, Filters())
    shown = timeline_figure(everything, curated)["layout"]
    colours = [shape["line"]["color"] for shape in shown["shapes"]]
    assert colours.count(MILESTONE_COLOUR) == 6 and colours.count(LATER_COLOUR) == 10
    assert shown["xaxis"]["range"][1] == 2021
    kept = timeline_figure(everything, curated, later=False)
    assert [shape["line"]["color"] for shape in kept["layout"]["shapes"]] == [MILESTONE_COLOUR] * 6
    assert kept["layout"]["xaxis"]["range"][1] == 2015
    assert [t["name"] for t in kept["data"] if t["showlegend"]] == ["Milestones in the source"]
