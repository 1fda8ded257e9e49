"""Facet counts: each option's count is the selection it would give with the other filters applied."""

import pytest

from data.facets import facet_counts
from data.filters import Filters
from data.loader import load_dataset
from data.selection import select


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


def test_with_no_filter_the_counts_are_the_collections(dataset):
    facets = facet_counts(dataset, Filters())
    assert facets["sections"] == {"ddr": 1, "elections": 3, "ssr": 1, "military": 1, "justice": 2, "recruitment": 1}
    assert facets["countries"]["LBR"] == 2 and facets.of("countries", "FRA") == 0
    assert sum(facets["place"].values()) >= 9
    assert facets["include_undated"] == int(dataset.examples["year_start"].isna().sum())


@pytest.mark.parametrize(
    "filters",
    [
        Filters(sections=("elections",)),
        Filters(countries=("LBR",)),
        Filters(sections=("justice",), years=(2005, 2010)),
        Filters(text="police", include_undated=False),
        Filters(place="Liberia", missions=("UNMIL",)),
    ],
)
def test_each_count_is_what_choosing_that_option_would_show(dataset, filters):
    """Brute force: for every option, apply it in place of its filter's current value and select."""
    facets = facet_counts(dataset, filters)
    for section in dataset.section_set:
        assert facets.of("sections", section) == select(dataset, filters.but(sections=(section,))).count
    for country in dataset.country_set:
        assert facets.of("countries", country) == select(dataset, filters.but(countries=(country,))).count
    for mission in dataset.mission_set:
        assert facets.of("missions", mission) == select(dataset, filters.but(missions=(mission,))).count
    for place in dataset.place_set:
        assert facets.of("place", place) == select(dataset, filters.but(place=place)).count
    for year, count in facets["years"].items():
        only = filters.but(years=(year, year), include_undated=False)
        assert count == select(dataset, only).count, year
    with_undated = select(dataset, filters.but(years=(None, None), include_undated=True)).count
    without = select(dataset, filters.but(years=(None, None), include_undated=False)).count
    assert facets["include_undated"] == with_undated - without


def test_the_counts_hold_on_a_larger_synthetic_collection(tmp_path):
    from bench.synthetic import write_examples

    big = load_dataset(write_examples(tmp_path / "big.csv", 600))
    filters = Filters(sections=("elections", "justice"), years=(2003, 2009))
    facets = facet_counts(big, filters)
    for country in sorted(big.country_set)[:15]:
        assert facets.of("countries", country) == select(big, filters.but(countries=(country,))).count
    for mission in sorted(big.mission_set)[:10]:
        assert facets.of("missions", mission) == select(big, filters.but(missions=(mission,))).count
    assert sum(facets["sections"].values()) == select(big, filters.but(sections=())).count
