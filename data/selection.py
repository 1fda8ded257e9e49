"""The pure selection of examples the filters (``filters.py``) make, and its orderings (no Streamlit here)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from data.filters import Filters, Masks, kept, masks
from data.loader import Dataset
from data.search import nearest, relevance, words


@dataclass(frozen=True)
class Selection:
    examples: pd.DataFrame
    places: pd.DataFrame
    total: int

    @property
    def count(self) -> int:
        return len(self.examples)


def select(dataset: Dataset, filters: Filters, found: Masks | None = None) -> Selection:
    """The examples (and their places) that pass every filter, in dataset order; ``found``: the
    filters' masks where the caller has them already (``masks``), as the facet counts need them too."""
    keep = kept(len(dataset.examples), masks(dataset, filters) if found is None else found)
    places = dataset.places[keep[dataset.places["row"].to_numpy()]]
    return Selection(dataset.examples[keep], places, len(dataset.examples))


def linked_first(selection: Selection, dataset: Dataset, example_id: str) -> pd.DataFrame:
    """The selection's examples with the linked one (``?example=``) first, even where the filters
    leave it out; the selection itself when nothing is linked."""
    if not example_id or example_id not in dataset.id_set:
        return selection.examples
    linked = dataset.examples.iloc[[dataset.id_index.get_loc(example_id)]]
    return pd.concat([linked, selection.examples[selection.examples["id"] != example_id]])


def example_points(dataset: Dataset, example_id: str) -> pd.DataFrame:
    """The places of one example (latitude, longitude, place_key): where the map centres on it."""
    if not example_id or example_id not in dataset.id_set:
        return dataset.places.iloc[0:0]
    return dataset.places[dataset.places["example_id"] == example_id]


def respellings(dataset: Dataset, filters: Filters, limit: int = 3) -> list[tuple[str, int]]:
    """When the search words find nothing: the same search with a word the collection lacks spelt as
    its nearest words, each with the examples it would give (only those that give some)."""
    found = []
    typed = words(filters.text)
    for position, word in enumerate(typed):
        if dataset.search.text.str.contains(word, regex=False).any():
            continue
        for other in nearest(word, dataset.search.words):
            text = " ".join([*typed[:position], other, *typed[position + 1 :]])
            count = select(dataset, filters.but(text=text)).count
            if count:
                found.append((text, count))
    return found[:limit]


def most_relevant_first(selection: Selection, dataset: Dataset, text: str) -> Selection:
    """The selection ordered by how often the searched words occur (in the title three times over)."""
    wanted = words(text)
    if not wanted or selection.count < 2:
        return selection
    rows = selection.examples.index
    score = relevance(selection.examples["title"], dataset.search.text.loc[rows], wanted)
    order = np.argsort(-score, kind="stable")
    return Selection(selection.examples.iloc[order], selection.places, selection.total)
