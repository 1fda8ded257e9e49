"""A fresh store on each database of ``database_url`` (tests/conftest.py)."""

from collections.abc import Iterator

import pytest
from sqlalchemy import text

from store.collection import Store
from store.models import Base


def empty(store: Store) -> Store:
    with store.engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    return store


@pytest.fixture
def store(database_url) -> Iterator[Store]:
    store = empty(Store(database_url))
    store.ensure_seeded()
    yield store
    store.engine.dispose()
