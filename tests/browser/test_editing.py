"""An editor and a reviewer in two browsers work on the collection (and edit one example at once:
the second save is refused); an anonymous third sees the result; the history names each change's
author. (That the collection survives a restart: tests/browser/test_collection.py.)"""

from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Locator, expect

from bench.app_server import start_app, stop_app
from store.collection import Store
from tests.browser.conftest import Visit, choose, sign_in

FILE = (
    "id,section,title,summary,country,year,mission,source\n"
    "imported-1,elections,Imported voter outreach,Radio spots for women voters.,Ivory Coast,2010,,A report\n"
    "imported-2,elections,Bad row,Refused.,Korea,2010,,A report\n"
)


@pytest.fixture
def collection(tmp_path) -> Iterator[tuple[Store, str, object]]:
    url = f"sqlite:///{tmp_path / 'collection.sqlite3'}"
    store = Store(url)
    store.ensure_seeded()
    store.add_person(None, "edna", "editor", "edna's long secret")
    store.add_person(None, "rui", "reviewer", "rui's long secret")
    process, base = start_app(database=url)
    yield store, base
    stop_app(process)


def signed_in(people: BrowserContext, base: str, name: str, password: str) -> Visit:
    """A local sign-in holds for one Streamlit session, a page: so everyone here is a page of one browser."""
    visit = Visit(people.new_page(), base)
    visit.open()
    sign_in(visit, name, password)
    visit.page.get_by_text("Editor's desk").click()
    visit.wait()
    return visit


def open_example(visit: Visit, example_id: str, title: str) -> None:
    choose(visit.page, "Example", f"{title} · draft", box=visit.page.locator(".st-key-desk_example"))
    visit.wait()  # the chosen example's form drawn
    box = visit.page.locator(f".st-key-desk_form_{example_id}_box")
    expect(box.locator(f'input[aria-label="Title"][value="{title}"]').filter(visible=True)).to_have_count(1)
    expect(field(visit, "Title", example_id)).to_have_count(1)  # the replaced form's fields gone too


def field(visit: Visit, label: str, example_id: str = "new") -> Locator:
    """A field of the desk's form of ``example_id``: while a slow run redraws the desk, the form it
    replaces can still be on the page (greyed or hidden, even inside the new form's box until the run
    ends), so the form is named by its key, only what a person sees counts, and ``open_example`` waits
    for the one with the example's title."""
    box = visit.page.locator(f".st-key-desk_form_{example_id}_box")
    return box.get_by_label(label, exact=True).filter(visible=True)


def save_title(visit: Visit, example_id: str, title: str) -> None:
    field(visit, "Title", example_id).fill(title)
    form = visit.page.locator(f".st-key-desk_form_{example_id}_box")
    form.get_by_label("Why this change (one line, kept in the history)").fill("a clearer title")
    form.get_by_role("button", name="Save as draft").click()


def test_editor_imports_and_creates_reviewer_publishes_anonymous_sees(browser, collection, tmp_path):
    store, base = collection
    mine = tmp_path / "mine.csv"
    mine.write_text(FILE, encoding="utf-8")

    people = browser.new_context(viewport={"width": 1280, "height": 900})
    editor = signed_in(people, base, "edna", "edna's long secret")
    page = editor.page
    page.get_by_role("tab", name="Import").click()
    page.get_by_test_id("stFileUploaderDropzoneInput").last.set_input_files(mine)
    expect(page.get_by_text("1 of 2 rows can be imported as drafts.")).to_be_visible()
    expect(page.get_by_test_id("stTable").last).to_contain_text("could be several countries")
    page.get_by_role("button", name="Import 1 rows as drafts").click()
    expect(page.get_by_text("Imported from mine.csv. New drafts: 1. Changed examples, now drafts: 0")).to_be_visible()

    page.get_by_role("tab", name="Edit or add").click()
    field(editor, "Id (letters, digits and '-')").fill("mobile-courts")
    field(editor, "Title").fill("Mobile courts reach the camps")
    field(editor, "Summary").fill("Judges travelled to the camps.")
    field(editor, "Country (ISO3 codes or names, ';' between several)").fill("Liberia")
    field(editor, "Source").fill("A report (2012)")
    field(editor, "Why this change (one line, kept in the history)").fill("From the 2012 report")
    page.locator(".st-key-desk_form_new_box").get_by_role("button", name="Save as draft").click()
    expect(page.get_by_text("Saved mobile-courts as version 1")).to_be_visible()

    # Two people edit mobile-courts at once: the second save is refused, both versions side by side.
    open_example(editor, "mobile-courts", "Mobile courts reach the camps")
    reviewer = signed_in(people, base, "rui", "rui's long secret")
    page = reviewer.page
    reviewer.page.get_by_role("tab", name="Edit or add").click()
    open_example(reviewer, "mobile-courts", "Mobile courts reach the camps")
    save_title(reviewer, "mobile-courts", "Mobile courts in the camps")
    expect(page.get_by_text("Saved mobile-courts as version 2")).to_be_visible()
    save_title(editor, "mobile-courts", "Courts on wheels")
    expect(editor.page.get_by_text("Someone saved this example while you were editing it")).to_be_visible()
    both = editor.page.get_by_test_id("stTable").filter(has_text="Theirs")
    expect(both).to_contain_text("Mobile courts in the camps")  # theirs
    expect(both).to_contain_text("Courts on wheels")  # yours
    assert store.example("mobile-courts").cells["title"] == "Mobile courts in the camps"

    page.get_by_role("tab", name="Drafts and publishing").click()
    page.get_by_role("button", name="Publish all 2 drafts").click()
    expect(page.get_by_text("Published: 2. Everyone sees them at their next click.")).to_be_visible()

    anonymous = Visit(people.new_page(), base)
    expect(anonymous.open().get_by_test_id("count-line")).to_have_text("Showing 11 of 11 examples")
    expect(anonymous.page.locator("article.card", has_text="Mobile courts in the camps")).to_be_visible()
    assert anonymous.page.get_by_text("Editor's desk").count() == 0
    people.close()
    assert [(h.author, h.status) for h in store.history("mobile-courts")] == [
        ("edna", "draft"),
        ("rui", "draft"),
        ("rui", "published"),
    ]
    assert [h.author for h in store.history("imported-1")] == ["edna", "rui"]
