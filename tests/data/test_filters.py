"""The filter registry: a filter declared once is read from the URL and written back, selects, counts its
facet, is drawn as a widget bound to the page state and names the export."""

from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

from data.export import file_stem
from data.facets import facet_counts
from data.filters import FILTERS, Filter, Filters, kept
from data.page import PageState, parse_url, to_url
from data.selection import select


def with_figure(dataset) -> object:
    return dataset.examples["key_figure"].fillna("").str.strip().ne("").to_numpy()


FIGURE = Filter(
    name="with_figure",
    key="figure",
    default=False,
    read=lambda link, dataset: link.flag("figure", False),
    write=lambda on: {"figure": ["true"]} if on else {},
    mask=lambda dataset, on: with_figure(dataset) if on else None,
    facet=lambda dataset, found: int((kept(len(dataset.examples), found, "with_figure") & with_figure(dataset)).sum()),
    widget="flag",
    label="Only examples with a key figure",
)


@pytest.fixture
def figure_filter() -> Iterator[Filter]:
    FILTERS.append(FIGURE)
    yield FIGURE
    FILTERS.remove(FIGURE)


def test_a_filter_declared_once_is_in_the_url_the_selection_the_facets_and_the_export(figure_filter, curated):
    state, notices = parse_url({"figure": ["true"], "section": ["elections"]}, curated)
    assert notices == [] and state.filters == Filters(with_figure=True, sections=("elections",))
    assert to_url(state) == {"section": ["elections"], "figure": ["true"]}
    chosen = select(curated, state.filters).examples
    assert len(chosen) and chosen["key_figure"].str.strip().ne("").all()
    assert len(chosen) < len(select(curated, Filters(sections=("elections",))).examples)
    assert facet_counts(curated, state.filters)["with_figure"] == len(chosen)
    assert file_stem(state.filters) == "peacekeeping-examples_section-elections_figure-true"
    _, notices = parse_url({"figure": ["maybe"]}, curated)
    assert notices == ["Ignored figure='maybe': write true or false."]


def page() -> None:
    from components.filters import render_filters
    from components.state import read_state, write_url
    from data.facets import facet_counts
    from data.loader import load_dataset

    dataset = load_dataset()
    state = read_state(dataset)
    render_filters(state, dataset, facet_counts(dataset, state.filters))
    write_url(state)


def test_a_filter_declared_once_has_its_widget_bound_to_the_page_state(figure_filter):
    app = AppTest.from_function(page, default_timeout=30).run()
    assert not app.exception
    box = next(c for c in app.checkbox if c.label.startswith("Only examples with a key figure ("))
    assert box.value is False
    box.check().run()
    assert app.query_params.get("figure") in ("true", ["true"])


def test_every_filter_has_a_default_that_writes_nothing_and_keeps_every_row(curated):
    assert Filters().to_url() == {}
    assert all(f.mask(curated, f.default) is None for f in FILTERS)
    assert PageState().filters == Filters()
    with pytest.raises(TypeError, match="no such filter: colour"):
        Filters(colour="red")


def test_options_chosen_in_any_order_select_as_one_key_and_the_url_keeps_their_order(curated):
    """``Filters.selects`` keys what every viewer is shown (components/shared_views.py): the same sections
    in another order are one key; a year range, whose order means something, is not sorted."""
    first, second = list(curated.section_names)[:2]
    one = Filters(sections=(first, second), years=(2010, 2012))
    other = Filters(sections=(second, first), years=(2010, 2012))
    assert one != other and one.selects == other.selects
    assert Filters(years=(2010, 2012)).selects != Filters(years=(2012, 2010)).selects
    assert one.to_url()["section"] == [first, second] and other.to_url()["section"] == [second, first]
    found = select(curated, one).examples["id"].tolist()
    assert found == select(curated, other).examples["id"].tolist()
