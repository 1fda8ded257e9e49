"""Map and timeline figures: plotly's own validation of every figure, and empty selections."""

import plotly.graph_objects as go
import pytest

from components.figures import map_figure, timeline_figure
from data.selection import Filters, select


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
    """The app sends figures unvalidated (components/figures.py): validating must neither fail nor change them."""
    for spec in figures(request.getfixturevalue(which), filters):
        validated = go.Figure(spec).to_dict()
        assert go.Figure(spec, _validate=False).to_dict() == validated


def test_figures_of_an_empty_selection(curated):
    empty = select(curated, Filters(text="zzzz-no-such-word"))
    assert empty.count == 0
    assert [len(trace["x"]) for trace in timeline_figure(empty, curated)["data"]] == [0]
    assert [trace["type"] for trace in map_figure(empty, curated)["data"]] == ["scattergeo"]  # the world still drawn
