"""Nearby markers drawn together above a few hundred places, parting as the map zooms in."""

import pandas as pd

from data.markers import CLUSTER, area_of, clustered


def markers(count: int, spread: float = 10.0) -> pd.DataFrame:
    side = int(count**0.5) + 1
    rows = [
        {
            "place": f"Place {i}",
            "place_key": f"Place {i}",
            "latitude": 5 + spread * (i // side) / side,
            "longitude": -10 + spread * (i % side) / side,
            "country": "LBR",
            "section": "justice" if i % 2 else "elections",
            "count": 1 + i % 3,
            "hover": "",
        }
        for i in range(count)
    ]
    return pd.DataFrame(rows)


WORLD = ((-40.0, 60.0), (-100.0, 150.0))


def test_a_few_hundred_places_stay_as_they_are():
    few = markers(300)
    assert clustered(few, WORLD, "en") is few


def test_many_places_become_fewer_markers_that_keep_every_example():
    many = markers(2_000)
    shown = clustered(many, WORLD, "en")
    assert len(shown) <= 300 and shown["count"].sum() == many["count"].sum()
    groups = shown[shown["place_key"].str.startswith(CLUSTER)]
    assert not groups.empty and set(groups["section"]) == {"several"}
    assert groups["hover"].str.contains("Click to zoom in").all()
    south, west, north, east = area_of(groups["place_key"].iloc[0])
    assert south <= north and west <= east


def test_zooming_into_a_group_parts_it():
    many = markers(2_000)
    group = clustered(many, WORLD, "en")
    first = group[group["place_key"].str.startswith(CLUSTER)].iloc[0]
    south, west, north, east = area_of(first["place_key"])
    closer = clustered(many, ((south, north), (west, east)), "en")
    in_view = closer[closer["latitude"].between(south, north) & closer["longitude"].between(west, east)]
    assert len(in_view) > 1  # the one marker became several
    assert closer["count"].sum() == many["count"].sum()  # and no example was lost


def test_a_place_key_is_no_area():
    assert area_of("Monrovia") is None
