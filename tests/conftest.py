"""Datasets shared by the unit tests: the curated examples, and 600 synthetic ones.

The app under test (AppTest, and the browser tests' servers) keeps its collection in a temporary
SQLite file, never in the developer's own ``var/collection.sqlite3``.
"""

import os
import tempfile
from pathlib import Path

import pytest

from bench.synthetic import write_examples
from data.loader import load_dataset

os.environ["DATABASE_URL"] = f"sqlite:///{Path(tempfile.mkdtemp(prefix='ppe-tests-')) / 'collection.sqlite3'}"


@pytest.fixture(scope="session")
def curated():
    return load_dataset()


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory):
    return load_dataset(write_examples(tmp_path_factory.mktemp("synthetic") / "examples.csv", 600))
