"""Which database, and an engine for it: an SQLite file by default (WAL), PostgreSQL by ``DATABASE_URL``."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "var" / "collection.sqlite3"


def database_url(configured: str | None = None) -> str:
    """``configured`` (from the app's secrets), else ``DATABASE_URL``, else the embedded SQLite file."""
    url = configured or os.environ.get("DATABASE_URL", "")
    if url:
        return url.replace("postgres://", "postgresql+psycopg://", 1).replace(
            "postgresql://", "postgresql+psycopg://", 1
        )
    DEFAULT_FILE.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_FILE}"


def make_engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def sqlite_settings(connection, _record) -> None:  # every connection: WAL, foreign keys, durable commits
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    return engine
