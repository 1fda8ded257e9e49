"""The collection through the page (AppTest): signing in, the editor's desk, a live session's phone
view, and no write without the role whatever the URL or a forged session says."""

import os
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from store.collection import Store
from store.live import LiveSessions
from store.presentations import Presentations
from store.roles import Actor

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture
def collection(tmp_path, monkeypatch) -> Store:
    url = f"sqlite:///{tmp_path / 'collection.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    store = Store(url)
    store.ensure_seeded()
    store.add_person(None, "edna", "editor", "edna's long secret")
    store.add_person(None, "rui", "reviewer", "rui's long secret")
    return store


def page(**params) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        app.query_params[key] = value
    return app.run()


def sign_in(app: AppTest, name: str, password: str) -> AppTest:
    if not any(t.key == "sign_in_name" for t in app.text_input):
        app.session_state["sign_in_box"] = True  # opens "Sign in", as a click does
        app.run()
    app.text_input(key="sign_in_name").set_value(name)
    app.text_input(key="sign_in_password").set_value(password)
    return next(b for b in app.button if b.label == "Sign in").click().run()


def desk(app: AppTest) -> list:
    return [e for e in app.expander if e.label.startswith("Editor's desk")]


def test_anonymous_viewers_see_no_desk_and_cannot_forge_one(collection):
    app = page(person="edna", role="admin")  # URL parameters are no way in
    assert not app.exception and desk(app) == []
    forged = AppTest.from_file(APP, default_timeout=60)
    forged.session_state["person"] = "a-token-nobody-issued"
    forged.session_state["desk_publish"] = ["ddr-radio-outreach"]  # a replayed widget value
    forged.run()
    assert desk(forged) == [] and not forged.exception
    assert collection.revision()[0] == 1  # nothing was written


def test_a_wrong_password_is_refused_and_the_password_not_kept(collection):
    app = sign_in(page(), "edna", "not the password")
    assert any("Wrong name or password" in e.value for e in app.error)
    assert app.session_state["sign_in_password"] == ""
    assert desk(app) == []


def test_an_editor_adds_a_draft_and_a_reviewer_publishes_it(collection):
    editor = sign_in(page(), "edna", "edna's long secret")
    assert len(desk(editor)) == 1
    form = {t.label: t for t in editor.text_input}
    form["Id (letters, digits and '-')"].set_value("mobile-courts")
    form["Title"].set_value("Mobile courts reach the camps")
    form["Country (ISO3 codes or names, ';' between several)"].set_value("Liberia")
    form["Source"].set_value("A report (2012)")
    next(t for t in editor.text_area if t.label == "Summary").set_value("Judges travelled to the camps.")
    form["Why this change (one line, kept in the history)"].set_value("From the 2012 report")
    next(b for b in editor.button if b.label == "Save as draft").click().run()
    assert not editor.exception
    assert collection.example("mobile-courts").status == "draft"
    assert "Publish" not in [b.label for b in editor.button if not b.disabled]  # editors do not publish

    reviewer = sign_in(page(), "rui", "rui's long secret")
    reviewer.multiselect(key="desk_publish").set_value(["mobile-courts"]).run()
    next(b for b in reviewer.button if b.label == "Publish").click().run()
    assert collection.example("mobile-courts").status == "published"
    assert [h.author for h in collection.history("mobile-courts")] == ["edna", "rui"]
    viewer = page()
    assert any("Showing 10 of 10 examples" in m.value for m in viewer.markdown)


