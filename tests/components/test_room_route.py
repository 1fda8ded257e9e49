"""The room's poll route (components/room_route.py) on a real store: the revision of a live session,
404 for anything else, one read of the store shared by every phone asking within FRESH_SECONDS."""

import json

from components.room_route import MOST_CODES, Revisions, answer
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
