"""Datasets shared by the unit tests: the curated examples, and 600 synthetic ones.

The app under test (AppTest, and the browser tests' servers) keeps its collection in a temporary
SQLite file, never in the developer's own ``var/collection.sqlite3``.
"""

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, make_url, text

from bench.synthetic import write_examples
from data.loader import load_dataset
from store import accounts
from store.collection import Store
from tests.store.conftest import empty

POSTGRES = os.environ.get("TEST_DATABASE_URL", "")
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")  # gw0, gw1, ... when the tests run in parallel
os.environ["DATABASE_URL"] = f"sqlite:///{Path(tempfile.mkdtemp(prefix='ppe-tests-')) / 'collection.sqlite3'}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The browser tests' files first (a few long files: 340 s of the suite's 475 s), the many short
    files of the rest after them, so that both workers finish together (``--no-loadscope-reorder`` in
    pyproject.toml keeps this order; xdist's own put the longest single tests last)."""
    items.sort(key=lambda item: not item.nodeid.startswith("tests/browser/"))


@pytest.fixture(autouse=True, scope="session")
def quick_hashes():
    """Argon2 at its lightest in this process (the apps the browser tests start, and the commands run
    as processes, hash as deployed): a hash here costs 1 ms instead of 190 ms on this machine."""
    deployed = accounts.HASHER
    accounts.HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    accounts.stand_in_hash.cache_clear()
    yield
    accounts.HASHER = deployed
    accounts.stand_in_hash.cache_clear()


@pytest.fixture(scope="session")
def curated():
    return load_dataset()


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory):
    return load_dataset(write_examples(tmp_path_factory.mktemp("synthetic") / "examples.csv", 600))


# Real SQLite (a file) and real PostgreSQL (``TEST_DATABASE_URL``, which ``.ci/postgres`` starts and
# prints); in CI a missing PostgreSQL fails instead of skipping.
@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'collection.sqlite3'}"
    if not POSTGRES:
        if os.environ.get("CI"):
            pytest.fail("TEST_DATABASE_URL is not set: .ci/run starts PostgreSQL with .ci/postgres")
        pytest.skip("no PostgreSQL: TEST_DATABASE_URL=$(bash .ci/postgres) runs these tests on it")
    return worker_database(POSTGRES)


def worker_database(url: str) -> str:
    """Each parallel worker its own PostgreSQL database (the tests empty it), created once."""
    if not WORKER:
        return url
    base = make_url(url)
    mine = base.set(database=f"{base.database}_{WORKER}")
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": mine.database})
        if not exists.scalar():
            connection.execute(text(f'CREATE DATABASE "{mine.database}"'))
    engine.dispose()
    return mine.render_as_string(hide_password=False)


@pytest.fixture
def store(database_url) -> Iterator[Store]:
    """A fresh store on each database of ``database_url``, the curated examples in it."""
    store = empty(Store(database_url))
    store.ensure_seeded()
    yield store
    store.engine.dispose()
