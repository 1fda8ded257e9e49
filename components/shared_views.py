"""``shared()``: a view's value derived once per dataset object, language and state, for every session
showing that dataset (data/derived.py says why that is safe). A click another viewer made a moment
ago costs a dict lookup instead of a selection, a figure or cards built again."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from components.i18n import current
from data.loader import Dataset

T = TypeVar("T")

# How many of each kind one dataset object keeps (the most recently used): a selection holds a copy of
# its rows (tens of MB at 100,000 examples), a map or a timeline figure a few hundred KB at most (places
# are grouped above 300), a page of cards some 20 KB.
LIMITS = {
    "selection": 8,
    "facets": 64,
    "labels": 256,
    "map": 64,
    "unplaced": 3,
    "timeline": 64,
    "cards": 128,
    "about": 3,
}


def shared(dataset: Dataset, kind: str, key: Hashable, build: Callable[[], T]) -> T:
    """``build()``'s value for ``key`` in this run's language, built the first time it is asked for."""
    return dataset.derived.get(kind, (current(), key), build, LIMITS[kind])
