"""Every write path of the store against every kind of person, on SQLite and PostgreSQL: the store
checks the role itself, whatever the page shows. A participant of a live room has no account: it
may join and answer, nothing else."""

import pandas as pd
import pytest

from data.export import COLUMNS
from store.live import LiveSessions
from store.presentations import Presentations
from store.roles import ANONYMOUS, Actor, NotAllowed

OWNER = Actor("olga", "editor")  # owns the presentation and the live session
PEOPLE = {
    "anonymous": ANONYMOUS,
    "participant": Actor("a1b2c3d4e5f60718", "viewer"),
    "editor": Actor("edna", "editor"),
    "reviewer": Actor("rui", "reviewer"),
    "admin": Actor("ada", "admin"),
    "owner": OWNER,
}
EDITORS = {"editor", "reviewer", "admin", "owner"}
REVIEWERS = {"reviewer", "admin"}
OWNER_OR_ADMIN = {"owner", "admin"}


def cells(example_id: str) -> dict:
    return {column: "" for column in COLUMNS} | {
        "id": example_id,
        "section": "justice",
        "title": "Mobile courts",
        "summary": "Judges travelled.",
        "country": "LBR",
        "source": "A report (2012)",
    }


def now(store, example_id: str) -> int:
    """The version the person sees."""
    return store.example(example_id).version


# action → (who may, the write): each write gets the store, the actor, and the names of fresh things.
WRITES = {
    "save a new example": (EDITORS, lambda s, a, f: s.save(a, cells(f["new"]), "why")),
    "edit an example": (
        EDITORS,
        lambda s, a, f: s.save(a, cells(f["draft"]) | {"title": "B"}, "why", now(s, f["draft"])),
    ),
    "restore a version": (EDITORS, lambda s, a, f: s.restore(a, "ddr-radio-outreach", 1, "why")),
    "import a file": (EDITORS, lambda s, a, f: s.import_frame(a, pd.DataFrame([cells(f["new"])]), "f.csv")),
    "publish": (REVIEWERS, lambda s, a, f: s.set_status(a, {f["draft"]: now(s, f["draft"])}, "published", "why")),
    "publish all": (REVIEWERS, lambda s, a, f: s.publish_all(a, "why")),
    "retire": (REVIEWERS, lambda s, a, f: s.set_status(a, {f["draft"]: now(s, f["draft"])}, "retired", "why")),
    "add an account": ({"admin"}, lambda s, a, f: s.add_person(a, f["new"], "admin", "a long password")),
    "save a presentation": (EDITORS, lambda s, a, f: Presentations(s).save(a, "T", ["ddr-radio-outreach"])),
    "duplicate a presentation": (EDITORS, lambda s, a, f: Presentations(s).duplicate(a, f["deck"])),
    "rename a presentation": (OWNER_OR_ADMIN, lambda s, a, f: Presentations(s).rename(a, f["deck"], "New")),
    "note a slide": (OWNER_OR_ADMIN, lambda s, a, f: Presentations(s).set_note(a, f["deck"], "x", "n")),
    "update a presentation": (OWNER_OR_ADMIN, lambda s, a, f: Presentations(s).update_versions(a, f["deck"])),
    "start a live session": (EDITORS, lambda s, a, f: LiveSessions(s).start(a, f["deck"], "http://x")),
    "steer a live session": (OWNER_OR_ADMIN, lambda s, a, f: LiveSessions(s).change(a, f["live"], slide=1)),
    "approve an answer": (OWNER_OR_ADMIN, lambda s, a, f: LiveSessions(s).approve(a, f["live"], 1, True)),
    "read the answers' report": (OWNER_OR_ADMIN, lambda s, a, f: LiveSessions(s).report(a, f["live"])),
    "end a live session": (OWNER_OR_ADMIN, lambda s, a, f: LiveSessions(s).end(a, f["live"])),
    "delete a presentation": (OWNER_OR_ADMIN, lambda s, a, f: Presentations(s).delete(a, f["deck"])),
}


@pytest.mark.parametrize("who", PEOPLE)
def test_every_write_path_checks_the_role(store, who):
    actor = PEOPLE[who]
    deck = Presentations(store).save(OWNER, "Module", ["ddr-radio-outreach", "darfur-womens-forums"])
    store.save(OWNER, cells("a-draft"), "set-up")
    fresh = {"deck": deck, "live": LiveSessions(store).start(OWNER, deck, "http://x"), "draft": "a-draft"}
    for number, (action, (may, write)) in enumerate(WRITES.items()):  # the ending and deleting ones last
        fresh["new"] = f"new-{number}"
        before = store.revision()[0]
        if who in may:
            write(store, actor, fresh)
        else:
            with pytest.raises(NotAllowed):
                write(store, actor, fresh)
            assert store.revision()[0] == before, action  # nothing written


def test_a_participant_joins_and_answers_without_an_account(store):
    deck = Presentations(store).save(OWNER, "Module", ["ddr-radio-outreach", "darfur-womens-forums"])
    sessions = LiveSessions(store)
    code = sessions.start(OWNER, deck, "http://x")
    sessions.change(OWNER, code, slide=1, activity="prompt")
    sessions.join(code, PEOPLE["participant"].name, "198.51.100.30")
    sessions.answer_text(code, PEOPLE["participant"].name, 1, "x", "An answer.", "198.51.100.30")
    assert len(sessions.answers(code)) == 1
