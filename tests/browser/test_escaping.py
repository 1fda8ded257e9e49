"""A dataset with script, HTML and Markdown payloads in every text field renders as literal text."""

from collections.abc import Iterator

import pandas as pd
import pytest
from playwright.sync_api import expect

from bench.app_server import start_app, stop_app
from components.handouts import html_handout
from data.loader import load_dataset
from store.collection import Store
from store.presentations import Presentations
from store.roles import Actor
from tests.browser.conftest import Visit
from tests.hostile_files import HOSTILE, PAYLOAD
from tests.hostile_files import HOSTILE_FIELDS as FIELDS

MARKDOWN_TITLE = "**not bold** [click](javascript:x) <b>b</b> `code` _x_"


@pytest.fixture
def viewport() -> dict[str, int]:
    return {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    """The app on the hostile file, for this file's ``visit``."""
    process, url = start_app("--data", str(HOSTILE))
    yield url
    stop_app(process)


def assert_inert(page, container: str) -> None:
    for field in FIELDS:
        expect(page.locator(container).first).to_contain_text(PAYLOAD[field])
    injected = page.locator(f"{container} :is(script, img, iframe, svg, a, style, u, b:not(.label b))")
    ours = page.locator(f"{container} > a.copy-link")  # the app's own "Copy link", one a card at most
    assert injected.count() == ours.count() <= page.locator(container).count()
    assert page.evaluate("window.pwned === undefined")


def test_explore_view_shows_payloads_as_text_even_highlighted(visit):
    page = visit.open("?q=script%20onerror%20javascript")
    expect(page.get_by_test_id("count-line")).to_have_text("Showing 1 of 1 examples")
    expect(page.locator("article.card mark").first).to_be_visible()  # found words marked, the rest text
    assert_inert(page, "article.card")
    expect(page.locator("article.card h3")).to_be_visible()  # the <style> payload did not hide the page


def test_presenter_view_shows_payloads_as_text(visit):
    visit.page.set_viewport_size({"width": 1920, "height": 1080})
    page = visit.open("?view=present&slide=1")
    expect(page.get_by_test_id("slide-counter")).to_have_text("Slide 1 of 1")
    for field in ("title", "summary", "source", "prompt", "context_note"):
        expect(page.locator(".slide")).to_contain_text(PAYLOAD[field])
    assert page.locator(".slide :is(script, img, iframe, svg, a, style, u)").count() == 0
    assert page.evaluate("window.pwned === undefined")


def test_html_handout_shows_payloads_as_text(browser, tmp_path):
    dataset = load_dataset(HOSTILE)
    path = tmp_path / "handout.html"
    path.write_text(html_handout(dataset.examples, dataset, "en"), encoding="utf-8")
    context = browser.new_context(offline=True)
    page = context.new_page()
    page.goto(path.as_uri())
    expect(page.locator("#handout .locator[data-drawn] .geolayer")).to_have_count(1)
    assert_inert(page, "#handout article.card")
    context.close()


def test_hostile_text_saved_into_the_collection_stays_inert(browser, tmp_path):
    """The same payloads imported by an editor and published: every viewer sees them as text."""
    url = f"sqlite:///{tmp_path / 'collection.sqlite3'}"
    store = Store(url)
    store.ensure_seeded()
    report = store.import_frame(Actor("edna", "editor"), pd.read_csv(HOSTILE, dtype=str, keep_default_na=False), "h")
    assert report.accepted == 1
    store.publish_all(Actor("rui", "reviewer"), "checked")
    slug = Presentations(store).save(Actor("ed_na*", "editor"), MARKDOWN_TITLE, ["hostile-1"])
    process, base = start_app(database=url)
    try:
        visit = Visit(browser.new_context(viewport={"width": 1280, "height": 900}).new_page(), base)
        page = visit.open("?q=bold")
        expect(page.get_by_test_id("count-line")).to_have_text("Showing 1 of 10 examples")
        assert_inert(page, "article.card")
        # A trainer's title where Streamlit reads Markdown (the saved presentation's heading and caption)
        page = visit.open(f"?view=present&p={slug}")
        heading = page.get_by_test_id("stSidebar").get_by_test_id("stHeading").filter(has_text="not bold")
        expect(heading).to_have_text(MARKDOWN_TITLE)
        assert heading.locator(":is(a, strong, em, b, code)").count() == 0
        expect(page.get_by_test_id("stSidebar")).to_contain_text("Saved presentation by ed_na*")
        visit.page.context.close()
    finally:
        stop_app(process)
