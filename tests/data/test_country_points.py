"""Every country's map point lies inside that country's own shape on the app's map, in [-180, 180]."""

import json

import pytest
from shapely import Point

from data.build_country_points import TOPOJSON, country_polygons, country_shape
from data.countries import country_points

SHAPES = {
    code: country_shape(polygons) for code, polygons in country_polygons(json.loads(TOPOJSON.read_text())).items()
}
POINTS = country_points()


def inside(code: str, latitude: float, longitude: float) -> bool:
    """On the country's shape, the shape's longitudes possibly running past 180 (Fiji, Russia)."""
    return any(SHAPES[code].contains(Point(longitude + shift, latitude)) for shift in (0, 360))


def test_every_point_is_on_the_globe():
    assert POINTS["latitude"].between(-90, 90).all()
    assert POINTS["longitude"].between(-180, 180).all()


@pytest.mark.parametrize("code", sorted(POINTS.index[POINTS["source"] == "110m"]))
def test_each_point_lies_inside_its_country(code):
    row = POINTS.loc[code]
    assert inside(code, row["latitude"], row["longitude"]), (code, row["latitude"], row["longitude"])


def test_small_states_the_map_lacks_have_points_from_the_finer_map():
    finer = set(POINTS.index[POINTS["source"] == "50m"])
    assert {"BHR", "COM", "MLT", "SGP", "BRB", "CPV", "GRD", "PLW", "WSM"} <= finer
    assert not finer & set(SHAPES)  # the 110m map's own shapes come first


@pytest.mark.parametrize(
    "code, lat, lon", [("RUS", 60, 100), ("FJI", -17.8, 178), ("HRV", 45.5, 16), ("NOR", 61, 9), ("HTI", 19, -72.5)]
)
def test_points_of_countries_that_were_misplaced_before(code, lat, lon):
    row = POINTS.loc[code]
    assert abs(row["latitude"] - lat) < 8 and abs(row["longitude"] - lon) < 12
