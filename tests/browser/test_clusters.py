"""A map of many places: nearby markers drawn together with their count, parting when clicked; the
handouts of a long list offered a part at a time."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from bench.app_server import start_app, stop_app
from tests.browser.conftest import SHOTS, choose
from tests.many_places import write_villages


@pytest.fixture
def viewport() -> dict[str, int]:
    return {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def app_url(tmp_path_factory) -> Iterator[str]:
    """The app on 400 villages, for this file's ``visit``."""
    path = write_villages(tmp_path_factory.mktemp("many") / "examples.csv")
    process, url = start_app("--data", str(path))
    yield url
    stop_app(process)


def test_nearby_places_are_grouped_and_a_group_zooms_in(visit):
    page = visit.open()
    expect(page.get_by_test_id("count-line")).to_have_text("Showing 400 of 400 examples")
    groups = page.locator(".scattergeo text")  # the counts written on grouped markers
    expect(groups.first).to_be_attached()
    assert 1 <= groups.count() <= 300
    page.locator(".st-key-map_frame").scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "map-clusters-1280x900.png")
    point = page.locator(".scattergeo .point").last  # the groups' trace is drawn last
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page).to_have_url(re.compile(r"area="))
    expect(page.get_by_role("button", name="Whole map")).to_be_visible()
    expect(page.get_by_test_id("count-line")).to_have_text("Showing 400 of 400 examples")  # a zoom, not a filter
    page.get_by_role("button", name="Whole map").click()
    expect(page).not_to_have_url(re.compile(r"area="))

    # and the handouts of this long list are offered a part at a time
    visit.wait()
    page.get_by_text("Download these 400 examples").click()
    choose(page, "Handouts of 200 examples at a time: which ones", "Examples 201–400 of 400")
    expect(page.get_by_role("button", name="Prepare handouts of these 200 examples")).to_be_visible()


def test_the_next_page_of_cards_comes_in_the_pages_language(visit):
    """The cards are a fragment (components/cards.py): another page reruns only them, in French too."""
    page = visit.open("?lang=fr")
    page.locator(".st-key-cards_page").get_by_role("button", name="Page 2", exact=True).click()
    first = page.locator("article.card").first
    expect(first).to_contain_text("Village court 12 (en anglais)")
    expect(first).to_contain_text("Libéria")
    expect(page.get_by_test_id("count-line")).to_have_text(re.compile(r"^400 exemples sur 400"))  # the rest stays
