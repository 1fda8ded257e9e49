"""Live sessions on SQLite and PostgreSQL: the trainer steers, the room answers, nothing personal is kept."""

import time
from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

import store.live as live
from store.live import ANSWERS, JOINS, MAX_ANSWER, TEXTS_PER_SLIDE, LiveSessions, Refused
from store.models import LiveSession
from store.presentations import Presentations
from store.roles import ANONYMOUS, Actor, NotAllowed

TRAINER, OTHER, ADMIN = Actor("tina", "editor"), Actor("omar", "editor"), Actor("ada", "admin")
SECTIONS = ("ddr", "elections", "justice")
BASE = "http://192.168.1.10:8501"


@pytest.fixture
def room(store):
    store.ensure_seeded()
    slug = Presentations(store).save(TRAINER, "Module 3", ["darfur-womens-forums", "liberia-gbv-crimes-unit"])
    sessions = LiveSessions(store)
    return sessions, sessions.start(TRAINER, slug, BASE)


def test_the_trainer_steers_and_followers_read_it(room):
    sessions, code = room
    started = sessions.get(code)
    assert (started.slide, started.activity, started.revision, started.ended) == (0, "", 0, False)
    assert started.join_url == f"{BASE}/?join={code}" and len(code) == 6
    sessions.change(TRAINER, code, slide=2, reveal=True)
    moved = sessions.get(code)
    assert (moved.slide, moved.reveal, moved.summary_shown, moved.revision) == (2, True, False, 1)
    sessions.change(TRAINER, code, summary_shown=True)
    sessions.change(ADMIN, code, activity="quiz")  # an admin may steer too
    assert sessions.get(code).activity == "quiz"
    sessions.change(TRAINER, code, slide=1)  # a new slide: nothing open on it yet
    assert (sessions.get(code).activity, sessions.get(code).summary_shown) == ("", False)
    assert sessions.get("NOPE42") is None


@pytest.mark.parametrize("who", [OTHER, ANONYMOUS, None])
def test_only_the_trainer_or_an_admin_steers(room, who):
    sessions, code = room
    with pytest.raises(NotAllowed):
        sessions.change(who, code, slide=1)
    with pytest.raises(NotAllowed):
        sessions.end(who, code)
    if who is not OTHER:  # another editor may start a session of their own
        with pytest.raises(NotAllowed):
            sessions.start(who, sessions.get(code).slug, BASE)


def test_a_start_needs_a_saved_presentation_and_an_address(store):
    store.ensure_seeded()
    with pytest.raises(LookupError):
        LiveSessions(store).start(TRAINER, "no-such-deck", BASE)
    with pytest.raises(ValueError, match="http://"):
        LiveSessions(store).start(TRAINER, "no-such-deck", "192.168.1.10")


def test_quiz_answers_are_counted_once_per_participant(room):
    sessions, code = room
    with pytest.raises(Refused, match="moved on"):  # no quiz open
        sessions.answer_quiz(code, "p1", 0, "x", "justice", SECTIONS)
    sessions.change(TRAINER, code, slide=1, activity="quiz")
    for participant, choice in (("p1", "ddr"), ("p2", "justice"), ("p3", "justice"), ("p1", "justice")):
        sessions.join(code, participant)
        sessions.answer_quiz(code, participant, 1, "darfur-womens-forums", choice, SECTIONS)
    assert sessions.quiz_counts(code, 1) == {"justice": 3}
    assert sessions.participants(code) == 3
    assert [a.value for a in sessions.answers(code, 1, participant="p1")] == ["justice"]  # what p1's phone says
    assert sessions.answers(code, 0, participant="p1") == []
    with pytest.raises(Refused, match="choices"):
        sessions.answer_quiz(code, "p1", 1, "x", "weather", SECTIONS)
    with pytest.raises(Refused, match="moved on"):  # an answer for a slide the trainer has left
        sessions.answer_quiz(code, "p1", 2, "x", "ddr", SECTIONS)


def test_text_answers_wait_for_approval_and_can_be_hidden_again(room):
    sessions, code = room
    sessions.change(TRAINER, code, slide=1, activity="prompt")
    sessions.join(code, "p1")
    sessions.answer_text(code, "p1", 1, "darfur-womens-forums", "  <b>Trust</b> takes time  ")
    (answer,) = sessions.answers(code, 1)
    assert (answer.value, answer.approved, answer.kind) == ("<b>Trust</b> takes time", False, "text")
    with pytest.raises(NotAllowed):
        sessions.approve(OTHER, code, answer.id, True)
    sessions.approve(TRAINER, code, answer.id, True)
    assert sessions.answers(code, 1)[0].approved
    sessions.approve(TRAINER, code, answer.id, False)
    assert not sessions.answers(code, 1)[0].approved
    with pytest.raises(Refused, match=f"at most {MAX_ANSWER} characters; this one has {MAX_ANSWER + 1}"):
        sessions.answer_text(code, "p1", 1, "x", "a" * (MAX_ANSWER + 1))
    with pytest.raises(Refused, match="Write an answer"):
        sessions.answer_text(code, "p1", 1, "x", "   ")
    for _ in range(TEXTS_PER_SLIDE - 1):
        sessions.answer_text(code, "p1", 1, "x", "more")
    with pytest.raises(Refused, match="the most there can be"):
        sessions.answer_text(code, "p1", 1, "x", "one too many")


