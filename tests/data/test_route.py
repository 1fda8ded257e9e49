"""The route, read from a link before any data: its screen, language, saved presentation and live
session; what it cannot use it leaves out (``parse_url`` names it)."""

import pytest
from hypothesis import given, settings

from data.route import EXPLORE, PRESENT, ROOM, Route, parse_route, requested_view
from tests.links import queries


@pytest.mark.parametrize(
    ("query", "route"),
    [
        ({}, Route()),
        ({"p": ["training-2026"]}, Route(screen=PRESENT, slug="training-2026")),  # the short link
        ({"p": ["training-2026"], "view": ["explore"]}, Route(slug="training-2026")),
        ({"view": ["present"], "lang": ["FR"]}, Route(screen=PRESENT, lang="fr")),
        ({"lang": ["klingon"], "view": ["slides"]}, Route()),
        ({"join": ["3klgec"], "projector": ["true"]}, Route(screen=ROOM, join="3KLGEC", projector=True)),
        ({"join": ["not a code"], "live": ["3KLGEC"]}, Route(screen=ROOM, live="3KLGEC")),
        ({"live": ["3KLGEC"], "view": ["present"], "p": ["m"]}, Route(screen=PRESENT, slug="m", live="3KLGEC")),
        ({"p": ["<script>"]}, Route()),
    ],
)
def test_a_link_routes_to_its_screen(query, route):
    assert parse_route(query) == route


def test_the_room_follows_its_join_code_only():
    assert parse_route({"join": ["not a code"], "live": ["3KLGEC"]}).code == ""  # the room says what is wrong
    assert parse_route({"live": ["3KLGEC"]}).code == "3KLGEC"
    assert requested_view({"p": ["training-2026"]}) == PRESENT and requested_view({}) == EXPLORE


@settings(max_examples=300, deadline=None)
@given(queries)
def test_any_link_has_a_route(query):
    route = parse_route(query)
    assert route.screen in (EXPLORE, PRESENT, ROOM)
    assert route.lang in ("", "en", "fr", "es")
