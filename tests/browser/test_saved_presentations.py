"""Saved presentations as trainers use them: saved by an editor, opened by its short link in another
browser, on a second app process sharing the store and after a restart; a link's unknown ids named
and kept."""

import re
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import expect

from bench.app_server import start_app, stop_app
from store.collection import Store
from tests.browser.conftest import SHOTS, Visit, press, sign_in

PLAYLIST = "ids=darfur-womens-forums&ids=liberia-gbv-crimes-unit"


@pytest.fixture
def two_processes(tmp_path) -> Iterator[tuple[str, str, Callable[[], str]]]:
    """Two app processes on one store, and a restart of the first (its new address)."""
    url = f"sqlite:///{tmp_path / 'collection.sqlite3'}"
    store = Store(url)
    store.ensure_seeded()
    store.add_person(None, "tina", "editor", "tina's long secret")
    processes = [start_app(database=url), start_app(database=url)]

    def restart_first() -> str:
        stop_app(processes[0][0])
        processes[0] = start_app(database=url)
        return processes[0][1]

    yield processes[0][1], processes[1][1], restart_first
    for process, _ in processes:
        stop_app(process)


def test_a_saved_presentation_opens_the_same_slides_elsewhere(browser, two_processes):
    base, other, restart_first = two_processes
    trainer = Visit(browser.new_context(viewport={"width": 1280, "height": 900}).new_page(), base)
    page = trainer.open(f"?view=present&{PLAYLIST}&note=false&lang=fr")
    sign_in(trainer, "tina", "tina's long secret", "fr")
    page.get_by_label("Titre de la présentation").fill("Module 3 : justice")
    page.get_by_role("button", name="Enregistrer cette présentation").click()
    saved_done = page.locator(".st-key-saved_done")  # the panel that saved it says so, no other
    expect(saved_done).to_contain_text("Enregistrée. Son lien ouvre les mêmes diapositives partout.")
    expect(page).to_have_url(re.compile(r"p=module-3-justice-[0-9a-f]{6}"))
    expect(page).not_to_have_url(re.compile(r"ids="))
    slug = re.search(r"p=([a-z0-9-]+)", page.url).group(1)
    page.get_by_label("Note de l’animateur pour cette diapositive").fill("Commencer par <b>le camp</b>")
    page.get_by_role("button", name="Enregistrer la note").click()
    expect(page.get_by_text("Note enregistrée.")).to_be_visible()
    page.get_by_role("button", name="Supprimer cette présentation").click()  # asks first; cancelled, nothing lost
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text(re.compile(r"«\sModule 3 : justice\s» sera supprimée pour tout le monde"))
    page.screenshot(path=SHOTS / "ask-first-fr-1280x900.png")
    dialog.get_by_role("button", name="Annuler").click()
    expect(dialog).to_have_count(0)
    expect(page.get_by_role("heading", name="Module 3 : justice")).to_be_visible()
    page.screenshot(path=SHOTS / "saved-presentation-fr-1280x900.png")

    room = Visit(browser.new_context(viewport={"width": 1280, "height": 720}).new_page(), other)
    shown = room.open(f"?p={slug}")  # the short link, in another browser and app process, no language given
    expect(shown.get_by_test_id("slide-counter")).to_have_text("Diapositive 1 sur 2")  # saved in French
    french_title = re.compile(r"Des\s«\sforums de femmes\s» animés par des policières de l’UNPOL")  # \s: U+00A0 too
    expect(shown.locator(".slide-title")).to_have_text(french_title)
    expect(shown.locator(".slide")).to_contain_text("Jusqu’à 200 femmes y participaient régulièrement (2006)")
    expect(shown.locator(".geolayer .layer.land path").first).to_be_attached()
    shown.screenshot(path=SHOTS / "present-fr-1280x720.png")
    expect(shown.get_by_role("heading", name="Module 3 : justice")).to_be_visible()
    assert shown.get_by_role("button", name="Supprimer cette présentation").count() == 0  # not the owner
    note = shown.locator(".trainer-note")  # on the laptop's sidebar, as text
    expect(note).to_have_text("Note de l’animateur : Commencer par <b>le camp</b>")
    assert note.locator("b").count() == 1  # the label's own bold, none from the note

    again = Visit(room.page.context.new_page(), restart_first())  # the trainer's process, restarted
    expect(again.open(f"?p={slug}&view=present").get_by_test_id("slide-counter")).to_have_text("Diapositive 1 sur 2")


def test_unknown_ids_in_a_link_are_named_and_the_link_is_kept(visit):
    page = visit.open("?view=present&ids=nope&ids=darfur-womens-forums")
    expect(page.get_by_test_id("slide-counter")).to_have_text("Content note")
    expect(page.get_by_text("Ignored ids='nope': no such example.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"ids=nope&ids=darfur-womens-forums"))
    press(visit, "ArrowRight")
    expect(page.get_by_test_id("slide-counter")).to_have_text("Slide 1 of 1")
    expect(page.locator(".slide-title")).to_have_text("Women's Forums held by female UNPOL officers")


def test_a_link_with_only_unknown_ids_is_not_another_deck(visit):
    page = visit.open("?view=present&ids=nope&note=false")
    expect(page.get_by_text("Ignored ids='nope': no such example.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"ids=nope"))
    expect(page.get_by_text("The playlist is empty")).to_be_visible()  # not the curated examples instead
