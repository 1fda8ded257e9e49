"""Map and timeline markers: grouping and hover texts."""

import json

from shapely import Point

from data.build_country_points import TOPOJSON, country_polygons, country_shape
from data.filters import Filters
from data.markers import (
    HOVER_TITLES,
    TITLES_IN_HOVER,
    WORLD,
    operations_markers,
    place_markers,
    spread,
    timeline_markers,
    view_box,
)
from data.selection import select


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


def test_operations_markers_lie_inside_their_country(curated):
    shapes = country_polygons(json.loads(TOPOJSON.read_text()))
    markers = operations_markers(curated, "fr")
    assert {"MINUL (UNMIL)", "ONUCI (UNOCI)", "MINUAD (UNAMID)", "FINUL (UNIFIL)"} <= {
        h.split("</b>")[0].removeprefix("<b>") for h in markers["hover"]
    }
    for row in markers.itertuples():
        if row.country in shapes:  # Cyprus's and Lebanon's shapes are on the 110m map, Western Sahara's too
            shape = country_shape(shapes[row.country])
            assert shape.contains(Point(row.longitude, row.latitude)), row


def test_coincident_markers_are_spread_around_their_point():
    spots = {spread(10.0, 20.0, i, 3) for i in range(3)}
    assert len(spots) == 3
    assert all(abs(lat - 10) <= 0.4 and abs(lon - 20) <= 0.4 for lat, lon in spots)
    assert spread(10.0, 20.0, 0, 1) == (10.0, 20.0)


def test_the_view_box_frames_every_point_in_the_maps_proportions():
    (south, north), (west, east) = view_box([18.5, -8.5, 34.5], [-72.3, 125.6, 69.2])
    assert south < -8.5 and north > 34.5 and west < -72.3 and east > 125.6
    assert abs((east - west) * 0.8 / (north - south) - 2.3) < 0.05
    (south, north), (west, east) = view_box([6.3], [-10.8])  # one place: its region, not a street
    assert north - south >= 30 and south < 6.3 < north and west < -10.8 < east
    assert view_box([], []) == WORLD
