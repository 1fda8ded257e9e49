"""The room's routes (components/room_route.py) on a real store: the revision of a live session and a
phone's slide, 404 for anything else; one read of the store shared by every phone asking within
FRESH_SECONDS, one drawing of a slide per revision and language."""

import json

from markupsafe import escape

from components.room_route import MOST_CODES, Revisions, answer, drawn, revisions_of, slide_answer
from store.live import LiveSessions
from store.presentations import Presentations
from store.roles import Actor

TRAINER = Actor("tina", "editor")


def test_a_live_sessions_revision_and_404_for_anything_else(store):
    slug = Presentations(store).save(TRAINER, "Module 3", ["darfur-womens-forums"])
    sessions = LiveSessions(store)
    code = sessions.start(TRAINER, slug, "http://192.168.1.10:8501")
    given = answer(code, store)
    assert (given.status_code, json.loads(given.body)) == (200, {"revision": 0})
    assert given.headers["cache-control"] == "no-store"
    for wrong in ("NOPE42", code.lower(), code + "A", "../../etc", "A" * 10_000, ""):
        refused = answer(wrong, store)
        assert (refused.status_code, json.loads(refused.body)) == (404, {"error": "No such live session."}), wrong
    assert answer(code, None).status_code == 404  # the app shows one file (--data): no collection, no room


def test_one_read_serves_every_phone_until_it_is_a_quarter_second_old():
    reads, now = [], [0.0]
    revisions = Revisions(lambda code: reads.append(code) or len(reads), clock=lambda: now[0])
    assert [revisions("ABCDEF") for _ in range(100)] == [1] * 100  # a hundred phones, one read
    now[0] = 0.2
    assert revisions("ABCDEF") == 1
    now[0] = 0.3  # older than FRESH_SECONDS: read again
    assert revisions("ABCDEF") == 2 and reads == ["ABCDEF", "ABCDEF"]


def test_the_codes_remembered_are_bounded_the_longest_unasked_forgotten_first():
    revisions = Revisions(lambda code: 7, clock=lambda: 0.0)
    for number in range(MOST_CODES + 50):
        revisions(f"C{number:05d}")
        revisions("KEPT22")  # asked all along
    assert len(revisions.seen) == MOST_CODES
    assert "KEPT22" in revisions.seen and "C00000" not in revisions.seen


def slide_of(code, store, lang="en") -> tuple[int, dict]:
    revisions_of.cache_clear()  # the shared read of the revision, a quarter second old at most, read now
    given = slide_answer(code, lang, store)
    return given.status_code, json.loads(given.body)


def test_a_phones_slide_is_drawn_once_per_revision_and_language_and_its_widgets_named(store):
    ids = ["darfur-womens-forums", "liberia-gbv-crimes-unit"]
    slug = Presentations(store).save(TRAINER, "Module 3", ids)
    sessions = LiveSessions(store)
    code = sessions.start(TRAINER, slug, "http://192.168.1.10:8501")
    status, view = slide_of(code, store)
    assert (status, view["revision"], view["form"]) == (200, 0, "")
    assert "You are in." in view["html"] and "Content note" in view["html"]
    sessions.change(TRAINER, code, slide=1)
    title = store.published_frame().set_index("id").loc[ids[0], "title"]
    _, view = slide_of(code, store)
    assert (view["revision"], view["form"]) == (1, "") and str(escape(title)) in view["html"]
    assert "You are in." not in view["html"]
    drawn.cache_clear()
    assert [slide_of(code, store)[1] for _ in range(100)] == [view] * 100
    assert drawn.cache_info().misses == 1  # a hundred phones, one drawing
    _, french = slide_of(code, store, "fr")
    assert french["html"] != view["html"] and "À discuter" in french["html"]
    sessions.change(TRAINER, code, activity="quiz")  # a question opens: the phone's page must rerun
    _, view = slide_of(code, store)
    assert view["form"] == "quiz 1" and "Section" not in view["html"]
    sessions.end(TRAINER, code)
    assert slide_of(code, store)[1]["form"] == "ended"
    for code_, lang in (("NOPE42", "en"), (code, "de"), (code, "<script>"), ("../x", "en")):
        assert slide_of(code_, store, lang) == (404, {"error": "No such live session."}), (code_, lang)
    assert slide_of(code, None)[0] == 404
