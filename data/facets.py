"""How many examples each filter option would give, with the other filters as they are (facet counts):
each filter's own ``facet`` of the registry (``filters.py``)."""

from __future__ import annotations

from typing import Any

from data.filters import FILTERS, Filters, Masks, masks
from data.loader import Dataset


class Facets(dict[str, Any]):
    """filter name → its counts: option → examples for most, year → examples for the years, one
    number for the undated option."""

    def of(self, facet: str, option: str) -> int:
        return self.get(facet, {}).get(option, 0)


def facet_counts(dataset: Dataset, filters: Filters, found: Masks | None = None) -> Facets:
    """``found``: the filters' masks where the caller has them already (``filters.masks``)."""
    found = masks(dataset, filters) if found is None else found
    return Facets({f.name: f.facet(dataset, found) for f in FILTERS if f.facet})
