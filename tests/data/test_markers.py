"""Map and timeline markers: grouping and hover texts."""

from data.markers import HOVER_TITLES, TITLES_IN_HOVER, place_markers, timeline_markers
from data.selection import Filters, select


def test_place_markers_count_every_example_at_its_place(synthetic):
    selection = select(synthetic, Filters())
    markers = place_markers(selection, synthetic, "en")
    assert markers["count"].sum() == len(selection.places)
    assert not markers.duplicated(["place", "latitude", "longitude"]).any()
    busiest = markers.loc[markers["count"].idxmax()]
    sections = set(selection.places.loc[selection.places["place"] == busiest["place"], "section"])
    assert busiest["section"] == (sections.pop() if len(sections) == 1 else "several")
    more = busiest["count"] - HOVER_TITLES
    assert busiest["hover"].count("• ") == HOVER_TITLES
    assert busiest["hover"].endswith(f"… and {more:,} more")


def test_place_markers_name_their_examples(curated):
    markers = place_markers(select(curated, Filters()), curated, "en").set_index("place")
    assert markers["count"].sum() == 10
    liberia = markers.loc["Liberia"]  # two examples from two sections
    assert (liberia["count"], liberia["section"]) == (2, "several")
    assert "<b>Liberia</b>, Liberia<br>2 examples<br>• " in liberia["hover"]
    assert set(markers.drop(index="Liberia")["section"]) <= set(curated.sections["slug"])


def test_timeline_markers_group_by_section_and_span(synthetic):
    selection = select(synthetic, Filters())
    highlight = selection.examples["id"].iloc[7]
    groups = timeline_markers(selection.examples, highlight, "en")
    assert groups["count"].sum() == selection.count
    assert not groups.duplicated(["section", "year_label"]).any()
    assert groups["highlight"].sum() == 1
    chosen = groups[groups["highlight"]].iloc[0]
    row = selection.examples.iloc[7]
    assert (chosen["section"], chosen["year_label"]) == (row["section"], row["year_label"])
    assert groups["dated"].tolist() == groups["year_start"].notna().tolist()
    big = groups.loc[groups["count"].idxmax()]
    assert big["hover"].count("<b>") == min(big["count"], TITLES_IN_HOVER)
