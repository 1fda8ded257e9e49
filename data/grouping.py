"""Rows grouped by equal keys with numpy: map markers, timeline markers, and work done once per distinct value."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Groups:
    ids: np.ndarray  # the group number of each row, numbered in order of first appearance
    first: np.ndarray  # the position of each group's first row

    @property
    def sizes(self) -> np.ndarray:
        return np.bincount(self.ids, minlength=len(self.first))

    def any(self, flags: Iterable[bool]) -> np.ndarray:
        """Per group: whether any of its rows is flagged."""
        hits = np.bincount(self.ids, weights=np.asarray(flags, dtype=float), minlength=len(self.first))
        return hits > 0

    def varies(self, values: pd.Series) -> np.ndarray:
        """Per group: whether its rows hold more than one distinct value."""
        codes = pd.factorize(values)[0]
        return self.any(codes != codes[self.first][self.ids])

    def leading(self, limit: int) -> np.ndarray:
        """Positions of the first ``limit`` rows of every group (for hover texts that name a few)."""
        order = np.argsort(self.ids, kind="stable")  # rows by group, in their order within it
        starts = np.cumsum(self.sizes) - self.sizes
        rank = np.empty(len(self.ids), dtype=int)
        rank[order] = np.arange(len(self.ids)) - starts[self.ids[order]]
        return np.flatnonzero(rank < limit)

    def join(self, positions: np.ndarray, texts: Iterable[str], separator: str) -> list[str]:
        """Per group: the texts of its rows at ``positions`` (one text per position), joined."""
        parts: list[list[str]] = [[] for _ in self.first]
        for group, text in zip(self.ids[positions].tolist(), texts):
            parts[group].append(text)
        return [separator.join(p) for p in parts]


def group_rows(frame: pd.DataFrame, keys: list[str]) -> Groups:
    """Group ``frame``'s rows by equal ``keys`` (missing values form their own group)."""
    ids = np.zeros(len(frame), dtype=np.int64)
    for key in keys:  # each key's codes folded in (renumbered each time: never beyond the rows' count)
        codes = pd.factorize(frame[key], use_na_sentinel=False)[0]
        ids = pd.factorize(ids * (codes.max(initial=0) + 1) + codes)[0]
    first = np.zeros(ids.max() + 1 if len(ids) else 0, dtype=int)
    first[ids[::-1]] = np.arange(len(ids))[::-1]  # the last write wins: each group's first row
    return Groups(ids=ids, first=first)


def per_distinct(
    frame: pd.DataFrame, compute: Callable[[pd.DataFrame], pd.DataFrame | pd.Series]
) -> pd.DataFrame | pd.Series:
    """``compute`` run on the distinct rows of ``frame`` only, its result spread back to every row.

    Data files repeat their countries, years and coordinates: 100,000 rows hold a few hundred distinct
    values, so per-value Python (pycountry look-ups, parsing lists) runs a few hundred times.
    """
    rows = group_rows(frame, list(frame.columns))
    result = compute(frame.iloc[rows.first].reset_index(drop=True))
    spread = result.iloc[rows.ids]
    spread.index = frame.index
    return spread


def per_value(values: pd.Series, function: Callable[[str], object]) -> pd.Series:
    """``values.map(function)``, calling ``function`` once per distinct value."""
    return per_distinct(values.to_frame(), lambda distinct: distinct.iloc[:, 0].map(function)).rename(values.name)
