"""The filter registry: each filter declared once — its URL keys and how they are read and written, the
rows it keeps, its facet counts, its widget and label. The URL (``page.py``), the selection
(``selection.py``), the facet counts (``facets.py``), the widgets (``components/filters.py``,
``components/state.py``) and the export's label (``export.py``) all read ``FILTERS``. Pure (no
Streamlit).

Adding a filter is one ``Filter`` in ``FILTERS`` and its label in the catalogs
(``tests/data/test_filters.py`` adds one and finds it everywhere).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from data.countries import country_name
from data.link import Link
from data.loader import Dataset, search_text
from data.missions import mission_options
from data.schema import FIRST_YEAR, LAST_YEAR
from data.search import words
from data.translations import N_

MAX_TEXT = 200
Masks = dict[str, np.ndarray]  # per filter that is set, the rows it keeps
Bounds = tuple[int, int]  # the dataset's first and last year


@dataclass(frozen=True)
class Filter:
    name: str  # the field of ``Filters`` and of the facet counts
    key: str  # its widget's key, and its URL key unless ``url`` names others
    default: Any
    read: Callable[[Link, Dataset], Any]  # its value from a link, ignored values named
    write: Callable[[Any], dict[str, list[str]]]  # its URL parameters; {} for the default
    mask: Callable[[Dataset, Any], np.ndarray | None]  # the rows a set value keeps (None: all)
    widget: str  # how it is drawn: choices, choice, years, flag or words (components/filters.py)
    label: str  # the widget's label (``N_``: translated where it is drawn)
    facet: Callable[[Dataset, Masks], Any] | None = None  # what each option would give, the others as set
    fit: Callable[[Any, Dataset], Any] = lambda value, dataset: value  # the value a new dataset can show
    names: Callable[[Dataset, str], Mapping[str, str]] | None = None  # options → their names in a language
    placeholder: str = ""  # ``N_``: shown when no option is chosen
    help: str = ""  # ``N_``
    url: tuple[str, ...] = ()  # the URL keys it reads and writes, if not ``key`` alone
    to_widget: Callable[[Any, Bounds], Any] = lambda value, bounds: list(value) if isinstance(value, tuple) else value
    from_widget: Callable[[Any, Bounds], Any] = lambda value, bounds: tuple(value) if isinstance(value, list) else value
    # Per example, what the mask compares, as plain JSON values (a words filter: a column per searched
    # field): the field kit (kit/model.py) filters and counts on them by widget kind, as ``mask`` and
    # ``facet`` do here (tests/browser/test_kit.py checks both agree).
    keys: Callable[[Dataset], list | dict[str, list]] | None = None


def any_of(exploded: pd.Series, wanted: tuple[str, ...], index: pd.Index) -> np.ndarray:
    """Rows of ``index`` with at least one exploded value in ``wanted``."""
    return index.isin(exploded.index[exploded.isin(wanted)])


def kept(size: int, found: Masks, *leave_out: str) -> np.ndarray:
    """The rows every mask but those of ``leave_out`` keeps."""
    keep = np.ones(size, dtype=bool)
    for name, mask in found.items():
        if name not in leave_out:
            keep &= mask
    return keep


def counted(values: pd.Series, keep: np.ndarray) -> dict[str, int]:
    """Examples per value of an exploded column (indexed by example row) among the rows ``keep`` holds."""
    chosen = values[keep[values.index.to_numpy()]]
    return chosen.groupby(chosen.to_numpy()).size().to_dict() if len(chosen) else {}


def many(key: str, column: str, options: str, message: str, upper: bool = False) -> dict[str, Any]:
    """The parts of a filter that keeps the examples with any of the options chosen: its values are
    ``dataset.<options>``, the examples' are the exploded ``dataset.<column>`` (by example row)."""

    def read(link: Link, dataset: Dataset) -> tuple[str, ...]:
        return link.known(key, getattr(dataset, options), link._(message), upper=upper)

    def values(dataset: Dataset) -> pd.Series:
        return dataset.examples["section"] if column == "section" else getattr(dataset, column)

    def mask(dataset: Dataset, chosen: tuple[str, ...]) -> np.ndarray:
        return any_of(values(dataset), chosen, dataset.examples.index)

    def facet(dataset: Dataset, found: Masks) -> dict[str, int]:
        return counted(values(dataset), kept(len(dataset.examples), found, name))

    def keys(dataset: Dataset) -> list[list[str]]:
        exploded = values(dataset)
        grouped = exploded.groupby(level=0).agg(list)
        return [grouped.get(row, []) for row in range(len(dataset.examples))]

    name = {"section": "sections", "country": "countries", "mission": "missions"}[key]
    return {
        "keys": keys,
        "name": name,
        "key": key,
        "default": (),
        "read": read,
        "write": lambda chosen: {key: list(chosen)} if chosen else {},
        "mask": lambda dataset, chosen: mask(dataset, chosen) if chosen else None,
        "facet": facet,
        "fit": lambda chosen, dataset: tuple(c for c in chosen if c in getattr(dataset, options)),
        "widget": "choices",
    }


