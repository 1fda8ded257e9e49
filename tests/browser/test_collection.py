"""Two app processes sharing one store: a published change reaches every viewer at their next
interaction, and is still there after a restart. On PostgreSQL when it is there, else on SQLite."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from bench.app_server import start_app, stop_app
from store.collection import Store
from store.roles import Actor
from tests.browser.conftest import Visit
from tests.conftest import POSTGRES
from tests.store.conftest import empty

NEW = {
    "id": "mobile-courts",
    "section": "justice",
    "title": "Mobile courts reach the camps",
    "summary": "Judges travelled to the camps.",
    "country": "LBR",
    "source": "A report (2012)",
}


def app(url: str):
    return start_app(database=url)


@pytest.fixture
def two_apps(database_url) -> Iterator[tuple[Store, list]]:
    if database_url.startswith("sqlite") and POSTGRES:
        # Two processes on one SQLite file are tested by the saved presentations' browser test; with
        # PostgreSQL here this test runs on it only (each run costs 12 s of a 5-minute budget).
        pytest.skip("two processes on SQLite: see tests/browser/test_saved_presentations.py")
    store = empty(Store(database_url))
    store.ensure_seeded()
    started = [app(database_url), app(database_url)]
    yield store, started
    for process, _ in started:
        stop_app(process)
    store.engine.dispose()


def test_a_published_example_reaches_both_processes_and_survives_a_restart(browser, two_apps):
    store, started = two_apps
    pages = []
    for _, url in started:
        visit = Visit(browser.new_context(viewport={"width": 1280, "height": 720}).new_page(), url)
        expect(visit.open().get_by_test_id("count-line")).to_have_text("Showing 9 of 9 examples")
        pages.append(visit)
    store.save(Actor("edna", "editor"), NEW, "From the 2012 report")
    store.set_status(
        Actor("rui", "reviewer"), {"mobile-courts": store.example("mobile-courts").version}, "published", "Checked"
    )
    for visit in pages:  # their next interaction: a filter
        visit.page.get_by_text("Include examples with no stated year").click()
        visit.page.get_by_text("Include examples with no stated year").click()
        expect(visit.page.get_by_test_id("count-line")).to_have_text("Showing 10 of 10 examples")
        expect(visit.page.locator("article.card", has_text="Mobile courts reach the camps")).to_be_visible()
    process, url = started[0]
    stop_app(process)
    started[0] = app(store.url)
    again = Visit(browser.new_context().new_page(), started[0][1])
    expect(again.open().get_by_test_id("count-line")).to_have_text("Showing 10 of 10 examples")
    for visit in pages:
        visit.page.context.close()
    again.page.context.close()
