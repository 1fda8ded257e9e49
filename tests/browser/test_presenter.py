"""Presenter view and handouts as a trainer uses them in Chromium."""

import re

from playwright.sync_api import expect

from components.handouts import html_handout
from data.loader import load_dataset
from tests.browser.conftest import SHOTS, press

PLAYLIST = "ids=darfur-womens-forums&ids=liberia-gbv-crimes-unit&ids=haiti-sgbv-justice-police"


def counter(page):
    return page.get_by_test_id("slide-counter")


def test_opens_on_the_content_note_and_arrow_moves_to_slide_one(visit):
    page = visit.open("?view=present")
    expect(counter(page)).to_have_text("Content note")
    expect(page.get_by_text("Some participants may have personal experience")).to_be_visible()
    press(visit, "ArrowRight")
    expect(counter(page)).to_have_text("Slide 1 of 9")
    expect(page.locator(".slide-title")).to_have_text("Radio outreach on DDR to women")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert visit.outside == []


def test_link_opens_that_slide_and_clicker_keys_move(visit):
    page = visit.open(f"?view=present&{PLAYLIST}&slide=2")
    expect(counter(page)).to_have_text("Slide 2 of 3")
    expect(page.locator(".slide-title")).to_have_text("GBV Crimes Unit of Liberia's Ministry of Justice")
    press(visit, "PageDown")
    expect(counter(page)).to_have_text("Slide 3 of 3")
    expect(page.locator(".slide-title")).to_have_text("Police and justice response to SGBV in Haiti")
    expect(page).to_have_url(re.compile(r"slide=3"))
    press(visit, "PageUp")
    expect(counter(page)).to_have_text("Slide 2 of 3")
    press(visit, "End")
    expect(counter(page)).to_have_text("Sources")
    press(visit, "Home")
    expect(counter(page)).to_have_text("Content note")


def test_large_type_and_screenshots_at_1920(visit):
    page = visit.page
    page.set_viewport_size({"width": 1920, "height": 1080})
    visit.open(f"?view=present&{PLAYLIST}&slide=1")
    body = page.locator(".slide-body").first
    expect(body).to_be_visible()
    size = float(body.evaluate("element => getComputedStyle(element).fontSize").removesuffix("px"))
    assert size >= 28
    source = page.locator(".slide-source").bounding_box()
    assert source["y"] + source["height"] <= 1080  # the whole slide on the screen
    expect(page.locator(".geolayer .layer.land path").first).to_be_attached()
    page.screenshot(path=SHOTS / "present-slide-1-1920x1080.png")
    press(visit, "ArrowRight")
    expect(counter(page)).to_have_text("Slide 2 of 3")
    expect(page.locator(".geolayer .layer.land path").first).to_be_attached()
    page.screenshot(path=SHOTS / "present-slide-2-1920x1080.png")


def test_present_these_from_the_explore_view(visit):
    page = visit.open("?section=elections")
    page.get_by_role("button", name="Present these 3").click()
    expect(counter(page)).to_have_text("Content note")
    press(visit, "ArrowRight")
    expect(counter(page)).to_have_text("Slide 1 of 3")
    expect(page).to_have_url(re.compile(r"view=present"))
    expect(page).not_to_have_url(re.compile(r"ids="))  # the playlist is the selection: the link stays short


def test_the_options_are_in_the_link_and_handouts_are_offered_after_preparing(visit):
    page = visit.open(f"?view=present&{PLAYLIST}")
    page.get_by_role("button", name="Prepare handouts of these 3 examples").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="PDF, A4").click()
    assert download.value.suggested_filename == "handout-a4.pdf"
    expect(counter(page)).to_have_text("Content note")
    page.get_by_text("Content note slide first").click()
    expect(counter(page)).to_have_text("Slide 1 of 3")
    expect(page).to_have_url(re.compile(r"note=false"))
    page.reload()
    visit.wait()
    expect(counter(page)).to_have_text("Slide 1 of 3")


def test_html_handout_works_with_the_network_blocked(browser, tmp_path):
    dataset = load_dataset()
    examples = dataset.examples.iloc[[5, 6, 4]]
    path = tmp_path / "handout.html"
    path.write_text(html_handout(examples, dataset, "en"), encoding="utf-8")
    context = browser.new_context(offline=True)
    page = context.new_page()
    asked = []
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith("file:")
            else (asked.append(route.request.url), route.abort())
        ),
    )
    page.goto(path.as_uri())
    expect(page.locator("#handout article.card h3")).to_have_text(list(examples["title"]))  # in the deck's order
    expect(page.locator("#handout .locator .geolayer")).to_have_count(3)  # a locator map each
    for land in page.locator("#handout .geolayer .layer.land path").all():
        expect(land).to_have_attribute("d", re.compile(r".{5000,}"))
    expect(page.locator("#handout .page.sources li")).to_have_count(len(set(examples["source"])))
    assert asked == []
    context.close()


