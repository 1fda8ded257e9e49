"""The whole store as one JSON file, readable by its owner only, and back (into an empty store, or
over a store's own content only when forced).

Every table of the models is in it, in the order their keys need: the collection's revision, the
examples and their history, accounts, saved presentations, live sessions with participants and
answers. A backup holds password hashes and the rooms' answers: it is written with mode 600.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from sqlalchemy import DateTime, Integer, func, insert, select, text
from sqlalchemy.orm import Session

from store.collection import SEED_AUTHOR, Store
from store.models import Base, Example, LiveSession, Person, Presentation, Revision

FORMAT = 2  # 1: {table: rows} (before live sessions were kept); 2: {"format", "tables"}
TABLES = Base.metadata.sorted_tables  # parents before children


class NotEmpty(Exception):
    """A restore over a store holding people's work: nothing is written; the message says what is there."""


def encoded(value: object) -> object:
    return value.isoformat() if isinstance(value, datetime) else value


def write_backup(store: Store, path: Path) -> Path:
    with store.engine.connect() as connection:
        tables = {
            table.name: [{k: encoded(v) for k, v in row._mapping.items()} for row in connection.execute(select(table))]
            for table in TABLES
        }
    content = json.dumps({"format": FORMAT, "tables": tables}, ensure_ascii=False, indent=1)
    partial = path.with_name(f".{path.name}.partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(content)
    os.chmod(partial, 0o600)  # the umask cannot widen it; an older file of that name is replaced whole
    partial.replace(path)
    return path


def holdings(session: Session) -> dict[str, int]:
    """What in the store is people's work (the seed's first edition is not)."""
    return {
        "examples changed by people": session.scalar(
            select(func.count()).select_from(Example).where((Example.version > 1) | (Example.created_by != SEED_AUTHOR))
        )
        or 0,
        "history entries by people": session.scalar(
            select(func.count()).select_from(Revision).where(Revision.author != SEED_AUTHOR)
        )
        or 0,
        "accounts": session.scalar(select(func.count()).select_from(Person)) or 0,
        "saved presentations": session.scalar(select(func.count()).select_from(Presentation)) or 0,
        "live sessions": session.scalar(select(func.count()).select_from(LiveSession)) or 0,
    }


def decoded(table, row: dict) -> dict:
    return {
        key: datetime.fromisoformat(value) if isinstance(table.c[key].type, DateTime) and value else value
        for key, value in row.items()
        if key in table.c
    }


def restore_backup(store: Store, path: Path, force: bool = False) -> int:
    """A backup into a store holding only the seed (which it replaces), or over anything with ``force``.
    Raises ``NotEmpty``, naming what would be replaced, otherwise. Returns how many examples it holds."""
    content = json.loads(path.read_text(encoding="utf-8"))
    tables = content["tables"] if content.get("format") == FORMAT else content  # format 1: the tables alone
    with Session(store.engine) as session, session.begin():
        held = {what: count for what, count in holdings(session).items() if count}
        if held and not force:
            listed = "; ".join(f"{what}: {count:,}" for what, count in held.items())
            raise NotEmpty(
                f"The store already holds people's work ({listed}). A restore replaces everything in it: "
                "back it up first, then restore with --force, or restore into an empty store."
            )
        for table in reversed(TABLES):
            session.execute(table.delete())
        for table in TABLES:
            rows = [decoded(table, row) for row in tables.get(table.name, [])]
            if rows:
                session.execute(insert(table), rows)
        if store.engine.dialect.name == "postgresql":  # ids were given: move each id sequence past them
            for table in TABLES:
                keys = list(table.primary_key.columns)
                if len(keys) == 1 and isinstance(keys[0].type, Integer):
                    session.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{keys[0].name}'), "
                            f"coalesce(max({keys[0].name}), 0) + 1, false) FROM {table.name}"
                        )
                    )
        return session.scalar(select(func.count()).select_from(Example)) or 0
