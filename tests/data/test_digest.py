"""The shared caches' key: any change to what a handout renders gives another key."""

import io
from dataclasses import replace

import pandas as pd
import pytest

from data.digest import rendered_digest
from data.export import to_xlsx
from data.loader import load_dataset


@pytest.fixture(scope="module")
def curated():
    return load_dataset()


def another(value: object) -> object:
    """A different value of the same kind."""
    if isinstance(value, tuple):
        return (*value, "X")
    if isinstance(value, str):
        return f"{value}x"
    if isinstance(value, bool):
        return not value
    return 1 if pd.isna(value) else value + 1


def test_every_cell_of_every_column_is_in_the_key(curated):
    key = rendered_digest(curated.examples, curated, "en")
    assert key == rendered_digest(curated.examples.copy(), curated, "en")  # same content, same key
    for column in curated.examples.columns:
        changed = curated.examples.astype({column: object})
        changed.at[3, column] = another(changed.at[3, column])
        assert rendered_digest(changed, curated, "en") != key, column


def test_the_order_language_and_version_are_in_the_key(curated):
    key = rendered_digest(curated.examples, curated, "en")
    assert rendered_digest(curated.examples.iloc[::-1], curated, "en") != key
    assert rendered_digest(curated.examples, curated, "fr") != key
    assert rendered_digest(curated.examples, replace(curated, version="9.9.9"), "en") != key


def test_a_stored_vertical_tab_does_not_break_the_xlsx_export(curated):
    examples = curated.examples.copy()
    examples.loc[0, "summary"] = "pasted\x0bfrom a PDF"
    sheet = pd.read_excel(io.BytesIO(to_xlsx(examples, curated)), dtype=str)
    assert sheet.loc[0, "summary"] == "pastedfrom a PDF"
