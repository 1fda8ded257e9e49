"""Datasets shared by the unit tests: the curated examples, and 600 synthetic ones."""

import pytest

from bench.synthetic import write_examples
from data.loader import load_dataset


@pytest.fixture(scope="session")
def curated():
    return load_dataset()


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory):
    return load_dataset(write_examples(tmp_path_factory.mktemp("synthetic") / "examples.csv", 600))
