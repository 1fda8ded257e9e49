"""Start the app on a free port and drive it in Debian's Chromium, with no network beyond loopback."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from bench.app_server import start_app, stop_app

CHROMIUM = "/usr/bin/chromium"
LOCAL_HOSTS = ("127.0.0.1", "localhost")
TIMEOUT_MS = 30_000
VIEWPORT = {"width": 1280, "height": 720}
# Screenshots of test runs, to look at; never over the tracked ones in docs/ (docs/screenshots.py makes those).
SHOTS = Path(tempfile.gettempdir()) / "ppe-test-screenshots"
SHOTS.mkdir(exist_ok=True)
expect.set_options(timeout=TIMEOUT_MS)
AXE = Axe()


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    process, url = start_app()
    yield url
    stop_app(process)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        yield browser
        browser.close()


class Visit:
    """A page that records requests leaving the machine and waits for Streamlit to finish."""

    def __init__(self, page: Page, base: str):
        self.page, self.base, self.outside = page, base, []
        page.on("request", self.record)

    def record(self, request) -> None:
        if urlparse(request.url).hostname not in (*LOCAL_HOSTS, None):
            self.outside.append(request.url)

    def open(self, query: str = "") -> Page:
        self.page.goto(f"{self.base}/{query}")
        self.wait()
        return self.page

    def wait(self) -> None:
        """The script has run: the app is there, the whole page has come after a new session's first
        screen (components/first_screen.py), and the running indicator is gone."""
        expect(self.page.get_by_test_id("stApp")).to_be_visible()
        for _ in range(2):  # the first screen's run, then the whole page's
            expect(self.page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")
            expect(self.page.locator(".st-key-rest_of_page")).to_have_count(0)
        expect(self.page.get_by_test_id("stStatusWidget")).to_have_count(0)


SIGN_IN_WORDS = {  # the form's words: its expander, the two fields, its button, then the sign-out button
    "en": ("Sign in (editors and reviewers)", "Name", "Password", "Sign in", "Sign out"),
    "fr": ("Se connecter (rédacteurs et relecteurs)", "Nom", "Mot de passe", "Se connecter", "Se déconnecter"),
}


def sign_in(visit: Visit, name: str, password: str, lang: str = "en") -> None:
    """Sign in through the sidebar's form as a person would: the form is there (the expander's run has
    ended) before it is filled, and the page is drawn whole again afterwards."""
    expander, name_label, password_label, button, signed_in = SIGN_IN_WORDS[lang]
    visit.page.get_by_text(expander).click()
    visit.wait()
    visit.page.get_by_label(name_label, exact=True).fill(name)
    visit.page.get_by_label(password_label, exact=True).fill(password)
    visit.page.get_by_role("button", name=button, exact=True).click()
    expect(visit.page.get_by_role("button", name=signed_in)).to_be_visible()
    visit.wait()


def choose(page: Page, label: str, option: str, box: Locator | None = None) -> None:
    """Pick ``option`` of the select box ``label`` (or ``box``). Opened while the expander around it
    is still opening, a box's list can close again at once: then it is opened again."""
    box, choice = box or page.get_by_label(label), page.get_by_role("option", name=option)
    for _ in range(5):
        box.click()
        try:
            choice.click(timeout=2_000)
            return
        except PlaywrightTimeoutError:
            continue
    raise AssertionError(f"{label!r} never offered {option!r}")


@pytest.fixture(autouse=True)
def closes_what_it_opened(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every browser context and page a test opened is closed after it: a page left open goes on running
    (a live room's polls, a fragment's timer, reconnecting to an app that has stopped) beside the tests
    that follow, on the same two cores."""
    if "browser" not in request.fixturenames:
        yield
        return
    browser: Browser = request.getfixturevalue("browser")
    before = {context: set(context.pages) for context in browser.contexts}
    yield
    for context in browser.contexts:
        if context not in before:
            context.close()
            continue
        for page in context.pages:
            if page not in before[context]:
                page.close()


@pytest.fixture(scope="session")
def shared_context(browser: Browser) -> Iterator[BrowserContext]:
    """One browser profile for the tests' pages, as one person's browser: its cache keeps Streamlit's
    and plotly's scripts between pages (a fresh profile per test parses them again: a second a test).
    Each page is a new Streamlit session all the same."""
    context = browser.new_context(viewport=VIEWPORT)
    context.new_page()  # the tab that tests navigate (visit); opened before any test, so none closes it
    yield context
    context.close()


@pytest.fixture
def viewport() -> dict[str, int]:
    """The size of the tab that ``visit`` drives; a test file overrides it (as it may ``app_url``)."""
    return VIEWPORT


@pytest.fixture
def visit(shared_context: BrowserContext, app_url: str, viewport: dict[str, int]) -> Iterator[Visit]:
    """One tab, navigated from test to test: each ``open`` is a new Streamlit session all the same, at
    about half the browser's cost of a new tab (bench/RESULTS.md, "Where the suite's CPU goes"). Left on
    a blank page after each test, whose session then ends, at the tests' size and media again."""
    page = shared_context.pages[0] if shared_context.pages else shared_context.new_page()
    page.set_viewport_size(viewport)
    visit = Visit(page, app_url)
    yield visit
    page.remove_listener("request", visit.record)
    if not page.is_closed():
        page.goto("about:blank")
        page.set_viewport_size(VIEWPORT)
        page.emulate_media(media=None)


def serious(page: Page) -> list[str]:
    """The axe audit's serious and critical violations on the page."""
    violations = AXE.run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]} {v['nodes'][0].get('failureSummary', '')}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


def press(visit, key: str) -> None:
    """A key, once the run has ended and the shortcut buttons are on the page: a key pressed while
    they are still mounting is lost (seen on a slow machine)."""
    expect(visit.page.locator(".st-key-clicker_keys button")).to_have_count(2)
    visit.wait()
    visit.page.keyboard.press(key)
