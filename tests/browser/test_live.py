"""A live training session in Chromium: a trainer, the room's screen and three phones. The phones
follow the trainer within 2 s, the quiz's results appear only once revealed, a text answer reaches the
room's screen only once approved (and as text), the QR code holds the configured address."""

import csv
import io
import re
from collections.abc import Callable, Iterator

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Locator, Page, expect

from bench.app_server import start_app, stop_app
from store.collection import Store
from store.presentations import Presentations
from store.roles import Actor
from tests.browser.conftest import SHOTS, Visit, serious, sign_in

ROOM_ADDRESS = "http://192.168.1.10:8501"  # the training room's network, as the trainer types it
MILITARY = "Working with the Military"  # the first example's section
PHONE = {"width": 390, "height": 844}
# That the room follows, not how fast: the 2-second budget is measured by `bench/load.py --live`
# (bench/RESULTS.md), on a machine not also running the other browser tests.
FOLLOW_MS = 15_000  # a participant's phone
SCREEN_MS = 15_000  # the room's screen (the trainer's second window), which redraws its map and timeline too
HOSTILE = "<img src=x onerror=window.pwned=1><b>Trust</b> takes time"
DECK = ["darfur-womens-forums", "liberia-gbv-crimes-unit"]  # Working with the Military, then Justice


def on_phone(visit: Visit, shown: Callable[[Page], Locator]) -> None:
    """What ``shown`` finds, on a phone. Under a loaded machine a phone's page can stop redrawing (its
    half-second poll no longer reruns it; open, see the closing note of 2026-12-01): such a phone is
    reloaded once, as its participant would (the cookie keeps its id, and what it sent is read from
    the store, so a lost answer still fails here)."""
    try:
        expect(shown(visit.page)).to_be_visible(timeout=FOLLOW_MS)
    except AssertionError:
        print(f"a phone stopped redrawing: reloaded ({visit.page.url})")
        visit.page.reload()
        expect(shown(visit.page)).to_be_visible()


@pytest.fixture
def live_app(tmp_path) -> Iterator[tuple[str, str]]:
    url = f"sqlite:///{tmp_path / 'collection.sqlite3'}"
    store = Store(url)
    store.ensure_seeded()
    store.add_person(None, "tina", "editor", "tina's long secret")
    slug = Presentations(store).save(Actor("tina", "editor"), "Module 3", DECK)
    process, base = start_app(database=url)
    yield base, slug
    stop_app(process)
    store.engine.dispose()


def decoded(image_element) -> str:
    """What a phone's camera reads from the QR code on screen."""
    (barcode,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(image_element.screenshot())))
    return barcode.text


def title(page):
    return page.locator(".slide-title")


