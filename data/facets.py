"""How many examples each filter option would give, with the other filters as they are (facet counts)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from data.loader import Dataset
from data.schema import LAST_YEAR
from data.selection import Filters, Masks, kept, masks


@dataclass(frozen=True)
class Facets:
    sections: dict[str, int]
    countries: dict[str, int]
    missions: dict[str, int]
    places: dict[str, int]
    years: dict[int, int]  # year → examples whose years include it (the year range left out)
    undated: int  # examples with no stated year (the year range and the undated option left out)

    def of(self, facet: str, option: str) -> int:
        return getattr(self, facet).get(option, 0)


def counted(values: pd.Series, keep: np.ndarray) -> dict[str, int]:
    """Examples per value of an exploded column (indexed by example row) among the rows ``keep`` holds."""
    rows = values.index.to_numpy()
    chosen = values[keep[rows]]
    return chosen.groupby(chosen.to_numpy()).size().to_dict() if len(chosen) else {}


def year_counts(examples: pd.DataFrame, keep: np.ndarray, bounds: tuple[int, int]) -> dict[int, int]:
    start = examples["year_start"].to_numpy(dtype="float64", na_value=np.nan)[keep]
    end = examples["year_end"].where(~examples["open_end"], LAST_YEAR).to_numpy(dtype="float64", na_value=np.nan)[keep]
    years = np.arange(bounds[0], bounds[1] + 1)
    inside = (start[None, :] <= years[:, None]) & (end[None, :] >= years[:, None])
    return dict(zip(years.tolist(), inside.sum(axis=1).tolist()))


def facet_counts(dataset: Dataset, filters: Filters, found: Masks | None = None) -> Facets:
    """``found``: the filters' masks where the caller has them already (``selection.masks``)."""
    examples, places = dataset.examples, dataset.places
    found, size = masks(dataset, filters) if found is None else found, len(examples)
    sections = examples["section"][kept(size, found, "sections")]
    in_places = kept(size, found, "place")[places["row"].to_numpy()]
    place_rows = places.loc[in_places, ["row", "place_key"]].drop_duplicates()
    for_years = kept(size, {k: v for k, v in found.items() if k != "undated"}, "years")
    return Facets(
        sections=sections.value_counts().to_dict(),
        countries=counted(dataset.example_countries, kept(size, found, "countries")),
        missions=counted(dataset.example_missions, kept(size, found, "missions")),
        places=place_rows["place_key"].value_counts().to_dict(),
        years=year_counts(examples, for_years, dataset.year_bounds),
        undated=int((for_years & examples["year_start"].isna().to_numpy()).sum()),
    )