def read_years(link: Link, dataset: Dataset) -> tuple[int | None, int | None]:
    start, end = link.year("from"), link.year("to")
    if start and end and start > end:
        link.note(link._("Ignored from={start} and to={end}: the start is after the end."), start=start, end=end)
        return (None, None)
    return (start, end)


def write_years(years: tuple[int | None, int | None]) -> dict[str, list[str]]:
    return {key: [str(year)] for key, year in zip(("from", "to"), years) if year is not None}


def mask_years(dataset: Dataset, years: tuple[int | None, int | None]) -> np.ndarray | None:
    """Examples whose years overlap the range, and those with no stated year (their own filter)."""
    if years == (None, None):
        return None
    examples = dataset.examples
    end = examples["year_end"].where(~examples["open_end"], LAST_YEAR)
    overlaps = (end >= (years[0] or FIRST_YEAR)) & (examples["year_start"] <= (years[1] or LAST_YEAR))
    return overlaps.fillna(False).to_numpy(dtype=bool) | examples["year_start"].isna().to_numpy()


def year_counts(dataset: Dataset, found: Masks) -> dict[int, int]:
    """year → examples whose years include it (the year range and the undated option left out)."""
    examples, (first, last) = dataset.examples, dataset.year_bounds
    keep = kept(len(examples), found, "years", "include_undated")
    start = examples["year_start"].to_numpy(dtype="float64", na_value=np.nan)[keep]
    end = examples["year_end"].where(~examples["open_end"], LAST_YEAR).to_numpy(dtype="float64", na_value=np.nan)[keep]
    years = np.arange(first, last + 1)
    inside = (start[None, :] <= years[:, None]) & (end[None, :] >= years[:, None])
    return dict(zip(years.tolist(), inside.sum(axis=1).tolist()))


def year_keys(dataset: Dataset) -> list[list[int] | None]:
    """[first, last] year per example (an open end runs to the last year), None when no year is stated."""
    examples = dataset.examples
    end = examples["year_end"].where(~examples["open_end"], LAST_YEAR)
    return [None if pd.isna(start) else [int(start), int(stop)] for start, stop in zip(examples["year_start"], end)]


def fit_years(years: tuple[int | None, int | None], dataset: Dataset) -> tuple[int | None, int | None]:
    """A range that covers all the dataset's years is no range at all; one outside them is dropped."""
    lowest, highest = dataset.year_bounds
    start = years[0] if years[0] is not None and years[0] > lowest else None
    end = years[1] if years[1] is not None and years[1] < highest else None
    if start is not None and start > highest or end is not None and end < lowest:
        return (None, None)
    return (start, end)


def undated_count(dataset: Dataset, found: Masks) -> int:
    keep = kept(len(dataset.examples), found, "years", "include_undated")
    return int((keep & dataset.examples["year_start"].isna().to_numpy()).sum())


def text_matches(dataset: Dataset, text: str) -> np.ndarray:
    """Rows whose searched text holds every word of ``text``."""
    keep = np.ones(len(dataset.examples), dtype=bool)
    for word in words(text):
        keep &= dataset.search.text.str.contains(word, regex=False).to_numpy()
    return keep


def searched_columns(dataset: Dataset) -> dict[str, list[str]]:
    """The words filter's keys: the searched text (folded as ``data.search.fold``) one column per field,
    so that the kit's languages repeat none of English's where a field is English's; joined with a
    space they are ``dataset.search.text`` itself."""
    return {name: search_text(dataset.examples[[name]]).tolist() for name in dataset.search.columns}


def read_place(link: Link, dataset: Dataset) -> str:
    places = link.known("place", dataset.place_set, link._("Ignored {key}={value}: no such place with examples."))
    return places[-1] if places else ""


def place_counts(dataset: Dataset, found: Masks) -> dict[str, int]:
    places = dataset.places
    rows = places.loc[kept(len(dataset.examples), found, "place")[places["row"].to_numpy()], ["row", "place_key"]]
    return rows.drop_duplicates()["place_key"].value_counts().to_dict()