def test_the_room_follows_answers_and_sees_only_what_the_trainer_shows(browser, live_app):
    base, slug = live_app
    trainer_browser = browser.new_context(viewport={"width": 1280, "height": 720})
    trainer = Visit(trainer_browser.new_page(), base)
    page = trainer.open(f"?p={slug}&view=present")
    sign_in(trainer, "tina", "tina's long secret")
    page.get_by_role("textbox", name="Address participants open").fill(ROOM_ADDRESS)
    page.get_by_role("button", name="Start a live session").click()
    expect(page).to_have_url(re.compile(r"live=[A-Z0-9]{6}"))
    code = re.search(r"live=([A-Z0-9]{6})", page.url).group(1)
    expect(page.locator(".st-key-live_done")).to_contain_text(f"Live: the room joins with the code {code}.")
    assert page.locator(".st-key-saved_done").count() == 0  # not under "Saved presentations"
    qr = page.locator("[data-testid=stSidebar] .join-qr img")
    expect(qr).to_be_visible()
    assert decoded(qr) == f"{ROOM_ADDRESS}/?join={code}"
    expect(page.locator(".join-qr.large figcaption")).to_contain_text(f"{ROOM_ADDRESS}/?join={code}")

    screen = Visit(trainer_browser.new_page(), base)  # the projector's window, on the trainer's laptop
    screen.open(f"?join={code}&projector=true")
    phones = [Visit(browser.new_context(viewport=PHONE).new_page(), base) for _ in range(3)]
    sent: list[object] = []  # what the first phone's page sends the app on its websocket: a rerun is one
    phones[0].page.on("websocket", lambda socket: socket.on("framesent", lambda frame: sent.append(frame)))
    for phone in phones:  # three people, three browsers, no account, no name: they open it at once
        phone.page.goto(f"{base}/?join={code}", wait_until="commit")
    for phone in phones:
        expect(phone.page.get_by_text("You are in.")).to_be_visible()
    expect(page.get_by_text("3 participants")).to_be_visible()
    visits, phones = phones, [phone.page for phone in phones]

    polls: list[tuple[str, int]] = []  # a phone follows by asking the server's routes, with no rerun
    phones[0].on("response", lambda answer: "/room/" in answer.url and polls.append((answer.url, answer.status)))
    trainer.wait()
    assert sent  # the first run asked for
    sent.clear()
    page.get_by_role("button", name="Next").click()  # the room follows
    for shown in phones:
        expect(title(shown)).to_have_text("Women's Forums held by female UNPOL officers", timeout=FOLLOW_MS)
    assert set(polls) == {(f"{base}/room/{code}/revision", 200), (f"{base}/room/{code}/slide?lang=en", 200)}
    assert sent == [] and phones[0].get_by_text("You are in.").count() == 0
    expect(title(screen.page)).to_have_text("Women's Forums held by female UNPOL officers", timeout=SCREEN_MS)

    trainer.wait()
    # The new slide's radio (a key per slide): a click on the last slide's, still on screen while the
    # move's run draws this one, would be lost with it.
    page.locator(".st-key-live_activity_1").get_by_text("Quiz: which section?").click()  # two right, one wrong
    expect(page.locator(".st-key-live_done")).to_contain_text("The room sees it now.")
    for visit, answer in zip(visits, (MILITARY, MILITARY, "Elections")):
        on_phone(visit, lambda page: page.get_by_role("radiogroup"))
        visit.wait()
        visit.page.get_by_role("radiogroup").get_by_text(answer, exact=True).click()
        expect(visit.page.get_by_role("radio", name=answer)).to_be_checked()
        visit.page.get_by_role("button", name="Send my answer").click()
        on_phone(visit, lambda page, answer=answer: page.get_by_text(f"Sent. Thank you! Your answer: {answer}."))
    phones[0].screenshot(path=SHOTS / "live-phone-quiz-390x844.png", full_page=True)
    expect(page.get_by_text("quiz answers: 3")).to_be_visible()
    assert screen.page.locator(".quiz-results").count() == 0  # nothing before the reveal
    assert screen.page.locator(".slide .badge").count() == 0  # nor the section itself
    trainer.wait()
    page.get_by_role("button", name="Reveal the results").click()
    results = screen.page.locator(".quiz-results")
    expect(results.locator(".share.right")).to_contain_text(MILITARY)
    expect(results.locator(".share.right")).to_contain_text("67 % (2)")
    expect(results.locator(".share", has_text="Elections")).to_contain_text("33 % (1)")
    expect(phones[2].locator(".quiz-results .share.right")).to_contain_text("67 % (2)")
    screen.page.screenshot(path=SHOTS / "live-projector-results-1280x720.png")

    trainer.wait()
    page.get_by_text("Discussion prompt").click()
    expect(page.locator(".st-key-live_done")).to_contain_text("The room sees it now.")
    on_phone(visits[1], lambda page: page.get_by_label(re.compile("Your answer")))
    visits[1].wait()
    phones[1].get_by_label(re.compile("Your answer")).fill(HOSTILE)
    phones[1].get_by_role("button", name="Send my answer").click()
    on_phone(visits[1], lambda page: page.get_by_text("Sent. Thank you!"))
    expect(page.locator(".live-answer")).to_have_text(HOSTILE)  # the trainer reads it as text
    assert screen.page.locator(".live-answers").count() == 0  # not approved yet
    page.get_by_role("button", name="Show to the room").click()
    expect(page.get_by_role("button", name="Hide from the room")).to_be_visible()  # approved
    expect(screen.page.locator(".live-answers .live-answer")).to_have_text(HOSTILE, timeout=SCREEN_MS)
    expect(phones[0].locator(".live-answers .live-answer")).to_have_text(HOSTILE, timeout=FOLLOW_MS)
    for shown in (screen.page, phones[0]):  # the phone's slide came from the route, not through st.html
        assert shown.locator(".live-answers :is(img, b, script)").count() == 0
    for shown in (page, screen.page, *phones):
        assert shown.evaluate("window.pwned === undefined")
    screen.page.set_viewport_size({"width": 1920, "height": 1080})
    screen.page.screenshot(path=SHOTS / "live-projector-answers-1920x1080.png")
    assert serious(phones[1]) == []
    page.get_by_role("button", name="Hide from the room").click()
    expect(page.get_by_role("button", name="Show to the room")).to_be_visible()
    expect(screen.page.locator(".live-answers")).to_have_count(0, timeout=SCREEN_MS)
    page.screenshot(path=SHOTS / "live-trainer-1280x720.png")

    trainer.wait()
    page.get_by_role("button", name="Next").click()  # forward and back
    for shown in phones:
        expect(title(shown)).to_have_text("GBV Crimes Unit of Liberia's Ministry of Justice", timeout=FOLLOW_MS)
    trainer.wait()
    page.get_by_role("button", name="Previous").click()
    for shown in phones:
        expect(title(shown)).to_have_text("Women's Forums held by female UNPOL officers", timeout=FOLLOW_MS)
    # Back on a slide, nothing is open again: the trainer's radio shows the session, not what it last held.
    expect(page.get_by_role("radio", name="Nothing open")).to_be_checked()
    expect(phones[0].get_by_label(re.compile("Your answer"))).to_have_count(0)

    trainer.wait()
    page.get_by_role("button", name="End the live session").click()
    asking = page.get_by_test_id("stPopoverBody")  # it asks first
    expect(asking).to_contain_text(f"stop following the slides of {code}")
    asking.get_by_role("button", name="End it").click()
    expect(page.locator(".st-key-live_done")).to_contain_text("The live session has ended")
    for visit in visits:
        on_phone(visit, lambda page: page.get_by_text("This live session has ended."))
    with page.expect_download() as download:
        page.get_by_role("button", name="Download its 4 answers (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8-sig").read())))
    assert sorted(r["answer"] for r in rows) == sorted([MILITARY, MILITARY, "Elections", HOSTILE])
    assert "participant" not in rows[0]  # nothing that tells people apart
    assert trainer.outside == screen.outside == [] and all(v.outside == [] for v in visits)  # loopback only
    for context in {trainer_browser, *(phone.context for phone in phones)}:
        context.close()
