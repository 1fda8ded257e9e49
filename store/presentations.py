"""Saved presentations: a trainer's deck kept in the store, opened by a short link (``?p=<slug>``).

Each example is pinned to the version it was saved with, so opening a deck can say which examples
changed since. Saving needs the editor role; renaming, updating, noting and deleting a deck need its
owner or an admin. Every write checks that here, whatever the page showed.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from data.search import fold
from store.accounts import aware
from store.collection import Store, now
from store.models import Example, Presentation
from store.roles import Actor, NotAllowed, allowed, require

MAX_TITLE = 200


@dataclass(frozen=True)
class Item:
    id: str
    version: int
    note: str = ""  # the trainer's note for this slide


@dataclass(frozen=True)
class Saved:
    slug: str
    title: str
    owner: str
    items: tuple[Item, ...]
    lang: str
    content_note: bool
    closing: bool
    created_at: datetime
    changed_at: datetime

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items)

    @property
    def notes(self) -> dict[str, str]:
        return {item.id: item.note for item in self.items if item.note}


def saved(row: Presentation) -> Saved:
    return Saved(
        slug=row.slug,
        title=row.title,
        owner=row.owner,
        items=tuple(Item(i["id"], int(i["version"]), i.get("note", "")) for i in row.items),
        lang=row.lang,
        content_note=row.content_note,
        closing=row.closing,
        created_at=aware(row.created_at),
        changed_at=aware(row.changed_at),
    )


def may_change(actor: Actor | None, owner: str) -> bool:
    """A saved presentation (or a live session) is changed by its owner (still allowed to present) or an admin."""
    return allowed(actor, "present") and actor is not None and (actor.name == owner or actor.role == "admin")


def owned_row(session: Session, model: type, key: str, actor: Actor | None, what: str):
    """The row of ``model`` at ``key`` locked for a change by ``actor``, if they may make it (``may_change``)."""
    require(actor, "present")
    row = session.get(model, key, with_for_update=True)
    if row is None:
        raise LookupError(f"No {what} {key!r}.")
    if not may_change(actor, row.owner):
        raise NotAllowed(f"{actor.name} may not change the {what} {key!r}: only its owner ({row.owner}) or an admin.")
    return row


def new_slug(title: str) -> str:
    """A short link that says what it is: the title's first words, then random letters."""
    words = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")[:24].strip("-")
    return f"{words}-{secrets.token_hex(3)}" if words else secrets.token_hex(4)


class Presentations:
    def __init__(self, store: Store) -> None:
        self.engine = store.engine

    def published_versions(self, session: Session, ids: Sequence[str]) -> dict[str, int]:
        rows = session.execute(
            select(Example.id, Example.published_version).where(
                Example.id.in_(list(ids)), Example.published_version.is_not(None)
            )
        )
        return {example_id: version for example_id, version in rows}

    def save(
        self,
        actor: Actor,
        title: str,
        ids: Sequence[str],
        *,
        lang: str = "en",
        content_note: bool = True,
        closing: bool = True,
        notes: Mapping[str, str] | None = None,
    ) -> str:
        """A new saved presentation of the published examples ``ids`` in that order; its slug."""
        require(actor, "present")
        title = title.strip()
        if not title or len(title) > MAX_TITLE:
            raise ValueError(f"Give the presentation a title of 1 to {MAX_TITLE} characters.")
        ids = list(dict.fromkeys(ids))
        if not ids:
            raise ValueError("A presentation needs at least one example.")
        with Session(self.engine) as session, session.begin():
            versions = self.published_versions(session, ids)
            missing = [i for i in ids if i not in versions]
            if missing:
                raise ValueError(f"Not published examples of the collection: {', '.join(missing[:10])}.")
            slug = new_slug(title)
            moment = now()
            notes = notes or {}
            session.add(
                Presentation(
                    slug=slug,
                    title=title,
                    owner=actor.name,
                    items=[{"id": i, "version": versions[i], "note": notes.get(i, "")} for i in ids],
                    lang=lang,
                    content_note=content_note,
                    closing=closing,
                    created_at=moment,
                    changed_at=moment,
                )
            )
        return slug

    def get(self, slug: str) -> Saved | None:
        with Session(self.engine) as session:
            row = session.get(Presentation, slug)
            return saved(row) if row else None

    def listing(self) -> list[Saved]:
        """Every saved presentation, the most recently changed first."""
        with Session(self.engine) as session:
            rows = session.scalars(select(Presentation).order_by(Presentation.changed_at.desc())).all()
            return [saved(row) for row in rows]

    def changed_since(self, deck: Saved) -> list[str]:
        """The deck's examples whose published version is no longer the one it was saved with."""
        with Session(self.engine) as session:
            versions = self.published_versions(session, deck.ids)
        return [item.id for item in deck.items if versions.get(item.id) != item.version]

    def owned(self, session: Session, actor: Actor, slug: str) -> Presentation:
        return owned_row(session, Presentation, slug, actor, "saved presentation")

    def rename(self, actor: Actor, slug: str, title: str) -> None:
        title = title.strip()
        if not title or len(title) > MAX_TITLE:
            raise ValueError(f"Give the presentation a title of 1 to {MAX_TITLE} characters.")
        with Session(self.engine) as session, session.begin():
            row = self.owned(session, actor, slug)
            row.title, row.changed_at = title, now()

    def set_note(self, actor: Actor, slug: str, example_id: str, note: str) -> None:
        with Session(self.engine) as session, session.begin():
            row = self.owned(session, actor, slug)
            row.items = [{**i, "note": note.strip()} if i["id"] == example_id else i for i in row.items]
            row.changed_at = now()

    def update_versions(self, actor: Actor, slug: str) -> list[str]:
        """Pin the deck to the current versions; examples no longer published leave it. Returns those."""
        with Session(self.engine) as session, session.begin():
            row = self.owned(session, actor, slug)
            versions = self.published_versions(session, [i["id"] for i in row.items])
            gone = [i["id"] for i in row.items if i["id"] not in versions]
            row.items = [{**i, "version": versions[i["id"]]} for i in row.items if i["id"] in versions]
            row.changed_at = now()
            return gone

    def duplicate(self, actor: Actor, slug: str, title: str = "") -> str:
        """A copy owned by ``actor`` (anyone who may save presentations may copy one)."""
        require(actor, "present")
        original = self.get(slug)
        if original is None:
            raise LookupError(f"No saved presentation {slug!r}.")
        copy = Presentation(
            slug=new_slug(title or original.title),
            title=(title or original.title).strip()[:MAX_TITLE],
            owner=actor.name,
            items=[{"id": i.id, "version": i.version, "note": i.note} for i in original.items],
            lang=original.lang,
            content_note=original.content_note,
            closing=original.closing,
            created_at=now(),
            changed_at=now(),
        )
        slug = copy.slug
        with Session(self.engine) as session, session.begin():
            session.add(copy)
        return slug

    def delete(self, actor: Actor, slug: str) -> None:
        with Session(self.engine) as session, session.begin():
            session.delete(self.owned(session, actor, slug))