def as_shown(markdown: str) -> str:
    """Markdown text as the page shows it (user text is escaped where Streamlit reads Markdown)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def edit_title(app: AppTest, example_id: str, title: str) -> AppTest:
    app.selectbox(key="desk_example").set_value(example_id).run()
    form = {t.label: t for t in app.text_input}
    form["Title"].set_value(title)
    form["Why this change (one line, kept in the history)"].set_value(f"say {title}")
    return app


def save(app: AppTest) -> AppTest:
    return next(b for b in app.button if b.label == "Save as draft").click().run()


def test_two_editors_at_once_the_second_save_is_refused_and_nothing_is_lost(collection):
    first = edit_title(sign_in(page(), "edna", "edna's long secret"), "ddr-radio-outreach", "Radio, first")
    collection.add_person(None, "jon", "editor", "jon's long secret")
    second = edit_title(sign_in(page(), "jon", "jon's long secret"), "ddr-radio-outreach", "Radio, second")
    save(first)
    assert collection.example("ddr-radio-outreach").cells["title"] == "Radio, first"
    save(second)
    assert collection.example("ddr-radio-outreach").cells["title"] == "Radio, first"  # not overwritten
    assert any("Someone saved this example while you were editing it" in e.value for e in second.error)
    both = second.table[0].value.map(as_shown)
    assert list(both.iloc[0]) == ["title", "Radio, first", "Radio, second"]  # theirs beside yours
    assert {t.label: t.value for t in second.text_input}["Title"] == "Radio, second"  # the typed value stays
    next(b for b in second.button if b.label == "Show the current version in the form").click().run()
    assert {t.label: t.value for t in second.text_input}["Title"] == "Radio, first"
    assert collection.published_frame().set_index("id").loc["ddr-radio-outreach", "title"] != "Radio, first"


def test_a_reviewer_publishes_the_version_they_saw_or_nothing(collection):
    editor = save(edit_title(sign_in(page(), "edna", "edna's long secret"), "ddr-radio-outreach", "Radio, v2"))
    reviewer = sign_in(page(), "rui", "rui's long secret")
    reviewer.multiselect(key="desk_publish").set_value(["ddr-radio-outreach"]).run()
    save(edit_title(editor, "ddr-radio-outreach", "Radio, v3"))  # changed after the reviewer looked
    next(b for b in reviewer.button if b.label == "Publish").click().run()
    assert any("you saw version 2, now 3" in as_shown(e.value) for e in reviewer.error)
    assert collection.published_frame().set_index("id").loc["ddr-radio-outreach", "title"] != "Radio, v3"
    next(b for b in reviewer.button if b.label == "Publish").click().run()  # now they have seen version 3
    assert collection.published_frame().set_index("id").loc["ddr-radio-outreach", "title"] == "Radio, v3"


def test_a_role_or_password_change_ends_the_persons_sessions(collection):
    editor = sign_in(page(), "edna", "edna's long secret")
    assert len(desk(editor)) == 1
    collection.add_person(None, "edna", "editor", "a new long secret")  # the same role, a new password
    editor.run()
    assert desk(editor) == [] and not [b for b in editor.button if b.label == "Sign out"]
    assert any("which ended this session" in i.value for i in editor.info)
    assert len(desk(sign_in(editor, "edna", "a new long secret"))) == 1


def test_the_file_view_has_no_collection(collection, tmp_path):
    os.environ.pop("DATABASE_URL", None)
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()  # the default store of the test session: no sign-in needed to read
    assert not app.exception


# --- A live session through the page: the phone's view, a bad code, no steering without the role ---
LIVE_TRAINER = Actor("edna", "editor")


def live_session(store) -> str:
    slug = Presentations(store).save(LIVE_TRAINER, "Module 3", ["darfur-womens-forums", "liberia-gbv-crimes-unit"])
    return LiveSessions(store).start(LIVE_TRAINER, slug, "http://192.168.1.10:8501")


def html(app: AppTest) -> str:
    return " ".join(str(getattr(e, "body", "")) for e in app.get("html"))


def test_a_phone_joins_and_sees_the_trainers_slide(collection):
    code = live_session(collection)
    LiveSessions(collection).change(LIVE_TRAINER, code, slide=1, activity="quiz")
    app = page(join=code)
    assert not app.exception
    title = "Women's Forums held by female UNPOL officers"
    assert title.replace("'", "&#39;") in html(app) or title in html(app)
    assert 'class="badge"' not in html(app)  # the section stays hidden while the room guesses it
    assert [r.label for r in app.radio] == ["Which thematic section is this example from?"]
    assert LiveSessions(collection).participants(code) == 1


def test_a_bad_or_unknown_code_is_named(collection):
    app = page(join="nope!")
    assert not app.exception
    assert any("6 letters and digits" in str(getattr(e, "body", "")) for e in app.get("html"))
    app = page(join="ABCDEF")
    assert [i.value for i in app.info] == ["No live session 'ABCDEF': check the code on the trainer's screen."]


def test_a_live_link_steers_nothing_for_someone_else(collection):
    code = live_session(collection)
    slug = LiveSessions(collection).get(code).slug
    app = page(p=slug, view="present", live=code)  # anonymous, with the trainer's link
    assert not [b for b in app.button if b.label == "End the live session"]
    app = sign_in(app, "rui", "rui's long secret")  # a reviewer who is not its trainer
    assert not [b for b in app.button if b.label == "End the live session"]
    assert LiveSessions(collection).get(code).revision == 0  # nothing was written
