"""The tables: one row for the collection's revision, the examples, their append-only history, people
(with their organisation sign-in's binding), saved presentations, live sessions with their participants
and answers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Collection(Base):
    """One row: bumped by every change, so every app process can tell its cached dataset is stale."""

    __tablename__ = "collection"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, default=0)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Example(Base):
    """The current version of an example: its cells (the examples file's columns) as text, and the
    version viewers see (None: not on screen), kept while a change to it waits for a reviewer."""

    __tablename__ = "examples"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    status: Mapped[str] = mapped_column(String(12), index=True)  # draft, published, retired
    version: Mapped[int] = mapped_column(Integer)  # 1, 2, ...: refuses a save made on an older one
    position: Mapped[int] = mapped_column(Integer, index=True)  # the order examples were added in
    cells: Mapped[dict] = mapped_column(JSON)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    changed_by: Mapped[str] = mapped_column(String(120))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    published_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    published_cells: Mapped[dict | None] = mapped_column(JSON, nullable=True)


class Revision(Base):
    """A full snapshot of an example after each change: never updated, never deleted."""

    __tablename__ = "example_revisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    example_id: Mapped[str] = mapped_column(ForeignKey("examples.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12))
    cells: Mapped[dict] = mapped_column(JSON)
    author: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    reason: Mapped[str] = mapped_column(Text)


class Person(Base):
    """An account: an Argon2 hash, never a password (or none: it signs in through the organisation,
    bound to the provider's issuer and subject at its first sign-in); recent wrong passwords slow
    further attempts down; ``epoch`` moves on with each password or role change, ending its sessions."""

    __tablename__ = "people"
    name: Mapped[str] = mapped_column(String(120), primary_key=True)
    role: Mapped[str] = mapped_column(String(12))
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    failures: Mapped[int] = mapped_column(Integer, default=0)
    failed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    epoch: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    issuer: Mapped[str | None] = mapped_column(String(300), nullable=True)
    subject: Mapped[str | None] = mapped_column(String(300), nullable=True)


class Presentation(Base):
    """A trainer's saved deck: examples in order, each pinned to the version it was saved with."""

    __tablename__ = "presentations"
    slug: Mapped[str] = mapped_column(String(40), primary_key=True)  # the short link: ?p=<slug>
    title: Mapped[str] = mapped_column(String(200))
    owner: Mapped[str] = mapped_column(String(120), index=True)
    items: Mapped[list] = mapped_column(JSON)  # [{"id": ..., "version": ..., "note": ...}, ...]
    lang: Mapped[str] = mapped_column(String(5))
    content_note: Mapped[bool] = mapped_column(Boolean)
    closing: Mapped[bool] = mapped_column(Boolean)  # the sources slide
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class LiveSession(Base):
    """A training session the room follows: where the trainer is, and what the room may answer.
    ``revision`` is bumped by every trainer's change, so a follower's poll is one read by key."""

    __tablename__ = "live_sessions"
    code: Mapped[str] = mapped_column(String(8), primary_key=True)  # ?join=<code>
    slug: Mapped[str] = mapped_column(String(40))  # the saved presentation shown
    owner: Mapped[str] = mapped_column(String(120))
    base_url: Mapped[str] = mapped_column(Text)  # the address participants open (the join link's start)
    slide: Mapped[int] = mapped_column(Integer, default=0)  # an index into the deck's slides
    activity: Mapped[str] = mapped_column(String(8), default="")  # "", "quiz" or "prompt"
    results_shown: Mapped[bool] = mapped_column(Boolean, default=False)
    reveal: Mapped[bool] = mapped_column(Boolean, default=False)  # place and section first, then the summary
    summary_shown: Mapped[bool] = mapped_column(Boolean, default=True)
    revision: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class LiveParticipant(Base):
    """A browser that joined: a random id, nothing else about the person."""

    __tablename__ = "live_participants"
    code: Mapped[str] = mapped_column(ForeignKey("live_sessions.code", ondelete="CASCADE"), primary_key=True)
    participant: Mapped[str] = mapped_column(String(32), primary_key=True)


class LiveAnswer(Base):
    """An anonymous answer: a quiz choice (one per participant and slide) or a short text, shown to
    the room only once the trainer approves it."""

    __tablename__ = "live_answers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(ForeignKey("live_sessions.code", ondelete="CASCADE"), index=True)
    slide: Mapped[int] = mapped_column(Integer)
    example_id: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(8))  # "quiz" or "text"
    participant: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(Text)
    approved: Mapped[bool] = mapped_column(Boolean, default=False)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
