"""The explore view as a person sees it in Chromium."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import SHOTS, Visit


def count(page):
    return page.get_by_test_id("count-line")


def test_page_loads_offline_with_land_drawn(visit):
    page = visit.open()
    expect(count(page)).to_have_text("Showing 9 of 9 examples")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    # plotly draws countries as paths in the geo layer once the local topojson has loaded
    land = page.locator(".geolayer .layer.land path").first
    expect(land).to_have_attribute("d", re.compile(r".{5000,}"))  # the world's coastlines, not an empty path
    expect(page.locator(".scattergeo .point").first).to_be_attached()
    assert visit.outside == []
    page.screenshot(path=SHOTS / "explore-1280x720.png")
    page.set_viewport_size({"width": 1920, "height": 1080})
    expect(count(page)).to_be_visible()
    page.screenshot(path=SHOTS / "explore-1920x1080.png")


def test_section_link_shows_its_count_and_the_table_appears_when_its_expander_opens(visit):
    page = visit.open("?section=elections")
    expect(count(page)).to_have_text("Showing 3 of 9 examples")
    expect(page.locator("article.card")).to_have_count(3)
    expect(page.locator(".geolayer .layer.land path").first).to_be_attached()
    page.screenshot(path=SHOTS / "explore-filtered-1280x720.png")
    expect(page.get_by_test_id("stDataFrame")).to_have_count(0)  # not built while closed
    page.get_by_text("Table of these examples").click()
    table = page.get_by_test_id("stDataFrame")
    expect(table).to_be_visible(timeout=30_000)
    table.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "explore-table-1280x720.png")


def test_section_filter_in_the_sidebar_counts_beside_its_options(visit):
    page = visit.open("?country=LBR")
    page.get_by_label("Thematic sections").click()  # opens the options list
    expect(page.get_by_role("option", name="Elections (0)")).to_be_visible()  # the ones that give none too
    page.screenshot(path=SHOTS / "facet-counts-1280x720.png")
    page.get_by_role("option", name="Justice and Rule of Law (1)").click()
    page.keyboard.press("Escape")
    expect(count(page)).to_have_text("Showing 1 of 9 examples")
    expect(page).to_have_url(re.compile(r"section=justice"))


def test_bad_link_values_give_a_notice_and_no_match_still_draws_the_world(visit):
    page = visit.open("?section=weather&from=abc&to=99999&q=zzzznothing")
    expect(count(page)).to_have_text("Showing 0 of 9 examples")
    expect(page.get_by_text("Some link parameters were ignored")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_text("No example matches these filters")).to_be_visible()
    expect(page.locator(".geolayer .layer.land path").first).to_have_attribute("d", re.compile(r".{5000,}"))


# Marks the first map drawn and whether the count was ever shown without the filters, and notes where the
# map's frame is on the first screen settled: its run ended, every element drawn (no skeleton of a widget
# or markdown still loading its code, the count's text in: one such was 24 px off under load), every face
# of the page's fonts in (loaded as soon as the page declares them: a text first drawn in a fallback face
# can wrap on another line), the last such moment before the whole page is asked for. ``parts()`` lists
# the main column's first elements, for the failure's message.
FIRST_SCREEN = """(() => {
    const placed = (e) => [e.textContent.slice(0, 30), ...[e.getBoundingClientRect()].map((r) => [r.top, r.height])];
    window.parts = () => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stElementContainer"]')]
        .slice(0, 8).map(placed);
    const look = () => {
        if (document.fonts.size && !window.fontsAsked) {
            window.fontsAsked = true;
            Promise.all([...document.fonts].filter((f) => !f.family.startsWith('KaTeX')).map((f) => f.load()))
                .finally(() => { window.fontsIn = true; look(); });
        }
        const map = document.querySelector('.st-key-map_frame .js-plotly-plot');
        if (map && !window.firstMap) { window.firstMap = map; map.dataset.firstScreen = 'yes'; }
        const frame = document.querySelector('.st-key-map_frame');
        const app = document.querySelector('[data-testid="stApp"]');
        const waiting = document.querySelector('.st-key-rest_of_page');
        const state = app && app.dataset.testScriptState;
        if (window.firstScreenTop !== undefined && state === 'running') window.wholePageAsked = true;
        const count = document.querySelector('[data-testid="count-line"]');
        const drawn = count && /\\d/.test(count.textContent) && !document.querySelector('[data-testid="stSkeleton"]');
        if (frame && state === 'notRunning' && waiting && drawn && window.fontsIn && !window.wholePageAsked) {
            window.firstScreenTop = frame.getBoundingClientRect().top;  // the last before the whole page comes
            window.firstScreenParts = parts();
        }
        const filters = document.querySelector('[data-testid="stSidebar"] [data-testid="stMultiSelect"]');
        if (count && !filters) window.countBeforeFilters = true;
    };
    new MutationObserver(look).observe(document, {subtree: true, childList: true, attributes: true,
        attributeFilter: ['data-test-script-state']});
})()"""


def test_clicking_a_map_point_narrows_the_cards(visit):
    visit = Visit(visit.page.context.new_page(), visit.base)  # a tab of its own: its watcher stays with it
    visit.page.add_init_script(FIRST_SCREEN)
    page = visit.open()
    # A new session's first screen came alone, and the whole page kept its map (components/first_screen.py).
    assert page.evaluate("window.countBeforeFilters") is True
    expect(page.get_by_test_id("stMultiSelect").first).to_be_visible()
    expect(page.locator(".st-key-map_frame .js-plotly-plot")).to_have_attribute("data-first-screen", "yes")
    # ... where it was: the controls that came with the rest had their places kept for them.
    expect(page.get_by_role("button", name="Present these 9")).to_be_visible()
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0)  # every widget drawn (their code comes lazily)
    first_screen = page.evaluate("window.firstScreenTop")
    if first_screen is None:  # so loaded a machine that the 3-second fallback asked for the whole page first
        print("the first screen never settled before the whole page came: its map's place not compared")
    else:
        top = page.evaluate("document.querySelector('.st-key-map_frame').getBoundingClientRect().top")
        assert top == first_screen, (page.evaluate("window.firstScreenParts"), page.evaluate("parts()"))
    expect(count(page)).to_have_text("Showing 9 of 9 examples")
    point = page.locator(".scattergeo .point").first
    expect(point).to_be_attached()
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(count(page)).not_to_have_text("Showing 9 of 9 examples")
    expect(count(page)).to_have_text(re.compile(r"Showing [12] of 9 examples"))
    expect(page).to_have_url(re.compile(r"place="))
