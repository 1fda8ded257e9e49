"""The pure selection of examples by filters."""

import pytest

from data.filters import Filters
from data.loader import load_dataset
from data.selection import example_points, linked_first, select


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


def ids(dataset, **filters) -> set[str]:
    return set(select(dataset, Filters(**filters)).examples["id"])


def test_no_filter_selects_all(dataset):
    selection = select(dataset, Filters())
    assert (selection.count, selection.total, len(selection.places)) == (9, 9, 10)


def test_section(dataset):
    assert ids(dataset, sections=("elections",)) == {
        "afghanistan-election-task-force",
        "cote-divoire-electoral-quota",
        "sierra-leone-women-elections-group",
    }


def test_country_matches_any_of_several(dataset):
    assert ids(dataset, countries=("COD",)) == {"ddr-radio-outreach"}
    assert ids(dataset, countries=("LBR",)) == {"liberia-gbv-crimes-unit", "liberia-family-protection-unit"}


def test_mission(dataset):
    assert ids(dataset, missions=("UNMIL",)) == {"liberia-family-protection-unit"}
    assert ids(dataset, missions=("MONUC",)) == {"ddr-radio-outreach"}


def test_year_range_keeps_undated_by_default(dataset):
    chosen = ids(dataset, years=(2009, 2012))
    # the 2009-2010 span, "since 2007" (still running), and the three undated examples
    assert chosen == {
        "timor-leste-domestic-violence-law",
        "cote-divoire-electoral-quota",
        "ddr-radio-outreach",
        "haiti-sgbv-justice-police",
        "liberia-family-protection-unit",
    }


def test_year_range_without_undated(dataset):
    assert ids(dataset, years=(2004, 2006), include_undated=False) == {
        "afghanistan-election-task-force",
        "darfur-womens-forums",
    }


def test_excluding_undated_alone(dataset):
    assert len(ids(dataset, include_undated=False)) == 6


def test_text_search_is_case_blind_and_needs_every_word(dataset):
    assert ids(dataset, text="RADIO") == {"ddr-radio-outreach"}
    assert ids(dataset, text="police liberia") == {"liberia-family-protection-unit"}
    assert ids(dataset, text="UN Action (2012)") == {"liberia-gbv-crimes-unit"}  # searches the source too


def test_place(dataset):
    assert ids(dataset, place="DRC") == {"ddr-radio-outreach"}


def test_combined(dataset):
    assert ids(dataset, sections=("justice", "recruitment"), countries=("LBR",), text="court") == {
        "liberia-gbv-crimes-unit"
    }
    assert ids(dataset, sections=("elections",), countries=("LBR",)) == set()


def test_selection_places_follow_examples(dataset):
    selection = select(dataset, Filters(sections=("ddr",)))
    assert list(selection.places["country"]) == ["SSD", "COD"]


def test_a_linked_example_comes_first_even_outside_the_filters(dataset):
    selection = select(dataset, Filters(sections=("elections",)))
    order = list(linked_first(selection, dataset, "darfur-womens-forums")["id"])
    assert order[0] == "darfur-womens-forums" and order[1:] == list(selection.examples["id"])
    inside = selection.examples["id"].iloc[1]
    order = list(linked_first(selection, dataset, inside)["id"])
    assert order[0] == inside and sorted(order) == sorted(selection.examples["id"])  # not twice
    assert linked_first(selection, dataset, "") is selection.examples


def test_the_points_of_one_example(dataset):
    points = example_points(dataset, "liberia-gbv-crimes-unit")
    assert list(points["place_key"]) == ["Liberia"] and points["latitude"].notna().all()
    assert example_points(dataset, "nope").empty
