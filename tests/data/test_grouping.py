"""Grouping rows with numpy, and per-distinct-value work spread back to every row."""

import pandas as pd
import pytest

from data.grouping import group_rows, per_distinct, per_value
from data.schema import looks_like_formula


def test_group_rows_numbers_groups_in_order_of_first_appearance():
    frame = pd.DataFrame({"k": ["b", "a", "b", None, "b"], "v": ["x", "y", "x", "z", "w"]})
    rows = group_rows(frame, ["k"])
    assert rows.ids.tolist() == [0, 1, 0, 2, 0]
    assert rows.first.tolist() == [0, 1, 3]
    assert rows.sizes.tolist() == [3, 1, 1]
    assert rows.any(frame["v"] == "w").tolist() == [True, False, False]
    assert rows.varies(frame["v"]).tolist() == [True, False, False]
    assert rows.leading(2).tolist() == [0, 1, 2, 3]
    assert rows.join(rows.leading(2), ["p", "q", "r", "s"], "+") == ["p+r", "q", "s"]


def test_per_value_calls_once_per_distinct_value_and_keeps_the_index():
    calls = []
    values = pd.Series(["LBR;SLE", "HTI", "LBR;SLE", "HTI", ""], index=[10, 11, 12, 13, 14], name="country")

    def count(cell: str) -> int:
        calls.append(cell)
        return len([c for c in cell.split(";") if c])

    result = per_value(values, count)
    assert sorted(calls) == ["", "HTI", "LBR;SLE"]
    assert result.tolist() == [2, 1, 2, 1, 0]
    assert result.index.tolist() == [10, 11, 12, 13, 14]
    assert result.name == "country"


def test_per_distinct_spreads_frames_row_by_row():
    frame = pd.DataFrame({"a": [1, 2, 1], "b": ["x", "y", "x"]})
    result = per_distinct(frame, lambda d: d.assign(c=d["a"].astype(str) + d["b"]))
    assert result["c"].tolist() == ["1x", "2y", "1x"]
    assert per_distinct(frame.iloc[0:0], lambda d: d["a"] * 2).empty


@pytest.mark.parametrize(
    "cell, formula",
    [
        ("=SUM(A1)", True),
        ("+1", True),
        ("@cmd", True),
        ("-A1", True),
        ("-", True),
        ("-3", False),
        ("-.5", False),
        ("- item", False),
        ("A -1", False),
        ("", False),
    ],
)
def test_formula_cells(cell, formula):
    assert looks_like_formula(pd.Series([cell, "plain text"])).tolist() == [formula, False]