def test_an_ended_session_takes_no_answers_and_old_ones_are_purged(store, room):
    sessions, code = room
    sessions.change(TRAINER, code, slide=1, activity="quiz")
    sessions.join(code, "p1")
    sessions.answer_quiz(code, "p1", 1, "x", "ddr", SECTIONS)
    sessions.end(TRAINER, code)
    assert sessions.get(code).ended and sessions.get(code).activity == ""
    with pytest.raises(Refused, match="ended"):
        sessions.answer_quiz(code, "p1", 1, "x", "ddr", SECTIONS)
    with pytest.raises(Refused, match="ended"):
        sessions.change(TRAINER, code, slide=2)
    assert sessions.purge(1) == 0  # started today
    with Session(store.engine) as session, session.begin():
        old = sessions.get(code).started_at - timedelta(days=40)
        session.execute(update(LiveSession).where(LiveSession.code == code).values(started_at=old))
    assert sessions.purge(30) == 1
    assert sessions.get(code) is None and sessions.answers(code) == [] and sessions.participants(code) == 0


def test_a_flood_from_one_address_is_held_and_the_room_elsewhere_still_answers(room):
    """The reviewer's flood: 300 fresh participant ids (a cleared cookie each) sending 900 answers."""
    sessions, code = room
    sessions.change(TRAINER, code, slide=1, activity="quiz")
    joined = answered = 0
    start = time.monotonic()
    for number in range(300):
        try:
            sessions.join(code, f"flood{number:011d}", "203.0.113.7")
            joined += 1
        except Refused as refused:
            assert refused.reason == "busy"
            continue
        for choice in ("ddr", "justice", "elections"):
            try:
                sessions.answer_quiz(code, f"flood{number:011d}", 1, "x", choice, SECTIONS, "203.0.113.7")
                answered += 1
            except Refused as refused:
                assert refused.reason == "busy"
    elapsed = time.monotonic() - start  # the burst, and what the buckets refilled meanwhile
    assert joined <= JOINS.burst + JOINS.per_second * elapsed + 1, (joined, elapsed)
    assert answered <= ANSWERS.burst + ANSWERS.per_second * elapsed + 1, (answered, elapsed)
    assert joined < 300 and answered < 900
    assert sum(sessions.quiz_counts(code, 1).values()) <= joined  # one answer a participant, however many sent
    sessions.join(code, "elsewhere000001", "198.51.100.20")  # another address is not held up
    sessions.answer_quiz(code, "elsewhere000001", 1, "x", "ddr", SECTIONS, "198.51.100.20")


def test_caps_per_session_and_per_participant(room, monkeypatch):
    sessions, code = room
    monkeypatch.setattr(live, "MAX_PARTICIPANTS", 2)
    monkeypatch.setattr(live, "ANSWERS_PER_PARTICIPANT", 2)
    sessions.join(code, "p1")
    sessions.join(code, "p2")
    sessions.join(code, "p1")  # joining again is not another participant
    with pytest.raises(Refused, match=r"all the participants it can take \(2\)"):
        sessions.join(code, "p3")
    sessions.change(TRAINER, code, slide=1, activity="prompt")
    with pytest.raises(Refused, match="join link again"):  # answers only from those who joined
        sessions.answer_text(code, "p3", 1, "x", "hi")
    sessions.answer_text(code, "p1", 1, "x", "one")
    sessions.answer_text(code, "p1", 1, "x", "two")
    with pytest.raises(Refused, match="2 answers in this session"):
        sessions.answer_text(code, "p1", 1, "x", "three")


def test_a_session_ends_by_itself_and_only_its_trainer_reads_the_report(store, room):
    sessions, code = room
    sessions.change(TRAINER, code, slide=1, activity="quiz")
    sessions.join(code, "p1")
    sessions.answer_quiz(code, "p1", 1, "x", "ddr", SECTIONS)
    with pytest.raises(NotAllowed):
        sessions.report(OTHER, code)
    assert len(sessions.report(TRAINER, code)) == len(sessions.report(ADMIN, code)) == 1
    with Session(store.engine) as session, session.begin():
        started = sessions.get(code).started_at - live.LASTS - timedelta(minutes=1)
        session.execute(update(LiveSession).where(LiveSession.code == code).values(started_at=started))
    assert sessions.get(code).ended
    with pytest.raises(Refused, match="ended"):
        sessions.answer_quiz(code, "p1", 1, "x", "justice", SECTIONS)
    with pytest.raises(Refused, match="ended"):
        sessions.change(TRAINER, code, slide=2)