def test_moving_the_example_on_screen_reorders_the_playlist(visit):
    page = visit.open(f"?view=present&{PLAYLIST}&slide=2")
    expect(counter(page)).to_have_text("Slide 2 of 3")
    page.get_by_role("button", name="Move earlier").click()
    expect(counter(page)).to_have_text("Slide 1 of 3")
    expect(page.locator(".slide-title")).to_have_text("GBV Crimes Unit of Liberia's Ministry of Justice")
    expect(page).to_have_url(re.compile(r"ids=liberia-gbv-crimes-unit&ids=darfur-womens-forums"))
    press(visit, "ArrowRight")
    expect(page.locator(".slide-title")).to_have_text("Women's Forums held by female UNPOL officers")


def test_f_shows_only_the_slide_and_b_blacks_the_screen(visit):
    page = visit.open(f"?view=present&{PLAYLIST}&slide=1")
    expect(counter(page)).to_have_text("Slide 1 of 3")
    expect(page.locator(".slide-title")).to_be_visible()  # nothing clipped at 1280
    assert page.locator(".slide").evaluate("element => element.scrollWidth - element.clientWidth") <= 0
    page.wait_for_function("window.ppeProjectorKeys === true")
    page.keyboard.press("f")
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(counter(page)).to_be_hidden()
    expect(page.locator(".slide-title")).to_be_visible()
    page.screenshot(path=SHOTS / "present-slide-only-1280x720.png")
    page.keyboard.press("b")
    expect(page.locator("#ppe-black")).to_be_visible()
    page.keyboard.press("b")
    expect(page.locator("#ppe-black")).to_be_hidden()
    press(visit, "ArrowRight")  # the slides still move
    expect(page.locator(".slide-title")).to_have_text("GBV Crimes Unit of Liberia's Ministry of Justice")
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("stSidebar")).to_be_visible()
    page.get_by_text("Keys").click()
    expect(page.get_by_text("black screen (B or Esc again to come back)")).to_be_visible()


PROJECTORS = ((1280, 720), (1024, 768))  # 1920x1080: the large-type test
SOURCE_ON_SCREEN = """() => {
  const source = document.querySelector(".slide-source");
  return source !== null && source.getBoundingClientRect().bottom <= window.innerHeight;
}"""


def test_every_slide_fits_the_projector(visit):
    """The source, a slide's last line, is on screen for every slide at each projector's size, with
    the sidebar open (each slide is looked at in both sizes: the type shrinks and grows back)."""
    page = visit.open("?view=present&slide=1&note=false")
    for number in range(1, 10):
        expect(counter(page)).to_have_text(f"Slide {number} of 9")
        for width, height in PROJECTORS:
            page.set_viewport_size({"width": width, "height": height})
            page.wait_for_function(SOURCE_ON_SCREEN)
            if number == 1:
                page.screenshot(path=SHOTS / f"present-fit-{width}x{height}.png")
        if number < 9:
            press(visit, "ArrowRight")


def test_a_playlist_is_built_by_searching_and_adding(visit):
    page = visit.open("?view=present&note=false")
    expect(counter(page)).to_have_text("Slide 1 of 9")
    search = page.get_by_label("Add an example: search for it")
    search.fill("darfur")
    search.press("Enter")
    page.get_by_role("button", name="Women's Forums held by female UNPOL officers").click()
    expect(page).to_have_url(re.compile(r"ids=darfur-womens-forums"))
    expect(counter(page)).to_have_text("Slide 1 of 1")
    search.fill("liberia justice")
    search.press("Enter")
    page.get_by_role("button", name="GBV Crimes Unit of Liberia's Ministry of Justice").click()
    expect(counter(page)).to_have_text("Slide 1 of 2")
    page.get_by_role("button", name="Remove").first.click()
    expect(counter(page)).to_have_text("Slide 1 of 1")
    expect(page.locator(".slide-title")).to_have_text("GBV Crimes Unit of Liberia's Ministry of Justice")
    page.get_by_role("button", name="Back to the current selection").click()
    expect(counter(page)).to_have_text("Slide 1 of 9")