FILTERS: list[Filter] = [
    Filter(
        **many("section", "section", "section_set", N_("Ignored {key}={value}: no such section.")),
        label=N_("Thematic sections"),
        names=lambda dataset, lang: dataset.section_names,
        placeholder=N_("All sections"),
    ),
    Filter(
        **many(
            "country",
            "example_countries",
            "country_set",
            N_("Ignored {key}={value}: no such country with examples."),
            upper=True,
        ),
        label=N_("Country"),
        names=lambda dataset, lang: {c: f"{country_name(c, lang)} · {c}" for c in dataset.country_options},
        placeholder=N_("All countries"),
    ),
    Filter(
        **many(
            "mission",
            "example_missions",
            "mission_set",
            N_("Ignored {key}={value}: no such mission with examples."),
            upper=True,
        ),
        label=N_("Mission"),
        names=mission_options,
        placeholder=N_("All missions"),
    ),
    Filter(
        name="years",
        key="years",
        url=("from", "to"),
        default=(None, None),
        read=read_years,
        write=write_years,
        mask=mask_years,
        facet=year_counts,
        fit=fit_years,
        widget="years",
        keys=year_keys,
        label=N_("Years"),
        to_widget=lambda years, bounds: (years[0] or bounds[0], years[1] or bounds[1]),
        from_widget=lambda years, bounds: (
            years[0] if years[0] > bounds[0] else None,
            years[1] if years[1] < bounds[1] else None,
        ),
    ),
    Filter(
        name="include_undated",
        key="undated",
        default=True,
        read=lambda link, dataset: link.flag("undated", True),
        write=lambda include: {} if include else {"undated": ["false"]},
        mask=lambda dataset, include: None if include else dataset.examples["year_start"].notna().to_numpy(),
        facet=undated_count,
        widget="flag",
        keys=lambda dataset: dataset.examples["year_start"].notna().tolist(),  # kept when the flag is unset
        label=N_("Include examples with no stated year"),
    ),
    Filter(
        name="text",
        key="q",
        default="",
        read=lambda link, dataset: (link.last("q") or [""])[-1][:MAX_TEXT],
        write=lambda text: {"q": [text]} if text else {},
        mask=lambda dataset, text: text_matches(dataset, text) if words(text) else None,
        widget="words",
        keys=lambda dataset: searched_columns(dataset),
        label=N_("Search words"),
        placeholder=N_("e.g. radio, police, quota"),
        help=N_("Case and accents are optional; every word must be found. Found words are highlighted."),
        from_widget=lambda text, bounds: text or "",
    ),
    Filter(
        name="place",
        key="place",
        default="",
        read=read_place,
        write=lambda place: {"place": [place]} if place else {},
        mask=lambda dataset, place: (
            dataset.examples["id"]
            .isin(dataset.places.loc[dataset.places["place_key"] == place, "example_id"])
            .to_numpy()
            if place
            else None
        ),
        facet=place_counts,
        fit=lambda place, dataset: place if place in dataset.place_set else "",
        widget="choice",
        keys=lambda dataset: [
            sorted(set(group))
            for group in dataset.places.groupby("row")["place_key"]
            .agg(list)
            .reindex(range(len(dataset.examples)), fill_value=[])
        ],
        label=N_("Place (or click a map point)"),
        names=lambda dataset, lang: {key: dataset.place_labels[key] for key in dataset.place_options},
        placeholder=N_("All places"),
        from_widget=lambda place, bounds: place or "",
    ),
]


def named(name: str) -> Filter:
    return next(f for f in FILTERS if f.name == name)


def url_keys() -> list[str]:
    """Every URL key a filter reads."""
    return [key for f in FILTERS for key in f.url or (f.key,)]


class Filters:
    """The filters' values (a frozen value; those not given are their filter's default)."""

    __slots__ = ("_values",)

    def __init__(self, **values: Any):
        unknown = set(values) - {f.name for f in FILTERS}
        if unknown:
            raise TypeError(f"no such filter: {', '.join(sorted(unknown))}")
        defaults = {f.name: f.default for f in FILTERS}
        object.__setattr__(self, "_values", {k: v for k, v in values.items() if v != defaults[k]})

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._values:
            return self._values[name]
        try:
            return named(name).default
        except StopIteration:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Filters are frozen: use .but()")

    def but(self, **changes: Any) -> Filters:
        return Filters(**(self._values | changes))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Filters) and self._values == other._values

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._values.items())))

    @property
    def selects(self) -> Hashable:
        """What the filters select, as a key: a many-valued filter's options chosen in any order are one
        (the order they were chosen in is the widget's and the URL's only)."""
        return tuple(
            (k, tuple(sorted(v)) if named(k).widget == "choices" else v) for k, v in sorted(self._values.items())
        )

    def __repr__(self) -> str:
        return f"Filters({', '.join(f'{k}={v!r}' for k, v in self._values.items())})"

    def to_url(self) -> dict[str, list[str]]:
        """The URL parameters of the filters that are set, in the registry's order."""
        return {k: v for f in FILTERS for k, v in f.write(getattr(self, f.name)).items()}


def read_filters(link: Link, dataset: Dataset) -> Filters:
    return Filters(**{f.name: f.read(link, dataset) for f in FILTERS})


def fit_filters(filters: Filters, dataset: Dataset) -> Filters:
    """The filters with the values ``dataset`` lacks left out (after an upload replaced the examples)."""
    return Filters(**{f.name: f.fit(getattr(filters, f.name), dataset) for f in FILTERS})


def masks(dataset: Dataset, filters: Filters) -> Masks:
    """Per filter that is set, the rows of ``dataset.examples`` it keeps (the facets leave one out)."""
    found = {f.name: f.mask(dataset, getattr(filters, f.name)) for f in FILTERS}
    return {name: mask for name, mask in found.items() if mask is not None}
