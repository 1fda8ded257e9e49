"""Filters and the pure selection of examples they make (no Streamlit here)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from data.loader import Dataset
from data.schema import FIRST_YEAR, LAST_YEAR
from data.translations import Translate, untranslated

URL_KEYS = ("section", "country", "mission", "from", "to", "q", "undated", "place", "view", "ids", "slide", "lang")


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


def any_of(exploded: pd.Series, wanted: Sequence[str], index: pd.Index) -> pd.Series:
    """Rows of ``index`` with at least one exploded value in ``wanted``."""
    return pd.Series(index.isin(exploded.index[exploded.isin(wanted)]), index=index)


def select(dataset: Dataset, filters: Filters) -> Selection:
    """The examples (and their places) that pass every filter, in dataset order."""
    examples = dataset.examples
    keep = pd.Series(True, index=examples.index)
    if filters.sections:
        keep &= examples["section"].isin(filters.sections)
    if filters.countries:
        keep &= any_of(dataset.example_countries, filters.countries, examples.index)
    if filters.missions:
        keep &= any_of(dataset.example_missions, filters.missions, examples.index)
    dated = examples["year_start"].notna()
    if filters.year_from is not None or filters.year_to is not None:
        end = examples["year_end"].where(~examples["open_end"], LAST_YEAR)
        overlaps = (end >= (filters.year_from or FIRST_YEAR)) & (
            examples["year_start"] <= (filters.year_to or LAST_YEAR)
        )
        keep &= overlaps.fillna(False).astype(bool) | ~dated
    if not filters.include_undated:
        keep &= dated
    for word in filters.text.lower().split():
        keep &= dataset.search.text.str.contains(word, regex=False)
    if filters.place:
        keep &= examples["id"].isin(dataset.places.loc[dataset.places["place"] == filters.place, "example_id"])
    chosen = examples[keep]
    places = dataset.places[keep.to_numpy()[dataset.places["row"].to_numpy()]]
    return Selection(chosen, places, len(examples))


def parse_year(values: Sequence[str], name: str, notices: list[str], _: Translate = untranslated) -> int | None:
    """A year from a URL value, or None with a notice when it is not a year in range."""
    if not values or not values[-1]:
        return None
    text = values[-1].strip()
    if re.fullmatch(r"[0-9]{4}", text) and FIRST_YEAR <= int(text) <= LAST_YEAR:
        return int(text)
    notices.append(
        _("Ignored {key}={value}: not a year between {first} and {last}.").format(
            key=name, value=repr(text[:40]), first=FIRST_YEAR, last=LAST_YEAR
        )
    )
    return None


def parse_query(
    params: Mapping[str, Sequence[str]], dataset: Dataset, _: Translate = untranslated
) -> tuple[Filters, list[str]]:
    """Filters from URL parameters; every unknown or malformed value becomes a notice."""
    notices: list[str] = []

    def known(key: str, options: set[str], message: str, upper: bool = False) -> tuple[str, ...]:
        kept = []
        for value in params.get(key, []):
            value = value.strip().upper() if upper else value.strip()
            if value in options:
                kept.append(value)
            elif value:
                notices.append(message.format(key=key, value=repr(value[:40])))
        return tuple(dict.fromkeys(kept))

    year_from = parse_year(params.get("from", []), "from", notices, _)
    year_to = parse_year(params.get("to", []), "to", notices, _)
    if year_from and year_to and year_from > year_to:
        notices.append(
            _("Ignored from={start} and to={end}: the start is after the end.").format(start=year_from, end=year_to)
        )
        year_from = year_to = None
    unknown = sorted(set(params) - set(URL_KEYS))
    if unknown:
        notices.append(_("Ignored unknown parameter(s): {keys}.").format(keys=", ".join(k[:40] for k in unknown[:5])))
    filters = Filters(
        sections=known("section", set(dataset.sections["slug"]), _("Ignored {key}={value}: no such section.")),
        countries=known(
            "country",
            set(dataset.country_options),
            _("Ignored {key}={value}: no such country with examples."),
            upper=True,
        ),
        missions=known(
            "mission",
            set(dataset.mission_options),
            _("Ignored {key}={value}: no such mission with examples."),
            upper=True,
        ),
        year_from=year_from,
        year_to=year_to,
        include_undated=(params.get("undated", ["true"])[-1].casefold() != "false"),
        text=(params.get("q", [""])[-1])[:200],
        place=next(
            iter(
                known("place", set(dataset.place_options), _("Ignored {key}={value}: no such place with examples."))[
                    -1:
                ]
            ),
            "",
        ),
    )
    return filters, notices
