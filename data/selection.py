"""Filters and the pure selection of examples they make (no Streamlit here)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from data.loader import Dataset
from data.schema import FIRST_YEAR, LAST_YEAR
from data.search import nearest, relevance, words


@dataclass(frozen=True)
class Filters:
    sections: tuple[str, ...] = ()  # empty: every section
    countries: tuple[str, ...] = ()
    missions: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    include_undated: bool = True
    text: str = ""
    place: str = ""


@dataclass(frozen=True)
class Selection:
    examples: pd.DataFrame
    places: pd.DataFrame
    total: int

    @property
    def count(self) -> int:
        return len(self.examples)


Masks = dict[str, np.ndarray]  # per filter that is set, the rows it keeps


def any_of(exploded: pd.Series, wanted: Sequence[str], index: pd.Index) -> pd.Series:
    """Rows of ``index`` with at least one exploded value in ``wanted``."""
    return pd.Series(index.isin(exploded.index[exploded.isin(wanted)]), index=index)


def masks(dataset: Dataset, filters: Filters) -> Masks:
    """Per filter that is set, the rows of ``dataset.examples`` it keeps (the facets leave one out)."""
    examples = dataset.examples
    found: Masks = {}
    if filters.sections:
        found["sections"] = examples["section"].isin(filters.sections).to_numpy()
    if filters.countries:
        found["countries"] = any_of(dataset.example_countries, filters.countries, examples.index).to_numpy()
    if filters.missions:
        found["missions"] = any_of(dataset.example_missions, filters.missions, examples.index).to_numpy()
    dated = examples["year_start"].notna().to_numpy()
    if filters.year_from is not None or filters.year_to is not None:
        end = examples["year_end"].where(~examples["open_end"], LAST_YEAR)
        overlaps = (end >= (filters.year_from or FIRST_YEAR)) & (
            examples["year_start"] <= (filters.year_to or LAST_YEAR)
        )
        found["years"] = overlaps.fillna(False).to_numpy(dtype=bool) | ~dated
    if not filters.include_undated:
        found["undated"] = dated
    if words(filters.text):
        found["text"] = text_matches(dataset, filters.text)
    if filters.place:
        found["place"] = (
            examples["id"]
            .isin(dataset.places.loc[dataset.places["place_key"] == filters.place, "example_id"])
            .to_numpy()
        )
    return found


def text_matches(dataset: Dataset, text: str) -> np.ndarray:
    """Rows whose searched text holds every word of ``text``."""
    keep = np.ones(len(dataset.examples), dtype=bool)
    for word in words(text):
        keep &= dataset.search.text.str.contains(word, regex=False).to_numpy()
    return keep


def kept(size: int, found: Masks, leave_out: str = "") -> np.ndarray:
    """The rows every mask but ``leave_out`` keeps."""
    keep = np.ones(size, dtype=bool)
    for name, mask in found.items():
        if name != leave_out:
            keep &= mask
    return keep


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
            count = select(dataset, replace(filters, text=text)).count
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
