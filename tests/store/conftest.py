"""A fresh store on real SQLite (a file) and on real PostgreSQL (``TEST_DATABASE_URL``, which
``.ci/postgres`` starts and prints); in CI a missing PostgreSQL fails instead of skipping."""

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from store.collection import Store
from store.models import Base

POSTGRES = os.environ.get("TEST_DATABASE_URL", "")


def empty(store: Store) -> Store:
    with store.engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    return store


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'collection.sqlite3'}"
    if not POSTGRES:
        if os.environ.get("CI"):
            pytest.fail("TEST_DATABASE_URL is not set: .ci/run starts PostgreSQL with .ci/postgres")
        pytest.skip("no PostgreSQL: TEST_DATABASE_URL=$(bash .ci/postgres) runs these tests on it")
    return POSTGRES


@pytest.fixture
def store(database_url) -> Iterator[Store]:
    store = empty(Store(database_url))
    store.ensure_seeded()
    yield store
    store.engine.dispose()
