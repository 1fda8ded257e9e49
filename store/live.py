"""Live training sessions: the room follows the trainer's slide on their phones and answers.

The store is the meeting point of the trainer's and the participants' Streamlit sessions: the
trainer's changes bump the session's ``revision``, and a follower's poll is one read by key.
Participants are random ids, nothing more (no names, no addresses). Starting, steering and ending a
session needs the right to present and, once started, its owner or an admin; answering needs the
session's code, an open question on the slide shown, and nothing else.
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from data.translations import N_
from store.accounts import aware
from store.collection import Store, now
from store.limits import RateLimit
from store.models import LiveAnswer, LiveParticipant, LiveSession
from store.presentations import Presentations, owned_row
from store.roles import Actor, require

CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: read aloud and typed on a phone
CODE_LENGTH = 6
MAX_ANSWER = 280
TEXTS_PER_SLIDE = 3  # a participant's text answers per slide
ANSWERS_PER_PARTICIPANT = 60  # in a whole session (20 slides: a quiz and two texts each)
MAX_PARTICIPANTS = 500  # a session's
MAX_ANSWERS = 20_000  # a session's
LASTS = timedelta(hours=12)  # a session ends by itself this long after it started
KEPT_DAYS = 30  # sessions older than this are purged when a trainer starts a new one
# Per client address (a whole room behind one router shares one): joins and answers.
JOINS = RateLimit(burst=150, per_second=1.0)
ANSWERS = RateLimit(burst=300, per_second=5.0)
ACTIVITIES = ("", "quiz", "prompt")


# Why an answer or a join is refused; translated where the participant reads it (components/room.py).
REFUSALS = {
    "ended": N_("This live session has ended."),
    "closed": N_("The trainer has moved on: this question is closed."),
    "results": N_("The results are shown: this question is closed."),
    "choose": N_("Choose one of the answers first."),
    "choice": N_("Not one of the choices: {value}."),
    "empty": N_("Write an answer first."),
    "long": N_("Answers are at most {most} characters; this one has {count}."),
    "many": N_("You have sent {most} answers on this slide, the most there can be."),
    "most": N_("You have sent {most} answers in this session, the most there can be."),
    "full": N_("This live session has all the participants it can take ({most})."),
    "busy": N_("Too many answers or joins from this network just now: try again in a few seconds."),
    "joined": N_("Open the join link again to take part."),
    "answers": N_("This live session has taken all the answers it can ({most})."),
}


class Refused(ValueError):
    """An answer the session cannot take now: ``reason`` (a key of ``REFUSALS``) says why."""

    def __init__(self, reason: str, **values: object) -> None:
        super().__init__(REFUSALS[reason].format(**values))
        self.reason, self.values = reason, values


@dataclass(frozen=True)
class Live:
    """A live session as the followers see it."""

    code: str
    slug: str
    owner: str
    base_url: str
    slide: int
    activity: str
    results_shown: bool
    reveal: bool
    summary_shown: bool
    revision: int
    started_at: datetime
    ended_at: datetime | None

    @property
    def ended(self) -> bool:
        """Ended by its trainer, or by itself ``LASTS`` after it started."""
        return self.ended_at is not None or now() > self.started_at + LASTS

    @property
    def join_url(self) -> str:
        return f"{self.base_url.rstrip('/')}/?join={self.code}"


@dataclass(frozen=True)
class Answer:
    id: int
    slide: int
    example_id: str
    kind: str
    value: str
    approved: bool
    at: datetime


def live(row: LiveSession) -> Live:
    return Live(
        code=row.code,
        slug=row.slug,
        owner=row.owner,
        base_url=row.base_url,
        slide=row.slide,
        activity=row.activity,
        results_shown=row.results_shown,
        reveal=row.reveal,
        summary_shown=row.summary_shown,
        revision=row.revision,
        started_at=aware(row.started_at),
        ended_at=aware(row.ended_at) if row.ended_at else None,
    )


def new_code() -> str:
    return "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))


def new_participant() -> str:
    return secrets.token_hex(8)


class LiveSessions:
    def __init__(self, store: Store) -> None:
        self.store, self.engine = store, store.engine

    def start(self, actor: Actor, slug: str, base_url: str) -> str:
        """A new session of the saved presentation ``slug``, on its first slide; its code."""
        require(actor, "present")
        base_url = base_url.strip()
        if not base_url.startswith(("http://", "https://")) or any(c.isspace() for c in base_url):
            raise ValueError(f"Write the address participants open as http://… or https://… (not {base_url!r}).")
        if Presentations(self.store).get(slug) is None:
            raise LookupError(f"No saved presentation {slug!r}.")
        self.purge(KEPT_DAYS)  # the schedule of the embedded store (a team's cron may purge sooner)
        code = new_code()
        with Session(self.engine) as session, session.begin():
            session.add(
                LiveSession(
                    code=code,
                    slug=slug,
                    owner=actor.name,
                    base_url=base_url,
                    slide=0,
                    activity="",
                    results_shown=False,
                    reveal=False,
                    summary_shown=True,
                    revision=0,
                    started_at=now(),
                )
            )
        return code

    def get(self, code: str) -> Live | None:
        """The session's state: the followers' poll (one read by primary key)."""
        with Session(self.engine) as session:
            row = session.get(LiveSession, code)
            return live(row) if row else None

    def change(self, actor: Actor, code: str, **values: object) -> None:
        """The trainer's change (slide, activity, results_shown, reveal, summary_shown), seen by every
        follower at their next poll. Only the session's owner or an admin; never after its end."""
        if values.get("activity", "") not in ACTIVITIES:
            raise ValueError(f"No such activity {values['activity']!r}.")
        with Session(self.engine) as session, session.begin():
            row = self.owned(session, actor, code)
            if live(row).ended:
                raise Refused("ended")
            if "slide" in values and values["slide"] != row.slide:  # a new slide: nothing open on it yet
                row.activity, row.results_shown = "", False
                row.summary_shown = not values.get("reveal", row.reveal)
            for name, value in values.items():
                setattr(row, name, value)
            row.revision += 1

    def end(self, actor: Actor, code: str) -> None:
        with Session(self.engine) as session, session.begin():
            row = self.owned(session, actor, code)
            if row.ended_at is None:
                row.ended_at, row.activity = now(), ""
                row.revision += 1

    def owned(self, session: Session, actor: Actor, code: str) -> LiveSession:
        return owned_row(session, LiveSession, code, actor, "live session")

    def join(self, code: str, participant: str, address: str = "") -> None:
        """A browser joined (once per session, however often it reloads); ``Refused`` for a session
        that is full, or an address joining faster than ``JOINS`` allows."""
        with Session(self.engine) as session, session.begin():
            if session.get(LiveParticipant, (code, participant)) is not None:
                return
            if not JOINS.take(address):
                raise Refused("busy")
            if (session.scalar(select(func.count()).where(LiveParticipant.code == code)) or 0) >= MAX_PARTICIPANTS:
                raise Refused("full", most=MAX_PARTICIPANTS)
            session.add(LiveParticipant(code=code, participant=participant))

    def open_question(self, session: Session, code: str, slide: int, kind: str, participant: str) -> LiveSession:
        """The session, if it takes this participant's answer to this slide now (``Refused`` otherwise)."""
        row = session.get(LiveSession, code)
        if row is None or live(row).ended:
            raise Refused("ended")
        if row.slide != slide or row.activity != ("quiz" if kind == "quiz" else "prompt"):
            raise Refused("closed")
        if kind == "quiz" and row.results_shown:
            raise Refused("results")
        if session.get(LiveParticipant, (code, participant)) is None:
            raise Refused("joined")
        answers = select(func.count()).select_from(LiveAnswer).where(LiveAnswer.code == code)
        if (session.scalar(answers.where(LiveAnswer.participant == participant)) or 0) >= ANSWERS_PER_PARTICIPANT:
            raise Refused("most", most=ANSWERS_PER_PARTICIPANT)
        if (session.scalar(answers) or 0) >= MAX_ANSWERS:
            raise Refused("answers", most=MAX_ANSWERS)
        return row

    def answer_quiz(
        self,
        code: str,
        participant: str,
        slide: int,
        example_id: str,
        choice: str | None,
        choices: Collection[str],
        address: str = "",
    ) -> None:
        """A participant's quiz answer for the slide shown; answering again changes it."""
        if choice is None:
            raise Refused("choose")
        if choice not in choices:
            raise Refused("choice", value=repr(choice)[:40])
        if not ANSWERS.take(address):
            raise Refused("busy")
        with Session(self.engine) as session, session.begin():
            self.open_question(session, code, slide, "quiz", participant)
            mine = session.scalars(
                select(LiveAnswer).where(
                    LiveAnswer.code == code,
                    LiveAnswer.slide == slide,
                    LiveAnswer.kind == "quiz",
                    LiveAnswer.participant == participant,
                )
            ).first()
            if mine:
                mine.value, mine.at = choice, now()
            else:
                session.add(self.answer(code, slide, example_id, "quiz", participant, choice))

    def answer_text(
        self, code: str, participant: str, slide: int, example_id: str, text: str, address: str = ""
    ) -> None:
        """A short anonymous answer to the slide's discussion prompt, hidden until approved."""
        text = text.strip()
        if not text:
            raise Refused("empty")
        if len(text) > MAX_ANSWER:
            raise Refused("long", most=MAX_ANSWER, count=len(text))
        if not ANSWERS.take(address):
            raise Refused("busy")
        with Session(self.engine) as session, session.begin():
            self.open_question(session, code, slide, "prompt", participant)
            sent = session.scalar(
                select(func.count()).where(
                    LiveAnswer.code == code,
                    LiveAnswer.slide == slide,
                    LiveAnswer.kind == "text",
                    LiveAnswer.participant == participant,
                )
            )
            if sent >= TEXTS_PER_SLIDE:
                raise Refused("many", most=TEXTS_PER_SLIDE)
            session.add(self.answer(code, slide, example_id, "text", participant, text))

    @staticmethod
    def answer(code: str, slide: int, example_id: str, kind: str, participant: str, value: str) -> LiveAnswer:
        return LiveAnswer(
            code=code,
            slide=slide,
            example_id=example_id,
            kind=kind,
            participant=participant,
            value=value,
            approved=False,
            at=now(),
        )

    def approve(self, actor: Actor, code: str, answer_id: int, shown: bool) -> None:
        """Show a text answer to the room, or hide it again."""
        with Session(self.engine) as session, session.begin():
            row = self.owned(session, actor, code)
            session.execute(
                update(LiveAnswer).where(LiveAnswer.id == answer_id, LiveAnswer.code == code).values(approved=shown)
            )
            row.revision += 1

    def answers(self, code: str, slide: int | None = None, participant: str | None = None) -> list[Answer]:
        """The session's answers (of one slide, of one participant: what their phone says was sent),
        oldest first."""
        query = select(LiveAnswer).where(LiveAnswer.code == code)
        if slide is not None:
            query = query.where(LiveAnswer.slide == slide)
        if participant is not None:
            query = query.where(LiveAnswer.participant == participant)
        with Session(self.engine) as session:
            rows = session.scalars(query.order_by(LiveAnswer.id)).all()
            return [Answer(r.id, r.slide, r.example_id, r.kind, r.value, r.approved, aware(r.at)) for r in rows]

    def report(self, actor: Actor, code: str) -> list[Answer]:
        """Every answer of the session, for its trainer's report: the owner or an admin only."""
        with Session(self.engine) as session:
            self.owned(session, actor, code)
        return self.answers(code)

    def quiz_counts(self, code: str, slide: int) -> Counter[str]:
        return Counter(a.value for a in self.answers(code, slide) if a.kind == "quiz")

    def participants(self, code: str) -> int:
        with Session(self.engine) as session:
            return session.scalar(select(func.count()).where(LiveParticipant.code == code)) or 0

    def purge(self, older_than_days: int) -> int:
        """Delete the sessions started more than ``older_than_days`` days ago, with their answers and
        participants; how many sessions went."""
        if older_than_days < 0:
            raise ValueError("Give a number of days of 0 or more.")
        cutoff = now() - timedelta(days=older_than_days)
        with Session(self.engine) as session, session.begin():
            old = select(LiveSession.code).where(LiveSession.started_at < cutoff)
            session.execute(delete(LiveAnswer).where(LiveAnswer.code.in_(old)))
            session.execute(delete(LiveParticipant).where(LiveParticipant.code.in_(old)))
            return session.execute(delete(LiveSession).where(LiveSession.started_at < cutoff)).rowcount
