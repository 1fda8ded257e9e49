"""Emptying a store's database (the ``store`` fixture: tests/conftest.py)."""

from sqlalchemy import text

from store.collection import Store
from store.models import Base


def empty(store: Store) -> Store:
    with store.engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    return store
