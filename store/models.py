"""The tables: one row for the collection's revision, the examples, their append-only history, people,
saved presentations."""

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
    """The current version of an example: its cells (the examples file's columns) as text."""

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
    """A local account: an Argon2 hash, never a password; failures slow further attempts down."""

    __tablename__ = "people"
    name: Mapped[str] = mapped_column(String(120), primary_key=True)
    role: Mapped[str] = mapped_column(String(12))
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


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
