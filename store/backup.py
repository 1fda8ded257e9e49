"""The whole store as one JSON file, and back (into an empty store)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from store.collection import Store
from store.models import Collection, Example, Person, Presentation, Revision

TABLES = (Collection, Example, Revision, Person, Presentation)


def row_dict(row) -> dict:
    return {
        c.name: (v.isoformat() if isinstance(v := getattr(row, c.name), datetime) else v) for c in row.__table__.columns
    }


def write_backup(store: Store, path: Path) -> Path:
    with Session(store.engine) as session:
        content = {model.__tablename__: [row_dict(r) for r in session.scalars(select(model))] for model in TABLES}
    path.write_text(json.dumps(content, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def restore_backup(store: Store, path: Path) -> int:
    """A backup into a store with no example of its own but the seed (which it replaces)."""
    content = json.loads(path.read_text(encoding="utf-8"))
    with Session(store.engine) as session, session.begin():
        authors = set(session.scalars(select(Revision.author)))
        if authors - {"seed"}:
            raise ValueError("The store already holds changes made by people: restore into an empty store.")
        for model in reversed(TABLES):
            session.execute(delete(model))
        for model in TABLES:
            for row in content.get(model.__tablename__, []):
                values = {
                    k: (datetime.fromisoformat(v) if k.endswith(("_at", "at", "_until")) and v else v)
                    for k, v in row.items()
                }
                session.add(model(**values))
        session.flush()
        if store.engine.dialect.name == "postgresql":  # ids were given: move the id sequence past them
            session.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence('example_revisions', 'id'), "
                    "coalesce(max(id), 0) + 1, false) FROM example_revisions"
                )
            )
        return session.scalar(select(func.count()).select_from(Example)) or 0
